import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, transcript } from '../support/cli.js';
import { CORPUS, ROOT } from '../support/spec.js';


const BAD = 'test/fixtures/cloudformation/bad';
const REPO = 'test/fixtures/aws-cli/repo';

const cases: { name: string; argv: string[]; env?: Record<string, string>; tty?: boolean; cwd?: string; exit: number }[] = [
  { name: 'cdk-out', argv: ['lint', 'test/fixtures/cloudformation/cdk.out'], exit: 1 },
  { name: 'variants', argv: ['lint', `${BAD}/intrinsics.branches-and-parameters.yaml`, `${BAD}/intrinsics.no-value.yaml`], exit: 1 },
  { name: 'variants-json', argv: ['lint', '--format', 'json', `${BAD}/intrinsics.no-value.yaml`], exit: 1 },
  { name: 'suppression-json', argv: ['lint', '-f', 'json', `${BAD}/suppression.yaml`], exit: 1 },
  { name: 'github', argv: ['lint', '--format', 'github', `${BAD}/MW100.properties-cloudformation-lacks.yaml`, `${BAD}/not-checked.yaml`], exit: 1 },
  { name: 'glob', argv: ['lint', `${BAD}/MW10*`], exit: 1 },
  { name: 'payload-files', argv: ['lint', 'examples'], exit: 1 },
  { name: 'warnings-pass-by-default', argv: ['lint', `${BAD}/MW010.sha1.yaml`], exit: 0 },
  { name: 'fail-on-warning', argv: ['lint', '--fail-on', 'warning', `${BAD}/MW010.sha1.yaml`], exit: 1 },
  { name: 'ignore', argv: ['lint', '--ignore', 'MW003,deprecated_value', 'test/fixtures/cloudformation/cdk.out', `${BAD}/MW010.sha1.json`], exit: 0 },
  { name: 'ignore-unknown-rule', argv: ['lint', '--ignore', 'MW033', '.'], exit: 2 },
  { name: 'syntax-error', argv: ['lint', 'test/fixtures/cloudformation/unreadable', `${BAD}/MW011.no-service-role.yaml`], exit: 2 },
  { name: 'missing-path', argv: ['lint', 'no/such/dir', 'test/fixtures/cloudformation/good/coercion.yaml'], exit: 2 },
  { name: 'unrecognized-file', argv: ['lint', 'tsconfig.json'], exit: 0 },
  { name: 'no-input', argv: ['lint'], exit: 2 },
  { name: 'unknown-format', argv: ['lint', '--format', 'xml', '.'], exit: 2 },
  { name: 'lint-help', argv: ['lint', '--help'], exit: 0 },
  { name: 'colour-on-a-tty', argv: ['lint', `${BAD}/MW102.json-text.json`], tty: true, exit: 1 },
  { name: 'no-colour-with-NO_COLOR', argv: ['lint', `${BAD}/MW102.json-text.json`], tty: true, env: { NO_COLOR: '1' }, exit: 1 },
  { name: 'real-world-cloudformation', argv: ['lint', 'cloudformation'], cwd: CORPUS, exit: 1 },
  { name: 'command-lines', argv: ['lint', 'test/fixtures/aws-cli/repo'], exit: 1 },
  { name: 'command-lines-suppression-json', argv: ['lint', '-f', 'json', `${REPO}/scripts/suppressed.sh`], exit: 1 },
  { name: 'command-lines-github', argv: ['lint', '--format', 'github', `${REPO}/Makefile`, `${REPO}/.github/workflows/maintenance.yml`], exit: 1 },
  { name: 'command-lines-ignore', argv: ['lint', '--ignore', 'pattern_mismatch,MW011', `${REPO}/docs`], exit: 1 },
  { name: 'command-line-fixture', argv: ['lint', 'test/fixtures/aws-cli/bad/MW006.eleven-window-targets.sh'], exit: 1 },
  { name: 'real-world-cli', argv: ['lint', 'cli'], cwd: CORPUS, exit: 1 },
];

