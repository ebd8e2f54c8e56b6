import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { lintOptions, lintWalked, readWalkedSync, type LintSettings } from '../../src/cli/lint-files.js';
import { lintInWorkers } from '../../src/cli/lint-pool.js';
import { walk } from '../../src/lint/walk.js';
import { ROOT } from '../support/spec.js';

/*
 * lint in worker threads (src/cli/lint-pool.ts) gives what lint in one thread gives, byte for byte:
 * every format, the exit code and stderr, over every fixture tree (CloudFormation, Terraform, plans,
 * command lines, payloads, files that do not parse). The pool runs only from the build (its worker is
 * dist/lint-worker.cjs): `npm test` builds first.
 */

const CLI = join(ROOT, 'dist', 'cli.cjs');
const WORKER = join(ROOT, 'dist', 'lint-worker.cjs');

function lint(args: string[]) {
  if (!existsSync(CLI) || !existsSync(WORKER)) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  // Room for the whole report: past spawnSync's default of 1 MiB the child is killed and both outputs cut short.
  const run = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('lint in worker threads', () => {
  it.each(['text', 'json', 'sarif', 'github'])('prints in %s what one thread prints, over every fixture', (format) => {
    const one = lint(['-j', '1', '-f', format, 'test/fixtures']);
    const three = lint(['-j', '3', '-f', format, 'test/fixtures']);
    expect(one.stdout.length).toBeGreaterThan(1000);
    // Lint finished, not cut short: exit 2, since the fixtures hold files that do not parse.
    expect(one.status).toBe(2);
    expect(three).toEqual(one);
  });

  it('gives each file the result one thread gives, in the walk order', async () => {
    if (!existsSync(WORKER)) throw new Error('dist/lint-worker.cjs is missing: run npm run build first (npm test does)');
    const settings: LintSettings = { cwd: ROOT, limits: { ...DEFAULT_LIMITS }, ignore: ['MW011'], ignoreUnknown: false };
    const { files } = walk(['test/fixtures'], { cwd: ROOT });
    expect(files.length).toBeGreaterThan(100);
    const options = lintOptions(settings);
    const expected = files.map((f) => lintWalked(f, readWalkedSync(f, settings.limits), settings, options));
    const progress: number[] = [];
    const pooled = await lintInWorkers(files, settings, 2, (done) => progress.push(done), pathToFileURL(WORKER));
    expect(pooled).toEqual(expected);
    expect(progress.at(-1)).toBe(files.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('refuses a --jobs that is not a whole number from 1', () => {
    const run = lint(['-j', '0', 'test/fixtures/cloudformation']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`ssm-mw-contracts: --jobs must be a whole number from 1, not "0"\nRun 'ssm-mw-contracts lint --help' for usage.\n`);
  });
});
