import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTerraform, terraformReader, type TerraformTask } from '../../../src/readers/terraform/reader.js';
import { TASK_SCHEMA } from '../../../src/readers/terraform/schema.js';
import { UNKNOWN } from '../../../src/values/unknown-value.js';
import { validate } from '../../../src/validate/validate.js';
import { printBody, resourceBody } from '../../support/hcl.js';
import { findingsOf, summary } from '../../support/lint.js';
import { wordIssue } from '../../../src/issues/make.js';

/** A RUN_COMMAND task with everything it needs (lines 1-7, targets 8-11), then `extra` lines (from line 12, or 8 without targets). */
const BASE = [
  'resource "aws_ssm_maintenance_window_task" "t" {',
  '  window_id        = "mw-0123456789abcdef0"',
  '  task_type        = "RUN_COMMAND"',
  '  task_arn         = "AWS-RunShellScript"',
  '  service_role_arn = "arn:aws:iam::123456789012:role/MW"',
  '  max_concurrency  = "1"',
  '  max_errors       = "1"',
];
const TARGETS = ['  targets {', '    key    = "InstanceIds"', '    values = ["i-0123456789abcdef0"]', '  }'];

/** The task with some arguments replaced (an empty string leaves the line blank, so that lines do not move). */
function task(extra: string[] = [], replace: Record<string, string> = {}, options: { targets?: boolean } = {}): string {
  const lines = BASE.map((l) => {
    const name = l.trim().split(/\s/)[0]!;
    return Object.hasOwn(replace, name) ? (replace[name] === '' ? '' : `  ${name} = ${replace[name]}`) : l;
  });
  return [...lines, ...(options.targets === false ? [] : TARGETS), ...extra, '}', ''].join('\n');
}

const only = (text: string) => {
  const result = readTerraform(text);
  expect(result.findings).toEqual([]);
  expect(result.tasks).toHaveLength(1);
  return result.tasks[0]!;
};

