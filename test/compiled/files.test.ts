import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_NOTE, compiledFiles } from '../../src/generate/compiled.js';
import { CONTRACT } from '../../src/generate/contract.js';
import { inputStructure, optional, string } from '../../src/shapes/build.js';
import { metaOf, type StructureMeta } from '../../src/shapes/meta.js';
import { operations } from '../../src/operations/index.js';
import { ROOT } from '../support/spec.js';

const committed = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('src/compiled/ (npm run generate, checked by npm run check:generated)', () => {
  const fresh = compiledFiles(CONTRACT);

  it('regenerates byte-identically: twice the same bytes, and the committed files', () => {
    expect([...compiledFiles(CONTRACT)]).toEqual([...fresh]);
    for (const [path, content] of fresh) expect(committed(path), path).toBe(content);
  });

  it('marks every file as generated', () => {
    for (const [path, content] of fresh) expect(content.startsWith(`// ${COMPILED_NOTE}\n`), path).toBe(true);
  });

  it('goes stale when a schema changes without regeneration', () => {
    const register = operations.RegisterTaskWithMaintenanceWindow;
    const members = (metaOf(register.request) as StructureMeta).members;
    const request = inputStructure('RegisterTaskWithMaintenanceWindowRequest', {
      ...members,
      Name: optional(string('MaintenanceWindowName', { min: 3, max: 64 }), members.Name!.doc),
    });
    const changed = compiledFiles({ ...CONTRACT, operations: CONTRACT.operations.map((o) => (o === register ? { ...o, request } : o)) });
    expect(changed.get('src/compiled/generated/check.ts')).not.toBe(committed('src/compiled/generated/check.ts'));
    expect(changed.get('src/compiled/generated/check.ts')).toContain('fail(run, \'too_long\', { maximum: 64,');
  });
});
