import {
  CreateMaintenanceWindowCommand,
  DescribeMaintenanceWindowTargetsCommand,
  GetMaintenanceWindowCommand,
  RegisterTargetWithMaintenanceWindowCommand,
  SSMClient,
  type SSMClientConfig,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractViolationError, preflight } from '../../src/aws-sdk/index.js';
import { locateBotocoreModel, readJsonFile } from '../../src/cli/commands/check-model.js';
import type { ServiceModel } from '../../src/drift/compare.js';
import { checkExchange, type ExchangeIssue } from '../../src/exchange/exchange.js';
import type { OperationName } from '../../src/operations/index.js';
import { validate } from '../../src/validate/validate.js';
import type { FaultCase } from '../support/faults.js';
import { invalidRequests, sdkCommand } from '../support/live.js';
import { startMoto, type Moto, type WireExchange } from '../support/moto.js';
import { loadFixtures } from '../support/payloads.js';
import { toSdkInput } from '../support/sdk.js';
import { specOperations } from '../support/spec.js';

/*
 * Live contract tests of issue 16's five operations: the real @aws-sdk/client-ssm, with the
 * pre-flight middleware, against moto_server 5.2.1 on 127.0.0.1 (its own server, for this file),
 * through the proxy that counts what reaches it. moto implements CreateMaintenanceWindow and
 * RegisterTargetWithMaintenanceWindow, whose valid requests must succeed with answers within the
 * contract; it lacks the three updates, whose valid requests must still go out, once each. Invalid
 * requests of all five must throw before a single byte is sent. The last block records where moto
 * breaks the contract (docs/aws-sdk.md, "moto and the contract"): if moto changes, it fails.
 */

const OPERATIONS = ['CreateMaintenanceWindow', 'UpdateMaintenanceWindow', 'RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget', 'UpdateMaintenanceWindowTask'] as const satisfies readonly OperationName[];
type Operation = (typeof OPERATIONS)[number];
const IMPLEMENTED: readonly Operation[] = ['CreateMaintenanceWindow', 'RegisterTargetWithMaintenanceWindow'];
/** What the update requests name: a task moto never has, and a target this file registers. */
const WINDOW_TASK_ID = '23d3809e-9fbe-4ddf-b41a-b49d7a1b2c3d';

let moto: Moto;
let windowId: string;
let windowTargetId: string;
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

const send = (c: SSMClient, operation: OperationName, input: Record<string, unknown>) => c.send(sdkCommand(operation, input));

/** The window, target and task this file's requests name, unless the fault is that very member. */
function fill(input: Record<string, unknown>, operation: OperationName, at?: unknown) {
  if (operation !== 'CreateMaintenanceWindow' && at !== 'WindowId') input.WindowId = windowId;
  if (operation === 'UpdateMaintenanceWindowTarget' && at !== 'WindowTargetId') input.WindowTargetId = windowTargetId;
  if (operation === 'UpdateMaintenanceWindowTask' && at !== 'WindowTaskId') input.WindowTaskId = WINDOW_TASK_ID;
}

