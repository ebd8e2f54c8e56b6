import { describe, expect, it } from 'vitest';
import { checkPayloadText } from '../../src/payload-files/check-payload-text.js';
import { inferTarget } from '../../src/readers/payload/payload-document.js';
import { findingsOf, lintFile } from '../../src/lint/engine.js';

describe('inferTarget', () => {
  it.each([
    [{ WindowId: 'x', TaskArn: 'y', TaskType: 'z', MaxConcurency: '1' }, 'RegisterTaskWithMaintenanceWindow', 'request'],
    [{ WindowTaskId: 'x' }, 'RegisterTaskWithMaintenanceWindow', 'response'],
    [{ WindowExecutionId: 'x', TaskId: 'y' }, 'DescribeMaintenanceWindowExecutionTaskInvocations', 'request'],
    [{ WindowExecutionTaskInvocationIdentities: [] }, 'DescribeMaintenanceWindowExecutionTaskInvocations', 'response'],
    [{ __type: 'FeatureNotAvailableException' }, 'RegisterTaskWithMaintenanceWindow', 'error'],
    [{ WindowId: 'x', ResourceType: 'INSTANCE', Targets: [] }, 'RegisterTargetWithMaintenanceWindow', 'request'],
    [{ WindowTargetId: 'x' }, 'RegisterTargetWithMaintenanceWindow', 'response'],
    [{ WindowId: 'x', WindowTargetId: 'y', Replace: true }, 'UpdateMaintenanceWindowTarget', 'request'],
    // D79: an update without Replace has its result's members; the complete request wins the tie.
    [{ WindowId: 'x', WindowTargetId: 'y', Name: 'n' }, 'UpdateMaintenanceWindowTarget', 'request'],
    [{ WindowId: 'x', WindowTaskId: 'y', Priority: 1, MaxConcurrency: '1' }, 'UpdateMaintenanceWindowTask', 'request'],
    [{ WindowId: 'x', WindowTaskId: 'y', Replace: true }, 'UpdateMaintenanceWindowTask', 'request'],
    // Its members are an UpdateMaintenanceWindow response's too; it gives every member Create requires.
    [{ Name: 'w-1', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true }, 'CreateMaintenanceWindow', 'request'],
    // A RegisterTask request and an update's response have both members too; only the update's request gets the ones it requires.
    [{ WindowId: 'mw-0123456789abcdef0', Name: 'My-Renamed-MW' }, 'UpdateMaintenanceWindow', 'request'],
    [{ WindowId: 'mw-0123456789abcdef0', Replace: true }, 'UpdateMaintenanceWindow', 'request'],
  ])('%j is %s %s', (payload, operation, kind) => {
    expect(inferTarget(payload)).toEqual({ ok: true, target: { operation, kind } });
  });

  it.each([
    [{}, 'no-known-members'],
    [{ NextToken: 'x' }, 'ambiguous'],
    // A tie among requests none of which is complete: which operation is meant is the user's to say.
    [{ WindowId: 'x', Targets: [] }, 'ambiguous'],
    // A tie of an incomplete request and its result.
    [{ WindowTaskId: 'y', Priority: 1 }, 'ambiguous'],
    [{ __type: 'DoesNotExistException' }, 'ambiguous'],
    [{ Schedule: 'rate(1 day)', Duration: 2 }, 'ambiguous'],
    [[1], 'not-an-object'],
  ])('%j cannot be told (%s)', (payload, reason) => {
    expect(inferTarget(payload)).toMatchObject({ ok: false, reason });
  });

  it('uses what it is told', () => {
    expect(inferTarget({ NextToken: 'x' }, { kind: 'response' })).toEqual({ ok: true, target: { operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', kind: 'response' } });
    expect(inferTarget({ __type: 'DoesNotExistException' }, { operation: 'DescribeMaintenanceWindowExecutionTaskInvocations' })).toMatchObject({ ok: true });
    expect(inferTarget({ WindowId: 'mw-0123456789abcdef0', Name: 'My-Renamed-MW', Enabled: true }, { kind: 'response' })).toEqual({ ok: true, target: { operation: 'UpdateMaintenanceWindow', kind: 'response' } });
  });
});

describe('checkPayloadText', () => {
  it('places each issue at its line and column, and a missing member at its parent', () => {
    const report = checkPayloadText('{\n  "WindowId": "mw-0c50858d01EXAMPLE",\n  "TaskArn": "AWS-RunShellScript",\n  "TaskType": "RUN_COMMAND"\n}\n', { file: 'x.json' });
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.line, i.column])).toEqual([
      ['pattern_mismatch', 2, 15],
      ['run_command_requires_targets', 1, 1],
    ]);
  });

  it('turns a syntax error or an unrecognisable payload into an input problem', () => {
    expect(checkPayloadText('{"a": }', { file: 'x.json' })).toMatchObject({ inputProblem: 'syntax', issues: [{ code: 'syntax_error', line: 1, column: 7 }] });
    expect(checkPayloadText('{"NextToken": "x"}', { file: 'x.json' })).toMatchObject({ inputProblem: 'unrecognized', issues: [{ code: 'unrecognized_payload' }] });
  });
});

describe('an issue about a part of a string is placed at that part', () => {
  const WINDOW = '"Name": "w-1", "Duration": 2, "Cutoff": 1, "AllowUnassociatedTargets": true';
  const place = (text: string, file: string) => checkPayloadText(text, { file }).issues.filter((i) => i.code === 'cron_value_range').map((i) => [i.line, i.column]);

  it.each([
    ['a JSON string', `{${WINDOW}, "Schedule": "cron(0 24 ? * MON *)"}`, 'w.json', [[1, 99]]],
    ['a plain YAML scalar', 'Name: w-1\nDuration: 2\nCutoff: 1\nAllowUnassociatedTargets: true\nSchedule: cron(0 24 ? * MON *)\n', 'w.yaml', [[5, 18]]],
    ['a single-quoted YAML scalar', "Name: w-1\nDuration: 2\nCutoff: 1\nAllowUnassociatedTargets: true\nSchedule: 'cron(0 24 ? * MON *)'\n", 'w.yaml', [[5, 19]]],
    // What the file writes differs from the string before the field (an escape, a folded scalar): the value's start.
    ['a JSON string with an escape before the field', `{${WINDOW}, "Schedule": "cron(0\\u0020 24 ? * MON *)"}`, 'w.json', [[1, 91]]],
    ['a folded YAML scalar', 'Name: w-1\nDuration: 2\nCutoff: 1\nAllowUnassociatedTargets: true\nSchedule: >-\n  cron(0 24\n  ? * MON *)\n', 'w.yaml', [[5, 11]]],
  ])('%s', (_, text, file, expected) => {
    expect(place(text, file)).toEqual(expected);
  });

  it('puts lint’s finding where validate puts it', () => {
    const text = 'Name: w-1\nDuration: 2\nCutoff: 1\nAllowUnassociatedTargets: true\nSchedule: cron(0 10 ? JUNE * *)\n';
    const linted = findingsOf(lintFile({ file: 'w.yaml', text })!).filter((i) => i.code === 'cron_name');
    expect(linted.map((i) => [i.line, i.column])).toEqual([[5, 23]]);
    expect(checkPayloadText(text, { file: 'w.yaml' }).issues.filter((i) => i.code === 'cron_name').map((i) => [i.line, i.column])).toEqual([[5, 23]]);
  });
});
