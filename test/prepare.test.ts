import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inputsHash, isFresh, prepare } from '../scripts/prepare.mjs';
import { ROOT } from './support/spec.js';

/*
 * npm's `prepare` (scripts/prepare.mjs) builds dist/ once: `npm ci` builds it, and what runs
 * `prepare` again soon after finds it built from the same sources and does not build it a second
 * time. That is what made the README's first command, `npm ci && npx ssm-mw-contracts validate …`,
 * take 10 to 37 s on fresh clones: inside the checkout, npx (npm 7 and later) links the checkout
 * into its cache and runs its `prepare`, which was a full tsup build.
 */

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

it('is what npm ci, npx in a checkout, npm test and npm run bench run; npm run build forces a build', () => {
  expect(manifest.scripts.prepare).toBe('node scripts/prepare.mjs');
  expect(manifest.scripts.build).toBe('node scripts/prepare.mjs --force');
  expect(manifest.scripts.test).toMatch(/^node scripts\/prepare\.mjs && /);
  expect(manifest.scripts.bench).toMatch(/^node scripts\/prepare\.mjs && /);
});

describe('prepare, in a checkout whose dist/ is built', () => {
  const root = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-prepare-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const f of ['src', 'spec']) cpSync(join(ROOT, f), join(root, f), { recursive: true });
  for (const f of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsup.config.ts']) cpSync(join(ROOT, f), join(root, f));
  // A build's outputs, and the stamp a build of these inputs leaves (no tsup here: nothing can build for real).
  mkdirSync(join(root, 'dist'));
  for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'aws-sdk.js', 'aws-sdk.cjs', 'aws-sdk.d.ts', 'aws-sdk.d.cts', 'cdk.js', 'cdk.cjs', 'cdk.d.ts', 'cdk.d.cts', 'cli.cjs', 'lint-worker.cjs']) writeFileSync(join(root, 'dist', f), '');
  writeFileSync(join(root, 'dist', '.build-inputs'), `${inputsHash(root)}\n`);

  it('does not build it again, says why, and leaves it as it is', () => {
    const dist = join(root, 'dist');
    const before = readdirSync(dist).map((f) => [f, statSync(join(dist, f)).mtimeMs]);
    const said: string[] = [];
    expect(prepare(root, { log: (m) => void said.push(m) })).toBe(0);
    expect(said).toEqual(['dist/ was built from these sources already: not built again (npm run build builds anyway)']);
    expect(readdirSync(dist).map((f) => [f, statSync(join(dist, f)).mtimeMs])).toEqual(before);
  });

  it('stays fresh while nothing it builds from changes, whatever else does', () => {
    writeFileSync(join(root, 'README.md'), 'changed');
    mkdirSync(join(root, 'test'));
    writeFileSync(join(root, 'test', 'a.test.ts'), '');
    expect(isFresh(root)).toBe(true);
  });

  it.each([
    ['a source changes', 'src/validate/validate.ts', (t: string) => `${t}\n// changed\n`],
    ['a source is added', 'src/added.ts', () => 'export const x = 1;\n'],
    ['a spec example it imports changes', 'spec/examples/register-sample-request.corrected.json', (t: string) => t.replace('}', ', "x": 1}')],
    ['the lockfile changes', 'package-lock.json', (t: string) => `${t} `],
    ["tsup's configuration changes", 'tsup.config.ts', (t: string) => `${t}\n`],
  ])('builds again when %s', (_, file, change) => {
    const path = join(root, file);
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // a file that is added
    }
    writeFileSync(path, change(text ?? ''));
    try {
      expect(isFresh(root)).toBe(false);
      expect(prepare(root, { check: true, log: () => {} })).toBe(1);
    } finally {
      if (text === undefined) rmSync(path);
      else writeFileSync(path, text);
    }
    expect(isFresh(root)).toBe(true);
  });

  it('builds again when an output is missing', () => {
    rmSync(join(root, 'dist', 'cli.cjs'));
    expect(isFresh(root)).toBe(false);
  });
});