/** Valid requests: the good request fixtures of the five, and AWS's own examples (AWS CLI help pages, User Guide). */
function validRequests(): { name: string; operation: Operation; input: Record<string, unknown> }[] {
  const fixtures = loadFixtures('good')
    .filter((f): f is typeof f & { operation: Operation } => f.kind === 'request' && (OPERATIONS as readonly string[]).includes(f.operation))
    .map((f) => ({ name: `fixture ${f.name}`, operation: f.operation, input: toSdkInput(f.operation, f.payload) as Record<string, unknown> }));
  const examples: { name: string; operation: Operation; input: Record<string, unknown> }[] = [
    { name: 'create, AWS CLI example 1', operation: 'CreateMaintenanceWindow', input: { Name: 'My-Tutorial-Maintenance-Window', Schedule: 'rate(5 minutes)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true, Tags: [{ Key: 'Purpose', Value: 'Tutorial' }] } },
    {
      name: 'create, third Tuesday with an offset, in a zone, between dates',
      operation: 'CreateMaintenanceWindow',
      input: {
        Name: 'patch-tuesday',
        Description: 'two days after Patch Tuesday',
        Schedule: 'cron(30 23 ? * TUE#3 *)',
        ScheduleOffset: 2,
        ScheduleTimezone: 'America/Los_Angeles',
        StartDate: '2026-01-01T00:00:00-08:00',
        EndDate: '2099-12-31T23:59:59-08:00',
        Duration: 4,
        Cutoff: 1,
        AllowUnassociatedTargets: false,
        ClientToken: 'patch-tuesday-1',
      },
    },
    { name: 'register, one instance (AWS CLI example 1)', operation: 'RegisterTargetWithMaintenanceWindow', input: { ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: ['i-0000293ffd8c57862'] }], OwnerInformation: 'Single instance' } },
    { name: 'register, two tags', operation: 'RegisterTargetWithMaintenanceWindow', input: { ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Environment', Values: ['Prod'] }, { Key: 'tag:Role', Values: ['Web'] }], Name: 'web' } },
    { name: 'register, tag keys (AWS CLI example 4)', operation: 'RegisterTargetWithMaintenanceWindow', input: { ResourceType: 'INSTANCE', Targets: [{ Key: 'tag-key', Values: ['Name', 'Instance-Type', 'CostCenter'] }] } },
    { name: 'register, a resource group (AWS CLI example 5)', operation: 'RegisterTargetWithMaintenanceWindow', input: { ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'resource-groups:Name', Values: ['MyResourceGroup'] }] } },
    { name: 'update a window: disable it (AWS CLI example 2)', operation: 'UpdateMaintenanceWindow', input: { Enabled: false } },
    { name: 'update a window, replacing it whole', operation: 'UpdateMaintenanceWindow', input: { Replace: true, Name: 'patching', Schedule: 'cron(0 3 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false } },
    { name: 'update a target: rename it (AWS CLI example)', operation: 'UpdateMaintenanceWindowTarget', input: { Name: 'NewName', Replace: false } },
    { name: 'update a task: its service role (AWS CLI example)', operation: 'UpdateMaintenanceWindowTask', input: { ServiceRoleArn: 'arn:aws:iam::111222333444:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM' } },
  ];
  return [...fixtures, ...examples];
}

/** Invalid requests of the five, one fault each (test/support/live.ts), and a typo in each. */
function faults(): (FaultCase & { input: Record<string, unknown> })[] {
  const typos: FaultCase[] = [
    { name: 'a typo in Create', operation: 'CreateMaintenanceWindow', kind: 'request', payload: { Name: 'abc', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true, SchedulOffset: 1 }, expect: { code: 'unknown_member', path: ['SchedulOffset'] } },
    { name: 'a typo in Update', operation: 'UpdateMaintenanceWindow', kind: 'request', payload: { WindowId: 'x', Enable: false }, expect: { code: 'unknown_member', path: ['Enable'] } },
    { name: 'a typo in Register', operation: 'RegisterTargetWithMaintenanceWindow', kind: 'request', payload: { WindowId: 'x', ResourceType: 'INSTANCE', Target: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }] }, expect: { code: 'unknown_member', path: ['Target'] } },
    { name: 'a typo in Update target', operation: 'UpdateMaintenanceWindowTarget', kind: 'request', payload: { WindowId: 'x', WindowTargetId: 'y', Owner: 'ops' }, expect: { code: 'unknown_member', path: ['Owner'] } },
    { name: 'a typo in Update task', operation: 'UpdateMaintenanceWindowTask', kind: 'request', payload: { WindowId: 'x', WindowTaskId: 'y', MaxConcurency: '1' }, expect: { code: 'unknown_member', path: ['MaxConcurency'] } },
  ];
  return [
    ...invalidRequests(OPERATIONS, (input, c) => fill(input, c.operation, c.expect.path[0])),
    ...typos.map((t) => {
      const input = { ...(t.payload as Record<string, unknown>) };
      fill(input, t.operation);
      return { ...t, input };
    }),
  ];
}

beforeAll(async () => {
  moto = await startMoto();
  const c = client({ guarded: true });
  windowId = (await c.send(new CreateMaintenanceWindowCommand({ Name: 'patching', Schedule: 'cron(0 2 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false }))).WindowId!;
  windowTargetId = (await c.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId: windowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }] }))).WindowTargetId!;
}, 300_000);

afterAll(async () => {
  await moto?.stop();
});