describe('mapping a resource to RegisterTaskWithMaintenanceWindow', () => {
  it('maps every argument and block to the API’s names, with blocks as structures, lists and maps', () => {
    const text = task([
      '  priority        = 2',
      '  name            = "patch"',
      '  description     = "Weekly"',
      '  cutoff_behavior = "CANCEL_TASK"',
      '  task_invocation_parameters {',
      '    run_command_parameters {',
      '      comment              = "c"',
      '      document_hash        = "abc"',
      '      document_hash_type   = "Sha256"',
      '      document_version     = "$DEFAULT"',
      '      output_s3_bucket     = "logs"',
      '      output_s3_key_prefix = "p/"',
      '      service_role_arn     = "arn:aws:iam::123456789012:role/SNS"',
      '      timeout_seconds      = 600',
      '      notification_config {',
      '        notification_arn    = "arn:aws:sns:us-east-1:123456789012:t"',
      '        notification_events = ["Failed"]',
      '        notification_type   = "Command"',
      '      }',
      '      cloudwatch_config {',
      '        cloudwatch_log_group_name = "/ssm"',
      '        cloudwatch_output_enabled = true',
      '      }',
      '      parameter {',
      '        name   = "Operation"',
      '        values = ["Install"]',
      '      }',
      '      parameter {',
      '        name   = "RebootOption"',
      '        values = ["NoReboot"]',
      '      }',
      '    }',
      '  }',
    ]);
    const t = only(text);
    expect(t).toMatchObject({ operation: 'RegisterTaskWithMaintenanceWindow', kind: 'request', resource: 'aws_ssm_maintenance_window_task.t', location: { line: 1, column: 1 } });
    expect(t.payload).toEqual({
      WindowId: 'mw-0123456789abcdef0',
      TaskType: 'RUN_COMMAND',
      TaskArn: 'AWS-RunShellScript',
      ServiceRoleArn: 'arn:aws:iam::123456789012:role/MW',
      MaxConcurrency: '1',
      MaxErrors: '1',
      Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }],
      Priority: 2,
      Name: 'patch',
      Description: 'Weekly',
      CutoffBehavior: 'CANCEL_TASK',
      TaskInvocationParameters: {
        RunCommand: {
          Comment: 'c',
          DocumentHash: 'abc',
          DocumentHashType: 'Sha256',
          DocumentVersion: '$DEFAULT',
          OutputS3BucketName: 'logs',
          OutputS3KeyPrefix: 'p/',
          ServiceRoleArn: 'arn:aws:iam::123456789012:role/SNS',
          TimeoutSeconds: 600,
          NotificationConfig: { NotificationArn: 'arn:aws:sns:us-east-1:123456789012:t', NotificationEvents: ['Failed'], NotificationType: 'Command' },
          CloudWatchOutputConfig: { CloudWatchLogGroupName: '/ssm', CloudWatchOutputEnabled: true },
          Parameters: { Operation: ['Install'], RebootOption: ['NoReboot'] },
        },
      },
    });
    expect(t.issues).toEqual([]);
    expect(validate(t.operation, t.kind, t.payload, t.validateOptions).issues).toEqual([]);
  });

  it('maps the other task types and the 2.x provider’s logging_info and task_parameters', () => {
    const automation = only(task(['  task_invocation_parameters {', '    automation_parameters {', '      document_version = "3"', '      parameter {', '        name   = "InstanceId"', '        values = ["{{RESOURCE_ID}}"]', '      }', '    }', '  }'], { task_type: '"AUTOMATION"' }));
    expect(automation.payload).toMatchObject({ TaskInvocationParameters: { Automation: { DocumentVersion: '3', Parameters: { InstanceId: ['{{RESOURCE_ID}}'] } } } });
    const lambda = only(task(['  task_invocation_parameters {', '    lambda_parameters {', '      client_context = "e30="', '      payload        = "{\\"a\\":1}"', '      qualifier      = "$LATEST"', '    }', '  }'], { task_type: '"LAMBDA"' }));
    expect(lambda.payload).toMatchObject({ TaskInvocationParameters: { Lambda: { ClientContext: 'e30=', Payload: '{"a":1}', Qualifier: '$LATEST' } } });
    expect(lambda.validateOptions).toEqual({ representation: 'sdk' });
    const steps = only(task(['  task_invocation_parameters {', '    step_functions_parameters {', '      input = "{}"', '      name  = "run"', '    }', '  }'], { task_type: '"STEP_FUNCTIONS"' }));
    expect(steps.payload).toMatchObject({ TaskInvocationParameters: { StepFunctions: { Input: '{}', Name: 'run' } } });
    const legacy = only(task(['  logging_info {', '    s3_bucket_name   = "logs"', '    s3_region        = "us-east-1"', '    s3_bucket_prefix = "p"', '  }', '  task_parameters {', '    name   = "commands"', '    values = ["df"]', '  }']));
    expect(legacy.payload).toMatchObject({ LoggingInfo: { S3BucketName: 'logs', S3Region: 'us-east-1', S3KeyPrefix: 'p' }, TaskParameters: { commands: { Values: ['df'] } } });
    expect(legacy.locate(['TaskParameters'])?.sourcePath).toEqual(['task_parameters']);
    expect(legacy.locate(['Targets'])?.sourcePath).toEqual(['targets']);
    expect(legacy.locate(['Targets', 0])?.sourcePath).toEqual(['targets', 0]);
    expect(summary(readTerraform(task(['  logging_info {', '    s3_bucket_name = "logs"', '    s3_region      = "us-east-1"', '  }'])))).toEqual(['MW008@12', 'MW200@12']);
  });

  it('converts values as Terraform does: numbers and bools to strings, decimal strings to numbers, "true" to a bool', () => {
    const t = only(task(['  priority = "10"', '  task_invocation_parameters {', '    run_command_parameters {', '      cloudwatch_config {', '        cloudwatch_output_enabled = "true"', '      }', '    }', '  }'], { max_concurrency: '5', max_errors: '0' }));
    expect(t.payload).toMatchObject({ MaxConcurrency: '5', MaxErrors: '0', Priority: 10, TaskInvocationParameters: { RunCommand: { CloudWatchOutputConfig: { CloudWatchOutputEnabled: true } } } });
  });

  it('reports what Terraform cannot convert, once (MW204), and checks nothing else there', () => {
    const text = task(['  priority = "ten"', '  name     = ["a"]', '  task_invocation_parameters {', '    run_command_parameters {', '      cloudwatch_config {', '        cloudwatch_output_enabled = "yes"', '      }', '    }', '  }'], { max_errors: '{ a = 1 }' });
    expect(summary(readTerraform(text))).toEqual(['MW204@12', 'MW204@13', 'MW204@17', 'MW204@7']);
    expect(summary(readTerraform(task(['  targets {', '    key    = "InstanceIds"', '    values = "i-0123456789abcdef0"', '  }'], {}, { targets: false })))).toEqual(['MW204@10']);
  });
});

