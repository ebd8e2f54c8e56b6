/**
 * `make` answered once per object: the answer is kept for as long as the object lives (a WeakMap),
 * and later calls with the same object get it back. For facts derived from a value that does not
 * change once made: a parsed schedule, a template, a reader.
 */
export function oncePer<K extends object, T>(make: (key: K) => T): (key: K) => T {
  const known = new WeakMap<K, T>();
  return (key) => {
    if (known.has(key)) return known.get(key) as T;
    const answer = make(key);
    known.set(key, answer);
    return answer;
  };
}
