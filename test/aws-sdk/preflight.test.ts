import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateMaintenanceWindowCommand,
  DeleteMaintenanceWindowCommand,
  DescribeMaintenanceWindowExecutionTaskInvocationsCommand,
  DoesNotExistException,
  RegisterTargetWithMaintenanceWindowCommand,
  RegisterTaskWithMaintenanceWindowCommand,
  SSMClient,
  UpdateMaintenanceWindowTargetCommand,
  UpdateMaintenanceWindowTaskCommand,
  UpdateMaintenanceWindowCommand,
  type RegisterTaskWithMaintenanceWindowCommandInput,
} from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { ContractViolationError, preflight, type IssueContext, type PreflightOptions } from '../../src/aws-sdk/index.js';
import { collectBody } from '../../src/aws-sdk/preflight.js';
import type { ExchangeIssue } from '../../src/exchange/exchange.js';
import { ROOT } from '../support/spec.js';

/*
 * The middleware inside a real SSMClient whose HTTP handler is a stub that records what it is
 * asked to send and answers from a script: no network. (test/live/ does the same against moto.)
 */

interface Answer {
  statusCode: number;
  body: string | Readable;
  headers?: Record<string, string>;
}

function harness(options: PreflightOptions & { answer?: () => Answer; logger?: Record<string, (...a: unknown[]) => void> } = {}) {
  const sent: { target: string | undefined; body: string }[] = [];
  const issues: [ExchangeIssue, IssueContext][] = [];
  let credentialLookups = 0;
  const answer = options.answer ?? ((): Answer => ({ statusCode: 200, body: '{"WindowTaskId": "216ae877-0be9-4746-a19d-ed654eb7cd2b"}' }));
  const client = new SSMClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    maxAttempts: 1,
    credentials: async () => {
      credentialLookups++;
      return { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
    },
    ...(options.logger ? { logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, ...options.logger } } : {}),
    requestHandler: {
      handle: async (request: { headers: Record<string, string>; body?: unknown }) => {
        const body = request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : String(request.body);
        sent.push({ target: request.headers['x-amz-target'], body });
        const { statusCode, body: answerBody, headers } = answer();
        // As the Node handler does: a stream (a string is sent as one chunk).
        const stream = typeof answerBody === 'string' ? Readable.from([Buffer.from(answerBody)]) : answerBody;
        return { response: { statusCode, headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body: stream } };
      },
    },
  });
  const { answer: _a, logger: _l, ...pluginOptions } = options;
  client.middlewareStack.use(preflight({ ...(options.onIssue === undefined && !options.logger ? { onIssue: (i, c) => void issues.push([i, c]) } : {}), ...pluginOptions }));
  return { client, sent, issues, credentialLookups: () => credentialLookups };
}

const VALID: RegisterTaskWithMaintenanceWindowCommandInput = {
  WindowId: 'mw-0123456789abcdef0',
  TaskArn: 'AWS-RunShellScript',
  TaskType: 'RUN_COMMAND',
  ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
  Targets: [{ Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] }],
  MaxConcurrency: '10%',
  MaxErrors: '1',
};

async function rejection(promise: Promise<unknown>): Promise<ContractViolationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractViolationError) return error;
    throw error;
  }
  throw new Error('the call did not throw');
}

const codes = (issues: readonly { code: string; path: readonly (string | number)[] }[]) => issues.map((i) => `${i.code} at ${i.path.join('.')}`);

