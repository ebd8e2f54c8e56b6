import {
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContractViolationError, preflight } from '../../src/aws-sdk/index.js';
import { asSent } from '../../src/aws-sdk/sdk-input.js';
import type { Issue } from '../../src/issues/issue.js';
import { operations, type OperationName } from '../../src/operations/index.js';
import { validate } from '../../src/validate/validate.js';

/*
 * preflight's verdict against what the real @aws-sdk/client-ssm (3.1169.0) sends (D50). Each
 * input goes through two clients whose HTTP handler is a stub (no network): one without the
 * plugin records the body the SDK writes; one with it says whether the call was let through. A
 * body that is not UTF-8 JSON is one AWS cannot read; otherwise validate() judges the body as it
 * travels. The two verdicts must agree, but for members the model does not have, which the SDK
 * drops without a word and preflight refuses (D20).
 */

type Input = Record<string, unknown>;

const REGISTER: OperationName = 'RegisterTaskWithMaintenanceWindow';
const DESCRIBE: OperationName = 'DescribeMaintenanceWindowExecutionTaskInvocations';

function client(guarded: boolean, sent: Uint8Array[]) {
  const c = new SSMClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        const body = request.body;
        sent.push(body instanceof Uint8Array ? new Uint8Array(body) : new TextEncoder().encode(String(body)));
        throw new Error('stub: not sent');
      },
    },
  });
  if (guarded) c.middlewareStack.use(preflight({ onIssue: () => {} }));
  return c;
}

const bodies: Uint8Array[] = [];
const plain = client(false, bodies);
const guarded = client(true, []);

const send = (c: SSMClient, operation: OperationName, input: Input): Promise<unknown> =>
  operation === REGISTER ? c.send(new RegisterTaskWithMaintenanceWindowCommand(input as never)) : c.send(new DescribeMaintenanceWindowExecutionTaskInvocationsCommand(input as never));

/** The body the SDK writes for `input`, or undefined when it writes none (it throws first). */
async function bodyOf(operation: OperationName, input: Input): Promise<Uint8Array | undefined> {
  bodies.length = 0;
  await send(plain, operation, input).catch(() => {});
  return bodies[0];
}

/** The body's verdict: sent (valid), or the error-level issues that make AWS refuse it. */
function bodyVerdict(operation: OperationName, body: Uint8Array | undefined): { sent: boolean; errors: string[] } {
  if (body === undefined) return { sent: false, errors: ['the SDK writes no body'] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (error) {
    return { sent: false, errors: [`not UTF-8 JSON: ${(error as Error).message}`] };
  }
  const result = validate(operation, 'request', parsed);
  return { sent: result.valid, errors: result.issues.filter((i) => i.severity === 'error').map(at) };
}

const at = (i: Pick<Issue, 'code' | 'path'>) => `${i.code} at ${i.path.join('.')}`;

/** preflight's verdict: let through, or refused with these error-level issues. */
async function preflightVerdict(operation: OperationName, input: Input): Promise<{ sent: boolean; errors: string[] }> {
  try {
    await send(guarded, operation, input);
  } catch (error) {
    if (error instanceof ContractViolationError) return { sent: false, errors: error.issues.filter((i) => i.severity === 'error').map(at) };
    if ((error as Error).message === 'stub: not sent') return { sent: true, errors: [] };
    return { sent: false, errors: [`the SDK throws: ${(error as Error).message}`] };
  }
  throw new Error('the stub never answers');
}

const VALID: Input = {
  WindowId: 'mw-0123456789abcdef0',
  TaskArn: 'AWS-RunShellScript',
  TaskType: 'RUN_COMMAND',
  ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
  Targets: [{ Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] }],
  MaxConcurrency: '10%',
  MaxErrors: '1',
};

const withHidden = (base: Input, key: string, value: unknown) => {
  const out = { ...base };
  Object.defineProperty(out, key, { value, enumerable: false });
  return out;
};

