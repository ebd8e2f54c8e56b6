#!/usr/bin/env node
/*
 * npm's `prepare` step, and `npm run build`: builds dist/ with tsup, from a clean dist/, unless
 * dist/ was built from these very inputs (a hash of src/, spec/ and the build's configuration and
 * lockfile, kept in dist/.build-inputs). So `npm ci` builds once, and what runs `prepare` again
 * soon after does not build a second time: `npx ssm-mw-contracts` inside a checkout (npm 7 and
 * later link the checkout into npx's cache and run its `prepare`), `npm test`. `--force` always
 * builds; `--check` builds nothing and exits 1 when a build is due. Plain Node, no TypeScript: it
 * runs before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: its sources (src/ imports JSON from spec/) and how it is configured. */
export const INPUTS = ['src', 'spec', 'tsup.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What a finished build holds: package.json's entry points and bin. */
const OUTPUTS = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'aws-sdk.js', 'aws-sdk.cjs', 'aws-sdk.d.ts', 'aws-sdk.d.cts', 'cdk.js', 'cdk.cjs', 'cdk.d.ts', 'cdk.d.cts', 'cli.cjs', 'lint-worker.cjs'];
const STAMP = '.build-inputs';

/** The files at `path` (a file, or a directory's files at any depth), relative to `root`. */
function files(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).flatMap((name) => files(root, join(path, name)));
}

/** One hash of every input file's path and bytes, in a fixed order. */
export function inputsHash(root) {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap((p) => files(root, p)).map((p) => p.split(sep).join('/')).sort();
  for (const path of all) hash.update(`${path}\0`).update(readFileSync(join(root, path))).update('\0');
  return hash.digest('hex');
}

/** Whether dist/ holds a finished build of exactly these inputs. */
export function isFresh(root, hash = inputsHash(root)) {
  const dist = join(root, 'dist');
  if (!OUTPUTS.every((f) => existsSync(join(dist, f)))) return false;
  try {
    return readFileSync(join(dist, STAMP), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

export function prepare(root, { force = false, check = false, log = console.log } = {}) {
  const hash = inputsHash(root);
  if (!force && isFresh(root, hash)) {
    log('dist/ was built from these sources already: not built again (npm run build builds anyway)');
    return 0;
  }
  if (check) {
    log('dist/ is not a build of these sources: npm run build builds it');
    return 1;
  }
  // tsup's own command, as npm would run it from node_modules/.bin.
  let manifest;
  try {
    manifest = createRequire(join(root, 'package.json')).resolve('tsup/package.json');
  } catch {
    console.error('tsup is not installed, so dist/ cannot be built: run npm ci first');
    return 1;
  }
  const tsup = join(dirname(manifest), JSON.parse(readFileSync(manifest, 'utf8')).bin.tsup);
  // From a clean dist/: tsup would leave chunks of an earlier build beside the new ones, and they would be published.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const run = spawnSync(process.execPath, [tsup], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) return run.status ?? 1;
  writeFileSync(join(root, 'dist', STAMP), `${hash}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  process.exitCode = prepare(root, { force: process.argv.includes('--force'), check: process.argv.includes('--check') });
}
