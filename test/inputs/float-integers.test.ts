import { describe, expect, it } from 'vitest';
import { checkPayloadText } from '../../src/payload-files/check-payload-text.js';
import { findingsOf, lintFile } from '../../src/lint/engine.js';

/*
 * D41: a whole number written 1.0 for an integer member. Its value is 1 (JSON.parse and the SDK for
 * JavaScript send 1), but the AWS CLI reads a float and refuses the file given with --cli-input-json
 * or --cli-input-yaml (test/inputs/aws-cli/oracle.test.ts runs both CLIs on it): a warning where the
 * number is written, never an error.
 */

const W = 'mw-0123456789abcdef0';
const JSON_TEXT = `{\n  "WindowId": "${W}",\n  "TaskArn": "AWS-RunShellScript",\n  "TaskType": "RUN_COMMAND",\n  "Priority": 1.0,\n  "TaskInvocationParameters": {"RunCommand": {"TimeoutSeconds": 6e2, "Comment": "x"}},\n  "Targets": [{"Key": "WindowTargetIds", "Values": ["e32eecb2-646c-4f4b-8ed1-205fb0123456"]}], "MaxConcurrency": "1", "MaxErrors": "1"\n}\n`;
const YAML_TEXT = `WindowId: ${W}\nTaskArn: AWS-RunShellScript\nTaskType: AUTOMATION\nPriority:   1.0\nMaxConcurrency: "1.0"\n`;

const warnings = (issues: { code: string; severity: string; line?: number; column?: number; path: readonly (string | number)[] }[]) =>
  issues.filter((i) => i.code === 'integer_written_as_float').map((i) => [i.severity, i.path.join('.'), i.line, i.column]);

describe('integer_written_as_float', () => {
  it('warns at each integer member written with a fraction or an exponent, in JSON and YAML, and the payload stays valid', () => {
    const json = checkPayloadText(JSON_TEXT, { file: 'task.json' });
    expect(json.valid).toBe(true);
    expect(warnings(json.issues)).toEqual([
      ['warning', 'Priority', 5, 15],
      ['warning', 'TaskInvocationParameters.RunCommand.TimeoutSeconds', 6, 65],
    ]);
    expect(json.issues.find((i) => i.code === 'integer_written_as_float')!.message).toBe(
      'Priority is written 1.0: the AWS CLI (--cli-input-json, --cli-input-yaml) and boto3 read a float, which botocore refuses for an integer ("Invalid type for parameter Priority"); JSON.parse and the SDK for JavaScript send 1.',
    );
    const yaml = checkPayloadText(YAML_TEXT, { file: 'task.yaml' });
    // A string member written "1.0" is a string: nothing to say.
    expect(warnings(yaml.issues)).toEqual([['warning', 'Priority', 4, 13]]);
  });

  it('says nothing of integers written as integers, or of a response', () => {
    expect(warnings(checkPayloadText(JSON_TEXT.replace('1.0', '1').replace('6e2', '600'), { file: 'task.json' }).issues)).toEqual([]);
    expect(warnings(checkPayloadText(`{"WindowExecutionTaskInvocationIdentities": [], "NextToken": "x"}`, { file: 'r.json', operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', kind: 'response' }).issues)).toEqual([]);
  });

  it('is reported by lint too, at the number', () => {
    const result = lintFile({ file: 'task.json', text: JSON_TEXT, explicit: true }, { context: { cwd: '/', readFile: () => undefined } })!;
    expect(warnings(findingsOf(result))).toEqual([
      ['warning', 'Priority', 5, 15],
      ['warning', 'TaskInvocationParameters.RunCommand.TimeoutSeconds', 6, 65],
    ]);
  });
});