describe('what the provider does differently from the API', () => {
  it('leaves out empty strings, empty lists, empty blocks and priority 0, and says so (MW201) but for the priority', () => {
    const text = task(
      [
        '  priority = 0',
        '  targets {',
        '    key    = "InstanceIds"',
        '    values = ["", "i-0123456789abcdef0"]',
        '  }',
        '  task_invocation_parameters {',
        '    run_command_parameters {',
        '      comment = ""',
        '      notification_config {',
        '        notification_type   = "Command"',
        '        notification_events = []',
        '      }',
        '      cloudwatch_config {}',
        '    }',
        '  }',
      ],
      {},
      { targets: false },
    );
    const t = only(text);
    expect(t.payload).toMatchObject({ Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }], TaskInvocationParameters: { RunCommand: { NotificationConfig: { NotificationType: 'Command' } } } });
    expect(t.payload).not.toHaveProperty('Priority');
    expect(t.payload).not.toHaveProperty('TaskInvocationParameters.RunCommand.Comment');
    expect(t.payload).not.toHaveProperty('TaskInvocationParameters.RunCommand.NotificationConfig.NotificationEvents');
    expect(t.payload).not.toHaveProperty('TaskInvocationParameters.RunCommand.CloudWatchOutputConfig');
    expect(summary(readTerraform(text))).toEqual(['MW201@11', 'MW201@15', 'MW201@18', 'MW201@20']);
  });

  it('keeps the empty values its own validation refuses, so that the API’s check reports them', () => {
    expect(summary(readTerraform(task(['  description = ""'])))).toEqual(['too_short@12']);
    expect(summary(readTerraform(task([], { max_errors: '""' })))).toEqual(['pattern_mismatch@7', 'too_short@7']);
  });

  it('collapses repeated parameter blocks into one map entry and warns at the later one (MW202)', () => {
    const text = task(['  task_invocation_parameters {', '    run_command_parameters {', '      parameter {', '        name   = "commands"', '        values = ["a"]', '      }', '      parameter {', '        name   = "commands"', '        values = ["b"]', '      }', '    }', '  }']);
    const t = only(text);
    expect(t.payload).toMatchObject({ TaskInvocationParameters: { RunCommand: { Parameters: { commands: ['b'] } } } });
    expect(findingsOf(readTerraform(text))).toEqual([
      expect.objectContaining({ rule: 'MW202', path: ['TaskInvocationParameters', 'RunCommand', 'Parameters', 'commands'], line: 18, sourcePath: ['task_invocation_parameters', 'run_command_parameters', 'parameter', 1] }),
    ]);
  });

  it('refuses what the provider’s schema refuses: unknown arguments, blocks as arguments, a second block (MW203, MW205)', () => {
    const text = task(['  max_concurency = "1"', '  window_task_id = "x"', '  task_invocation_parameters {', '    run_command_parameters {', '      timeout_second = 60', '    }', '    run_command_parameters {', '      comment = "b"', '    }', '  }', '  alarm_configuration {', '  }']);
    const found = findingsOf(readTerraform(text));
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['MW203', 12, 3],
      ['MW203', 13, 3],
      ['MW205', 18, 5],
      ['MW203', 16, 7],
      ['MW203', 22, 3],
    ]);
    const messages = readTerraform(text).tasks[0]!.issues.map((i) => wordIssue(i)).map((i) => i.message + ' ' + (i.hint ?? ''));
    expect(messages[0]).toContain('Did you mean max_concurrency?');
    expect(messages[1]).toContain('window_task_id is computed by the provider');
    expect(summary(readTerraform(task(['  targets = [{ key = "InstanceIds", values = ["i-1"] }]'], {}, { targets: false })))).toContain('MW205@8');
  });

  it('checks ARNs as the provider does, where the API takes any string (MW206)', () => {
    expect(summary(readTerraform(task([], { service_role_arn: '"MaintenanceWindowRole"' })))).toEqual(['MW206@5']);
    expect(summary(readTerraform(task([], { service_role_arn: '"arn:aws:iam::12345:role/x"' })))).toEqual(['MW206@5']);
    expect(summary(readTerraform(task([], { service_role_arn: '"arn:aws-cn:iam::123456789012:role/x"' })))).toEqual([]);
  });

  it('counts the Lambda payload in bytes, as the provider sends it: 4096 characters can be more than 4096 bytes', () => {
    const lambda = (payload: string) => task(['  task_invocation_parameters {', '    lambda_parameters {', `      payload = "${payload}"`, '    }', '  }'], { task_type: '"LAMBDA"' });
    expect(summary(readTerraform(lambda('é'.repeat(2048))))).toEqual([]);
    const over = findingsOf(readTerraform(lambda('é'.repeat(2049))));
    expect(over.map((f) => [f.code, f.line, f.path])).toEqual([['too_long', 14, ['TaskInvocationParameters', 'Lambda', 'Payload']]]);
    const issue = validate('RegisterTaskWithMaintenanceWindow', 'request', readTerraform(lambda('é'.repeat(2049))).tasks[0]!.payload, { representation: 'sdk' }).issues[0]!;
    expect(issue.message).toBe('TaskInvocationParameters.Lambda.Payload is 4098 bytes long; the maximum is 4096 (counted in bytes, UTF-8 for text).');
  });

  it('sends what create sends: MaxConcurrency on a task without targets fails as the API says (MW003)', () => {
    expect(summary(readTerraform(task([], { task_type: '"AUTOMATION"' }, { targets: false })), ['error'])).toEqual(['MW003@6', 'MW003@7']);
  });

  it('tells what kind of ID a reference holds, and a window ID given as an instance ID (MW208)', () => {
    const text = task(['  targets {', '    key    = "WindowTargetIds"', '    values = aws_ssm_maintenance_window_target.t[*].id', '  }']).replace('["i-0123456789abcdef0"]', '[aws_ssm_maintenance_window.w.id, "${aws_instance.web.id}"]');
    expect(findingsOf(readTerraform(text))).toEqual([expect.objectContaining({ rule: 'MW208', path: ['Targets', 0, 'Values', 0], line: 10, column: 15 })]);
    const instances = task(['  targets {', '    key    = "WindowTargetIds"', '    values = data.aws_instance.web[*].id', '  }']);
    expect(findingsOf(readTerraform(instances))).toEqual([expect.objectContaining({ rule: 'MW208', path: ['Targets', 1, 'Values'], line: 14 })]);
    expect(summary(readTerraform(instances.replace('data.aws_instance.web[*].id', '[aws_instance.web.id]')))).toEqual(['MW208@14']);
    expect(summary(readTerraform(instances.replace('data.aws_instance.web[*].id', 'module.m.ids')))).toEqual([]);
  });
});

