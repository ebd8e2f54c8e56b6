import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/spec.js';
import { staticClosure } from '../support/static-closure.js';

/*
 * `lint` reads the shape metadata as plain data (src/compiled/generated/shapes.ts), as validate()
 * does: loading Zod and building the schemas was about 0.1 s of every run, a third of lint's start.
 */

describe('lint stays off Zod', () => {
  it('loads neither Zod nor the schemas, and reads templates, command lines and plans', () => {
    const loaded = staticClosure(join(ROOT, 'src', 'cli', 'commands', 'lint.ts'));
    for (const reader of ['cloudformation/properties.ts', 'aws-cli/read-command-line.ts', 'terraform/reader.ts']) expect(loaded).toContain(join(ROOT, 'src', 'readers', ...reader.split('/')));
    expect([...loaded].filter((m) => m === 'zod' || m.startsWith('zod/'))).toEqual([]);
    // Of src/shapes and src/operations, only the two plain modules: error names and the kinds of payload.
    const zodLayers = [join(ROOT, 'src', 'shapes'), join(ROOT, 'src', 'operations')];
    const plain = [join(ROOT, 'src', 'shapes', 'error-names.ts'), join(ROOT, 'src', 'operations', 'kinds.ts')];
    expect([...loaded].filter((m) => zodLayers.some((d) => m.startsWith(d)) && !plain.includes(m))).toEqual([]);
  });
});
