import fc from 'fast-check';
import { operations } from '../src/operations/index.js';
import { INVOCATION_MEMBER, type TaskType } from '../src/rules/types.js';
import { validate } from '../src/validate/validate.js';
import { faultsOf, registerRequestArbitrary } from '../test/support/arbitraries.js';
import { isJsonValue, RULE_FAULTS } from '../test/support/cases.js';

/*
 * The benchmark's corpus: RegisterTaskWithMaintenanceWindow requests generated from the schema
 * metadata by the same generators the tests use (test/support/arbitraries.ts), from a fixed seed,
 * so every run measures the same payloads. Valid ones over every task type, targeted and
 * targetless (RUN_COMMAND only targeted: targetless breaks MW001), with the optional members drawn
 * at random; and copies with exactly one fault each, drawn among every fault the metadata allows
 * at every place of the payload (test/support/arbitraries.ts faultsOf) and every documented rule
 * that JSON Schema expresses (test/support/cases.ts RULE_FAULTS).
 */

export const CORPUS_SEED = 20140611;
/**
 * A second corpus, from another seed: payloads beyond the one the bench has always measured (and
 * that the code may have been tuned on), made the same way. Both are reported.
 */
export const HELD_OUT_SEED = 77301;

export interface Corpus {
  valid: Record<string, unknown>[];
  invalid: unknown[];
  /** What the invalid payloads break: fault labels without their place, rule ids. */
  faults: Map<string, number>;
}

const OPERATION = 'RegisterTaskWithMaintenanceWindow';

function validPayloads(count: number, seed: number): Record<string, unknown>[] {
  const kinds: [TaskType, boolean][] = (Object.keys(INVOCATION_MEMBER) as TaskType[]).flatMap((t): [TaskType, boolean][] => (t === 'RUN_COMMAND' ? [[t, true]] : [[t, true], [t, false]]));
  const arbitrary = fc.integer({ min: 0, max: kinds.length - 1 }).chain((k) => registerRequestArbitrary(kinds[k]![0], kinds[k]![1]));
  return fc.sample(arbitrary, { seed, numRuns: count });
}

/** Every single fault of a valid payload: constraint faults at each place, and rule faults. */
function faultsOfPayload(payload: Record<string, unknown>): { label: string; payload: unknown }[] {
  const constraints = faultsOf(operations[OPERATION].request, payload).map((f) => ({ label: f.name.replace(/ at \/.*$/, ''), payload: f.payload }));
  const rules = Object.entries(RULE_FAULTS)
    .filter(([, f]) => f.operation === OPERATION)
    .flatMap(([id, f]) => {
      const broken = f.apply(payload);
      return broken ? [{ label: id, payload: broken }] : [];
    });
  return [...constraints, ...rules];
}

/** A payload as it arrives: parsed from JSON text (the corpus is JSON), not as the generator assembled it. */
const asParsed = <T>(payload: T): T => JSON.parse(JSON.stringify(payload)) as T;

export function buildCorpus(size: number, seed = CORPUS_SEED): Corpus {
  const valid = validPayloads(size, seed).map(asParsed);
  for (const p of valid) {
    const r = validate(OPERATION, 'request', p);
    if (!r.valid || !isJsonValue(p)) throw new Error(`the corpus generator made a payload that is not valid JSON for the contract: ${JSON.stringify(r.issues)}`);
  }
  const picks = fc.sample(fc.nat(), { seed: seed + 1, numRuns: size });
  const faults = new Map<string, number>();
  const invalid = valid.map((p, i) => {
    // Rule faults are few beside the faults at every place: give them every fifth pick.
    const all = faultsOfPayload(p);
    const ruleFaults = all.filter((f) => /^MW\d{3}$/.test(f.label));
    const pool = i % 5 === 0 && ruleFaults.length ? ruleFaults : all;
    const fault = pool[picks[i]! % pool.length]!;
    faults.set(fault.label, (faults.get(fault.label) ?? 0) + 1);
    return asParsed(fault.payload);
  });
  return { valid, invalid, faults };
}

/** The bench's two corpora, each with the label its tables give it: the seed it has always used, and the held-out one. */
export function benchCorpora(size: number): { label: string; seed: number; corpus: Corpus }[] {
  return [
    { label: 'bench', seed: CORPUS_SEED, corpus: buildCorpus(size, CORPUS_SEED) },
    { label: 'held-out', seed: HELD_OUT_SEED, corpus: buildCorpus(size, HELD_OUT_SEED) },
  ];
}

/** Each corpus's valid and invalid payloads apart, named `<label> valid` and `<label> invalid`. */
export function payloadSets(corpora: readonly { label: string; corpus: Corpus }[]): [string, readonly unknown[]][] {
  return corpora.flatMap(({ label, corpus }): [string, readonly unknown[]][] => [
    [`${label} valid`, corpus.valid],
    [`${label} invalid`, corpus.invalid],
  ]);
}