describe('what is not known statically', () => {
  it('treats variables (whatever their default), locals, references and function calls as unknown', () => {
    const text = ['variable "mc" {', '  default = "0"', '}', 'locals {', '  arn = "nope"', '}', task([], { max_concurrency: 'var.mc', task_arn: 'local.arn', window_id: 'aws_ssm_maintenance_window.w.id', name: 'lower("X Y")' })].join('\n');
    const t = only(text);
    expect(t.payload).toMatchObject({ MaxConcurrency: UNKNOWN, TaskArn: UNKNOWN, WindowId: UNKNOWN });
    expect(summary(readTerraform(text))).toEqual([]);
  });

  it('keeps a value partly known where it is: a list with one unknown element', () => {
    const t = only(task().replace('["i-0123456789abcdef0"]', '["i-0123456789abcdef0", var.other]'));
    expect(t.payload).toMatchObject({ Targets: [{ Values: ['i-0123456789abcdef0', UNKNOWN] }] });
  });

  it('evaluates templates whose parts are known, and no others', () => {
    const t = only(task(['  name = "patch-${1}-${true}"', '  description = "for ${var.env}"']));
    expect(t.payload).toMatchObject({ Name: 'patch-1-true', Description: UNKNOWN });
  });
});

describe('conditionals, count, for_each and dynamic blocks', () => {
  it('checks both branches of a conditional whose branches are literals, one variant each', () => {
    const result = readTerraform(task([], { task_type: 'var.simple ? "RUN_COMMAND" : "NOPE"' }));
    expect(result.tasks.map((t) => [t.variant, t.payload && (t.payload as { TaskType: unknown }).TaskType])).toEqual([
      ['var.simple is true', 'RUN_COMMAND'],
      ['var.simple is false', 'NOPE'],
    ]);
    expect(findingsOf(result).map((f) => [f.code, f.line, f.variant])).toEqual([['invalid_enum', 3, 'var.simple is false']]);
  });

  it('takes the same branch for every conditional on the same condition (or its negation)', () => {
    const text = task(
      [
        '  task_invocation_parameters {',
        '    dynamic "run_command_parameters" {',
        '      for_each = var.simple ? [1] : []',
        '      content {',
        '        comment = "rc"',
        '      }',
        '    }',
        '    dynamic "automation_parameters" {',
        '      for_each = !var.simple ? ["x"] : []',
        '      content {',
        '        document_version = "$LATEST"',
        '      }',
        '    }',
        '  }',
      ],
      { task_type: '(var.simple) ? "RUN_COMMAND" : "AUTOMATION"' },
    );
    const result = readTerraform(text);
    expect(result.tasks.map((t) => t.payload)).toEqual([
      expect.objectContaining({ TaskType: 'RUN_COMMAND', TaskInvocationParameters: { RunCommand: { Comment: 'rc' } } }),
      expect.objectContaining({ TaskType: 'AUTOMATION', TaskInvocationParameters: { Automation: { DocumentVersion: '$LATEST' } } }),
    ]);
    expect(summary(result)).toEqual([]);
  });

  it('leaves a conditional with an unknown branch unknown, and decides one whose condition is known', () => {
    const result = readTerraform(task(['  name = true ? "a-b" : "c"'], { max_errors: 'var.x ? var.y : "1"' }));
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]!.payload).toMatchObject({ MaxErrors: UNKNOWN, Name: 'a-b' });
  });

  it('creates no task for count = 0, one for an unknown count, none in the variant whose count is 0', () => {
    const none = readTerraform(task(['  count = 0']));
    expect(none.tasks).toEqual([]);
    expect(none.findings.map((f) => [f.issue.code, f.location?.line])).toEqual([['not_checked', 1]]);
    expect(readTerraform(task(['  count = length(var.x)'])).tasks).toHaveLength(1);
    expect(readTerraform(task(['  count = var.on ? 1 : 0'])).tasks.map((t) => [t.variant, (t as TerraformTask).condition])).toEqual([['var.on is true', 'var.on']]);
    expect(readTerraform(task(['  count = var.off ? 0 : 2'])).tasks.map((t) => (t as TerraformTask).condition)).toEqual(['!(var.off)']);
    expect(readTerraform(task(['  count = length(var.x)'])).tasks.map((t) => (t as TerraformTask).condition)).toEqual([undefined]);
  });

  it('checks each instance of a literal for_each map that the body uses, named by its key', () => {
    const text = task(['  for_each = { a = "i-0123456789abcdef0", b = "i-bad" }']).replace('["i-0123456789abcdef0"]', '[each.value]');
    const result = readTerraform(text);
    expect(result.tasks.map((t) => t.resource)).toEqual(['aws_ssm_maintenance_window_task.t["a"]', 'aws_ssm_maintenance_window_task.t["b"]']);
    expect(findingsOf(result).map((f) => [f.rule, f.resource, f.line])).toEqual([['MW007', 'aws_ssm_maintenance_window_task.t["b"]', 10]]);
    expect(readTerraform(task(['  for_each = var.windows'])).tasks).toHaveLength(1);
    expect(readTerraform(task(['  for_each = {}'])).tasks).toHaveLength(0);
  });

  it('expands dynamic blocks over literal collections, with the iterator’s key and value', () => {
    const text = task(
      ['  dynamic "targets" {', '    for_each = { InstanceIds = ["i-0123456789abcdef0"], WindowTargetIds = ["e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4"] }', '    iterator = tg', '    content {', '      key    = tg.key', '      values = tg.value', '    }', '  }'],
      {},
      { targets: false },
    );
    const t = only(text);
    expect(t.payload).toMatchObject({
      Targets: [
        { Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] },
        { Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] },
      ],
    });
    expect(t.locate(['Targets', 1, 'Key'])).toMatchObject({ location: { line: 12, column: 16 }, sourcePath: ['targets', 1, 'key'] });
  });

  it('leaves blocks over unknown collections unknown: a list unknown, a single block possibly absent', () => {
    const text = task(
      ['  dynamic "targets" {', '    for_each = var.targets', '    content {', '      key    = targets.value.key', '      values = targets.value.values', '    }', '  }', '  task_invocation_parameters {', '    dynamic "automation_parameters" {', '      for_each = var.automation', '      content {}', '    }', '  }'],
      {},
      { targets: false },
    );
    const t = only(text);
    expect(t.payload).toMatchObject({ Targets: UNKNOWN });
    expect(summary(readTerraform(text))).toEqual([]);
  });
});

