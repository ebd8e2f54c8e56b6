/*
 * Exploring every combination of the choices a template leaves open (a parameter's values, a
 * condition that cannot be decided), lazily: a run asks for a choice only when it meets one, so
 * only the choices that matter to a task are ever combined.
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
 * Runs `run` once per combination of the options it meets (depth first, replaying the choices
 * made so far), at most `limit` times. `run` must be deterministic given its choices.
 */
export function explore<R>(run: (choose: Choose) => R, limit: number): { outcomes: Outcome<R>[]; truncated: boolean } {
  const outcomes: Outcome<R>[] = [];
  let script: number[] = [];
  for (;;) {
    const trail: { index: number; count: number }[] = [];
    const taken = new Map<string, unknown>();
    const assumptions: string[] = [];
    const choose: Choose = (key, options) => {
      if (taken.has(key)) return taken.get(key) as (typeof options)[number]['value'];
      let index = 0;
      if (options.length > 1) {
        index = script[trail.length] ?? 0;
        trail.push({ index, count: options.length });
      }
      const option = options[index]!;
      taken.set(key, option.value);
      assumptions.push(option.label);
      return option.value;
    };
    outcomes.push({ result: run(choose), assumptions });
    let depth = trail.length - 1;
    while (depth >= 0 && trail[depth]!.index + 1 >= trail[depth]!.count) depth--;
    if (depth < 0) return { outcomes, truncated: false };
    if (outcomes.length >= limit) return { outcomes, truncated: true };
    script = [...trail.slice(0, depth).map((t) => t.index), trail[depth]!.index + 1];
  }
}
