import { describe, expect, it } from 'vitest';
import { operations } from '../src/operations/index.js';
import { rules } from '../src/rules/index.js';
import { acrossRules } from '../src/readers/across/rules/index.js';
import { metaOf } from '../src/shapes/meta.js';
import { findingsOf, lintFile } from '../src/lint/engine.js';
import { validate } from '../src/validate/validate.js';
import { expectIssues } from './support/expect.js';
import { casesFor } from './support/faults.js';
import { declaredConstraints } from './support/metadata.js';
import { specDecisions, specExamples, specOperations, specRules, type SpecExample } from './support/spec.js';

/*
 * spec/ is the contract as documented; these tests walk it, so a documented constraint, rule or
 * decision without a test cannot exist, and the schemas cannot enforce anything spec/ does not say.
 */

const modelErrorsAt = (issues: ReturnType<typeof validate>['issues'], path: readonly unknown[]) =>
  issues.filter((i) => i.severity === 'error' && !i.rule && JSON.stringify(i.path) === JSON.stringify(path));

describe.each(specOperations.map((s) => [s.operation, s] as const))('spec/%s.yaml', (_, spec) => {
  const op = operations[spec.operation];

  it('has unique, well-formed constraint ids', () => {
    const ids = spec.constraints.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of spec.constraints) expect(c.id).toBe(`${spec.operation}.${c.id.split('.')[1]}.${c.path}.${c.constraint}`);
  });

  it('lists exactly the constraints the schemas enforce', () => {
    for (const kind of ['request', 'response'] as const) {
      const declared = declaredConstraints(op[kind]).map((d) => `${d.path} ${d.constraint} ${JSON.stringify(d.value)} (${d.shape})`);
      const documented = spec.constraints
        .filter((c) => c.id.startsWith(`${spec.operation}.${kind}.`))
        .map((c) => `${c.path} ${c.constraint} ${JSON.stringify(c.value)} (${c.shape})`);
      expect(declared.sort()).toEqual(documented.sort());
    }
  });

  it('lists the operation’s errors with their HTTP status', () => {
    const declared = op.errors.map((e) => {
      const meta = metaOf(e);
      return { name: meta.shape, httpStatus: meta.type === 'structure' ? meta.exception?.httpStatus : undefined };
    });
    expect(declared).toEqual(spec.errors.map(({ name, httpStatus }) => ({ name, httpStatus })));
  });

  describe.each(spec.constraints.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const { pass, fail } = casesFor(spec.operation, c, spec.constraints);

    it('has a failing case unless it cannot be broken', () => {
      if (c.vacuous) expect(fail).toEqual([]);
      else expect(fail.length).toBeGreaterThan(0);
      expect(pass.length).toBeGreaterThan(0);
    });

    it.each(pass.map((p) => [p.name, p] as const))('%s', (_, p) => {
      expect(modelErrorsAt(validate(p.operation, p.kind, p.payload).issues, p.path)).toEqual([]);
    });

    it.each(fail.map((f) => [f.name, f] as const))('%s', (_, f) => {
      const { issues, valid } = validate(f.operation, f.kind, f.payload);
      expect(valid).toBe(false);
      expect(issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`)).toContain(`${f.expect.code} ${JSON.stringify(f.expect.path)}`);
    });
  });
});

/** The contract's rules (src/rules) and the rules across resources (src/readers/across/rules), which read requests of several operations. */
const documentedRules = [
  ...rules.map((r) => ({
    id: r.id,
    code: r.code,
    ...('codes' in r && r.codes ? { codes: [...r.codes] } : {}),
    severity: r.severity,
    kind: r.appliesTo.kind,
    operations: [...r.appliesTo.operations],
    sources: r.sources,
  })),
  ...acrossRules.map((r) => ({ id: r.id, code: r.code, codes: undefined, severity: r.severity, kind: 'request', operations: [...r.operations], sources: r.sources })),
];

describe('spec/rules.yaml', () => {
  it('lists every rule of src/rules and src/readers/across/rules, and nothing else', () => {
    expect(specRules.map((r) => r.id)).toEqual(documentedRules.map((r) => r.id));
  });

  it.each(specRules.map((r) => [r.id, r] as const))('%s matches its implementation', (_, documented) => {
    const rule = documentedRules.find((r) => r.id === documented.id)!;
    expect({
      code: rule.code,
      ...(rule.codes ? { codes: rule.codes } : {}),
      severity: rule.severity,
      kind: rule.kind,
      operations: rule.operations,
      source: rule.sources[0].url,
      quote: rule.sources[0].quote,
    }).toEqual({
      code: documented.code,
      ...(documented.codes ? { codes: documented.codes } : {}),
      severity: documented.severity,
      kind: documented.kind,
      operations: documented.operations,
      source: documented.source,
      quote: documented.quote,
    });
  });

  it('points only at decisions that exist', () => {
    const ids = new Set(specDecisions.map((d) => d.id));
    for (const r of specRules) if (r.decision) expect(ids).toContain(r.decision);
  });
});

function checkExample(e: SpecExample & { payload: unknown }) {
  if (e.lint) return checkLintExample(e);
  const result = validate(e.operation, e.kind, e.payload);
  expectIssues(result.issues, e.errors, 'error');
  if (e.warnings) expectIssues(result.issues, e.warnings, 'warning');
  if (e.infos) expectIssues(result.issues, e.infos, 'info');
  expect(result.valid).toBe(e.errors.length === 0);
}

/** An example that is a file: `lint` reads it, and its findings (with the task's own) are compared as validate()'s are. */
function checkLintExample(e: SpecExample) {
  const result = lintFile({ file: e.lint!.file, text: e.lint!.text, explicit: true })!;
  const issues = findingsOf(result);
  expectIssues(issues, e.errors, 'error');
  if (e.warnings) expectIssues(issues, e.warnings, 'warning');
  if (e.infos) expectIssues(issues, e.infos, 'info');
}

describe('spec/decisions.yaml', () => {
  it('has unique ids', () => {
    const ids = specDecisions.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const examples = specDecisions.flatMap((d) => (Array.isArray(d.examples) ? d.examples.map((e, i) => [`${d.id} example ${i + 1}`, e] as const) : []));
  it.each(examples)('%s', (_, e) => checkExample(e as SpecExample & { payload: unknown }));
});

describe('spec/examples: the documented examples', () => {
  it.each(specExamples.map((e) => [e.file, e] as const))('%s', (_, e) => checkExample(e));

  it('reports the seed’s sample request with exactly one error, at WindowId', () => {
    const sample = specExamples.find((e) => e.file === 'register-sample-request.json')!;
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', sample.payload);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'pattern_mismatch', path: ['WindowId'], pointer: '/WindowId' });
  });
});
