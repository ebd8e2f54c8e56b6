import { describe, expect, it } from 'vitest';
import { regionLeadingTo, rootShape, walkShapes } from '../../src/compiled/shape-lookup.js';
import { OPERATIONS, SHAPES } from '../../src/compiled/generated/shapes.js';
import { operations, OPERATION_NAMES } from '../../src/operations/index.js';
import { metaOf } from '../../src/shapes/meta.js';
import { walk } from '../../src/shapes/walk.js';
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
      expect(OPERATIONS[name]).toEqual({ cliCommand: op.cliCommand, request: metaOf(op.request).shape, response: metaOf(op.response).shape, errors: op.errors.map((e) => metaOf(e).shape) });
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
