import { describe, expect, it } from 'vitest';
import { RegisterTaskWithMaintenanceWindowRequest } from '../../src/operations/RegisterTaskWithMaintenanceWindow.js';
import { base64ByteLength, codePointLength, timestampForm } from '../../src/shapes/build.js';
import { compileAwsPattern, unicodeSafePattern } from '../../src/shapes/patterns.js';
import { MaintenanceWindowExecutionId, TargetKey } from '../../src/shapes/scalars.js';
import { metaOf } from '../../src/shapes/meta.js';
import { validate } from '../../src/validate/validate.js';
import { expectIssues } from '../support/expect.js';
import { loadFixtures } from '../support/payloads.js';

const patternOf = (s: Parameters<typeof metaOf>[0]) => {
  const m = metaOf(s);
  if (m.type !== 'string' || !m.pattern) throw new Error('no pattern');
  return m.pattern;
};
const TARGET_KEY = patternOf(TargetKey);
const UUID = patternOf(MaintenanceWindowExecutionId);

describe('pattern flags', () => {
  it('TargetKey needs the u flag: without it \\p{L} is the text "p{L}"', () => {
    expect(new RegExp(TARGET_KEY).test('Ωμέγα')).toBe(false);
    expect(new RegExp(TARGET_KEY, 'u').test('Ωμέγα')).toBe(true);
    expect(compileAwsPattern(TARGET_KEY).flags).toContain('u');
    expect(compileAwsPattern(TARGET_KEY).test('Ωμέγα')).toBe(true);
    expect(compileAwsPattern(TARGET_KEY).test('tag:*')).toBe(false);
  });

  it('the UUID patterns break under the u flag ("\\-" outside a class), so they compile without it', () => {
    expect(() => new RegExp(UUID, 'u')).toThrow(SyntaxError);
    const re = compileAwsPattern(UUID);
    expect(re.flags).not.toContain('u');
    expect(re.test('518d5565-5969-4cca-8f0e-da3b2a638355')).toBe(true);
    expect(re.test('518d5565_5969_4cca_8f0e_da3b2a638355')).toBe(false);
  });

  it('writes the UUID pattern in a form that means the same under u, for JSON Schema validators', () => {
    const safe = unicodeSafePattern(UUID);
    expect(safe).not.toContain('\\-');
    const samples = ['518d5565-5969-4cca-8f0e-da3b2a638355', '518d5565x5969-4cca-8f0e-da3b2a638355', 'ABCDEF01-2345-6789-abcd-ef0123456789', ''];
    for (const s of samples) expect(new RegExp(safe, 'u').test(s)).toBe(new RegExp(UUID).test(s));
    expect(unicodeSafePattern(TARGET_KEY)).toBe(TARGET_KEY);
  });

  it('searches rather than anchors', () => {
    expect(compileAwsPattern('([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)').test('x$LATESTy')).toBe(true);
  });
});

describe('lengths in code points', () => {
  it('counts astral characters once and lone surrogates once', () => {
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('\ude00\ud83d')).toBe(2);
  });

  it('rejects 65 emoji in ClientToken (max 64) but accepts 64, which are 128 UTF-16 units', () => {
    const base = loadFixtures('good').find((f) => f.name === 'register-automation-targetless')!.payload as object;
    expectIssues(validate('RegisterTaskWithMaintenanceWindow', 'request', { ...base, ClientToken: '😀'.repeat(64) }).issues, []);
    expectIssues(validate('RegisterTaskWithMaintenanceWindow', 'request', { ...base, ClientToken: '😀'.repeat(65) }).issues, [{ code: 'too_long', path: ['ClientToken'] }]);
  });
});

describe('blobs', () => {
  const lambda = loadFixtures('good').find((f) => f.name === 'register-lambda-targetless')!.payload as { TaskInvocationParameters: { Lambda: object } };
  const withPayload = (Payload: unknown) => ({ ...lambda, TaskInvocationParameters: { Lambda: { Payload } } });

  it('measures canonical base64 by its decoded bytes', () => {
    expect(base64ByteLength('')).toBe(0);
    expect(base64ByteLength('YQ==')).toBe(1);
    expect(base64ByteLength('YWI=')).toBe(2);
    expect(base64ByteLength('YWJj')).toBe(3);
    expect(base64ByteLength('YQ')).toBeUndefined();
    expect(base64ByteLength('Y Q==')).toBeUndefined();
  });

  it('limits decoded bytes, not base64 characters (4096 bytes are 5464 characters)', () => {
    const at = ['TaskInvocationParameters', 'Lambda', 'Payload'];
    expectIssues(validate('RegisterTaskWithMaintenanceWindow', 'request', withPayload(Buffer.alloc(4096).toString('base64'))).issues, []);
    expectIssues(validate('RegisterTaskWithMaintenanceWindow', 'request', withPayload(Buffer.alloc(4097).toString('base64'))).issues, [{ code: 'too_long', path: at }]);
  });

  it('reads a string as raw text in SDK representation, and says which form it saw', () => {
    const text = '{"k":"' + 'é'.repeat(2047) + '"}'; // 2054 characters, 4102 UTF-8 bytes
    const wire = validate('RegisterTaskWithMaintenanceWindow', 'request', withPayload(text));
    expectIssues(wire.issues, [{ code: 'invalid_base64', path: ['TaskInvocationParameters', 'Lambda', 'Payload'] }]);
    expect(wire.representation.blobs).toBe('base64');
    const sdk = validate('RegisterTaskWithMaintenanceWindow', 'request', withPayload(text), { representation: 'sdk' });
    expectIssues(sdk.issues, [{ code: 'too_long', path: ['TaskInvocationParameters', 'Lambda', 'Payload'] }]);
    expect(sdk.representation.blobs).toBe('text');
    const bytes = validate('RegisterTaskWithMaintenanceWindow', 'request', withPayload(new TextEncoder().encode('{}')));
    expect(bytes.valid).toBe(true);
    expect(bytes.representation.blobs).toBe('bytes');
  });
});