describe('preflight: requests', () => {
  it('throws ContractViolationError before credentials are looked up or anything is sent', async () => {
    const h = harness();
    const error = await rejection(h.client.send(new RegisterTaskWithMaintenanceWindowCommand({ ...VALID, WindowId: 'mw-0c50858d01EXAMPLE', MaxConcurrency: '0' })));
    expect(error.name).toBe('ContractViolationError');
    expect(error.$fault).toBe('client');
    expect(error.operation).toBe('RegisterTaskWithMaintenanceWindow');
    expect(codes(error.issues.filter((i) => i.severity === 'error'))).toEqual(['pattern_mismatch at WindowId', 'pattern_mismatch at MaxConcurrency']);
    expect(error.message).toMatch(/^RegisterTaskWithMaintenanceWindow request breaks its contract with 2 errors; it was not sent:\n/);
    expect(error.message).toContain('(pattern_mismatch at WindowId)');
    expect(error.message).toContain('(pattern_mismatch at MaxConcurrency)');
    expect(h.sent).toEqual([]);
    expect(h.credentialLookups()).toBe(0);
  });

  it('lets a valid call through, once, and signs it', async () => {
    const h = harness();
    const output = await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(VALID));
    expect(output.WindowTaskId).toBe('216ae877-0be9-4746-a19d-ed654eb7cd2b');
    expect(h.sent.map((s) => s.target)).toEqual(['AmazonSSM.RegisterTaskWithMaintenanceWindow']);
    expect(h.credentialLookups()).toBe(1);
    expect(h.issues).toEqual([]);
  });

  it('checks DescribeMaintenanceWindowExecutionTaskInvocations too', async () => {
    const h = harness();
    const input = { WindowExecutionId: '518d5565-5969-4cca-8f0e-da3b2a638355', TaskId: 'ac0c6ae1-daa3-4a89-832e-d384503b6586', MaxResults: 500, Filters: [{ Key: 'Status', Values: ['FAILED'] }] };
    const error = await rejection(h.client.send(new DescribeMaintenanceWindowExecutionTaskInvocationsCommand(input)));
    expect(codes(error.issues)).toEqual(['too_big at MaxResults', 'filter_key_not_status at Filters.0.Key']);
    expect(h.sent).toEqual([]);
  });

  it('checks the window target and update commands too, rules included, before anything is sent', async () => {
    const h = harness();
    const cases = [
      [
        new RegisterTargetWithMaintenanceWindowCommand({ WindowId: 'mw-06cf17cbefcb4bf4f', ResourceType: 'INSTANCE', Targets: [{ Key: 'tag:Environment', Values: ['Prod'] }, { Key: 'Role', Values: ['Web'] }] }),
        ['window_target_tag_prefix at Targets.1.Key'],
      ],
      [new UpdateMaintenanceWindowTargetCommand({ WindowId: 'mw-0123456789abcdef0', WindowTargetId: 'e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4', Replace: true }), ['target_replace_requires_member at Targets']],
      [
        new UpdateMaintenanceWindowTaskCommand({ WindowId: 'mw-0123456789abcdef0', WindowTaskId: '216ae877-0be9-4746-a19d-ed6541a2b3c4', Targets: [], MaxConcurrency: '1', Priority: -1 }),
        ['too_small at Priority', 'updated_targetless_task_forbids_rate_controls at MaxConcurrency'],
      ],
    ] as const;
    for (const [command, expected] of cases) {
      const error = await rejection(h.client.send(command as never));
      expect(codes(error.issues.filter((i) => i.severity === 'error'))).toEqual(expected);
    }
    expect(h.sent).toEqual([]);
  });

  it('sends a valid update, with the warnings of its partial invocation parameters', async () => {
    const h = harness({ answer: () => ({ statusCode: 200, body: '{"WindowId": "mw-0123456789abcdef0", "WindowTaskId": "216ae877-0be9-4746-a19d-ed6541a2b3c4"}' }) });
    await h.client.send(new UpdateMaintenanceWindowTaskCommand({ WindowId: 'mw-0123456789abcdef0', WindowTaskId: '216ae877-0be9-4746-a19d-ed6541a2b3c4', TaskInvocationParameters: { RunCommand: { OutputS3BucketName: 'my-new-bucket' } } }));
    expect(h.sent.map((s) => s.target)).toEqual(['AmazonSSM.UpdateMaintenanceWindowTask']);
    expect(h.issues.map(([i, c]) => `${c.operation} ${i.part} ${i.rule} ${i.path.join('.')}`)).toEqual(['UpdateMaintenanceWindowTask request MW074 TaskInvocationParameters.RunCommand']);
  });

  it('checks CreateMaintenanceWindow and UpdateMaintenanceWindow too: their model, their schedule and their rules', async () => {
    const h = harness({ answer: () => ({ statusCode: 200, body: '{"WindowId": "mw-0123456789abcdef0"}' }) });
    const created = await rejection(h.client.send(new CreateMaintenanceWindowCommand({ Name: 'patching', Schedule: 'cron(0 24 ? * MON *)', Duration: 25, Cutoff: 12, AllowUnassociatedTargets: false })));
    expect(codes(created.issues)).toEqual(['too_big at Duration', 'cron_value_range at Schedule']);
    expect(created.issues.find((i) => i.code === 'cron_value_range')).toMatchObject({ rule: 'MW042', span: { offset: 7, length: 2 } });
    const updated = await rejection(h.client.send(new UpdateMaintenanceWindowCommand({ WindowId: 'mw-0123456789abcdef0', Replace: true, Schedule: 'rate(7 days)', ScheduleOffset: 2 })));
    expect(codes(updated.issues)).toEqual([
      'schedule_offset_not_cron at ScheduleOffset',
      'replace_requires_member at Name',
      'replace_requires_member at Duration',
      'replace_requires_member at Cutoff',
      'replace_requires_member at AllowUnassociatedTargets',
    ]);
    expect(h.sent).toEqual([]);
    const sent = await h.client.send(new CreateMaintenanceWindowCommand({ Name: 'patching', Schedule: 'cron(0 2 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false }));
    expect(sent.WindowId).toBe('mw-0123456789abcdef0');
    expect(h.sent.map((s) => s.target)).toEqual(['AmazonSSM.CreateMaintenanceWindow']);
  });

  it('passes other commands untouched, whatever their input', async () => {
    const h = harness({ answer: () => ({ statusCode: 200, body: '{"WindowId": "mw-0123456789abcdef0"}' }) });
    const input = { WindowId: 'not a window id', Name: 'not a member' };
    await h.client.send(new DeleteMaintenanceWindowCommand(input));
    expect(h.sent.map((s) => s.target)).toEqual(['AmazonSSM.DeleteMaintenanceWindow']);
    expect(h.issues).toEqual([]);
  });

  it('hands warnings and infos of a sent request to onIssue, with the part', async () => {
    const h = harness();
    const { ServiceRoleArn: _, ...noRole } = VALID;
    await h.client.send(new RegisterTaskWithMaintenanceWindowCommand({ ...noRole, Targets: [{ Key: 'InstanceIds', Values: ['i-02573cafcfEXAMPLE'] }] }));
    expect(h.issues.map(([i, c]) => [i.part, i.severity, i.rule, c.operation, c.commandName])).toEqual([
      ['request', 'warning', 'MW007', 'RegisterTaskWithMaintenanceWindow', 'RegisterTaskWithMaintenanceWindowCommand'],
      ['request', 'info', 'MW011', 'RegisterTaskWithMaintenanceWindow', 'RegisterTaskWithMaintenanceWindowCommand'],
    ]);
    expect(h.sent).toHaveLength(1);
  });

  it('without onIssue, logs warnings to the client’s logger.warn and infos to logger.info', async () => {
    const warn: unknown[] = [];
    const info: unknown[] = [];
    const h = harness({ logger: { warn: (m) => void warn.push(m), info: (m) => void info.push(m) } });
    const { ServiceRoleArn: _, ...noRole } = VALID;
    await h.client.send(new RegisterTaskWithMaintenanceWindowCommand({ ...noRole, Targets: [{ Key: 'InstanceIds', Values: ['i-02573cafcfEXAMPLE'] }] }));
    expect(warn).toEqual([expect.stringMatching(/^ssm-mw-contracts: RegisterTaskWithMaintenanceWindow request at Targets\[0\]\.Values\[0\]: .* \(MW007\)$/)]);
    expect(info).toContainEqual(expect.stringMatching(/^ssm-mw-contracts: RegisterTaskWithMaintenanceWindow request at ServiceRoleArn: .* \(MW011\)$/));
  });

  it('does not fail the call when onIssue throws', async () => {
    const h = harness({
      onIssue: () => {
        throw new Error('boom');
      },
    });
    const { ServiceRoleArn: _, ...noRole } = VALID;
    await expect(h.client.send(new RegisterTaskWithMaintenanceWindowCommand(noRole))).resolves.toMatchObject({ WindowTaskId: expect.any(String) });
  });
});

describe('preflight: SDK-shaped input', () => {
  const lambda = (payload: Uint8Array | string): RegisterTaskWithMaintenanceWindowCommandInput => ({
    WindowId: 'mw-0123456789abcdef0',
    TaskArn: 'arn:aws:lambda:us-east-1:123456789012:function:SSMpatch',
    TaskType: 'LAMBDA',
    ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
    TaskInvocationParameters: { Lambda: { Payload: payload as Uint8Array } },
  });

  it('reads a Lambda Payload as bytes, or as the raw text the SDK encodes', async () => {
    const h = harness();
    await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(lambda(new TextEncoder().encode('{"a": 1}'))));
    await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(lambda('{"a": 1}')));
    expect(h.sent).toHaveLength(2);
    // What went out is base64 of the raw text in both cases.
    for (const s of h.sent) expect(JSON.parse(s.body).TaskInvocationParameters.Lambda.Payload).toBe(Buffer.from('{"a": 1}').toString('base64'));
  });

  it('counts a Payload’s bytes: 4097 as a Uint8Array, or as text, is too long', async () => {
    const h = harness();
    for (const payload of [new Uint8Array(4097), 'é'.repeat(2049)]) {
      const error = await rejection(h.client.send(new RegisterTaskWithMaintenanceWindowCommand(lambda(payload))));
      expect(codes(error.issues.filter((i) => i.severity === 'error'))).toEqual(['too_long at TaskInvocationParameters.Lambda.Payload']);
    }
    expect(h.sent).toEqual([]);
  });

  it('takes members that are undefined or null as absent, as the SDK’s serializer does', async () => {
    const h = harness();
    const input = { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole', Priority: undefined, MaxConcurrency: undefined, MaxErrors: null, Targets: undefined, Description: null };
    await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(input as unknown as RegisterTaskWithMaintenanceWindowCommandInput));
    expect(h.sent).toHaveLength(1);
    expect(Object.keys(JSON.parse(h.sent[0]!.body)).sort()).toEqual(['ClientToken', 'ServiceRoleArn', 'TaskArn', 'TaskType', 'WindowId']);
  });

  it('still refuses a typo, which the SDK would drop without a word', async () => {
    const h = harness();
    const error = await rejection(h.client.send(new RegisterTaskWithMaintenanceWindowCommand({ ...VALID, MaxConcurrency: undefined, MaxConcurency: '10%' } as RegisterTaskWithMaintenanceWindowCommandInput)));
    expect(codes(error.issues.filter((i) => i.severity === 'error'))).toEqual(['unknown_member at MaxConcurency', 'targeted_task_requires_rate_controls at MaxConcurrency']);
    expect(error.issues.find((i) => i.code === 'unknown_member')?.hint).toBe('Did you mean MaxConcurrency?');
  });

  it('sends nothing when reading the input throws', async () => {
    const h = harness();
    const input = { ...VALID };
    Object.defineProperty(input, 'TaskArn', { enumerable: true, get: () => { throw new Error('no TaskArn today'); } });
    // preflight reports it as unreadable_value; the SDK's own logger middleware, outside it, then trips on the same getter.
    await expect(h.client.send(new RegisterTaskWithMaintenanceWindowCommand(input))).rejects.toThrow();
    expect(h.sent).toEqual([]);
    expect(h.credentialLookups()).toBe(0);
  });
});

