import { describe, expect, it } from 'vitest';
import { validate } from '../src/validate/validate.js';
import { expectIssues } from './support/expect.js';

const W = 'mw-0123456789abcdef0';

describe('validate()', () => {
  it('reports every issue, not just the first', () => {
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: 'mw-1', TaskArn: '', TaskType: 'RUN_COMMAND', Priority: -1, Name: 'a' });
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.pointer)).toEqual(
      expect.arrayContaining(['/WindowId', '/TaskArn', '/Priority', '/Name', '/Targets']),
    );
  });

  it('never lets a field error hide a cross-field rule', () => {
    // Targets[0] is broken and WindowId has the wrong type; the targetless and target-key rules still speak.
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', {
      WindowId: 42,
      TaskArn: 'AWS-RunShellScript',
      TaskType: 'RUN_COMMAND',
      Targets: [{ Key: 'tag:Env', Values: 'prod' }],
    });
    expectIssues(issues, [
      { code: 'invalid_type', path: ['WindowId'] },
      { code: 'invalid_type', path: ['Targets', 0, 'Values'] },
      { code: 'targeted_task_requires_rate_controls', path: ['MaxConcurrency'], rule: 'MW002' },
      { code: 'targeted_task_requires_rate_controls', path: ['MaxErrors'], rule: 'MW002' },
      { code: 'task_target_key', path: ['Targets', 0, 'Key'], rule: 'MW005' },
    ]);
  });

  it('gives each issue a path, a JSON Pointer, a message and its facts', () => {
    const [issue] = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION', ServiceRoleArn: 'r', TaskParameters: { 'a/b~c': { Values: ['x'.repeat(256)] } } }).issues.filter((i) => i.severity === 'error');
    expect(issue).toEqual({
      code: 'too_long',
      severity: 'error',
      path: ['TaskParameters', 'a/b~c', 'Values', 0],
      pointer: '/TaskParameters/a~1b~0c/Values/0',
      message: 'TaskParameters["a/b~c"].Values[0] is 256 characters long; the maximum is 255 (counted in Unicode code points).',
      params: { maximum: 255, actual: 256, unit: 'characters' },
    });
  });

  it('names the closest member for a typo', () => {
    const [issue] = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION', ServiceRoleArn: 'r', cutoffBehaviour: 'CANCEL_TASK' }).issues;
    expect(issue).toMatchObject({ code: 'unknown_member', path: ['cutoffBehaviour'], params: { closest: 'CutoffBehavior' }, hint: 'Did you mean CutoffBehavior?' });
  });

  it('reports a key of a map that is too long at the key', () => {
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION', ServiceRoleArn: 'r', TaskInvocationParameters: { Automation: { Parameters: { ['k'.repeat(51)]: ['v'] } } } });
    expect(issues).toMatchObject([{ code: 'too_long', path: ['TaskInvocationParameters', 'Automation', 'Parameters', 'k'.repeat(51)], params: { mapKey: true, maximum: 50 } }]);
  });

  it('is valid exactly when no issue is an error, and returns the value then', () => {
    const ok = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION' });
    expect(ok.issues.map((i) => i.severity)).toEqual(['info']);
    expect(ok.valid).toBe(true);
    expect(ok.value).toEqual({ WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION' });
    const bad = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x' });
    expect(bad.valid).toBe(false);
    expect(bad.value).toBeUndefined();
  });

  it('refuses an unknown operation or kind as a programming error', () => {
    expect(() => validate('RegisterTask' as never, 'request', {})).toThrow(TypeError);
    expect(() => validate('RegisterTaskWithMaintenanceWindow', 'input' as never, {})).toThrow(TypeError);
  });

  describe('never throws, whatever the payload', () => {
    const cyclic: Record<string, unknown> = { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION' };
    cyclic.Self = cyclic;
    const throwing = Object.defineProperty({ TaskArn: 'x', TaskType: 'AUTOMATION' }, 'WindowId', { enumerable: true, get: () => { throw new Error('boom'); } });
    class Task { WindowId = W; TaskArn = 'x'; TaskType = 'AUTOMATION'; }
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    it.each([
      ['undefined', undefined],
      ['null', null],
      ['a string', 'x'],
      ['an array', []],
      ['a number', 1],
      ['BigInt', 10n],
      ['a cycle', cyclic],
      ['a getter that throws', throwing],
      ['a class instance', new Task()],
      ['a proxy that throws', proxy],
      ['lone surrogates', { WindowId: '\ud800', TaskArn: '\udfff', TaskType: 'AUTOMATION' }],
    ])('%s', (_, payload) => {
      for (const op of ['RegisterTaskWithMaintenanceWindow', 'DescribeMaintenanceWindowExecutionTaskInvocations'] as const) {
        for (const kind of ['request', 'response', 'error'] as const) {
          const result = validate(op, kind, payload);
          expect(typeof result.valid).toBe('boolean');
          expect(Array.isArray(result.issues)).toBe(true);
        }
      }
    });

    it('reports a getter that throws as an error at the payload', () => {
      expect(validate('RegisterTaskWithMaintenanceWindow', 'request', throwing).issues).toMatchObject([{ code: 'unreadable_value', severity: 'error', params: { reason: 'boom' } }]);
    });
  });
});
