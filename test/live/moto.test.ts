import {
  CreateMaintenanceWindowCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DescribeMaintenanceWindowTasksCommand,
  GetMaintenanceWindowTaskCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  UpdateMaintenanceWindowTargetCommand,
  UpdateMaintenanceWindowTaskCommand,
  SSMClient,
  UpdateMaintenanceWindowCommand,
  type SSMClientConfig,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractViolationError, preflight } from '../../src/aws-sdk/index.js';
import { locateBotocoreModel, readJsonFile } from '../../src/cli/commands/check-model.js';
import type { ServiceModel } from '../../src/drift/compare.js';
import { checkExchange, type ExchangeIssue } from '../../src/exchange/exchange.js';
import type { OperationName } from '../../src/operations/index.js';
import { validate } from '../../src/validate/validate.js';
import { casesFor, kindOf, type FaultCase } from '../support/faults.js';
import { INSTALL_HINT, startMoto, type Moto, type WireExchange } from '../support/moto.js';
import { loadFixtures } from '../support/payloads.js';
import { toSdkInput } from '../support/sdk.js';
import { specOperations } from '../support/spec.js';

/*
 * Live contract tests: the real @aws-sdk/client-ssm, with the pre-flight middleware, against a
 * real SSM-compatible server over HTTP (moto_server 5.2.1 on 127.0.0.1, one per file), through a
 * loopback proxy that counts what reaches the server. Valid tasks of every task type must reach
 * moto and succeed with responses that satisfy the response schema; invalid ones must throw
 * before a single byte is sent. The last block records where moto itself breaks the contract
 * (docs/aws-sdk.md, "moto and the contract"): if moto changes, these fail, and the page must change.
 */

let moto: Moto;
let windowId: string;
const reported: { issue: ExchangeIssue; operation: OperationName }[] = [];

function client(options: { guarded: boolean } & Partial<SSMClientConfig>) {
  const { guarded, ...config } = options;
  const c = new SSMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1, ...config });
  if (guarded) c.middlewareStack.use(preflight({ checkResponses: true, onIssue: (issue, { operation }) => void reported.push({ issue, operation }) }));
  return c;
}

/** The exchanges that reach the server while `run` runs. */
async function onTheWire(run: () => Promise<unknown>): Promise<WireExchange[]> {
  const before = moto.exchanges.length;
  await run();
  return moto.exchanges.slice(before);
}

