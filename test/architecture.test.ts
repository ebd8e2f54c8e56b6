import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseOptions, type IForbiddenRuleType } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/spec.js';

/*
 * The import graph of src/ (type-only and dynamic imports included) has no circle and no import
 * from a layer to one above it: the layers and the rules are .dependency-cruiser.cjs.
 */

interface Layer {
  name: string;
  path: string;
}
const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: IForbiddenRuleType[]; options: ICruiseOptions; LAYERS: Layer[] };

async function graph(baseDir: string) {
  const { output } = await cruise(['src'], { ...config.options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } });
  if (typeof output === 'string') throw new Error(output);
  return output;
}

/** The violations as `rule: from -> to`, the way a reader of the failure wants them. */
const broken = (output: Awaited<ReturnType<typeof graph>>) => output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

const outside = (modules: readonly { source: string }[]) => modules.map((m) => m.source).filter((source) => !config.LAYERS.some((l) => new RegExp(l.path).test(source)));

describe('the layers of src/', () => {
  it('are kept: no circle, no import against the layer order', async () => {
    const output = await graph(ROOT);
    expect(output.summary.totalCruised).toBeGreaterThan(100);
    expect(broken(output)).toEqual([]);
  });

  it('hold every file of src/', async () => {
    const output = await graph(ROOT);
    expect(outside(output.modules)).toEqual([]);
  });

  it('have no folder beside a file of the same name (src/x.ts next to src/x/)', async () => {
    const folders = new Set((await graph(ROOT)).modules.map((m) => dirname(m.source)));
    expect([...folders].filter((folder) => existsSync(join(ROOT, `${folder}.ts`)))).toEqual([]);
  });

  describe('on a graph that breaks them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    // A type-only import from the bottom layer up to lint; a circle through a dynamic import; a
    // reader's rule that imports its reader; a folder that is in no layer.
    write('src/issues/codes.ts', "import type { Report } from '../lint/engine.js';\nexport type Code = Report['code'];\n");
    write('src/lint/engine.ts', "export interface Report { code: string }\n");
    write('src/cli/main.ts', "export const load = () => import('./commands/lint.js');\n");
    write('src/cli/commands/lint.ts', "import { load } from '../main.js';\nexport const again = load;\n");
    write('src/readers/terraform/rules/MW200.ts', "import { readTerraform } from '../reader.js';\nexport default readTerraform;\n");
    write('src/readers/terraform/reader.ts', "export const readTerraform = () => [];\n");
    write('src/misc/helper.ts', "export const x = 1;\n");

    it('reports each break', async () => {
      const output = await graph(dir);
      const found = broken(output);
      expect(found.filter((v) => !v.startsWith('no-circular'))).toEqual([
        'layer-order: issues: src/issues/codes.ts -> src/lint/engine.ts',
        'reader-rules-below-readers: src/readers/terraform/rules/MW200.ts -> src/readers/terraform/reader.ts',
      ]);
      // dependency-cruiser names a circle once, from whichever of its files it reaches first.
      expect(found.filter((v) => v.startsWith('no-circular'))).toEqual([expect.stringMatching(/^no-circular: src\/cli\/(main|commands\/lint)\.ts -> src\/cli\/(commands\/lint|main)\.ts$/)]);
      expect(outside(output.modules)).toEqual(['src/misc/helper.ts']);
    });
  });
});

describe('ARCHITECTURE.md', () => {
  const page = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

  it('is one page', () => {
    expect(page.split('\n').length).toBeLessThanOrEqual(120);
  });

  it('lists the layers in the order .dependency-cruiser.cjs declares them', () => {
    const section = page.slice(page.indexOf('## Layers'), page.indexOf('\n## ', page.indexOf('## Layers') + 1));
    const rows = [...section.matchAll(/^\| ([a-z, ]+) \| /gm)].map((m) => m[1]!).filter((name) => name !== 'layer');
    expect(rows.map((r) => r.replace(', ', ' and '))).toEqual(config.LAYERS.map((l) => l.name.replace('compiled checks', 'compiled')));
  });

  it('names only files and folders that exist', () => {
    const named = [...page.matchAll(/`((?:src\/|spec\/|test\/|lint\/|readers\/|cli\/|payload-files\/|validate\/|report\/|issues\/|compiled\/|rules\/|aws-sdk\/|cdk\/)[\w./-]*)`/g)].map((m) => m[1]!);
    const resolve = (p: string) => (p.startsWith('src/') || p.startsWith('spec/') || p.startsWith('test/') ? p : `src/${p}`);
    const missing = named.filter((p) => !p.includes('<') && !/MW0NN/.test(p)).filter((p) => !existsSync(join(ROOT, resolve(p).replace(/\{good,bad\}\/$/, ''))));
    expect(named.length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
