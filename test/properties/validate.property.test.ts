import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { severityRank } from '../../src/issues/codes.js';
import { toPointer } from '../../src/issues/issue.js';
import { KINDS, OPERATION_NAMES } from '../../src/operations/index.js';
import { validate } from '../../src/validate/validate.js';
import { anyKey, faultyPayloadArbitrary, fileValue, hostileValue, placeAt, placesOf, schemaOf, validPayloadArbitrary, type Drawn, type Make } from '../support/arbitraries.js';
import { partiesFor, PARTIES, RULE_FAULTS, type Party } from '../support/cases.js';
import { clone } from '../support/payloads.js';
import { check, pooled, ran, summary, timeoutFor } from '../support/property.js';

/*
 * Properties of validate() over generated payloads (test/support/arbitraries.ts): it answers
 * whatever it is given, a valid payload of every task type passes, every single fault the metadata
 * allows is caught where it is, and every party of the case table gives the same verdict.
 */

const RUNS = { hostile: 300, valid: 80, faults: 300, rules: 100, parties: 200 };

/** Valid payloads to put faults and values in (in CI, a pool drawn once: drawing one takes some 20 ms). */
const base = pooled(validPayloadArbitrary(), 40);

/** A payload with a value built at one of its places (a new member where the place is one): built when the test runs. */
interface Placed extends Omit<Drawn, 'data'> {
  make(): unknown;
}

function somewhere(value: fc.Arbitrary<Make>): fc.Arbitrary<Placed> {
  return fc.tuple(base, value, fc.nat(), anyKey).map(([drawn, make, pick, key]) => {
    const places = placesOf(schemaOf(drawn.operation, drawn.kind, drawn.data), drawn.data);
    const place = places[pick % places.length]!.map((s) => (s === '\0new' ? key : s));
    return { ...drawn, make: () => placeAt(drawn.data, place, make()), label: `${drawn.label} with a value at /${place.map(String).join('/')}` };
  });
}

function wellFormed(result: ReturnType<typeof validate>): void {
  expect(typeof result.valid).toBe('boolean');
  expect(Array.isArray(result.issues) && Array.isArray(result.unknown)).toBe(true);
  for (const issue of result.issues) {
    expect(severityRank[issue.severity], issue.code).toBeGreaterThan(0);
    expect(typeof issue.message).toBe('string');
    expect(issue.pointer).toBe(toPointer(issue.path));
  }
  expect(result.valid).toBe(!result.issues.some((i) => i.severity === 'error'));
  // The CLI prints issues as JSON: they must serialize, whatever the payload held.
  expect(() => JSON.stringify(result.issues)).not.toThrow();
}

describe('validate() over generated payloads', () => {
  it('never throws, and answers with well-formed issues, whatever the value and wherever it is', { timeout: timeoutFor(RUNS.hostile) }, () => {
    const anywhere = fc.oneof(
      somewhere(hostileValue),
      fc.tuple(hostileValue, fc.constantFrom(...OPERATION_NAMES), fc.constantFrom(...KINDS)).map(([make, operation, kind]): Placed => ({ operation, kind, make, label: 'a value as the payload' })),
    );
    check('validate() never throws', anywhere, (c) => {
      for (const representation of ['wire', 'sdk'] as const) wellFormed(validate(c.operation, c.kind, c.make(), { representation }));
    }, RUNS.hostile);
  });

  it('passes every valid payload it generates, and leaves it as it was', { timeout: timeoutFor(RUNS.valid) }, () => {
    check('valid payloads validate', validPayloadArbitrary(), (c) => {
      const before = clone(c.data);
      const result = validate(c.operation, c.kind, c.data);
      expect(result.issues.filter((i) => i.severity === 'error'), c.label).toEqual([]);
      expect(result.valid).toBe(true);
      expect(c.data).toEqual(before);
    }, RUNS.valid);
  });

  it('catches every single fault at its path', { timeout: timeoutFor(RUNS.faults) }, () => {
    check('every fault is caught at its path', faultyPayloadArbitrary(base), (c) => {
      const before = clone(c.data);
      const { valid, issues } = validate(c.operation, c.kind, c.data);
      const at = issues.filter((i) => i.severity === 'error' && toPointer(i.path) === toPointer(c.fault.path)).map((i) => i.code);
      expect(valid, c.label).toBe(false);
      expect(at.some((code) => c.fault.expect.includes(code)), `${c.label}: expected ${c.fault.expect.join(' or ')} at ${toPointer(c.fault.path)}, got ${JSON.stringify(issues.map((i) => `${i.code} ${i.pointer}`))}`).toBe(true);
      expect(c.data).toEqual(before);
    }, RUNS.faults);
  });

  it('catches every error-level rule that a generated payload is broken for', { timeout: timeoutFor(RUNS.rules) }, () => {
    const broken = fc.tuple(base, fc.constantFrom(...Object.keys(RULE_FAULTS))).map(([drawn, id]) => {
      const fault = RULE_FAULTS[id]!;
      const data = drawn.kind === 'request' && drawn.operation === fault.operation ? fault.apply(drawn.data as Record<string, unknown>) : undefined;
      return { ...drawn, id, data };
    });
    check('every rule fault is caught', broken, (c) => {
      if (c.data === undefined) return;
      expect(validate(c.operation, c.kind, c.data).issues.map((i) => i.rule), `${c.label} broken for ${c.id}`).toContain(c.id);
    }, RUNS.rules);
  });

  it(`gets the same verdict from every party (${PARTIES.map((p) => p.name).join(', ')}) on valid, faulty and arbitrary payloads`, { timeout: timeoutFor(RUNS.parties) }, () => {
    const cases = fc.oneof(base, faultyPayloadArbitrary(base), somewhere(fileValue.map((v) => () => v)).map((p) => ({ ...p, data: p.make() })));
    check('every party agrees', cases, (c) => {
      // On what JSON Schema expresses, every party; on the whole contract, the parties that judge it all.
      for (const [parties, verdict] of [
        [partiesFor(c), (p: Party) => p.expressible(c)],
        [PARTIES.filter((p) => !p.jsonOnly), (p: Party) => p.valid(c)],
      ] as const) {
        const verdicts = parties.map((p) => `${p.name}: ${verdict(p) ? 'valid' : 'invalid'}`);
        const distinct = new Set(verdicts.map((v) => v.split(': ')[1]));
        expect(distinct.size, `${c.label}\n${JSON.stringify(c.data)}\n${verdicts.join('\n')}`).toBe(1);
      }
    }, RUNS.parties);
  });
});

afterAll(() => console.log(summary(ran)));
