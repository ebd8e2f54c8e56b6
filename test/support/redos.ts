import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checkSync, type Diagnostics } from 'recheck';
import { awsPatterns, generatedPatterns, sourcePatterns, type Pattern } from './patterns.js';
import { ROOT } from './spec.js';

/*
 * recheck's verdicts on every pattern the project runs, made independent of the clock: every time
 * limit of the analysis is off (`null`), so only its step limits (attackLimit, incubationLimit,
 * the automaton's sizes) and its fixed seed decide, and the same pattern gets the same verdict on a
 * quiet machine and on a loaded one (with its default 10 s timeout, one pattern's analysis took 6.3 s
 * on a loaded CI machine and failed). Recall validation, the one step that runs an attack in a real
 * engine against a time limit, stays off as recheck has it by default (recallTimeout -1000).
 *
 * The analysis of all patterns takes 10 to 40 s, so its verdicts are kept in test/redos-verdicts.json
 * with the recheck version and these parameters: test/redos.test.ts reads a verdict from there when
 * both match and analyses any other pattern itself, and fails while the file is stale. Rewrite it
 * with `npx tsx scripts/redos.ts` (`--check` compares without writing).
 */

export const RECHECK_PARAMETERS = { timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null, randomSeed: 0 } as const;

export const VERDICTS_FILE = join(ROOT, 'test', 'redos-verdicts.json');

export function recheckVersion(): string {
  const manifest = createRequire(join(ROOT, 'package.json')).resolve('recheck/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export interface DistinctPattern {
  key: string;
  source: string;
  flags: string;
  /** Every place that uses it. */
  places: string[];
  /** The longest text AWS allows where it applies, 0 when nothing bounds it. */
  maxLength: number;
}

/** Every pattern the project runs (test/support/patterns.ts), one entry per source and flags. */
export function distinctPatterns(): { distinct: DistinctPattern[]; all: Pattern[]; unlisted: string[] } {
  const { patterns: ours, unlisted } = sourcePatterns();
  const all: Pattern[] = [...awsPatterns(), ...generatedPatterns(), ...ours];
  const byKey = new Map<string, Pattern[]>();
  for (const p of all) byKey.set(`/${p.source}/${p.flags}`, [...(byKey.get(`/${p.source}/${p.flags}`) ?? []), p]);
  const distinct = [...byKey.entries()].map(([key, places]) => ({
    key,
    source: places[0]!.source,
    flags: places[0]!.flags,
    places: places.map((p) => p.where),
    maxLength: Math.max(0, ...places.map((p) => p.maxLength ?? 0)),
  }));
  return { distinct, all, unlisted };
}

/** What the test needs of a diagnosis: the status, and for a vulnerable pattern how and by what attack. */
export interface Verdict {
  status: Diagnostics['status'];
  checker?: 'automaton' | 'fuzz';
  complexity?: string;
  attack?: string;
  error?: string;
}

export function analyse(p: { source: string; flags: string }): Verdict {
  const d = checkSync(p.source, p.flags, RECHECK_PARAMETERS);
  if (d.status === 'vulnerable') return { status: d.status, checker: d.checker, complexity: d.complexity.type, attack: d.attack.pattern };
  if (d.status === 'unknown') return { status: d.status, ...(d.checker ? { checker: d.checker } : {}), error: d.error.kind };
  return { status: d.status, checker: d.checker };
}

export interface VerdictFile {
  recheck: string;
  parameters: typeof RECHECK_PARAMETERS;
  verdicts: Record<string, Verdict>;
}

export function readVerdicts(): VerdictFile | undefined {
  try {
    return JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as VerdictFile;
  } catch {
    return undefined;
  }
}

/** The verdicts file's content for these patterns (keys sorted, so it diffs well). */
export function verdictFile(verdicts: ReadonlyMap<string, Verdict>): string {
  const sorted = Object.fromEntries([...verdicts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ recheck: recheckVersion(), parameters: RECHECK_PARAMETERS, verdicts: sorted }, null, 2)}\n`;
}
