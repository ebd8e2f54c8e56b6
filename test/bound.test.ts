import { describe, expect, it } from 'vitest';
import { MAX_CHECKED_ITEMS } from '../src/validate/bounded-payload.js';
import { validate } from '../src/validate/validate.js';
import { cpuMs } from './support/cpu.js';

/* How much of a payload validate() checks (src/validate/bounded-payload.ts), and what it says about the rest. */

const W = 'mw-0123456789abcdef0';
const base = { WindowId: W, TaskArn: 'AWS-RunShellScript', ServiceRoleArn: 'arn:aws:iam::123456789012:role/mw', TaskType: 'RUN_COMMAND', MaxConcurrency: '1', MaxErrors: '1' };

describe(`validate() checks at most ${MAX_CHECKED_ITEMS} items, entries and unknown members`, () => {
  it('reports a list over its maximum with its real length, and says what it did not check', () => {
    const { valid, issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { ...base, Targets: [{ Key: 'InstanceIds', Values: Array.from({ length: 1_000_000 }, () => 42) }] });
    expect(valid).toBe(false);
    expect(issues.find((i) => i.code === 'too_many_items')).toMatchObject({ path: ['Targets', 0, 'Values'], params: { maximum: 50, actual: 1_000_000 } });
    expect(issues.filter((i) => i.code === 'invalid_type')).toHaveLength(MAX_CHECKED_ITEMS);
    expect(issues.find((i) => i.code === 'not_checked')).toMatchObject({ severity: 'info', path: ['Targets', 0, 'Values'], params: { what: `Everything after the first ${MAX_CHECKED_ITEMS} items of Targets[0].Values` } });
  });

  it('answers a sparse array of length 2^32 - 1 at once, as an error', () => {
    let result!: ReturnType<typeof validate>;
    expect(cpuMs(() => (result = validate('RegisterTaskWithMaintenanceWindow', 'request', { ...base, Targets: new Array(2 ** 32 - 1) })))).toBeLessThan(5000);
    const { valid, issues } = result;
    expect(valid).toBe(false);
    expect(issues.find((i) => i.code === 'too_many_items')?.params).toMatchObject({ actual: 2 ** 32 - 1 });
  });

  it('passes a valid list too long to check in full, says so, and returns no value', () => {
    const result = validate('RegisterTaskWithMaintenanceWindow', 'request', { ...base, Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }], TaskInvocationParameters: { RunCommand: { Parameters: { commands: Array(20_000).fill('echo') } } } });
    expect(result.valid).toBe(true);
    expect(result.value).toBeUndefined();
    expect(result.issues.map((i) => `${i.code} ${i.pointer}`)).toEqual(['not_checked /TaskInvocationParameters/RunCommand/Parameters/commands']);
  });

  it('lists the first unknown members, and says how many more there are', () => {
    const payload: Record<string, unknown> = { ...base, Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }] };
    for (let i = 0; i < MAX_CHECKED_ITEMS + 5; i++) payload[`k${i}`] = i;
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', payload);
    expect(issues.filter((i) => i.code === 'unknown_member')).toHaveLength(MAX_CHECKED_ITEMS);
    expect(issues.find((i) => i.code === 'not_checked')?.message).toBe(
      `Everything after the first ${MAX_CHECKED_ITEMS} unknown members of the payload was not checked: there are ${MAX_CHECKED_ITEMS + 5}, and validate() checks at most ${MAX_CHECKED_ITEMS} items of a list, entries of a map or unknown members of a structure.`,
    );
  });

  it('never changes the payload it is given', () => {
    const values = Array.from({ length: MAX_CHECKED_ITEMS + 1 }, () => 'i-0123456789abcdef0');
    const payload = { ...base, Targets: [{ Key: 'InstanceIds', Values: values }] };
    validate('RegisterTaskWithMaintenanceWindow', 'request', payload);
    expect(payload.Targets[0]!.Values).toBe(values);
    expect(values).toHaveLength(MAX_CHECKED_ITEMS + 1);
  });
});

describe('map entries named __proto__', () => {
  it.each([
    ['a wrong value', { TaskParameters: { ['__proto__']: 0 } }, ['invalid_type /TaskParameters/__proto__']],
    ['a value with a wrong item', { TaskInvocationParameters: { Automation: { Parameters: { ['__proto__']: [1] } } } }, ['invalid_type /TaskInvocationParameters/Automation/Parameters/__proto__/0']],
    ['the only entry of a map that needs one', { TaskInvocationParameters: { Automation: { Parameters: { ['__proto__']: ['x'] } } } }, []],
  ])('are checked and counted: %s', (_, extra, errors) => {
    // A computed key and JSON.parse both make __proto__ an own member, as a file does.
    const payload = JSON.parse(JSON.stringify({ WindowId: W, TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ...extra }));
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', payload);
    expect(issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.pointer}`)).toEqual(errors);
  });
});
