import { describe, expect, it } from 'vitest';
import { DRAFTS } from '../../src/generate/json-schema.js';
import { rulesFor } from '../../src/rules/index.js';
import { OPERATION_NAMES } from '../../src/operations/index.js';
import { validate } from '../../src/validate/validate.js';
import { validateWithZod } from '../support/validate-zod.js';
import type { ValidateFunction } from 'ajv';
import { ajvValidator, committedSchema, strictAjv } from '../support/ajv.js';
import { contractCases, expressibleVerdict, jsonCases, RULE_FAULTS, RUNS, SEED, type ContractCase } from '../support/cases.js';

/*
 * The differential test: every case of the shared table goes through validate() (the checks
 * compiled from the Zod schemas, src/compiled/), through the Zod schemas themselves
 * (validateWithZod, test/support/validate-zod.ts) and through strict ajv on the committed JSON Schemas,
 * 2020-12 and draft-07. Their verdicts must agree. The
 * JSON Schema party only sees what JSON can carry (see jsonCases): Uint8Array and Date values,
 * UNKNOWN markers and the HTTP status of an error body are for validate() alone.
 */

const all = contractCases();
const cases = jsonCases();

type Draft = (typeof DRAFTS)[number];

function disagreements(draft: Draft, list: readonly ContractCase[], validatorOf: (c: ContractCase) => ValidateFunction = (c) => ajvValidator(c.operation, c.kind, draft)): string[] {
  const out: string[] = [];
  for (const c of list) {
    const ajv = validatorOf(c);
    const theirs = ajv(c.data);
    for (const [party, ours] of [
      ['validate()', validate(c.operation, c.kind, c.data)],
      ['the Zod schemas', validateWithZod(c.operation, c.kind, c.data)],
    ] as const) {
      // What JSON Schema cannot express (validator-only rules: the schedule dialect, ...) is validate()'s alone.
      const verdict = expressibleVerdict(ours);
      if (verdict === theirs) continue;
      out.push(
        [
          `${c.description} (${c.operation} ${c.kind}): ${party} says ${verdict ? 'valid' : 'invalid'} (validator-only rules aside), ajv (${draft}) says ${theirs ? 'valid' : 'invalid'}`,
          `  payload: ${JSON.stringify(c.data)}`,
          `  ${party}: ${JSON.stringify(ours.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.pointer}`))}`,
          `  ajv: ${JSON.stringify((ajv.errors ?? []).slice(0, 5).map((e) => `${e.keyword} ${e.instancePath} ${e.schemaPath}`))}`,
        ].join('\n'),
      );
    }
  }
  return out;
}

describe(`the shared case table (${all.length} cases, ${cases.length} JSON-representable; fast-check seed ${SEED})`, () => {
  it('has every source, every operation and kind, and both verdicts', () => {
    for (const source of ['fixture', 'spec-example', 'constraint', 'regex-edge', 'property', 'rule-fault'] as const) expect(cases.some((c) => c.source === source), source).toBe(true);
    for (const operation of OPERATION_NAMES) {
      for (const kind of ['request', 'response', 'error'] as const) {
        const mine = cases.filter((c) => c.operation === operation && c.kind === kind);
        const verdicts = new Set(mine.map((c) => validate(c.operation, c.kind, c.data).valid));
        expect([...verdicts].sort(), `${operation} ${kind}`).toEqual([false, true]);
      }
    }
  });

  it('generates valid payloads for every task type, targeted and targetless (RUN_COMMAND targetless breaks MW001)', () => {
    const generated = cases.filter((c) => c.source === 'property' && c.kind === 'request' && c.operation === 'RegisterTaskWithMaintenanceWindow' && !c.description.endsWith('with one fault'));
    for (const c of generated) {
      const { valid, issues } = validate(c.operation, c.kind, c.data);
      const runCommandTargetless = c.description.includes('RUN_COMMAND targetless');
      expect(valid, `${c.description}: ${JSON.stringify(issues.filter((i) => i.severity === 'error'))}`).toBe(!runCommandTargetless);
    }
  });

  it('breaks every error-level rule that JSON Schema expresses', () => {
    for (const operation of OPERATION_NAMES) {
      for (const rule of rulesFor(operation, 'request').filter((r) => r.severity === 'error' && r.jsonSchema.form === 'schema')) {
        expect(RULE_FAULTS[rule.id], `${rule.id} needs a fault in test/support/cases.ts RULE_FAULTS`).toBeDefined();
        const broken = cases.filter((c) => c.description.endsWith(`broken for ${rule.id}`));
        expect(broken.length, rule.id).toBeGreaterThan(0);
        for (const c of broken) expect(validate(c.operation, c.kind, c.data).issues.map((i) => i.rule)).toContain(rule.id);
      }
    }
  });

  it.each(DRAFTS.map((d) => [d]))('validate(), the Zod schemas and ajv (%s, strict) agree on every case', (draft) => {
    const found = disagreements(draft, cases);
    expect(found, found.join('\n\n')).toEqual([]);
  });

  it('would catch a schema that lost its rules (the comparison can fail)', () => {
    const requests = cases.filter((c) => c.kind === 'request');
    for (const draft of DRAFTS) {
      const withoutRules = new Map(
        OPERATION_NAMES.map((op) => {
          const { allOf: _rules, ...schema } = committedSchema(op, 'request', draft);
          return [op, strictAjv(draft).compile(schema)] as const;
        }),
      );
      const found = disagreements(draft, requests, (c) => withoutRules.get(c.operation)!);
      expect(found.length, draft).toBeGreaterThan(RUNS);
    }
  });
});