describe('preflight: responses (checkResponses)', () => {
  const stream = (text: string) => Readable.from([Buffer.from(text)]);

  it('reports a result that breaks the contract, and returns it all the same', async () => {
    const h = harness({ checkResponses: true, answer: () => ({ statusCode: 200, body: stream('{"WindowTaskId": "216ae877-0be9-4746-a19d-ed654EXAMPLE", "Arn": "x"}') }) });
    const output = await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(VALID));
    expect(output.WindowTaskId).toBe('216ae877-0be9-4746-a19d-ed654EXAMPLE');
    expect(h.issues.map(([i, c]) => [i.part, i.severity, i.code, i.path.join('.'), c.httpStatus])).toEqual([
      ['response', 'error', 'pattern_mismatch', 'WindowTaskId', 200],
      ['response', 'info', 'unexpected_member', 'Arn', 200],
    ]);
  });

  it('checks error bodies and their status, and leaves the SDK’s typed error as it was', async () => {
    const h = harness({ checkResponses: true, answer: () => ({ statusCode: 500, body: stream('{"__type": "DoesNotExistException", "message": "no such window"}') }) });
    const error = await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(VALID)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DoesNotExistException);
    expect((error as DoesNotExistException).message).toBe('no such window');
    expect(h.issues.map(([i]) => [i.part, i.code, i.rule])).toEqual([['response', 'error_http_status', 'MW031']]);
  });

  it('reports an answer that is not JSON, and the call fails as it would have', async () => {
    const h = harness({ checkResponses: true, answer: () => ({ statusCode: 500, body: '<!doctype html><title>500</title>', headers: { 'content-type': 'text/html' } }) });
    const error = await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(VALID)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ContractViolationError);
    expect(h.issues.map(([i]) => [i.part, i.code, i.params.contentType])).toEqual([['response', 'body_not_json', 'text/html']]);
  });

  it('leaves responses alone without checkResponses', async () => {
    const h = harness({ answer: () => ({ statusCode: 200, body: '{"WindowTaskId": "nope"}' }) });
    await h.client.send(new RegisterTaskWithMaintenanceWindowCommand(VALID));
    expect(h.issues).toEqual([]);
  });

  it('sits at initialize (requests) and deserialize (responses)', () => {
    const client = new SSMClient({ region: 'us-east-1' });
    client.middlewareStack.use(preflight({ checkResponses: true }));
    expect(client.middlewareStack.identify()).toEqual(expect.arrayContaining(['ssmMwContractsPreflight - initialize', 'ssmMwContractsResponseCheck - deserialize']));
    client.destroy();
  });
});

