import { describe, expect, it } from 'vitest';
import { rules, rulesFor } from '../../src/rules/index.js';
import { validate } from '../../src/validate/validate.js';
import { expectIssues } from '../support/expect.js';
import { loadFixtures } from '../support/payloads.js';

const good = loadFixtures('good');
const bad = loadFixtures('bad');

describe('the rule registry', () => {
  it('has unique, well-formed ids and codes', () => {
    const ids = rules.map((r) => r.id);
    const codes = rules.map((r) => r.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^MW\d{3}$/);
      expect(r.code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has a title, a description and quoted sources', (_, r) => {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.description.length).toBeGreaterThan(20);
    for (const s of r.sources) {
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.quote.length).toBeGreaterThan(10);
    }
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s says how it appears in JSON Schema', (_, r) => {
    // Zod drops refinements from JSON Schema silently: an error rule must be expressed or marked validator-only.
    if (r.severity === 'error') expect(['schema', 'validator-only']).toContain(r.jsonSchema.form);
    else expect(r.jsonSchema.form).toBe('annotation');
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has a good and a bad fixture', (_, r) => {
    expect(good.filter((f) => f.name.startsWith(`${r.id}.`)).length).toBeGreaterThan(0);
    expect(bad.filter((f) => f.name.startsWith(`${r.id}.`)).length).toBeGreaterThan(0);
  });
});

describe('bad fixtures raise exactly their expected issues', () => {
  it.each(bad.map((f) => [f.name, f] as const))('%s', (_, f) => {
    const result = validate(f.operation, f.kind, f.payload, f.httpStatus ? { httpStatus: f.httpStatus } : {});
    for (const severity of ['error', 'warning', 'info'] as const) {
      expectIssues(result.issues, f.issues.filter((i) => i.severity === severity), severity);
    }
    // The rule named by the fixture is among them.
    expect(result.issues.some((i) => i.rule === f.name.split('.')[0])).toBe(true);
  });
});

describe('rules read raw payloads of any shape without throwing', () => {
  const junk = [{}, { TaskType: 5 }, { Targets: 'x', TaskType: 'RUN_COMMAND' }, { Targets: [null, 1, 'x', [], { Key: 5, Values: 'v' }] }, { TaskInvocationParameters: [], TaskType: 'LAMBDA' }, { Filters: [null, { Key: 'STATUS', Values: [1, null] }] }, { __type: 5 }, { LoggingInfo: null, TaskParameters: 'x', TaskType: 'AUTOMATION' }];
  it.each(rules.map((r) => [r.id, r] as const))('%s', (_, r) => {
    for (const payload of junk) for (const operation of r.appliesTo.operations) expect(() => r.check(payload as Record<string, unknown>, { operation, kind: r.appliesTo.kind, httpStatus: 500 })).not.toThrow();
  });

  it('applies each rule only to its operation and kind', () => {
    expect(rulesFor('DescribeMaintenanceWindowExecutionTaskInvocations', 'request').map((r) => r.id)).toEqual(['MW020', 'MW021', 'MW022']);
    expect(rulesFor('RegisterTaskWithMaintenanceWindow', 'response')).toEqual([]);
  });
});
