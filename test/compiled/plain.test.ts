import { describe, expect, it } from 'vitest';
import { regionLeadingTo, rootShape, walkShapes } from '../../src/compiled/shape-lookup.js';
import { OPERATIONS, SHAPES } from '../../src/compiled/generated/shapes.js';
import { operations, OPERATION_NAMES } from '../../src/operations/index.js';
import { metaOf } from '../../src/shapes/meta.js';
import { walk } from '../../src/shapes/walk.js';
import { shapeClosure } from '../../src/generate/contract.js';
import { ErrorBody } from '../../src/shapes/errors.js';
import { loadFixtures } from '../support/payloads.js';

/* The plain metadata (src/compiled/generated/shapes.ts) is the registry's, and its walk goes where walk() goes. */

const places = (visit: (record: (shape: string, path: readonly (string | number)[]) => void) => void) => {
  const out: string[] = [];
  visit((shape, path) => out.push(`${shape} /${path.join('/')}`));
  return out.sort();
};

describe('the plain metadata', () => {
  it('names the same roots as the operations', () => {
    for (const name of OPERATION_NAMES) {
      const op = operations[name];
      expect(OPERATIONS[name]).toEqual({
        cliCommand: op.cliCommand,
        request: metaOf(op.request).shape,
        response: metaOf(op.response).shape,
        errors: op.errors.map((e) => metaOf(e).shape),
        ...('paginator' in op ? { paginator: op.paginator } : {}),
      });
    }
  });

  it('walks every fixture through the same places and shapes as the Zod shape tree', () => {
    for (const f of [...loadFixtures('good'), ...loadFixtures('bad')].filter((f) => f.kind !== 'error')) {
      const schema = f.kind === 'request' ? operations[f.operation].request : operations[f.operation].response;
      const plain = places((record) => walkShapes(rootShape(f.operation, f.kind), f.payload, (shape, _value, path) => record(shape.shape, path)));
      const zod = places((record) => walk(schema, f.payload, ({ meta, path }) => record(meta.shape, path)));
      expect(plain, f.name).toEqual(zod);
    }
  });

  it('carries what the AWS CLI reader checks as botocore does: minimums, map keys, idempotency tokens', () => {
    const roots = OPERATION_NAMES.flatMap((n) => [operations[n].request, operations[n].response, ...operations[n].errors, ErrorBody]);
    const metas = shapeClosure(roots).map(metaOf);
    const keys = metas.flatMap((m) => (m.type === 'map' ? [metaOf(m.key)] : []));
    let minimums = 0;
    for (const meta of [...metas, ...keys]) {
      const plain = SHAPES[meta.shape]!;
      expect(plain.type, meta.shape).toBe(meta.type);
      if (meta.type === 'string' || meta.type === 'list' || meta.type === 'map' || meta.type === 'integer') {
        expect((plain as { min?: number }).min, meta.shape).toBe(meta.min);
        if (meta.min !== undefined) minimums++;
      }
      if (meta.type === 'list' || meta.type === 'map') expect((plain as { max?: number }).max, meta.shape).toBe(meta.max);
      if (meta.type === 'map') expect(plain).toMatchObject({ key: metaOf(meta.key).shape, value: metaOf(meta.value).shape });
      if (meta.type === 'structure' && plain.type === 'structure') {
        for (const [name, m] of Object.entries(meta.members)) expect(plain.members[name]!.idempotencyToken, `${meta.shape}.${name}`).toBe(m.idempotencyToken ? true : undefined);
      }
    }
    expect(minimums).toBeGreaterThan(20);
    expect(Object.values(SHAPES).some((s) => s.type === 'structure' && Object.values(s.members).some((m) => m.idempotencyToken))).toBe(true);
  });

  it('carries each integer shape’s range from the model (MW049 compares Cutoff with Duration by them)', () => {
    const meta = (shape: string) => SHAPES[shape];
    expect(meta('MaintenanceWindowDurationHours')).toEqual({ shape: 'MaintenanceWindowDurationHours', type: 'integer', min: 1, max: 24 });
    expect(meta('MaintenanceWindowCutoff')).toEqual({ shape: 'MaintenanceWindowCutoff', type: 'integer', min: 0, max: 23 });
    expect(meta('MaintenanceWindowTaskPriority')).toEqual({ shape: 'MaintenanceWindowTaskPriority', type: 'integer', min: 0 });
  });

  it('prunes a walk to the region that leads to what it looks for', () => {
    const region = regionLeadingTo((s) => s.type === 'string' && s.deprecatedValues !== undefined);
    expect([...region.shapes].sort()).toEqual([
      'DocumentHashType',
      'MaintenanceWindowRunCommandParameters',
      'MaintenanceWindowTaskInvocationParameters',
      'RegisterTaskWithMaintenanceWindowRequest',
      'UpdateMaintenanceWindowTaskRequest',
      'UpdateMaintenanceWindowTaskResult',
    ]);
  });
});