describe('collectBody', () => {
  it('reads streams, web streams, blobs, strings and bytes', async () => {
    const text = '{"a": "é"}';
    const bytes = new TextEncoder().encode(text);
    const decode = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(decode(await collectBody(Readable.from([Buffer.from(text.slice(0, 3)), Buffer.from(text.slice(3))])))).toBe(text);
    expect(decode(await collectBody(new Blob([text]).stream()))).toBe(text);
    expect(decode(await collectBody(new Blob([text])))).toBe(text);
    expect(decode(await collectBody(text))).toBe(text);
    expect(await collectBody(bytes)).toBe(bytes);
    expect(await collectBody(undefined)).toEqual(new Uint8Array());
    await expect(collectBody(42)).rejects.toThrow(/unknown kind/);
  });
});

describe('the built entry point ssm-mw-contracts/aws-sdk', () => {
  const dist = join(ROOT, 'dist');

  it.runIf(existsSync(join(dist, 'aws-sdk.cjs')))('works from require and import alike', async () => {
    const script = (load: string) => `
      ${load}
      const { SSMClient, RegisterTaskWithMaintenanceWindowCommand } = require('@aws-sdk/client-ssm');
      const client = new SSMClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      client.middlewareStack.use(m.preflight());
      client.send(new RegisterTaskWithMaintenanceWindowCommand({ WindowId: 'mw-0c50858d01EXAMPLE', TaskArn: 'x', TaskType: 'AUTOMATION' }))
        .then(() => console.log('sent'), (e) => console.log(e instanceof m.ContractViolationError, e.issues.map((i) => i.code).join(',')));`;
    const cjs = execFileSync(process.execPath, ['-e', script(`const m = require('ssm-mw-contracts/aws-sdk');`)], { cwd: ROOT, encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ${script(`const m = await import('ssm-mw-contracts/aws-sdk');`)}`], { cwd: ROOT, encoding: 'utf8' });
    expect(cjs.trim()).toBe('true pattern_mismatch,service_role_recommended');
    expect(esm.trim()).toBe('true pattern_mismatch,service_role_recommended');
  });
});
