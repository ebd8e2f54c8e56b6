import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../src/issues/issue.js';
import { OPERATION_NAMES, operations, type Kind, type OperationName } from '../src/operations/index.js';
import { validate } from '../src/validate/validate.js';
import { WRONG_TYPE } from './support/arbitraries.js';
import { isPrefix } from './support/expect.js';
import { casesFor, type FaultCase } from './support/faults.js';
import { positions } from './support/metadata.js';
import { basePayloads, loadFixtures, parseSpecPath, resolve, setAt } from './support/payloads.js';
import { specOperations } from './support/spec.js';

/*
 * The fault-injection corpus: valid payloads with exactly one fault each, generated over every
 * constrained member (spec/), every member's type, every request structure's member names, and
 * every documented rule (the bad fixtures). Each must be rejected with an error at the faulty
 * path and nowhere unrelated to it.
 */

function typeFaults(operation: OperationName, kind: 'request' | 'response'): FaultCase[] {
  const cases: FaultCase[] = [];
  for (const { path, meta, mapKey } of positions(operations[operation][kind])) {
    if (mapKey) continue;
    const base = basePayloads(operation, kind).find((b) => resolve(b, parseSpecPath(path)));
    if (!base) throw new Error(`no base payload has ${path}`);
    const at = resolve(base, parseSpecPath(path))!;
    cases.push({ name: `${operation} ${kind} ${path}: ${meta.type} given ${JSON.stringify(WRONG_TYPE[meta.type])}`, operation, kind, payload: setAt(base, at.path, WRONG_TYPE[meta.type]), expect: { code: 'invalid_type', path: at.path } });
  }
  return cases;
}

function unknownMemberFaults(operation: OperationName): FaultCase[] {
  const structures = [{ path: '', meta: { type: 'structure' } }, ...positions(operations[operation].request)].filter((p) => p.meta.type === 'structure');
  return structures.map(({ path }) => {
    const base = basePayloads(operation, 'request').find((b) => path === '' || resolve(b, parseSpecPath(path)))!;
    const at = path === '' ? [] : resolve(base, parseSpecPath(path))!.path;
    return { name: `${operation} request ${path || '(root)'}: unknown member Bogus`, operation, kind: 'request' as Kind, payload: setAt(base, [...at, 'Bogus'], 'x'), expect: { code: 'unknown_member', path: [...at, 'Bogus'] } };
  });
}

// Bad fixtures with one error each (a few deliberately carry two; test/rules checks those exactly).
const ruleFaults: FaultCase[] = loadFixtures('bad').flatMap((f) =>
  f.issues.filter((i) => i.severity === 'error').filter((_, __, errors) => errors.length === 1).map((i) => ({ name: `fixture ${f.name}`, operation: f.operation, kind: f.kind, payload: f.payload, expect: { code: i.code, path: i.path }, ...(f.httpStatus ? { httpStatus: f.httpStatus } : {}) })),
) as FaultCase[];

const corpus: FaultCase[] = [
  ...specOperations.flatMap((s) => s.constraints.flatMap((c) => casesFor(s.operation, c, s.constraints).fail)),
  ...OPERATION_NAMES.flatMap((op) => [...typeFaults(op, 'request'), ...typeFaults(op, 'response'), ...unknownMemberFaults(op)]),
  ...ruleFaults,
];

describe(`fault-injection corpus (${corpus.length} payloads, one fault each)`, () => {
  it('has a fault for every breakable constraint, every member and every request structure', () => {
    for (const s of specOperations) {
      for (const c of s.constraints.filter((c) => !c.vacuous)) expect(corpus.some((f) => f.name.startsWith(`${c.id} rejects`) || f.name === `${c.id} missing`), c.id).toBe(true);
    }
    for (const op of OPERATION_NAMES) {
      for (const kind of ['request', 'response'] as const) {
        for (const p of positions(operations[op][kind]).filter((p) => !p.mapKey)) expect(corpus.some((f) => f.name.startsWith(`${op} ${kind} ${p.path}:`)), p.path).toBe(true);
      }
    }
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { valid, issues } = validate(c.operation, c.kind, c.payload, 'httpStatus' in c ? { httpStatus: (c as { httpStatus: number }).httpStatus } : {});
    expect(valid).toBe(false);
    expect(issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`)).toContain(`${c.expect.code} ${JSON.stringify(c.expect.path)}`);
    // One fault: every error is at the faulty place, inside it, or on the member that holds it.
    const unrelated = issues.filter((i) => i.severity === 'error' && !isPrefix(i.path, c.expect.path) && !isPrefix(c.expect.path, i.path as PathSegment[]));
    expect(unrelated.map((i) => `${i.code} ${i.pointer}`)).toEqual([]);
  });
});

describe('valid payloads', () => {
  const good = loadFixtures('good');

  it('cover every task type, targeted and (except RUN_COMMAND) targetless', () => {
    const shapes = new Set(
      good
        .filter((f) => f.operation === 'RegisterTaskWithMaintenanceWindow' && f.kind === 'request')
        .map((f) => {
          const p = f.payload as { TaskType: string; Targets?: unknown[] };
          return `${p.TaskType} ${p.Targets?.length ? 'targeted' : 'targetless'}`;
        }),
    );
    for (const type of ['RUN_COMMAND', 'AUTOMATION', 'LAMBDA', 'STEP_FUNCTIONS']) expect(shapes).toContain(`${type} targeted`);
    for (const type of ['AUTOMATION', 'LAMBDA', 'STEP_FUNCTIONS']) expect(shapes).toContain(`${type} targetless`);
  });

  it.each(good.map((f) => [f.name, f] as const))('%s raises no issue at all', (_, f) => {
    const result = validate(f.operation, f.kind, f.payload, f.httpStatus ? { httpStatus: f.httpStatus } : {});
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('response members AWS may add', () => {
  it.each(OPERATION_NAMES.map((op) => [op]))('%s: an unknown response member is info, and the response stays valid', (op) => {
    const base = basePayloads(op, 'response')[0] as Record<string, unknown>;
    const { valid, issues } = validate(op, 'response', { ...base, AddedLater: true });
    expect(valid).toBe(true);
    expect(issues).toMatchObject([{ code: 'unexpected_member', severity: 'info', path: ['AddedLater'] }]);
  });
});