beforeAll(async () => {
  moto = await startMoto();
  const created = await client({ guarded: true }).send(
    new CreateMaintenanceWindowCommand({ Name: 'patching', Schedule: 'cron(0 2 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: true }),
  );
  windowId = created.WindowId!;
}, 300_000);

afterAll(async () => {
  await moto?.stop();
});

const REGISTER = 'RegisterTaskWithMaintenanceWindow';
const TASK_OPERATIONS: readonly OperationName[] = [REGISTER, 'DescribeMaintenanceWindowExecutionTaskInvocations'];

/** Valid payloads of the good fixtures, in the created window, as SDK input. */
function validTasks() {
  return loadFixtures('good')
    .filter((f) => f.operation === REGISTER && f.kind === 'request')
    .map((f) => ({ name: f.name, input: { ...(toSdkInput(REGISTER, f.payload) as Record<string, unknown>), WindowId: windowId } as Record<string, unknown> }));
}

/**
 * Invalid requests of the two task operations, one fault each: every constraint fault of spec/ and every
 * bad fixture with an error, as SDK input (wire-only faults, such as a blob that is not base64,
 * cannot be SDK input and are left out), in the created window unless the fault is the window ID.
 */
function invalidRequests(): (FaultCase & { input: Record<string, unknown> })[] {
  // The window, target and update operations have their own live test (test/live/moto-window.test.ts).
  const constraintFaults = specOperations.filter((s) => TASK_OPERATIONS.includes(s.operation)).flatMap((s) => s.constraints.filter((c) => kindOf(c) === 'request').flatMap((c) => casesFor(s.operation, c, s.constraints).fail));
  const ruleFaults = loadFixtures('bad')
    .filter((f) => f.kind === 'request' && TASK_OPERATIONS.includes(f.operation))
    .flatMap((f) => f.issues.filter((i) => i.severity === 'error').slice(0, 1).map((i) => ({ name: `fixture ${f.name}`, operation: f.operation, kind: f.kind, payload: f.payload, expect: { code: i.code, path: i.path } })));
  // A typo: the SDK drops the unknown member without a word, so the task goes out without MaxConcurrency.
  const { MaxConcurrency, ...targeted } = loadFixtures('good').find((f) => f.name === 'register-run-command-instance-ids')!.payload as Record<string, unknown>;
  const typo: FaultCase = { name: 'a typo', operation: REGISTER, kind: 'request', payload: { ...targeted, MaxConcurency: MaxConcurrency }, expect: { code: 'unknown_member', path: ['MaxConcurency'] } };
  return [...constraintFaults, ...ruleFaults, typo].flatMap((c) => {
    const input = toSdkInput(c.operation, c.payload) as Record<string, unknown> | undefined;
    if (!input) return [];
    if ((c.operation === REGISTER || c.operation === 'UpdateMaintenanceWindow') && c.expect.path[0] !== 'WindowId') input.WindowId = windowId;
    return [{ ...c, input }];
  });
}

/** Each operation's command of the SDK. */
const COMMANDS = {
  RegisterTaskWithMaintenanceWindow: RegisterTaskWithMaintenanceWindowCommand,
  DescribeMaintenanceWindowExecutionTaskInvocations: DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  RegisterTargetWithMaintenanceWindow: RegisterTargetWithMaintenanceWindowCommand,
  UpdateMaintenanceWindowTarget: UpdateMaintenanceWindowTargetCommand,
  UpdateMaintenanceWindowTask: UpdateMaintenanceWindowTaskCommand,
  CreateMaintenanceWindow: CreateMaintenanceWindowCommand,
  UpdateMaintenanceWindow: UpdateMaintenanceWindowCommand,
} as const satisfies Record<OperationName, unknown>;

function send(c: SSMClient, operation: OperationName, input: Record<string, unknown>): Promise<unknown> {
  const Command = COMMANDS[operation] as unknown as new (input: never) => never;
  return c.send(new Command(input as never));
}

describe('through @aws-sdk/client-ssm with preflight, against moto_server', () => {
  it('checks a valid CreateMaintenanceWindow, sends it once, and checks the answer: the window was created on the server', async () => {
    expect(windowId).toMatch(/^mw-[0-9a-f]{17}$/);
    expect(moto.exchanges.map((e) => e.target)).toEqual(['AmazonSSM.CreateMaintenanceWindow']);
    expect(reported).toEqual([]);
  });

  it('registers valid tasks of every task type, targeted and targetless: each reaches moto once and succeeds', async () => {
    const tasks = validTasks();
    const kinds = new Set(tasks.map(({ input }) => `${input.TaskType} ${Array.isArray(input.Targets) && input.Targets.length > 0 ? 'targeted' : 'targetless'}`));
    expect([...kinds].sort()).toEqual([
      'AUTOMATION targeted', 'AUTOMATION targetless', 'LAMBDA targeted', 'LAMBDA targetless', 'RUN_COMMAND targeted', 'STEP_FUNCTIONS targeted', 'STEP_FUNCTIONS targetless',
    ]);
    const c = client({ guarded: true });
    for (const { name, input } of tasks) {
      const wire = await onTheWire(async () => {
        const { $metadata, ...output } = await c.send(new RegisterTaskWithMaintenanceWindowCommand(input as never));
        expect($metadata.httpStatusCode, name).toBe(200);
        // The SDK's output (SDK-shaped) against the response schema:
        expect(validate(REGISTER, 'response', output).issues, name).toEqual([]);
      });
      expect(wire.map((e) => [e.target, e.status]), name).toEqual([[`AmazonSSM.${REGISTER}`, 200]]);
      // ... and the exchange on the wire, request and response, against the contract:
      const exchange = checkExchange({ target: wire[0]!.target, request: wire[0]!.requestBody, status: wire[0]!.status, response: wire[0]!.responseBody });
      expect(exchange.issues.filter((i) => i.severity === 'error'), name).toEqual([]);
    }
    // checkResponses found nothing wrong with moto's answers to valid requests.
    expect(reported.filter((r) => r.issue.part === 'response')).toEqual([]);
  });

  it('stops every invalid request before it is sent: none reaches moto', async () => {
    const cases = invalidRequests();
    expect(cases.length).toBe(141);
    const c = client({ guarded: true });
    const wire = await onTheWire(async () => {
      for (const k of cases) {
        const error = await send(c, k.operation, k.input).then(() => undefined, (e: unknown) => e);
        expect(error, k.name).toBeInstanceOf(ContractViolationError);
        expect((error as ContractViolationError).issues.map((i) => `${i.code} ${JSON.stringify(i.path)}`), k.name).toContain(`${k.expect.code} ${JSON.stringify(k.expect.path)}`);
      }
    });
    expect(wire).toEqual([]);
  });

  it('checks a valid Describe request, sends it once, and reports moto’s answer', async () => {
    const input = { WindowExecutionId: '518d5565-5969-4cca-8f0e-da3b2a638355', TaskId: 'ac0c6ae1-daa3-4a89-832e-d384503b6586', Filters: [{ Key: 'STATUS', Values: ['FAILED'] }], MaxResults: 10 };
    const before = reported.length;
    const wire = await onTheWire(() => client({ guarded: true }).send(new DescribeMaintenanceWindowExecutionTaskInvocationsCommand(input)).catch(() => undefined));
    expect(wire.map((e) => e.target)).toEqual(['AmazonSSM.DescribeMaintenanceWindowExecutionTaskInvocations']);
    expect(reported.slice(before).map((r) => [r.issue.part, r.issue.code])).toEqual([['response', 'body_not_json']]);
  });
});

describe('where moto 5.2.1 breaks the contract (recorded in docs/aws-sdk.md)', () => {
  it('accepts requests that break the contract: everything but an unknown window ID gets 200', async () => {
    const cases = invalidRequests().filter((k) => k.operation === REGISTER);
    const bare = client({ guarded: false });
    const wire = await onTheWire(async () => {
      for (const k of cases) await send(bare, k.operation, k.input).catch(() => undefined);
    });
    expect(wire).toHaveLength(cases.length);
    const refused = wire.filter((e) => e.status !== 200);
    // The only requests moto refuses are those whose (malformed) window ID names no window.
    expect(refused.map((e) => JSON.parse(e.responseBody).__type)).toEqual(refused.map(() => 'DoesNotExistException'));
    expect(refused.length).toBe(cases.filter((k) => k.expect.path[0] === 'WindowId').length);
    expect(wire.length - refused.length).toBe(cases.filter((k) => k.expect.path[0] !== 'WindowId').length);
    // The exchange checker names it on each exchange that moto accepted:
    wire.forEach((e, i) => {
      if (e.status !== 200) return;
      const report = checkExchange({ target: e.target, request: e.requestBody, status: e.status, response: e.responseBody });
      expect(report.issues.map((x) => x.code), cases[i]!.name).toContain('accepted_invalid_request');
    });
  });

  it('creates windows whose schedule AWS refuses or that never start a task (Cutoff not below Duration, Hours 24, a rate with an offset)', async () => {
    const windows = [
      { Name: 'late-cutoff', Schedule: 'cron(0 2 ? * SUN *)', Duration: 5, Cutoff: 12, AllowUnassociatedTargets: true },
      { Name: 'hour-24', Schedule: 'cron(0 24 ? * MON *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: true },
      { Name: 'rate-offset', Schedule: 'rate(7 days)', ScheduleOffset: 2, ScheduleTimezone: 'Not/AZone', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: true },
    ];
    for (const input of windows) expect(validate('CreateMaintenanceWindow', 'request', input).valid, input.Name).toBe(false);
    const wire = await onTheWire(async () => {
      for (const input of windows) await client({ guarded: false }).send(new CreateMaintenanceWindowCommand(input));
    });
    expect(wire.map((e) => e.status)).toEqual([200, 200, 200]);
  });

  it('does not implement UpdateMaintenanceWindow: a 500 HTML page', async () => {
    const wire = await onTheWire(() => client({ guarded: false, maxAttempts: 1 }).send(new UpdateMaintenanceWindowCommand({ WindowId: windowId, Name: 'renamed' })).catch(() => undefined));
    expect(wire.map((e) => [e.status, e.contentType?.split(';')[0]])).toEqual([[500, 'text/html']]);
  });

  it('answers a malformed window ID with DoesNotExistException, where AWS validates the pattern first', async () => {
    const wire = await onTheWire(() =>
      client({ guarded: false }).send(new RegisterTaskWithMaintenanceWindowCommand({ WindowId: 'mw-0c50858d01EXAMPLE', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION' })).catch(() => undefined),
    );
    expect(wire.map((e) => [e.status, JSON.parse(e.responseBody).__type])).toEqual([[400, 'DoesNotExistException']]);
  });

  it('drops AlarmConfiguration, CutoffBehavior and the task type: DescribeMaintenanceWindowTasks does not return them', async () => {
    const c = client({ guarded: true });
    const input = {
      WindowId: windowId,
      TaskArn: 'AWS-RunPatchBaseline',
      TaskType: 'RUN_COMMAND' as const,
      ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
      Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }],
      MaxConcurrency: '1',
      MaxErrors: '1',
      CutoffBehavior: 'CANCEL_TASK' as const,
      AlarmConfiguration: { Alarms: [{ Name: 'patching-errors' }], IgnorePollAlarmFailure: true },
    };
    const wire = await onTheWire(() => c.send(new RegisterTaskWithMaintenanceWindowCommand(input)));
    const sent = JSON.parse(wire[0]!.requestBody);
    expect([sent.AlarmConfiguration, sent.CutoffBehavior, sent.TaskType]).toEqual([input.AlarmConfiguration, 'CANCEL_TASK', 'RUN_COMMAND']);
    const windowTaskId = JSON.parse(wire[0]!.responseBody).WindowTaskId;

    const { Tasks = [] } = await c.send(new DescribeMaintenanceWindowTasksCommand({ WindowId: windowId }));
    const task = Tasks.find((t) => t.WindowTaskId === windowTaskId)!;
    expect(task).toMatchObject({ TaskArn: 'AWS-RunPatchBaseline', MaxConcurrency: '1' });
    expect([task.AlarmConfiguration, task.CutoffBehavior, task.Type]).toEqual([undefined, undefined, undefined]);
    // ... all three are members of the task AWS describes (its model's MaintenanceWindowTask):
    const model = readJsonFile(locateBotocoreModel().file) as ServiceModel;
    expect(Object.keys(model.shapes.MaintenanceWindowTask!.members!)).toEqual(expect.arrayContaining(['AlarmConfiguration', 'CutoffBehavior', 'Type']));
  });

  it('does not implement GetMaintenanceWindowTask: a 500 HTML page', async () => {
    const wire = await onTheWire(() => client({ guarded: false }).send(new GetMaintenanceWindowTaskCommand({ WindowId: windowId, WindowTaskId: '216ae877-0be9-4746-a19d-ed654eb7cd2b' })).catch(() => undefined));
    expect(wire.map((e) => [e.status, e.contentType?.split(';')[0]])).toEqual([[500, 'text/html']]);
  });

  it('lacks DescribeMaintenanceWindowExecutionTaskInvocations: a 500 HTML page, which the SDK retries and cannot read', async () => {
    const input = { WindowExecutionId: '518d5565-5969-4cca-8f0e-da3b2a638355', TaskId: 'ac0c6ae1-daa3-4a89-832e-d384503b6586' };
    let error: unknown;
    // The SDK's default: 3 attempts.
    const wire = await onTheWire(() => client({ guarded: false, maxAttempts: 3, retryStrategy: undefined }).send(new DescribeMaintenanceWindowExecutionTaskInvocationsCommand(input)).catch((e: unknown) => void (error = e)));
    expect(wire.map((e) => [e.status, e.contentType?.split(';')[0]])).toEqual([[500, 'text/html'], [500, 'text/html'], [500, 'text/html']]);
    expect((error as Error).name).toBe('SyntaxError');
    const report = checkExchange({ target: wire[0]!.target, request: wire[0]!.requestBody, status: wire[0]!.status, response: wire[0]!.responseBody, responseContentType: wire[0]!.contentType! });
    expect(report.issues.map((i) => [i.part, i.code])).toEqual([['response', 'body_not_json']]);
  });

  it('ignores the idempotency token: a retried call registers a second task, a mismatched one no IdempotentParameterMismatch', async () => {
    const c = client({ guarded: true });
    const input = { WindowId: windowId, TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION' as const, ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole', ClientToken: 'retry-me-1' };
    const first = await c.send(new RegisterTaskWithMaintenanceWindowCommand(input));
    const retried = await c.send(new RegisterTaskWithMaintenanceWindowCommand(input));
    const mismatched = await c.send(new RegisterTaskWithMaintenanceWindowCommand({ ...input, TaskArn: 'AWS-StopEC2Instance' }));
    expect(new Set([first.WindowTaskId, retried.WindowTaskId, mismatched.WindowTaskId]).size).toBe(3);
  });
});

describe('startMoto', () => {
  it('fails, saying how to install it, when moto_server is not there', async () => {
    await expect(startMoto({ command: '/nonexistent/moto_server' })).rejects.toThrow(INSTALL_HINT);
  });
});