class RegisterTask {
  // The class's own state: not members, and not sent.
  readonly window: string;
  readonly attempts = 3;
  constructor(window: string) {
    this.window = window;
  }
  get WindowId() {
    return this.window;
  }
  get TaskArn() {
    return 'AWS-RestartEC2Instance';
  }
  get TaskType() {
    return 'AUTOMATION';
  }
  get ServiceRoleArn() {
    return 'arn:aws:iam::123456789012:role/MaintenanceWindowRole';
  }
}

/** Each case: an input, and whether the SDK's body is valid (what preflight must then say). */
const CASES: { name: string; operation?: OperationName; input: () => Input; sent: boolean; errors?: string[] }[] = [
  { name: 'a member inherited through the prototype', input: () => Object.assign(Object.create({ Priority: -1 }) as Input, VALID), sent: false, errors: ['too_small at Priority'] },
  { name: 'a whole payload inherited through the prototype', input: () => Object.create(VALID) as Input, sent: true },
  { name: 'a non-enumerable own member', input: () => withHidden(VALID, 'Priority', -1), sent: false, errors: ['too_small at Priority'] },
  { name: 'a non-enumerable valid member', input: () => withHidden(VALID, 'Priority', 3), sent: true },
  {
    name: 'a "__proto__" key from JSON.parse, WindowId only inside it',
    input: () => JSON.parse('{"__proto__": {"WindowId": "mw-0123456789abcdef0"}, "TaskArn": "AWS-RestartEC2Instance", "TaskType": "AUTOMATION"}') as Input,
    sent: false,
    errors: ['required at WindowId', 'unknown_member at __proto__'],
  },
  { name: 'a class whose getters supply the members', input: () => new RegisterTask('mw-0123456789abcdef0') as unknown as Input, sent: true },
  { name: 'a class whose getter supplies a bad WindowId', input: () => new RegisterTask('mw-0c50858d01EXAMPLE') as unknown as Input, sent: false, errors: ['pattern_mismatch at WindowId'] },
  {
    name: 'an inherited member two levels down',
    input: () => ({ ...VALID, TaskType: 'LAMBDA', TaskArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', Targets: undefined, MaxConcurrency: undefined, MaxErrors: undefined, TaskInvocationParameters: { Lambda: Object.create({ Payload: new Uint8Array(4097) }) } }),
    sent: false,
    errors: ['too_long at TaskInvocationParameters.Lambda.Payload'],
  },
  {
    name: 'a getter on a nested structure',
    input: () => ({ ...VALID, LoggingInfo: { S3BucketName: 'b', get S3Region() { return 'us-east-1'; } } }),
    sent: false,
    errors: ['too_short at LoggingInfo.S3BucketName'],
  },
  {
    name: 'a non-enumerable list item property and a hole',
    // eslint-disable-next-line no-sparse-arrays
    input: () => ({ ...VALID, Targets: [, { Key: 'WindowTargetIds', Values: withHidden({}, '0', 'e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4') as unknown as string[] }] }),
    sent: false,
    errors: ['invalid_type at Targets.0.Values'],
  },
  {
    name: 'a "__proto__" key in a map, from JSON.parse',
    input: () => ({ ...VALID, TaskInvocationParameters: { RunCommand: JSON.parse('{"Parameters": {"__proto__": ["x"], "commands": ["uptime"]}}') } }),
    sent: true,
  },
  { name: 'a map entry inherited, not sent', input: () => ({ ...VALID, TaskInvocationParameters: { RunCommand: { Parameters: Object.create({ commands: [5] }) } } }), sent: true },
  { name: 'null and undefined members, items and entries', input: () => ({ ...VALID, Priority: null, Targets: [null, { Key: 'WindowTargetIds', Values: [undefined, 'e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4', null] }], TaskInvocationParameters: { RunCommand: { Parameters: { a: null, b: ['x', null] } } } }), sent: true },
  { name: 'a null ClientToken (written with no value)', input: () => ({ ...VALID, ClientToken: null }), sent: false, errors: ['invalid_type at ClientToken'] },
  { name: 'a Date where a string belongs (its ISO text)', input: () => ({ ...VALID, Description: new Date(0) }), sent: true },
  { name: 'a String object (its string)', input: () => ({ ...VALID, Description: new String('nightly') }), sent: true },
  { name: 'a String object beyond ASCII (garbled)', input: () => ({ ...VALID, Description: new String('été') }), sent: false, errors: ['invalid_type at Description'] },
  { name: 'NaN where a string belongs ("NaN")', input: () => ({ ...VALID, Description: NaN }), sent: true },
  { name: 'NaN where an integer belongs', input: () => ({ ...VALID, Priority: NaN }), sent: false, errors: ['invalid_type at Priority'] },
  { name: 'a bigint Priority (its digits)', input: () => ({ ...VALID, Priority: 5n }), sent: true },
  { name: 'a bigint Priority beyond the range', input: () => ({ ...VALID, Priority: 2n ** 40n }), sent: false, errors: ['too_big at Priority'] },
  { name: 'a symbol (written raw, not JSON)', input: () => ({ ...VALID, Description: Symbol('x') }), sent: false, errors: ['invalid_type at Description'] },
  { name: 'Dates and NaN in a list of strings', input: () => ({ ...VALID, Targets: [{ Key: 'WindowTargetIds', Values: [new Date(0), 'e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] }] }), sent: true },
  { name: 'a number in a list of strings', input: () => ({ ...VALID, Targets: [{ Key: 'WindowTargetIds', Values: [7] }] }), sent: false, errors: ['invalid_type at Targets.0.Values.0'] },
  { name: 'an array-like object where a list belongs', input: () => ({ ...VALID, Targets: { 0: { Key: 'WindowTargetIds', Values: ['x'] }, length: 1 } }), sent: false, errors: ['invalid_type at Targets'] },
  { name: 'an empty list where a structure belongs (sent as {})', input: () => ({ ...VALID, TaskInvocationParameters: [] }), sent: true },
  { name: 'a String object as a Lambda Payload (its text is base64)', input: () => ({ ...VALID, TaskType: 'LAMBDA', TaskArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', Targets: undefined, MaxConcurrency: undefined, MaxErrors: undefined, TaskInvocationParameters: { Lambda: { Payload: new String('e30=') } } }), sent: true },
  { name: 'an ArrayBuffer as a Lambda Payload (sent as {})', input: () => ({ ...VALID, TaskType: 'LAMBDA', TaskArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', Targets: undefined, MaxConcurrency: undefined, MaxErrors: undefined, TaskInvocationParameters: { Lambda: { Payload: new ArrayBuffer(2) } } }), sent: false, errors: ['invalid_type at TaskInvocationParameters.Lambda.Payload'] },
  { name: 'a string __type, which sends every enumerable key', input: () => ({ ...VALID, __type: 'x', Extra: Object.create({ y: 1 }) }), sent: false, errors: ['unknown_member at __type', 'unknown_member at Extra'] },
  {
    name: 'a Describe request whose filters come through a getter',
    operation: DESCRIBE,
    input: () => ({ WindowExecutionId: '518d5565-5969-4cca-8f0e-da3b2a638355', TaskId: 'ac0c6ae1-daa3-4a89-832e-d384503b6586', get Filters() { return [{ Key: 'STATUS', Values: ['NOPE'] }]; } }),
    sent: false,
    errors: ['status_filter_value at Filters.0.Values.0'],
  },
];

describe('preflight checks what the SDK sends (D50)', () => {
  it.each(CASES)('$name', async ({ operation = REGISTER, input, sent, errors }) => {
    const body = bodyVerdict(operation, await bodyOf(operation, input()));
    expect(body.sent, `the SDK's body: ${body.errors.join(', ')}`).toBe(sent);
    const verdict = await preflightVerdict(operation, input());
    expect(verdict.sent).toBe(body.sent);
    if (errors) expect(verdict.errors).toEqual(errors);
  });

  it('still refuses a member the model does not have, which the SDK drops (D20), but not a class’s own fields', async () => {
    const typo = { ...VALID, MaxConcurency: '10%' };
    expect(bodyVerdict(REGISTER, await bodyOf(REGISTER, typo)).sent).toBe(true);
    expect(await preflightVerdict(REGISTER, typo)).toEqual({ sent: false, errors: ['unknown_member at MaxConcurency'] });
    const items = { ...VALID, TaskInvocationParameters: [{ RunCommand: {} }] };
    expect(await preflightVerdict(REGISTER, items)).toEqual({ sent: false, errors: ['unknown_member at TaskInvocationParameters.0'] });
    // RegisterTask holds `window` and `attempts`: read through its getters, as the SDK reads it.
    expect(await preflightVerdict(REGISTER, new RegisterTask('mw-0123456789abcdef0') as unknown as Input)).toEqual({ sent: true, errors: [] });
  });

  it('reports a read that throws where it is, and sends nothing', async () => {
    const input = { ...VALID, LoggingInfo: { S3BucketName: 'bucket', get S3Region(): string { throw new Error('no region today'); } } };
    const { payload, unreadable } = asSent(operations[REGISTER].request, input);
    expect(unreadable.map(at)).toEqual(['unreadable_value at LoggingInfo.S3Region']);
    expect(unreadable[0]!.params.reason).toBe('no region today');
    // The rest is checked: nothing else is wrong with it.
    expect(validate(REGISTER, 'request', payload, { representation: 'sdk' }).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(asSent(operations[REGISTER].request, { ...VALID, TaskInvocationParameters: revoked.proxy }).unreadable.map(at)).toEqual(['unreadable_value at TaskInvocationParameters']);
  });

  it('never changes the caller’s object, and reads each getter once', () => {
    let reads = 0;
    const input = { ...VALID, get Priority() { reads++; return 1; }, TaskInvocationParameters: JSON.parse('{"RunCommand": {"Parameters": {"__proto__": ["x"]}}}') };
    const before = JSON.stringify(input);
    reads = 0;
    const { payload } = asSent(operations[REGISTER].request, input);
    expect(reads).toBe(1);
    expect(JSON.stringify(input)).toBe(before);
    expect(Object.keys((payload as { TaskInvocationParameters: { RunCommand: { Parameters: object } } }).TaskInvocationParameters.RunCommand.Parameters)).toEqual(['__proto__']);
  });

  it('does not walk a sparse list of length 2^32 - 1', () => {
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    const { payload } = asSent(operations[REGISTER].request, { ...VALID, Targets: huge });
    expect((payload as { Targets: unknown }).Targets).toBe(huge);
  });

  // Random valid and broken payloads, each member given in one of the ways a caller can hand it to the SDK.
  it('agrees with the SDK on generated inputs', async () => {
    const member = (value: unknown) => fc.constantFrom('own', 'inherited', 'hidden', 'getter', 'null').map((how) => ({ how, value }));
    const inputs = fc
      .record({
        WindowId: fc.constantFrom('mw-0123456789abcdef0', 'mw-0c50858d01EXAMPLE').chain(member),
        TaskArn: fc.constantFrom('AWS-RunShellScript', '').chain(member),
        TaskType: fc.constantFrom('RUN_COMMAND', 'AUTOMATION', 'LAMB').chain(member),
        Priority: fc.constantFrom(0, -1, 3, 2.5).chain(member),
        MaxConcurrency: fc.constantFrom('10%', '0').chain(member),
        MaxErrors: fc.constantFrom('1', 'x').chain(member),
        Targets: fc.constantFrom(VALID.Targets, [{ Key: 'WindowTargetIds', Values: [] }], undefined).chain(member),
      })
      .map((spec) => {
        const proto: Input = {};
        const own: Input = {};
        for (const [key, { how, value }] of Object.entries(spec as Record<string, { how: string; value: unknown }>)) {
          if (how === 'own') own[key] = value;
          else if (how === 'inherited') proto[key] = value;
          else if (how === 'null') own[key] = null;
          else Object.defineProperty(own, key, how === 'hidden' ? { value, enumerable: false } : { get: () => value, enumerable: false });
        }
        const out = Object.create(proto) as Input;
        Object.defineProperties(out, Object.getOwnPropertyDescriptors(own));
        return out;
      });
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        const body = bodyVerdict(REGISTER, await bodyOf(REGISTER, input));
        expect((await preflightVerdict(REGISTER, input)).sent).toBe(body.sent);
      }),
      { numRuns: 150, seed: 14 },
    );
  });
});
