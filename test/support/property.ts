import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { SEED } from './cases.js';

/*
 * How property tests run. In CI (`npm test`): the fixed seed of the case table and a few hundred
 * runs per property, sized so that all of them together stay well under a minute. `npm run fuzz`
 * (scripts/fuzz.ts) sets FUZZ=1 and runs each property for FUZZ_RUNS cases or FUZZ_SECONDS seconds,
 * from a seed it prints (FC_SEED to replay one); every property reports how many cases it ran.
 */

export const FUZZ = process.env.FUZZ === '1';
const FUZZ_RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
const FUZZ_SECONDS = process.env.FUZZ_SECONDS ? Number(process.env.FUZZ_SECONDS) : undefined;

/** Where each property appends `{ name, runs, seed }` (scripts/fuzz.ts reads it back). */
const REPORT = process.env.FUZZ_REPORT;

/**
 * In CI, `arbitrary` drawn once into a pool that cases pick from: for arbitraries that are slow to
 * draw (payloads whose strings match AWS's patterns), so that CI's runs go to what is done with them.
 * Under FUZZ=1 the arbitrary itself.
 */
export function pooled<T>(arbitrary: fc.Arbitrary<T>, size: number): fc.Arbitrary<T> {
  if (FUZZ) return arbitrary;
  return fc.constantFrom(...fc.sample(arbitrary, { seed: SEED, numRuns: size }));
}

/** A generous per-test timeout: a property's own time limit, plus the time its last case may take. */
export function timeoutFor(ciRuns: number): number {
  if (!FUZZ) return 120_000 + ciRuns * 10;
  return ((FUZZ_SECONDS ?? 0) + 120) * 1000 + (FUZZ_RUNS ?? 0) * 20;
}

export interface PropertyRun {
  name: string;
  runs: number;
  seed: number;
}

/** Every property run of this process, in order. */
export const ran: PropertyRun[] = [];

/**
 * Runs a property with the CI size, or the fuzz size under FUZZ=1, and throws fast-check's report
 * (with the seed and path that replay the failing case, shrunk) when a case fails.
 */
export function check<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean | void, ciRuns: number): PropertyRun {
  const parameters: fc.Parameters<[T]> = FUZZ
    ? {
        seed: SEED,
        numRuns: FUZZ_SECONDS !== undefined ? Number.MAX_SAFE_INTEGER : (FUZZ_RUNS ?? ciRuns * 20),
        ...(FUZZ_SECONDS !== undefined ? { interruptAfterTimeLimit: FUZZ_SECONDS * 1000, markInterruptAsFailure: false } : {}),
      }
    : { seed: SEED, numRuns: ciRuns };
  const details = fc.check(fc.property(arbitrary, predicate), parameters);
  const run = { name, runs: details.numRuns, seed: SEED };
  ran.push(run);
  if (REPORT) appendFileSync(REPORT, JSON.stringify(run) + '\n');
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? `\n\n${details.errorInstance.message}` : '';
    throw new Error(`${name}: ${fc.defaultReportMessage(details) ?? 'failed'}${cause}`);
  }
  return run;
}

/** One line for the log: how many cases the properties of a file ran, from which seed. */
export function summary(runs: readonly PropertyRun[]): string {
  const total = runs.reduce((n, r) => n + r.runs, 0);
  return `fast-check: ${total} cases over ${runs.length} properties (seed ${SEED}${FUZZ ? ', fuzzing' : ''}): ${runs.map((r) => `${r.name} ${r.runs}`).join(', ')}`;
}
