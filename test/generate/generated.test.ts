import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT, GENERATED_NOTE } from '../../src/generate/contract.js';
import { compareFiles, generateFiles } from '../../src/generate/index.js';
import type * as z from 'zod';
import { inputStructure, outputStructure, string } from '../../src/shapes/build.js';
import { metaOf, type StructureMeta } from '../../src/shapes/meta.js';
import { operations, type Operation } from '../../src/operations/index.js';
import { GENERATED } from '../support/ajv.js';

function committed(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(GENERATED, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(GENERATED, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return files;
}

describe('generated/', () => {
  const fresh = generateFiles();

  it('regenerates byte-identically: twice the same bytes, and the committed files', () => {
    expect([...generateFiles()]).toEqual([...fresh]);
    expect(compareFiles(fresh, committed())).toEqual({ changed: [], missing: [], extra: [] });
  });

  it('marks every file as generated where the format allows a comment', () => {
    const unmarked: string[] = [];
    for (const [path, content] of fresh) {
      if (path.endsWith('.schema.json')) expect(JSON.parse(content).$comment, path).toBe(GENERATED_NOTE);
      else if (path.startsWith('openapi/') && path.endsWith('.json')) expect(JSON.parse(content)['x-generated'], path).toBe(GENERATED_NOTE);
      else if (path.endsWith('.yaml') || path.endsWith('.guard')) expect(content.startsWith(`# ${GENERATED_NOTE}\n`), path).toBe(true);
      else if (path.endsWith('.md')) expect(content.startsWith(`<!-- ${GENERATED_NOTE} -->\n`), path).toBe(true);
      else if (path.endsWith('.html')) expect(content, path).toContain(`<!-- ${GENERATED_NOTE} -->`);
      else unmarked.push(path);
    }
    // JSON has no comments, and `aws ... --cli-input-json` rejects members it does not know.
    expect(unmarked).toEqual(fresh.size ? [...fresh.keys()].filter((p) => p.startsWith('skeletons/') && p.endsWith('.json')) : []);
  });

  it('goes stale when a schema changes without regeneration', () => {
    const register = operations.RegisterTaskWithMaintenanceWindow;
    const original = metaOf((metaOf(register.request) as StructureMeta).members.Name!.schema);
    // A shorter MaintenanceWindowName limit, as an edit to src/shapes would make it: in every operation whose root has a Name of that shape.
    const shorter = string('MaintenanceWindowName', { min: 3, max: 64, ...(original.type === 'string' && original.pattern ? { pattern: original.pattern } : {}) });
    const withShorterName = <S extends z.ZodObject>(root: S): S => {
      const meta = metaOf(root) as StructureMeta;
      const name = meta.members.Name;
      if (!name || metaOf(name.schema).shape !== 'MaintenanceWindowName') return root;
      const members = { ...meta.members, Name: { ...name, schema: shorter } };
      return (meta.direction === 'input' ? inputStructure(meta.shape, members) : outputStructure(meta.shape, members)) as unknown as S;
    };
    const changed = { ...CONTRACT, operations: CONTRACT.operations.map((o) => ({ ...o, request: withShorterName(o.request), response: withShorterName(o.response) })) };
    const stale = compareFiles(generateFiles(changed), committed());
    expect(stale.missing).toEqual([]);
    expect(stale.extra).toEqual([]);
    expect(stale.changed).toEqual(
      expect.arrayContaining([
        'json-schema/2020-12/RegisterTaskWithMaintenanceWindow.request.schema.json',
        'json-schema/draft-07/RegisterTaskWithMaintenanceWindow.request.schema.json',
        'openapi/openapi-3.1.json',
        'openapi/openapi-3.0.yaml',
        'docs/RegisterTaskWithMaintenanceWindow.md',
        'docs/index.html',
        'guard/maintenance-window-task.guard',
        'docs/guard.md',
        'json-schema/2020-12/CreateMaintenanceWindow.request.schema.json',
        'json-schema/draft-07/UpdateMaintenanceWindow.response.schema.json',
        'docs/UpdateMaintenanceWindow.md',
      ]),
    );
    expect(stale.changed.some((p) => p.includes('Describe'))).toBe(false);
  });
});