describe('ssm-mw-contracts lint', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCli(c.argv, { ...(c.env ? { env: c.env } : {}), ...(c.tty ? { tty: true } : {}), ...(c.cwd ? { cwd: c.cwd } : {}) });
    expect(run.code).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    await expect(transcript(c.argv, run)).toMatchFileSnapshot(`snapshots/lint/${name}.txt`);
  });

  it('finds all 14 tasks, 13 windows and 13 window targets of the real-world corpus; its one error is a schedule AWS does not support', async () => {
    const run = await runCli(['lint', '--format', 'json', 'cloudformation'], { cwd: CORPUS! });
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ files: 13, tasks: 14, windows: 13, targets: 13, errors: 1 });
    expect(report.results.filter((r: { resource: string | null }) => r.resource !== null)).toHaveLength(40);
    // zaro0508's window runs `cron(* 17 * * ? *)`, every minute of 17:00: "Cron expressions that lead to rates faster than five (5) minute aren't supported."
    const errors = report.results.flatMap((r: { file: string; issues: { severity: string; rule?: string; line?: number }[] }) => r.issues.filter((i) => i.severity === 'error').map((i) => `${r.file} ${i.rule} ${i.line}`));
    expect(errors).toEqual(['cloudformation/zaro0508__scipool-infra__templates__ec2-jumpcloud-test.yaml MW044 454']);
  });

  it('finds all 42 command lines of the AWS documentation: 35 requests checked (25 tasks, 6 windows, 4 window targets), 7 lines the CLI refuses or that cannot be read', async () => {
    const run = await runCli(['lint', '--format', 'json', 'cli'], { cwd: CORPUS! });
    const report = JSON.parse(run.stdout) as { results: { file: string; resource: string | null; issues: { resource?: string; code: string }[] }[]; summary: { tasks: number } };
    const lines = new Set(report.results.flatMap((r) => (r.resource !== null ? [`${r.file} ${r.resource}`] : r.issues.filter((i) => i.resource).map((i) => `${r.file} ${i.resource}`))));
    expect(lines.size).toBe(42);
    expect(report.summary).toMatchObject({ tasks: 25, windows: 6, targets: 4 });
    const untasked = report.results.filter((r) => r.resource === null).flatMap((r) => r.issues.map((i) => i.code));
    expect(untasked.sort()).toEqual(['cli_refused', 'cli_refused', 'not_checked', 'not_checked', 'not_checked', 'not_checked', 'not_checked']);
  });

  it('prints what docs/aws-cli.md shows for command lines in docs', async () => {
    const page = readFileSync(join(ROOT, 'docs', 'aws-cli.md'), 'utf8');
    const shown = /```\n\$ npx ssm-mw-contracts (lint test\/fixtures\/aws-cli\/\S+)\n([\s\S]*?)```/.exec(page)!;
    const run = await runCli(shown[1]!.split(' '));
    expect(run.stdout).toBe(shown[2]);
  });

  it('puts line, column and resource on each issue of --format json', async () => {
    const run = await runCli(['lint', '--format', 'json', 'test/fixtures/cloudformation/cdk.out']);
    const report = JSON.parse(run.stdout);
    const restart = report.results.find((r: { resource: string }) => r.resource === 'RestartTask');
    expect(restart.issues).toEqual([expect.objectContaining({ code: 'targetless_task_forbids_rate_controls', rule: 'MW003', path: ['MaxConcurrency'], line: 39, column: 5, resource: 'RestartTask' })]);
  });

  it('shows progress on a terminal when a run takes more than a moment, and clears it', async () => {
    let t = 0;
    const run = await runCli(['lint', 'test/fixtures/cloudformation/good'], { tty: true, env: { NO_COLOR: '1' }, now: () => (t += 400) });
    expect(run.stderr).toMatch(/^\r\x1b\[Klint: \d+\/\d+ files read, \d+ tasks found…/);
    expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
    const quiet = await runCli(['lint', 'test/fixtures/cloudformation/good'], { tty: false, now: () => (t += 400) });
    expect(quiet.stderr).toBe('');
  });
});