describe('locate, suppression, syntax errors', () => {
  it('locates each API path at its line, in the file’s own names', () => {
    const t = only(task(['  task_invocation_parameters {', '    run_command_parameters {', '      timeout_seconds = 20', '      parameter {', '        name   = "commands"', '        values = ["a", "b"]', '      }', '    }', '  }']));
    expect(t.locate(['TaskInvocationParameters', 'RunCommand', 'TimeoutSeconds'])).toEqual({
      location: { line: 14, column: 25, endLine: 14, endColumn: 27 },
      sourcePath: ['task_invocation_parameters', 'run_command_parameters', 'timeout_seconds'],
    });
    expect(t.locate(['TaskInvocationParameters', 'RunCommand', 'TimeoutSeconds'], 'key')?.location).toMatchObject({ line: 14, column: 7 });
    expect(t.locate(['TaskInvocationParameters', 'RunCommand', 'Parameters', 'commands', 1])).toMatchObject({ location: { line: 17, column: 24 } });
    expect(t.locate(['Targets', 0, 'Values', 0])).toMatchObject({ location: { line: 10, column: 15 }, sourcePath: ['targets', 0, 'values', 0] });
    expect(t.locate(['Description'])).toEqual({ location: { line: 1, column: 1, endLine: 1, endColumn: 9 }, sourcePath: ['description'] });
    expect(t.locate(['TaskInvocationParameters', 'RunCommand', 'NotificationConfig', 'NotificationArn'])).toMatchObject({
      location: { line: 13 },
      sourcePath: ['task_invocation_parameters', 'run_command_parameters', 'notification_config', 'notification_arn'],
    });
    expect(summary(readTerraform(task(['  task_invocation_parameters {', '    run_command_parameters {', '      timeout_seconds = 20', '    }', '  }'])))).toEqual(['too_small@14']);
  });

  it('words findings in Terraform’s names: paths, and the members named in params', () => {
    const messages = (text: string) => findingsOf(readTerraform(text)).map((f) => f.message);
    expect(messages(task([], { service_role_arn: '' }))).toEqual([
      'No service_role_arn: Systems Manager uses its service-linked role, and creates it if it does not exist.',
    ]);
    expect(findingsOf(readTerraform(task([], { service_role_arn: '' })))[0]!.sourcePath).toEqual(['service_role_arn']);
    expect(messages(task([], { task_type: '"AUTOMATION"' }, { targets: false }))).toEqual([
      'max_concurrency cannot be given for a task without targets; the service inserts a placeholder value of 1.',
      'max_concurrency cannot be given for a task without targets; the service inserts a placeholder value of 1.'.replace(/max_concurrency/, 'max_errors'),
    ]);
    const legacy = findingsOf(readTerraform(task(['  task_invocation_parameters {', '    run_command_parameters {', '      comment = "x"', '    }', '  }', '  logging_info {', '    s3_bucket_name = "b"', '    s3_region      = "r"', '  }'])));
    expect(legacy.map((f) => [f.rule, f.message])).toContainEqual(['MW009', 'logging_info is ignored because task_invocation_parameters is given.']);
    expect(legacy.map((f) => f.message)).toContain('logging_info is deprecated.');
    const mw008 = findingsOf(readTerraform(task(['  logging_info {', '    s3_bucket_name = "b"', '    s3_region      = "r"', '  }']))).find((f) => f.rule === 'MW008')!;
    expect(mw008.hint).toBe('Use task_invocation_parameters.run_command_parameters.output_s3_bucket and output_s3_key_prefix instead.');
  });

  it('names both members of MW004 and the task type as the file writes them (issue 13)', () => {
    const text = task(['  task_invocation_parameters {', '    run_command_parameters {', '      timeout_seconds = 600', '    }', '  }'], { task_type: '"AUTOMATION"' }, { targets: false });
    const mw004 = findingsOf(readTerraform(text)).find((f) => f.rule === 'MW004')!;
    expect(mw004).toMatchObject({
      path: ['TaskInvocationParameters', 'RunCommand'],
      sourcePath: ['task_invocation_parameters', 'run_command_parameters'],
      message: 'task_invocation_parameters.run_command_parameters does not match task_type AUTOMATION; only automation_parameters may be given.',
      hint: 'Move these parameters to task_invocation_parameters.automation_parameters, or remove them.',
    });
  });

  it('takes suppressions from comments above the resource or inside it', () => {
    const text = ['# ssm-mw-contracts:ignore MW011 because the window role is enough', '// ssm-mw-contracts:ignore too_small, MW007 -- reviewed', task([], { service_role_arn: '' })].join('\n').replace('"1"\n  targets', '"1" /* ssm-mw-contracts:ignore MW999 */\n  targets');
    const t = only(text);
    expect(t.suppressed).toEqual(['MW011', 'too_small', 'MW007', 'MW999']);
    expect(summary(readTerraform(text))).toEqual([]);
    // A trailing comment on the line above belongs to that line, not to the resource.
    expect(only(`x = 1 # ssm-mw-contracts:ignore MW011\n${task()}`).suppressed).toBeUndefined();
  });

  it('reports syntax errors where they are, and still reads the resources that parse', () => {
    const text = `${task()}resource "aws_ssm_maintenance_window_task" "broken" {\n  name = "x\n}\n${task().replace('"t"', '"after"')}`;
    const result = readTerraform(text);
    expect(result.tasks.map((t) => t.resource)).toEqual(['aws_ssm_maintenance_window_task.t', 'aws_ssm_maintenance_window_task.after']);
    expect(result.findings.map((f) => [f.issue.code, f.issue.severity, f.location?.line, f.location?.column])).toEqual([
      ['syntax_error', 'error', 14, 10],
      ['not_checked', 'info', 13, 1],
    ]);
    expect(wordIssue(result.findings[0]!.issue).message).toBe('Not valid HCL: Invalid multi-line string: Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.');
  });

  it('does not check a resource of an override file on its own', () => {
    for (const file of ['override.tf', 'modules/x/main_override.tf', 'a_override.tofu']) {
      const result = terraformReader.read(file, task(['  priority = 2']), { cwd: '.', readFile: () => undefined });
      expect(result.tasks).toEqual([]);
      expect(result.findings.map((f) => [f.issue.code, f.location?.line])).toEqual([['not_checked', 1]]);
    }
    expect(readTerraform(task(), 'overrides.tf').tasks).toHaveLength(1);
  });

  it('claims .tf and .tofu files that declare the resource', () => {
    expect(terraformReader.detect('main.tf', task())).toBe(true);
    expect(terraformReader.detect('x/main.tofu', task())).toBe(true);
    expect(terraformReader.detect('main.tf', 'resource "aws_instance" "x" {}')).toBe(false);
    expect(terraformReader.detect('main.tf.json', task())).toBe(false);
    expect(terraformReader.read('main.tf', task(), { cwd: '.', readFile: () => undefined }).tasks).toHaveLength(1);
  });
});

describe('robustness (property)', () => {
  it('reads any resource shaped like the schema without throwing, and places every finding on a line', () => {
    fc.assert(
      fc.property(resourceBody(TASK_SCHEMA), (body) => {
        const text = `resource "aws_ssm_maintenance_window_task" "t" {\n${printBody(body.items, '  ')}}\n`;
        const result = readTerraform(text);
        expect(result.findings.filter((f) => f.issue.code === 'syntax_error'), text).toEqual([]);
        for (const f of findingsOf(result)) expect(f.line, `${f.code} ${JSON.stringify(f.path)}\n${text}`).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
