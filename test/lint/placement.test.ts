import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPayloadText } from '../../src/payload-files/check-payload-text.js';
import { findingsOf, lintFile } from '../../src/lint/engine.js';
import { pointsAt } from '../../src/readers/rule-catalog.js';
import { toPlan } from '../support/terraform.js';

/*
 * Where a finding points (issue 13, item 2): a member that should not be there, or that lacks
 * something, at the member's key (a missing member at the key of its nearest written parent); a
 * value that is wrong, at the value. The same in every reader and in `validate`.
 */

/** Line and column of the `nth` (from 1) occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 1): [number, number] {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, index).split('\n');
  return [before.length, before[before.length - 1]!.length + 1];
}

/** Each finding as `RULE-or-code path@line:column`. */
function placed(file: string, text: string): string[] {
  const result = lintFile({ file, text, explicit: true })!;
  return findingsOf(result).map((f) => `${f.rule ?? f.code} ${f.path.join('.')}@${f.line}:${f.column}`);
}

const where = (text: string, needle: string, nth = 1) => at(text, needle, nth).join(':');

describe('the placement each code and rule declares', () => {
  it('points at the key for members that should not be there or are missing, at the value otherwise', () => {
    for (const code of ['required', 'unknown_member', 'unexpected_member', 'run_command_requires_targets', 'targeted_task_requires_rate_controls', 'targetless_task_forbids_rate_controls', 'invocation_parameters_mismatch', 'deprecated_member', 'ignored_legacy_member', 'service_role_recommended', 'cfn_unknown_property', 'cfn_required_property', 'terraform_removed_argument', 'terraform_unsupported_argument', 'terraform_block_structure', 'terraform_update_drops_rate_controls'] as const) {
      expect(pointsAt(code), code).toBe('key');
    }
    for (const code of ['pattern_mismatch', 'too_long', 'too_small', 'invalid_type', 'invalid_enum', 'too_many_items', 'task_target_value_format', 'deprecated_value', 'cfn_json_text', 'terraform_type_mismatch'] as const) {
      expect(pointsAt(code), code).toBe('value');
    }
  });
});

