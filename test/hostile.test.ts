import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandLines, HEAP_MB, spawnMeasured } from '../bench/hostile.js';
import { runCli } from './support/cli.js';
import { cpuMsOf } from './support/cpu.js';
import { BAD, BAD_FINDING, buildHostile, GOOD, HOSTILE, type Expected } from './support/hostile.js';

/*
 * Hostile files (test/support/hostile.ts) through `validate` and `lint`: each gets a clear finding
 * or a clear one-line error where it is, the exit status the help documents, within bounded time
 * and memory, and the valid and the faulty payload beside it are still checked. Object.prototype is
 * never touched. The bounds (docs/limits.md) are generous ceilings, not performance goals.
 */

/** CPU time of one command line in-process (the slowest, a 50 MB file read with a raised limit, takes under a second). */
const TIME_BOUND_MS = 10_000;
/** Peak resident memory of one process that runs every case, V8 heap capped at HEAP_MB. */
const RSS_BOUND_MB = 512;

let dir: string;
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-mw-hostile-'));
  buildHostile(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface JsonIssue {
  code: string;
  line?: number;
  column?: number;
  message: string;
  rule?: string;
}

/** Every issue each file got, from either command's --format json. */
function issuesByFile(stdout: string): Map<string, JsonIssue[]> {
  const out = new Map<string, JsonIssue[]>();
  for (const r of (JSON.parse(stdout) as { results: { file: string; issues: JsonIssue[] }[] }).results) out.set(r.file, [...(out.get(r.file) ?? []), ...r.issues]);
  return out;
}

function expectFound(issues: JsonIssue[] | undefined, e: Expected, stderr: string): void {
  const found = (issues ?? []).find((i) => (i.rule ?? i.code) === e.code || i.code === e.code);
  expect(found, `${e.code} in ${JSON.stringify(issues)}`).toBeDefined();
  expect(found!.message).toMatch(e.says);
  if (e.line !== undefined) expect([found!.line, found!.column]).toEqual([e.line, e.column ?? found!.column]);
  // The one-line error of a file that could not be checked says the same, at the same place.
  if (e.code === 'unreadable' || e.code === 'syntax_error') expect(stderr).toMatch(e.line ? `:${e.line}:${e.column}: ` : ': ');
}

describe('hostile files', () => {
  describe.each(HOSTILE.map((c) => [`${c.file}${c.options ? ' ' + c.options.join(' ') : ''}: ${c.what}`, c] as const))('%s', (_, c) => {
    it.each(['validate', 'lint'] as const)('%s', { skip: c.skip !== undefined }, async (command) => {
      const argv = [command, '--format', 'json', ...(c.options ?? []), c.file, GOOD, BAD];
      const { ms, value: run } = await cpuMsOf(() => runCli(argv, { cwd: dir }));
      expect(ms).toBeLessThan(TIME_BOUND_MS);
      expect(run.code).toBe(c.exit[command]);
      // A clear one-line error per file that could not be checked, never a stack trace.
      expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
      for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^ssm-mw-contracts: [^:]+(:\d+:\d+)?: \S.*$/);
      if (run.code === 2) expect(run.stderr).toContain(c.file);
      const issues = issuesByFile(run.stdout);
      expectFound(c.expect[command].code === BAD_FINDING ? issues.get(BAD) : issues.get(c.file), c.expect[command], run.stderr);
      // The other files of the run are still checked.
      expect((issues.get(BAD) ?? []).map((i) => i.rule ?? i.code)).toContain(BAD_FINDING);
      expect((issues.get(GOOD) ?? []).filter((i) => (i as { severity?: string }).severity === 'error')).toEqual([]);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('lint walks a directory of them all: binary files skipped, a file over the size limit reported as not checked, a link loop not followed', { timeout: 300_000 }, async () => {
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    const issues = issuesByFile(run.stdout);
    expect(issues.has('image.json'), 'a binary file that no reader recognizes is skipped').toBe(false);
    expect(issues.get('fifty.json')).toMatchObject([{ code: 'not_checked', severity: 'info', message: expect.stringMatching(/larger than the 16 MiB limit/) }]);
    expect(issues.get('latin1.json')).toMatchObject([{ code: 'unreadable', line: 3, column: 22 }]);
    expect(issues.get('nul.yaml')).toMatchObject([{ code: 'unreadable', line: 2, column: 16 }]);
    expect([...issues.keys()].some((f) => f.startsWith('loop/'))).toBe(false);
    expect((issues.get(BAD) ?? []).map((i) => i.rule)).toContain(BAD_FINDING);
  });

  it('check-cli does not wait on a named pipe given as a file:// parameter', async () => {
    const run = await runCli(['check-cli', '--', 'aws', 'ssm', 'register-task-with-maintenance-window', '--cli-input-json', 'file://fifo.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Unable to load paramfile file:\/\/fifo\.json: \[Errno 5\] Not a regular file \(the AWS CLI would wait on it\)/);
  });

  it(`all run in one process with a ${HEAP_MB} MB heap, within ${RSS_BOUND_MB} MB of resident memory`, { timeout: 300_000 }, () => {
    const { status, results, stderr } = spawnMeasured(['--all', dir]);
    expect(status, stderr.slice(-2000)).toBe(0);
    const expected = commandLines();
    expect(results.map((r) => r.argv)).toEqual(expected.map((c) => c.argv));
    for (const r of results) {
      // argv is [command, --format, json, ...options, file, GOOD, BAD].
      const c = HOSTILE.find((h) => r.argv.at(-3) === h.file && JSON.stringify(h.options ?? []) === JSON.stringify(r.argv.slice(3, -3)))!;
      expect(r.code, r.argv.join(' ')).toBe(c.exit[r.argv[0] as 'validate' | 'lint']);
      expect(r.cpuMs, r.argv.join(' ')).toBeLessThan(TIME_BOUND_MS);
    }
    expect(Math.max(...results.map((r) => r.maxRssMb))).toBeLessThan(RSS_BOUND_MB);
  });
});
