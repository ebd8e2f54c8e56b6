import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, transcript } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

const cases: { name: string; argv: string[]; stdin?: string; env?: Record<string, string>; tty?: boolean; exit: number }[] = [
  { name: 'seed-sample-request', argv: ['validate', 'spec/examples/register-sample-request.json'], exit: 1 },
  { name: 'seed-sample-request-json', argv: ['validate', '--format', 'json', 'spec/examples/register-sample-request.json'], exit: 1 },
  { name: 'corrected-sample-request', argv: ['validate', 'spec/examples/register-sample-request.corrected.json'], exit: 0 },
  { name: 'several-files', argv: ['validate', 'test/fixtures/payload/good/register-lambda-targeted.json', 'test/fixtures/payload/bad/MW004.two-members.json', 'spec/examples/describe-cli-example.output.json'], exit: 1 },
  { name: 'warnings-only', argv: ['validate', 'test/fixtures/payload/bad/MW010.sha1.json'], exit: 0 },
  { name: 'stdin-yaml', argv: ['validate', '-'], stdin: 'WindowExecutionId: 518d5565-5969-4cca-8f0e-da3b2a638355\nTaskId: ac0c6ae1-daa3-4a89-832e-d384503b6586\nMaxResults: 500\nFilters:\n  - Key: STATUS\n    Values: [FAILED, Failed]\n', exit: 1 },
  { name: 'explicit-operation-and-kind', argv: ['validate', '-o', 'describe-maintenance-window-execution-task-invocations', '-k', 'response', '-'], stdin: '{"NextToken": ""}', exit: 0 },
  { name: 'error-body-with-status', argv: ['validate', '--kind', 'error', '--operation', 'RegisterTaskWithMaintenanceWindow', '--http-status', '500', '-'], stdin: '{"__type": "DoesNotExistException", "message": "no such window"}', exit: 1 },
  { name: 'ambiguous-payload', argv: ['validate', '-'], stdin: '{"NextToken": "abc"}', exit: 2 },
  { name: 'update-task-inferred', argv: ['validate', '-'], stdin: '{\n  "WindowId": "mw-0123456789abcdef0",\n  "WindowTaskId": "216ae877-0be9-4746-a19d-ed6541a2b3c4",\n  "Targets": [],\n  "MaxErrors": "1",\n  "TaskInvocationParameters": {"RunCommand": {"OutputS3BucketName": "my-new-bucket"}}\n}\n', exit: 1 },
  { name: 'update-task-result-explicit', argv: ['validate', '--kind', 'response', '-'], stdin: '{"WindowId": "mw-0123456789abcdef0", "WindowTaskId": "216ae877-0be9-4746-a19d-ed6541a2b3c4", "Targets": [], "MaxErrors": "1"}', exit: 0 },
  { name: 'window-target-by-command-name', argv: ['validate', '-o', 'register-target-with-maintenance-window', 'test/fixtures/payload/bad/MW061.cli-reference-example.json'], exit: 1 },
  {
    name: 'window-request',
    argv: ['validate', '-'],
    stdin: 'Name: Patch-Window\nSchedule: cron(0 24 ? * MON *)\nScheduleTimezone: america/los_angeles\nScheduleOffset: 2\nDuration: 3\nCutoff: 3\nAllowUnassociatedTargets: false\n',
    exit: 1,
  },
  { name: 'window-update-with-replace', argv: ['validate', '-o', 'update-maintenance-window', '-k', 'request', '-'], stdin: '{"WindowId": "mw-0123456789abcdef0", "Replace": true, "Schedule": "rate(7 days)", "ScheduleOffset": 2}', exit: 1 },
  { name: 'window-cli-examples', argv: ['validate', 'spec/examples/create-cli-example-1.request.json', 'spec/examples/create-cli-example-2.request.json', 'spec/examples/update-cli-example-1.request.json'], exit: 1 },
  { name: 'syntax-error', argv: ['validate', '-'], stdin: '{\n  "WindowId": "mw-0123456789abcdef0",\n}\n', exit: 2 },
  { name: 'missing-file', argv: ['validate', 'no/such/file.json', 'spec/examples/register-sample-request.corrected.json'], exit: 2 },
  { name: 'no-input', argv: ['validate'], exit: 2 },
  { name: 'unknown-option', argv: ['validate', '--strict', 'x.json'], exit: 2 },
  { name: 'unknown-kind', argv: ['validate', '--kind', 'input', 'x.json'], exit: 2 },
  { name: 'unknown-operation', argv: ['validate', '--operation', 'SendCommand', 'x.json'], exit: 2 },
  { name: 'unknown-command', argv: ['check', 'x.json'], exit: 2 },
  { name: 'help', argv: ['--help'], exit: 0 },
  { name: 'validate-help', argv: ['validate', '--help'], exit: 0 },
  { name: 'colour-on-a-tty', argv: ['validate', 'test/fixtures/payload/bad/MW007.example-placeholder.json'], tty: true, exit: 0 },
  { name: 'no-colour-with-NO_COLOR', argv: ['validate', 'test/fixtures/payload/bad/MW007.example-placeholder.json'], tty: true, env: { NO_COLOR: '1' }, exit: 0 },
];

describe('ssm-mw-contracts validate', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCli(c.argv, { ...(c.stdin !== undefined ? { stdin: c.stdin } : {}), ...(c.env ? { env: c.env } : {}), ...(c.tty ? { tty: true } : {}) });
    expect(run.code).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    await expect(transcript(c.argv, run, c.stdin)).toMatchFileSnapshot(`snapshots/validate/${name}.txt`);
  });

  it('prints the report shape of --format json', async () => {
    const run = await runCli(['validate', '--format', 'json', 'spec/examples/register-sample-request.json', 'spec/examples/describe-cli-example.output.json']);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 1, infos: 1 });
    expect(report.results.map((r: { file: string; operation: string; kind: string; valid: boolean }) => [r.file, r.operation, r.kind, r.valid])).toEqual([
      ['spec/examples/register-sample-request.json', 'RegisterTaskWithMaintenanceWindow', 'request', false],
      ['spec/examples/describe-cli-example.output.json', 'DescribeMaintenanceWindowExecutionTaskInvocations', 'response', true],
    ]);
    expect(report.results[0].issues.find((i: { code: string }) => i.code === 'pattern_mismatch')).toMatchObject({ code: 'pattern_mismatch', path: ['WindowId'], pointer: '/WindowId', line: 1, column: 15 });
  });

  it.runIf(existsSync(join(ROOT, 'dist', 'cli.cjs')))('runs as the installed bin', () => {
    let code = 0;
    let out = '';
    try {
      out = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.cjs'), 'validate', 'spec/examples/register-sample-request.json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    } catch (e) {
      code = (e as { status: number }).status;
      out = (e as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(out).toContain('pattern_mismatch');
  });
});
