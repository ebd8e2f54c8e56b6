import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFile } from '../../src/lint/engine.js';
import { runCli } from '../support/cli.js';

/*
 * Nothing passes unread: what a reader could not read is a not_checked finding, a task it concerns
 * is counted as checked only in part, a task it could not read at all as not checked, and every
 * output format says so.
 */

const W = 'mw-0123456789abcdef0';

const FILES: Record<string, string> = {
  // A task whose MaxConcurrency is computed by a function, and a resource block without a name.
  'main.tf': `resource "aws_ssm_maintenance_window_task" "patch" {
  window_id        = "${W}"
  task_arn         = "AWS-RunPatchBaseline"
  task_type        = "RUN_COMMAND"
  service_role_arn = "arn:aws:iam::123456789012:role/mw"
  max_concurrency  = format("%d", 2)
  max_errors       = "1"
  targets {
    key    = "InstanceIds"
    values = ["i-0123456789abcdef0"]
  }
}

resource "aws_ssm_maintenance_window_task" {
}
`,
  // A task fully read, beside one that uses a function CloudFormation does not have.
  'template.yaml': `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Clean:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: ${W}
      TaskArn: AWS-RestartEC2Instance
      ServiceRoleArn: arn:aws:iam::123456789012:role/mw
      TaskType: AUTOMATION
      Priority: 1
  Odd:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: ${W}
      TaskArn: !Include task-arn.txt
      ServiceRoleArn: arn:aws:iam::123456789012:role/mw
      TaskType: AUTOMATION
      Priority: 1
`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'not-checked-'));
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a reader could not read', () => {
  it('is a finding, and counts its task as checked in part, or not checked at all', async () => {
    const run = await runCli(['lint', 'main.tf', 'template.yaml'], { cwd: dir });
    expect(run.stdout).toContain('main.tf: 1 task (1 only in part), 1 task not checked (terraform)');
    expect(run.stdout).toContain('main.tf:6:22: info not_checked max_concurrency was not checked: its value is computed with a call of format(), which this reader does not evaluate.');
    expect(run.stdout).toContain('template.yaml: 2 tasks (1 only in part) (cloudformation)');
    expect(run.stdout).toContain('2 files, 3 tasks checked (2 only in part), 1 task not checked: 0 errors, 0 warnings, 3 infos');
  });

  it('is in the JSON summary and on each task', async () => {
    const run = await runCli(['lint', '--format', 'json', 'main.tf', 'template.yaml'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { results: { resource: string | null; checked?: string; unchecked?: string[] }[]; summary: Record<string, number> };
    expect(report.summary).toMatchObject({ files: 2, tasks: 3, partly: 2, unchecked: 1 });
    expect(report.results.filter((r) => r.resource !== null).map((r) => [r.resource, r.checked])).toEqual([
      ['aws_ssm_maintenance_window_task.patch', 'partly'],
      ['Clean', 'fully'],
      ['Odd', 'partly'],
    ]);
    expect(report.results.find((r) => r.unchecked)?.unchecked).toEqual(['aws_ssm_maintenance_window_task']);
  });

  it('is in the SARIF run properties', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'main.tf', 'template.yaml'], { cwd: dir });
    expect(JSON.parse(run.stdout).runs[0].properties.summary).toMatchObject({ tasks: 3, partly: 2, unchecked: 1 });
  });

  it.each([
    ['a template whose Resources is not an object', 'bad.yaml', `AWSTemplateFormatVersion: "2010-09-09"\nResources: AWS::SSM::MaintenanceWindowTask\n`, /This template was not checked: its Resources section is not an object/],
    ['a plan whose task change has no actions', 'plan.json', JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', resource_changes: [{ address: 'aws_ssm_maintenance_window_task.x', mode: 'managed', type: 'aws_ssm_maintenance_window_task', name: 'x', change: {} }] }), /aws_ssm_maintenance_window_task\.x was not checked: its change has no list of actions/],
    ['a plan that is not an object', 'list.json', `[{"format_version": "1.2", "terraform_version": "1.9.0", "type": "aws_ssm_maintenance_window_task"}]`, /This Terraform JSON was not checked: it is not a JSON object/],
  ])('%s', (_, file, text, says) => {
    const result = lintFile({ file, text, explicit: true })!;
    const notChecked = result.issues.filter((i) => i.code === 'not_checked');
    expect(notChecked.map((i) => i.message)).toEqual([expect.stringMatching(says)]);
    expect(notChecked[0]!.line).toBeGreaterThan(0);
  });
});

describe('limit options', () => {
  it.each([
    [['--max-file-size', 'big'], /--max-file-size must be a size such as 512KB or 64MB, not "big"/],
    [['--max-depth', '0'], /--max-depth must be a whole number from 1, not "0"/],
    [['--max-aliases', 'many'], /--max-aliases must be a whole number from 0, not "many"/],
  ])('%j is a usage error', async (options, says) => {
    for (const command of ['validate', 'lint']) {
      const run = await runCli([command, ...options, 'main.tf'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(says);
    }
  });

  it('are the readers’ limits', async () => {
    writeFileSync(join(dir, 'nested.json'), JSON.stringify({ WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION', TaskParameters: { p: { Values: ['a'] } } }));
    writeFileSync(join(dir, 'aliases.yaml'), `WindowId: ${W}\nTaskArn: &a x\nName: *a\nDescription: *a\nTaskType: AUTOMATION\n`);
    for (const command of ['validate', 'lint']) {
      expect((await runCli([command, '--max-depth', '3', 'nested.json'], { cwd: dir })).stderr).toMatch(/nested\.json:1:\d+: Not valid JSON: nesting deeper than 3 levels/);
      expect((await runCli([command, '--max-aliases', '1', 'aliases.yaml'], { cwd: dir })).stderr).toMatch(/aliases\.yaml:3:7: Not valid YAML: its aliases \(\*name\) expand more than 1 times/);
      expect((await runCli([command, '--max-file-size', '100', 'nested.json'], { cwd: dir })).stderr).toMatch(/nested\.json: Cannot read the file: it is larger than the 100 bytes limit \(1\d\d bytes\)/);
    }
  });
});
