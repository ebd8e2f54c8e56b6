/*
 * Exploring the combinations of the choices a template leaves open (a parameter's values, a
 * condition that cannot be decided), lazily: a run asks for a choice only when it meets one, so
 * only the choices that matter to a task are ever combined. Combinations are made one at a time,
 * as they are consumed, so that no more of them than the caller wants are ever made or kept.
 */

export interface Option<T> {
  /** The fact this option stands for, as a finding names it: `parameter Env = "prod"`. */
  label: string;
  value: T;
}

/** Returns the option taken for `key` (options: at least one); the same key gets the same answer within one run. */
export type Choose = <T>(key: string, options: readonly Option<T>[]) => T;

export interface Outcome<R> {
  result: R;
  /** The labels of the options this run took, in the order it met them. */
  assumptions: string[];
}

/**
 * The combinations of the options `run` meets, each run once, as they are iterated: first the
 * runs that take the i-th option of every choice (the last one where a choice has fewer), so that
 * the first few runs already take every option of every choice at least once; then every other
 * combination, depth first, replaying the choices made so far. At most `limit` runs are yielded.
 * `run` must be deterministic given its choices; an exception it throws ends the iteration.
 */
export class Exploration<R> implements Iterable<Outcome<R>> {
  /** Whether every combination was yielded (set when the iteration ends by itself). */
  complete = false;
  /** Whether the runs yielded so far took every option of every choice they met at least once. */
  covered = false;
  /** How many runs were yielded. */
  count = 0;

  constructor(
    private readonly run: (choose: Choose) => R,
    private readonly limit: number,
  ) {}

  *[Symbol.iterator](): Iterator<Outcome<R>> {
    const seen = new Set<string>();
    /** For each choice met by the covering runs, how many options it has and which were taken. */
    const met = new Map<string, { options: number; taken: Set<number> }>();
    // The covering runs: run k takes option min(k, options - 1) of each choice it meets.
    for (let k = 0; ; k++) {
      if (this.count >= this.limit) return;
      const taken: number[] = [];
      const outcome = this.once((key, options) => {
        const index = Math.min(k, options - 1);
        const choice = met.get(key) ?? met.set(key, { options, taken: new Set() }).get(key)!;
        choice.taken.add(index);
        if (options > 1) taken.push(index);
        return index;
      });
      seen.add(taken.join(','));
      const choices = [...met.values()];
      const last = k + 1 >= Math.max(1, ...choices.map((c) => c.options));
      if (last) {
        this.covered = choices.every((c) => c.taken.size === c.options);
        // A first run that met no choice of more than one option is the only combination there is.
        this.complete = choices.every((c) => c.options === 1);
      }
      this.count++;
      yield outcome;
      if (this.complete) return;
      if (last) break;
    }
    // Every other combination, depth first. Whether one is left is known before each is yielded.
    let script: number[] = [];
    for (;;) {
      const trail: { index: number; count: number }[] = [];
      const outcome = this.once((_key, options) => {
        const index = options > 1 ? (script[trail.length] ?? 0) : 0;
        if (options > 1) trail.push({ index, count: options });
        return index;
      });
      let depth = trail.length - 1;
      while (depth >= 0 && trail[depth]!.index + 1 >= trail[depth]!.count) depth--;
      const fresh = !seen.has(trail.map((t) => t.index).join(','));
      if (fresh && this.count >= this.limit) return;
      if (depth < 0) this.complete = true;
      if (fresh) {
        this.count++;
        yield outcome;
      }
      if (depth < 0) return;
      script = [...trail.slice(0, depth).map((t) => t.index), trail[depth]!.index + 1];
    }
  }

  /** One run, taking for each choice the option `pick` gives (by its key and number of options). */
  private once(pick: (key: string, options: number) => number): Outcome<R> {
    const taken = new Map<string, unknown>();
    const assumptions: string[] = [];
    const choose: Choose = (key, options) => {
      if (taken.has(key)) return taken.get(key) as (typeof options)[number]['value'];
      const option = options[pick(key, options.length)]!;
      taken.set(key, option.value);
      assumptions.push(option.label);
      return option.value;
    };
    return { result: this.run(choose), assumptions };
  }
}

export function explore<R>(run: (choose: Choose) => R, limit: number): Exploration<R> {
  return new Exploration(run, limit);
}
