/**
 * `make` answered once per object: the answer is kept for as long as the object lives (a WeakMap),
 * and later calls with the same object get it back. For facts derived from a value that does not
 * change once made: a parsed schedule, a template, a reader.
 */
export function oncePer<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const known = new WeakMap<K, T>();
  return (key) => {
    // One lookup for a kept answer: `has` is asked only when the answer may be a kept undefined.
    const kept = known.get(key);
    if (kept !== undefined || known.has(key)) return kept as T;
    const answer = make(key);
    known.set(key, answer);
    return answer;
  };
}