describe('CloudFormation YAML: the shapes of issue 13', () => {
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PatchTask:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: mw-0123456789abcdef0
      TaskArn: AWS-RunPatchBaseline
      TaskType: RUN_COMMAND
      ServiceRoleArn: arn:aws:iam::123456789012:role/MaintenanceWindowRole
      Priority: 1
      Targets:
        - Key: WindowTargetIds
          Values: [e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4]
      MaxConcurrency: "10%"
      MaxErrors: "1"
      TaskParameters:
        Operation:
          Values: [Install]
      LoggingInfo:
        S3Bucket: my-patch-logs
        Region: us-east-1
      TaskInvocationParameters:
        MaintenanceWindowRunCommandParameters:
          TimeoutSeconds: 5
          NotificationConfig:
            NotificationEvents: [Failed]
            NotificationType: Command
        MaintenanceWindowAutomationParameters:
          DocumentVersion: "1"
      Colour: blue
  Restart:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: mw-0123456789abcdef0
      TaskArn: AWS-RestartEC2Instance
      TaskType: AUTOMATION
      Priority: 1
      MaxConcurrency: "1"
      LoggingInfo:
        S3Prefix: logs/
`;

  it('places each finding about a member at its key, a missing one at its parent’s key, a value finding at the value', () => {
    expect(placed('template.yaml', template).sort()).toEqual(
      [
        `MW008 TaskParameters@${where(template, 'TaskParameters:')}`,
        `MW009 TaskParameters@${where(template, 'TaskParameters:')}`,
        `MW008 LoggingInfo@${where(template, 'LoggingInfo:')}`,
        `MW009 LoggingInfo@${where(template, 'LoggingInfo:')}`,
        // cfn-lint 1.51.0 puts its E3003 for the missing NotificationArn at the NotificationConfig key too.
        `MW101 TaskInvocationParameters.RunCommand.NotificationConfig.NotificationArn@${where(template, 'NotificationConfig:')}`,
        `MW004 TaskInvocationParameters.Automation@${where(template, 'MaintenanceWindowAutomationParameters:')}`,
        `MW100 Colour@${where(template, 'Colour:')}`,
        `too_small TaskInvocationParameters.RunCommand.TimeoutSeconds@${where(template, '5\n')}`,
        `MW003 MaxConcurrency@${where(template, 'MaxConcurrency:', 2)}`,
        `MW008 LoggingInfo@${where(template, 'LoggingInfo:', 2)}`,
        `MW009 LoggingInfo@${where(template, 'LoggingInfo:', 2)}`,
        `required LoggingInfo.S3BucketName@${where(template, 'LoggingInfo:', 2)}`,
        `required LoggingInfo.S3Region@${where(template, 'LoggingInfo:', 2)}`,
        `MW011 ServiceRoleArn@${where(template, 'Properties:', 2)}`,
      ].sort(),
    );
  });

  it('names a missing member as the template would, under its parent’s key', () => {
    const result = lintFile({ file: 'template.yaml', text: template, explicit: true })!;
    const missing = findingsOf(result).find((f) => f.code === 'required' && f.path.join('.') === 'LoggingInfo.S3BucketName')!;
    expect(missing.sourcePath).toEqual(['LoggingInfo', 'S3Bucket']);
    expect(missing.message).toBe('LoggingInfo.S3Bucket is required.');
  });
});

describe('cfn-lint as the oracle', () => {
  const available = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;

  it('puts E3002 (a property that should not be there) and E3003 (a missing one) where MW100 and MW101 are', { skip: !available, timeout: 120_000 }, () => {
    const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: mw-0123456789abcdef0
      TaskArn: AWS-RunShellScript
      TaskType: RUN_COMMAND
      Priority: 1
      Colour: blue
      TaskInvocationParameters:
        MaintenanceWindowRunCommandParameters:
          NotificationConfig:
            NotificationEvents: [Failed]
            NotificationType: Command
`;
    const dir = mkdtempSync(join(tmpdir(), 'placement-'));
    try {
      writeFileSync(join(dir, 'template.yaml'), template);
      const run = spawnSync('cfn-lint', ['--format', 'parseable', 'template.yaml'], { cwd: dir, encoding: 'utf8' });
      const theirs = run.stdout.split('\n').flatMap((l) => {
        const m = /^template\.yaml:(\d+):(\d+):\d+:\d+:(E300[23]):/.exec(l);
        return m ? [`${m[3]}@${m[1]}:${m[2]}`] : [];
      });
      expect(theirs.sort()).toEqual(['E3002@10:7', 'E3003@13:11']);
      const ours = placed('template.yaml', template).filter((f) => /^MW10[01] /.test(f));
      expect(ours.map((f) => f.replace(/^MW100 .*@/, 'E3002@').replace(/^MW101 .*@/, 'E3003@')).sort()).toEqual(theirs.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CloudFormation JSON', () => {
  const template = JSON.stringify(
    {
      Resources: {
        PatchTask: {
          Type: 'AWS::SSM::MaintenanceWindowTask',
          Properties: {
            WindowId: 'mw-0123456789abcdef0',
            TaskArn: 'AWS-RunPatchBaseline',
            TaskType: 'AUTOMATION',
            ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
            MaxErrors: '1',
            TaskParameters: { Operation: { Values: ['Install'] } },
            TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: { NotificationConfig: { NotificationType: 'Command' } } },
          },
        },
      },
    },
    null,
    2,
  );

  it('places them at the key as in YAML', () => {
    expect(placed('template.json', template).sort()).toEqual(
      [
        `MW101 Priority@${where(template, '"Properties"')}`,
        `MW003 MaxErrors@${where(template, '"MaxErrors"')}`,
        `MW008 TaskParameters@${where(template, '"TaskParameters"')}`,
        `MW009 TaskParameters@${where(template, '"TaskParameters"')}`,
        `MW004 TaskInvocationParameters.RunCommand@${where(template, '"MaintenanceWindowRunCommandParameters"')}`,
        `MW101 TaskInvocationParameters.RunCommand.NotificationConfig.NotificationArn@${where(template, '"NotificationConfig"')}`,
      ].sort(),
    );
  });
});

describe('Terraform', () => {
  const tf = `resource "aws_ssm_maintenance_window_task" "restart" {
  window_id        = "mw-0123456789abcdef0"
  task_arn         = "AWS-RestartEC2Instance"
  task_type        = "AUTOMATION"
  service_role_arn = "arn:aws:iam::123456789012:role/MaintenanceWindowRole"
  max_concurrency  = "2"
  priority         = "x"

  logging_info {
    s3_bucket_name = "logs"
    s3_region      = "us-east-1"
  }

  task_invocation_parameters {
    run_command_parameters {
      timeout_seconds = 60
    }
  }
}
`;

  it('.tf: an argument or block that should not be there at its name, a value at the value', () => {
    expect(placed('main.tf', tf).sort()).toEqual(
      [
        `MW003 MaxConcurrency@${where(tf, 'max_concurrency')}`,
        `MW204 Priority@${where(tf, '"x"')}`,
        `MW200 LoggingInfo@${where(tf, 'logging_info')}`,
        `MW008 LoggingInfo@${where(tf, 'logging_info')}`,
        `MW009 LoggingInfo@${where(tf, 'logging_info')}`,
        `MW004 TaskInvocationParameters.RunCommand@${where(tf, 'run_command_parameters')}`,
      ].sort(),
    );
  });

  it('plan JSON: at the attribute’s key in the plan', () => {
    const { text } = toPlan(
      { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ServiceRoleArn: 'arn:aws:iam::123456789012:role/MW', MaxConcurrency: '2', Priority: -1 },
      'restart',
    );
    // The second occurrence: resource_changes[].change.after, after planned_values.
    expect(placed('plan.json', text).sort()).toEqual([`MW003 MaxConcurrency@${where(text, '"max_concurrency"', 2)}`, `too_small Priority@${where(text, '-1', 2)}`]);
  });
});

describe('AWS CLI command lines', () => {
  const script = `#!/bin/sh
aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0 --task-arn AWS-RestartEC2Instance \\
  --task-type AUTOMATION --priority 1 --service-role-arn arn:aws:iam::123456789012:role/R \\
  --max-concurrency 1 --logging-info S3BucketName=my-logs,S3Region=us-east-1 \\
  --task-invocation-parameters '{"RunCommand":{"TimeoutSeconds":5}}'
`;

  it('an option that should not be there at its option word, a member inside its value at its key, a value at the value', () => {
    expect(placed('scripts/register.sh', script).sort()).toEqual(
      [
        `MW003 MaxConcurrency@${where(script, '--max-concurrency')}`,
        `MW008 LoggingInfo@${where(script, '--logging-info')}`,
        `MW009 LoggingInfo@${where(script, '--logging-info')}`,
        `MW004 TaskInvocationParameters.RunCommand@${where(script, '"RunCommand"')}`,
        `too_small TaskInvocationParameters.RunCommand.TimeoutSeconds@${where(script, '5}}')}`,
      ].sort(),
    );
  });
});

describe('payload files, in validate and in lint', () => {
  const yaml = `WindowId: mw-0123456789abcdef0
TaskArn: AWS-RestartEC2Instance
TaskType: AUTOMATION
ServiceRoleArn: arn:aws:iam::123456789012:role/R
MaxErrors: "1"
TaskParameters:
  Operation:
    Values: [Install]
LoggingInfo:
  S3KeyPrefix: logs/
TaskInvocationParameters:
  RunCommand:
    TimeoutSeconds: 5
`;
  const expected = [
    `MW003 MaxErrors@${where(yaml, 'MaxErrors')}`,
    `MW008 TaskParameters@${where(yaml, 'TaskParameters')}`,
    `MW009 TaskParameters@${where(yaml, 'TaskParameters')}`,
    `MW008 LoggingInfo@${where(yaml, 'LoggingInfo')}`,
    `MW009 LoggingInfo@${where(yaml, 'LoggingInfo')}`,
    `required LoggingInfo.S3BucketName@${where(yaml, 'LoggingInfo')}`,
    `required LoggingInfo.S3Region@${where(yaml, 'LoggingInfo')}`,
    `MW004 TaskInvocationParameters.RunCommand@${where(yaml, 'RunCommand')}`,
    `too_small TaskInvocationParameters.RunCommand.TimeoutSeconds@${where(yaml, '5\n')}`,
  ].sort();

  it('lint', () => {
    expect(placed('task.yaml', yaml).sort()).toEqual(expected);
  });

  it('validate', () => {
    const report = checkPayloadText(yaml, { file: 'task.yaml' });
    expect(report.issues.map((i) => `${i.rule ?? i.code} ${i.path.join('.')}@${i.line}:${i.column}`).sort()).toEqual(expected);
  });

  it('a missing top-level member of a JSON payload: at the object', () => {
    const json = '{\n  "WindowId": "mw-0123456789abcdef0",\n  "TaskType": "AUTOMATION"\n}\n';
    const report = checkPayloadText(json, { file: 'task.json' });
    expect(report.issues.filter((i) => i.code === 'required').map((i) => [i.path.join('.'), i.line, i.column])).toEqual([['TaskArn', 1, 1]]);
  });
});