describe('issue 16’s operations through @aws-sdk/client-ssm with preflight, against moto_server', () => {
  it('sends each valid request once: moto answers Create and Register within the contract, and lacks the three updates', async () => {
    const requests = validRequests();
    expect(new Set(requests.map((r) => r.operation))).toEqual(new Set(OPERATIONS));
    const c = client({ guarded: true });
    for (const { name, operation, input } of requests) {
      fill(input, operation);
      const before = reported.length;
      let error: unknown;
      const wire = await onTheWire(async () => {
        try {
          const { $metadata: _metadata, ...output } = (await send(c, operation, input)) as unknown as Record<string, unknown>;
          expect(validate(operation, 'response', output).issues, name).toEqual([]);
        } catch (e) {
          error = e;
        }
      });
      expect(error, name).not.toBeInstanceOf(ContractViolationError);
      expect(wire.map((e) => e.target), name).toEqual([`AmazonSSM.${operation}`]);
      const exchange = checkExchange({ target: wire[0]!.target, request: wire[0]!.requestBody, status: wire[0]!.status, response: wire[0]!.responseBody, ...(wire[0]!.contentType ? { responseContentType: wire[0]!.contentType } : {}) });
      // The request on the wire is within the contract, whatever moto answers.
      expect(exchange.issues.filter((i) => i.part === 'request' && i.severity === 'error'), name).toEqual([]);
      if (IMPLEMENTED.includes(operation)) {
        expect([error, wire[0]!.status], name).toEqual([undefined, 200]);
        expect(exchange.issues.filter((i) => i.severity === 'error'), name).toEqual([]);
        expect(reported.slice(before).filter((r) => r.issue.part === 'response'), name).toEqual([]);
      } else {
        // moto 5.2.1: NotImplementedError, as a 500 HTML page, which checkResponses reports.
        expect([wire[0]!.status, wire[0]!.contentType?.split(';')[0]], name).toEqual([500, 'text/html']);
        expect(reported.slice(before).map((r) => [r.issue.part, r.issue.code]), name).toContainEqual(['response', 'body_not_json']);
      }
    }
  });

  it('stops every invalid request of the five before it is sent: none reaches moto', async () => {
    const cases = faults();
    // Every constraint of spec/ and every bad fixture of the five, and a typo in each.
    for (const operation of OPERATIONS) expect(cases.filter((k) => k.operation === operation).length, operation).toBeGreaterThan(specOperations.some((s) => s.operation === operation) ? 2 : 0);
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

  it('checks a StartDate given as a Date as the SDK sends it: its ISO text', async () => {
    const input = { Name: 'dated', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true, StartDate: new Date('2030-01-01T00:00:00Z') as unknown as string };
    const wire = await onTheWire(() => client({ guarded: true }).send(new CreateMaintenanceWindowCommand(input)));
    expect(JSON.parse(wire[0]!.requestBody).StartDate).toBe('2030-01-01T00:00:00.000Z');
    expect(wire[0]!.status).toBe(200);
  });
});

describe('where moto 5.2.1 breaks the contract of these five (recorded in docs/aws-sdk.md)', () => {
  it('accepts every invalid Create and Register, but for a window ID that names no window and a tag without Key or Value (a 500 page); the updates are a 500 page', async () => {
    const cases = faults();
    const bare = client({ guarded: false });
    const wire = await onTheWire(async () => {
      for (const k of cases) await send(bare, k.operation, k.input).catch(() => undefined);
    });
    // Without preflight every one of them goes out, once (maxAttempts 1).
    expect(wire.map((e) => e.target)).toEqual(cases.map((k) => `AmazonSSM.${k.operation}`));
    cases.forEach((k, i) => {
      const e = wire[i]!;
      // A tag without its Key or Value: moto reads tag["Key"] and tag["Value"] unchecked, and fails.
      const tagless = k.operation === 'CreateMaintenanceWindow' && k.expect.path[0] === 'Tags' && k.expect.code === 'required';
      if (!IMPLEMENTED.includes(k.operation as Operation) || tagless) {
        expect([e.status, e.contentType?.split(';')[0]], k.name).toEqual([500, 'text/html']);
      } else if (k.operation === 'RegisterTargetWithMaintenanceWindow' && k.expect.path[0] === 'WindowId') {
        expect([e.status, JSON.parse(e.responseBody).__type], k.name).toEqual([400, 'DoesNotExistException']);
      } else {
        expect(e.status, k.name).toBe(200);
        const report = checkExchange({ target: e.target, request: e.requestBody, status: e.status, response: e.responseBody });
        if (k.expect.code === 'unknown_member') {
          // A typo never reaches the wire: the SDK drops it without a word, and sends the rest.
          expect(Object.keys(JSON.parse(e.requestBody)), k.name).not.toContain(k.expect.path[0]);
        } else {
          // ... and the exchange checker says what moto accepted.
          expect(report.issues.map((x) => x.code), k.name).toContain('accepted_invalid_request');
        }
      }
    });
  });

  it('does not keep AllowUnassociatedTargets, and GetMaintenanceWindow leaves out what AWS returns', async () => {
    const c = client({ guarded: true });
    const { WindowId } = await c.send(new CreateMaintenanceWindowCommand({ Name: 'unassociated', Schedule: 'rate(7 days)', Duration: 2, Cutoff: 0, AllowUnassociatedTargets: true }));
    const { $metadata: _metadata, ...window } = await c.send(new GetMaintenanceWindowCommand({ WindowId: WindowId! }));
    expect(window).toMatchObject({ WindowId, Name: 'unassociated', Schedule: 'rate(7 days)', Duration: 2, Cutoff: 0, Enabled: true });
    const missing = ['AllowUnassociatedTargets', 'CreatedDate', 'ModifiedDate', 'NextExecutionTime'];
    expect(missing.filter((m) => m in window)).toEqual([]);
    // ... all four are members of AWS's GetMaintenanceWindowResult:
    const model = readJsonFile(locateBotocoreModel().file) as ServiceModel;
    expect(Object.keys(model.shapes.GetMaintenanceWindowResult!.members!)).toEqual(expect.arrayContaining(missing));
  });

  it('returns every target’s OwnerInformation as "", and finds none by its ID', async () => {
    const c = client({ guarded: true });
    const { WindowTargetId } = await c.send(new RegisterTargetWithMaintenanceWindowCommand({ WindowId: windowId, ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Team', Values: ['ops'] }], OwnerInformation: 'ops on call' }));
    const { Targets = [] } = await c.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: windowId }));
    expect(Targets.find((t) => t.WindowTargetId === WindowTargetId)).toMatchObject({ Targets: [{ Key: 'tag:Team', Values: ['ops'] }], OwnerInformation: '' });
    const filtered = await c.send(new DescribeMaintenanceWindowTargetsCommand({ WindowId: windowId, Filters: [{ Key: 'WindowTargetId', Values: [WindowTargetId!] }] }));
    expect(filtered.Targets).toEqual([]);
  });

  it('ignores the idempotency token of a window: the same call twice creates two, another call with it no IdempotentParameterMismatch', async () => {
    const c = client({ guarded: true });
    const input = { Name: 'idempotent', Schedule: 'rate(1 day)', Duration: 2, Cutoff: 1, AllowUnassociatedTargets: false, ClientToken: 'create-once-1' };
    const first = await c.send(new CreateMaintenanceWindowCommand(input));
    const retried = await c.send(new CreateMaintenanceWindowCommand(input));
    const mismatched = await c.send(new CreateMaintenanceWindowCommand({ ...input, Duration: 3 }));
    expect(new Set([first.WindowId, retried.WindowId, mismatched.WindowId]).size).toBe(3);
  });

  it('lacks the three updates: with the SDK’s default retries, three 500 pages and a SyntaxError, not a typed SSM error', async () => {
    for (const [operation, input] of [
      ['UpdateMaintenanceWindow', { WindowId: windowId, Enabled: false }],
      ['UpdateMaintenanceWindowTarget', { WindowId: windowId, WindowTargetId: windowTargetId, Name: 'renamed' }],
      ['UpdateMaintenanceWindowTask', { WindowId: windowId, WindowTaskId: WINDOW_TASK_ID, Priority: 1 }],
    ] as const) {
      let error: unknown;
      const wire = await onTheWire(() => send(client({ guarded: false, maxAttempts: 3 }), operation, input).catch((e: unknown) => void (error = e)));
      expect(wire.map((e) => [e.status, e.contentType?.split(';')[0]]), operation).toEqual([[500, 'text/html'], [500, 'text/html'], [500, 'text/html']]);
      expect((error as Error).name, operation).toBe('SyntaxError');
    }
  });
});
