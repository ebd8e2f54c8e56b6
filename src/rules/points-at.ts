import { fieldCodes, type Code, type Target } from '../issues/codes.js';

/**
 * Where a finding of a code points in a file (see `Target`): what its field code or its rule
 * declares with `at`, the value by default. Built over the rules a caller can meet, so that
 * `validate` on payload files loads the contract's rules and not every reader's.
 */
export function targetsOf(rules: readonly { code: string; at?: Target }[]): (code: Code) => Target {
  let targets: Map<string, Target> | undefined;
  return (code) => {
    targets ??= new Map<string, Target>([
      ...Object.entries(fieldCodes).flatMap(([c, meta]) => ('at' in meta ? [[c, meta.at] as const] : [])),
      ...rules.flatMap((r) => (r.at ? [[r.code, r.at] as const] : [])),
    ]);
    return targets.get(code) ?? 'value';
  };
}