describe('timestamps', () => {
  const identity = (StartTime: unknown) => ({ WindowExecutionTaskInvocationIdentities: [{ StartTime }] });

  it('accepts epoch seconds, Dates and ISO 8601 text, and says which it saw', () => {
    expect(validate('DescribeMaintenanceWindowExecutionTaskInvocations', 'response', identity(1487692834.723)).representation.timestamps).toBe('epoch-seconds');
    expect(validate('DescribeMaintenanceWindowExecutionTaskInvocations', 'response', identity(new Date(1487692834723))).representation.timestamps).toBe('Date');
    const iso = validate('DescribeMaintenanceWindowExecutionTaskInvocations', 'response', identity('2017-02-21T15:20:34.723Z'));
    expect(iso.valid).toBe(true);
    expect(iso.representation.timestamps).toBe('ISO-8601');
    expectIssues(iso.issues, [{ code: 'timestamp_text', path: ['WindowExecutionTaskInvocationIdentities', 0, 'StartTime'] }], 'info');
    expect(validate('DescribeMaintenanceWindowExecutionTaskInvocations', 'response', { WindowExecutionTaskInvocationIdentities: [{ StartTime: 1, EndTime: new Date() }] }).representation.timestamps).toBe('mixed');
  });

  it('rejects what is not a time', () => {
    // Out-of-range fields are not a time either (24:00:00 included, which JavaScript's Date.parse would take).
    for (const v of ['yesterday', NaN, Infinity, new Date('x'), '2017-02-21', true, '2017-13-21T15:20:34Z', '2017-02-32T15:20:34Z', '2017-02-21T24:00:00Z', '2017-02-21T15:60:34Z', '2017-02-21T15:20:60Z', '2017-02-21T15:20:34+24:00', '２０１７-02-21T15:20:34Z']) {
      expect(timestampForm(v)).toBeUndefined();
      expectIssues(validate('DescribeMaintenanceWindowExecutionTaskInvocations', 'response', identity(v)).issues, [{ code: 'invalid_type', path: ['WindowExecutionTaskInvocationIdentities', 0, 'StartTime'] }]);
    }
  });
});

describe('integers', () => {
  const base = { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ServiceRoleArn: 'arn:aws:iam::123456789012:role/r' };
  it.each([
    [2147483647, []],
    [2147483648, [{ code: 'too_big', path: ['Priority'] }]],
    [-0, []],
    [1.5, [{ code: 'invalid_type', path: ['Priority'] }]],
    ['10', [{ code: 'invalid_type', path: ['Priority'] }]],
    [true, [{ code: 'invalid_type', path: ['Priority'] }]],
    [10n, [{ code: 'invalid_type', path: ['Priority'] }]],
    [NaN, [{ code: 'invalid_type', path: ['Priority'] }]],
    [null, [{ code: 'invalid_type', path: ['Priority'] }]],
  ] as const)('Priority %s', (Priority, expected) => {
    expectIssues(validate('RegisterTaskWithMaintenanceWindow', 'request', { ...base, Priority }).issues, expected);
  });
});

describe('the exported Zod schemas on their own', () => {
  it('reject a typo, count code points, and search patterns', () => {
    const base = { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION' };
    expect(RegisterTaskWithMaintenanceWindowRequest.safeParse(base).success).toBe(true);
    expect(RegisterTaskWithMaintenanceWindowRequest.safeParse({ ...base, MaxConcurency: '1' }).success).toBe(false);
    expect(RegisterTaskWithMaintenanceWindowRequest.safeParse({ ...base, ClientToken: '😀'.repeat(64) }).success).toBe(true);
    expect(RegisterTaskWithMaintenanceWindowRequest.safeParse({ ...base, ClientToken: '😀'.repeat(65) }).success).toBe(false);
    const issue = RegisterTaskWithMaintenanceWindowRequest.safeParse({ ...base, WindowId: 'mw-0c50858d01EXAMPLE' }).error!.issues[0]!;
    expect(issue).toMatchObject({ path: ['WindowId'], params: { code: 'pattern_mismatch' } });
    expect(issue.message).toContain('does not match the pattern');
  });
});
