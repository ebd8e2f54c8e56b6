import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/*
 * What a pull request's links and file:// references can make lint read (spec/decisions.yaml D47):
 * a linked file found by a walk only when its target is in the walked tree, and a file:// path only
 * inside the directory lint runs in, never in .git. Nothing of a file outside reaches the output.
 */

/** In each file outside the tree: if any output carries it, lint read the file. */
const SECRET = 'S3CR3T-9b1f';

let outside: string;
let repo: string;

beforeAll(() => {
  outside = mkdtempSync(join(tmpdir(), 'ssm-mw-secrets-'));
  repo = mkdtempSync(join(tmpdir(), 'ssm-mw-pr-'));
  // A payload with an error and the secret in a value: read, it would be reported with the value.
  const payload = JSON.stringify({ WindowId: SECRET, TaskArn: 'AWS-RunShellScript', TaskType: 'AUTOMATION' });
  writeFileSync(join(outside, 'task.json'), payload);
  mkdirSync(join(repo, '.git'));
  writeFileSync(join(repo, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
  symlinkSync(join(outside, 'task.json'), join(repo, 'task.json'));
  symlinkSync(join(repo, '.git', 'config'), join(repo, 'config.json'));
  symlinkSync(join(outside, 'task.json'), join(repo, 'input.json.link'));
  writeFileSync(
    join(repo, 'register.sh'),
    [
      '#!/bin/sh',
      'aws ssm register-task-with-maintenance-window --cli-input-json file://.git/config',
      'aws ssm register-task-with-maintenance-window --cli-input-json file://input.json.link',
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  rmSync(outside, { recursive: true, force: true });
  rmSync(repo, { recursive: true, force: true });
});

describe('links and file:// references a pull request adds', () => {
  it('reads neither a linked file outside the walked tree or in .git, nor a file:// path through a link or in .git; each is reported as not checked', async () => {
    const run = await runCli(['lint', '--format', 'json', '.'], { cwd: repo });
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    const report = JSON.parse(run.stdout) as { results: { file: string; issues: { code: string; severity: string; message: string }[] }[] };
    const notChecked = report.results.flatMap((r) => r.issues.filter((i) => i.code === 'not_checked').map((i) => `${r.file}: ${i.message}`));
    expect(notChecked).toEqual([
      'config.json: config.json was not checked: it is a symbolic link to a file that this walk does not read (one it skips or that .gitignore ignores): not read.',
      'register.sh: This command line was not checked: --cli-input-json names a file that is not read (.git/config is not read: it is inside a .git directory, which lint never reads): any member may come from it.',
      'register.sh: This command line was not checked: --cli-input-json names a file that is not read (input.json.link is not read: it is a symbolic link to a file outside the directory lint runs in, which is all it reads): any member may come from it.',
      'task.json: task.json was not checked: it is a symbolic link to a file that this walk does not read (outside .): not read.',
    ]);
    expect(run.code).toBe(0);
  });

  it('reads a link the person running lint names', async () => {
    const run = await runCli(['lint', '--format', 'json', 'task.json'], { cwd: repo });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(SECRET);
  });
});
