import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/cli.js';

/*
 * One file's failure never hides the others' results (issue 14 item 5): `validate --max-depth 5000`
 * on JSON 5,000 levels deep ended the whole run with "internal error: Maximum call stack size
 * exceeded", and the other files were not reported. Now the deep file is a finding at the level the
 * JSON reader stops at, and a file that makes checking fail in any other way is reported as not
 * checked, beside the others' results.
 */

// checkPayloadText fails on boom.json as a bug would; every other file is checked as usual.
vi.mock('../../src/payload-files/check-payload-text.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/payload-files/check-payload-text.js')>();
  return {
    ...actual,
    checkPayloadText: (text: string, options: Parameters<typeof actual.checkPayloadText>[1]) => {
      if (options.file === 'boom.json') throw new RangeError('Maximum call stack size exceeded');
      return actual.checkPayloadText(text, options);
    },
  };
});

let dir: string;
const W = 'mw-0123456789abcdef0';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-mw-validate-'));
  writeFileSync(join(dir, 'deep.json'), `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ WindowId: W, TaskArn: 'AWS-RunShellScript', TaskType: 'AUTOMATION', Priority: -1 }, null, 2));
  writeFileSync(join(dir, 'boom.json'), JSON.stringify({ WindowId: W, TaskArn: 'AWS-RunShellScript', TaskType: 'AUTOMATION' }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Result {
  file: string;
  valid: boolean;
  issues: { code: string; line?: number; column?: number; message: string }[];
}

describe('validate, one file at a time', () => {
  it('reports JSON 5,000 levels deep read with --max-depth 5000 at the level its reader stops at, and the file beside it', async () => {
    const run = await runCli(['validate', '--max-depth', '5000', '--format', 'json', 'deep.json', 'bad.json'], { cwd: dir });
    expect(run.code).toBe(2);
    const results = (JSON.parse(run.stdout) as { results: Result[] }).results;
    expect(results.map((r) => [r.file, r.valid, r.issues.map((i) => [i.code, i.line, i.column])])).toEqual([
      // `{"a":` is five characters: the 1,001st object, at column 5,001, is one level past what the JSON reader reads.
      ['deep.json', false, [['syntax_error', 1, 5001]]],
      ['bad.json', false, [['too_small', 5, 15], ['service_role_recommended', 1, 1]]],
    ]);
    expect(results[0]!.issues[0]!.message).toBe('Not valid JSON: nesting deeper than 1000 levels (this reader reads no deeper, whatever --max-depth says).');
    expect(run.stderr).toBe('ssm-mw-contracts: deep.json:1:5001: Not valid JSON: nesting deeper than 1000 levels (this reader reads no deeper, whatever --max-depth says).\n');
  });

  it('reports a file whose check fails as not checked, and still checks the files before and after it', async () => {
    const run = await runCli(['validate', 'bad.json', 'boom.json', 'deep.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('bad.json (RegisterTaskWithMaintenanceWindow request): invalid');
    expect(run.stdout).toMatch(/boom\.json: invalid\n\s+-\s+error\s+Cannot read the file: checking it failed \(Maximum call stack size exceeded\); please report it with this file\.\s+unreadable/);
    expect(run.stdout).toMatch(/deep\.json: invalid\n\s+1:641\s+error\s+Not valid JSON: nesting deeper than 128 levels \(raise --max-depth if the file is genuine\)\./);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'ssm-mw-contracts: boom.json: Cannot read the file: checking it failed (Maximum call stack size exceeded); please report it with this file.',
      'ssm-mw-contracts: deep.json:1:641: Not valid JSON: nesting deeper than 128 levels (raise --max-depth if the file is genuine).',
    ]);
  });
});
