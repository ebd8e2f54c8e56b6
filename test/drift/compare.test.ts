import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExplanations, locateBotocoreModel, readJsonFile } from '../../src/cli/commands/check-model.js';
import { compareWithModel, type Difference, type PaginatorModel, type ServiceModel } from '../../src/drift/compare.js';
import { explain, parseExplanations } from '../../src/drift/explain.js';
import { operations } from '../../src/operations/index.js';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

/*
 * The drift check against the botocore on this machine (1.43.11 in CI), and against copies of
 * its model with one constraint changed: each change must fail the check, naming the member.
 */

const { file: MODEL_FILE, version } = locateBotocoreModel();
const model = readJsonFile(MODEL_FILE) as ServiceModel;
const paginators = readJsonFile(join(MODEL_FILE, '..', 'paginators-1.json')) as PaginatorModel;
const explanations = loadExplanations();

/**
 * The error envelope (__type, message) differs once per declared error of every operation (X01, X02);
 * Priority's bound once per closure that has it (X03): the task's registration, its update and the update's result.
 */
const ERRORS = Object.values(operations).reduce((n, op) => n + op.errors.length, 0);
const EXPLAINED = 2 * ERRORS + 3;

const drift = (m: ServiceModel, p: PaginatorModel = paginators) => explain(compareWithModel(m, p), explanations).differences.filter((d) => !d.explainedBy);

describe(`SSM's service model in botocore ${version}`, () => {
  const result = explain(compareWithModel(model, paginators), explanations);

  it('differs from the schemas only where spec/model-drift.yaml explains it', () => {
    expect(result.differences.filter((d) => !d.explainedBy)).toEqual([]);
  });

  it('needs every explanation: none is stale', () => {
    expect(result.unused).toEqual([]);
  });

  it('differs in the error envelope of each declared error and in the one unbounded integer, nothing else', () => {
    const count = (id: string) => result.differences.filter((d) => d.explainedBy === id).length;
    // Each declared error of each operation, with __type and message; Priority's unbounded integer in the task's registration and update.
    expect([count('X01'), count('X02')]).toEqual([ERRORS, ERRORS]);
    expect(result.differences.filter((d) => d.explainedBy === 'X03').map((d) => `${d.operation} ${d.part} ${d.path}`)).toEqual([
      'RegisterTaskWithMaintenanceWindow request Priority',
      'UpdateMaintenanceWindowTask request Priority',
      'UpdateMaintenanceWindowTask response Priority',
    ]);
    expect(result.differences).toHaveLength(EXPLAINED);
  });
});

type Mutation = [name: string, change: (m: ServiceModel, p: PaginatorModel) => void, expected: Partial<Difference>];

const shape = (m: ServiceModel, name: string) => m.shapes[name]!;

const mutations: Mutation[] = [
  ['TimeoutSeconds gets a larger maximum', (m) => void (shape(m, 'TimeoutSeconds').max = 2592001), { part: 'request', path: 'TaskInvocationParameters.RunCommand.TimeoutSeconds', kind: 'max', model: 2592001, ours: 2592000 }],
  ['MaintenanceWindowExecutionStatus gains a value', (m) => void shape(m, 'MaintenanceWindowExecutionStatus').enum!.push('PAUSED'), { part: 'response', path: 'WindowExecutionTaskInvocationIdentities[].Status', kind: 'enum', model: 'PAUSED', ours: null }],
  ['MaintenanceWindowTaskType loses a value', (m) => void (shape(m, 'MaintenanceWindowTaskType').enum = shape(m, 'MaintenanceWindowTaskType').enum!.filter((v) => v !== 'LAMBDA')), { part: 'request', path: 'TaskType', kind: 'enum', model: null, ours: 'LAMBDA' }],
  ['the window ID pattern changes', (m) => void (shape(m, 'MaintenanceWindowId').pattern = '^mw-[0-9a-f]{17,18}$'), { part: 'request', path: 'WindowId', kind: 'pattern', model: '^mw-[0-9a-f]{17,18}$' }],
  ['the request gains a member', (m) => void (shape(m, 'RegisterTaskWithMaintenanceWindowRequest').members!.TaskPolicy = { shape: 'String' }), { part: 'request', path: 'TaskPolicy', kind: 'member', model: 'String', ours: null }],
  ['the request loses a member', (m) => void delete shape(m, 'RegisterTaskWithMaintenanceWindowRequest').members!.AlarmConfiguration, { part: 'request', path: 'AlarmConfiguration', kind: 'member', model: null, ours: 'AlarmConfiguration' }],
  ['a member becomes required', (m) => void shape(m, 'RegisterTaskWithMaintenanceWindowRequest').required!.push('Targets'), { part: 'request', path: 'Targets', kind: 'required', model: true, ours: false }],
  ['a nested member stops being required', (m) => void (shape(m, 'LoggingInfo').required = ['S3BucketName']), { part: 'request', path: 'LoggingInfo.S3Region', kind: 'required', model: false, ours: true }],
  ['a minimum length changes', (m) => void (shape(m, 'MaxConcurrency').min = 2), { part: 'request', path: 'MaxConcurrency', kind: 'min', model: 2, ours: 1 }],
  ['the target list grows', (m) => void (shape(m, 'Targets').max = 10), { part: 'request', path: 'Targets', kind: 'max', model: 10, ours: 5 }],
  ['a map allows more entries', (m) => void (shape(m, 'AutomationParameterMap').max = 300), { part: 'request', path: 'TaskInvocationParameters.Automation.Parameters', kind: 'max', model: 300, ours: 200 }],
  ['a map key gets longer', (m) => void (shape(m, 'MaintenanceWindowTaskParameterName').max = 256), { part: 'request', path: 'TaskParameters{key}', kind: 'max', model: 256, ours: 255 }],
  ['the Lambda payload limit changes', (m) => void (shape(m, 'MaintenanceWindowLambdaPayload').max = 8192), { part: 'request', path: 'TaskInvocationParameters.Lambda.Payload', kind: 'max', model: 8192, ours: 4096 }],
  ['a shape stops being sensitive', (m) => void delete shape(m, 'MaintenanceWindowDescription').sensitive, { part: 'request', path: 'Description', kind: 'sensitive', model: false, ours: true }],
  ['a member changes type', (m) => void (shape(m, 'MaintenanceWindowTaskPriority').type = 'string'), { part: 'request', path: 'Priority', kind: 'type', model: 'string', ours: 'integer' }],
  ['a member is deprecated', (m) => void (shape(m, 'RegisterTaskWithMaintenanceWindowRequest').members!.Name!.deprecated = true), { part: 'request', path: 'Name', kind: 'deprecated' }],
  ['the idempotency token goes', (m) => void delete shape(m, 'RegisterTaskWithMaintenanceWindowRequest').members!.ClientToken!.idempotencyToken, { part: 'request', path: 'ClientToken', kind: 'idempotency-token', model: false, ours: true }],
  ['a shape gains a trait', (m) => void (shape(m, 'MaintenanceWindowTaskInvocationParameters').union = true), { part: 'request', path: 'TaskInvocationParameters', kind: 'trait', model: { union: true } }],
  ['an operation declares another error', (m) => void m.operations.RegisterTaskWithMaintenanceWindow!.errors!.push({ shape: 'InvalidDocument' }), { part: 'errors', kind: 'error', model: 'InvalidDocument', ours: null }],
  ['an error gets an HTTP status', (m) => void (shape(m, 'DoesNotExistException').error = { httpStatusCode: 404 }), { part: 'error DoesNotExistException', kind: 'http-status', model: 404, ours: 400 }],
  ['an error stops being a fault', (m) => void delete shape(m, 'InternalServerError').fault, { part: 'error InternalServerError', kind: 'fault', model: false, ours: true }],
  ['the protocol version changes', (m) => void (m.metadata.jsonVersion = '1.0'), { part: 'protocol', path: 'jsonVersion', kind: 'protocol', model: '1.0', ours: '1.1' }],
  ['the paginator changes', (_, p) => void (p.pagination.DescribeMaintenanceWindowExecutionTaskInvocations!.limit_key = 'Limit'), { part: 'paginator', path: 'limit_key', kind: 'paginator', model: 'Limit', ours: 'MaxResults' }],
  ['an operation disappears', (m) => void delete m.operations.DescribeMaintenanceWindowExecutionTaskInvocations, { operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', kind: 'operation' }],
  ['a window may last longer', (m) => void (shape(m, 'MaintenanceWindowDurationHours').max = 48), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'Duration', kind: 'max', model: 48, ours: 24 }],
  ['the cutoff may be negative', (m) => void (shape(m, 'MaintenanceWindowCutoff').min = -1), { operation: 'UpdateMaintenanceWindow', part: 'request', path: 'Cutoff', kind: 'min', model: -1, ours: 0 }],
  ['the schedule offset grows', (m) => void (shape(m, 'MaintenanceWindowOffset').max = 7), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'ScheduleOffset', kind: 'max', model: 7, ours: 6 }],
  ['the schedule gets longer', (m) => void (shape(m, 'MaintenanceWindowSchedule').max = 512), { operation: 'UpdateMaintenanceWindow', part: 'response', path: 'Schedule', kind: 'max', model: 512, ours: 256 }],
  ['a window member stops being required', (m) => void (shape(m, 'CreateMaintenanceWindowRequest').required = ['Name', 'Schedule', 'Duration', 'Cutoff']), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'AllowUnassociatedTargets', kind: 'required', model: false, ours: true }],
  ['the window update loses Replace', (m) => void delete shape(m, 'UpdateMaintenanceWindowRequest').members!.Replace, { operation: 'UpdateMaintenanceWindow', part: 'request', path: 'Replace', kind: 'member', model: null, ours: 'Boolean' }],
  ['the window create gains Enabled', (m) => void (shape(m, 'CreateMaintenanceWindowRequest').members!.Enabled = { shape: 'MaintenanceWindowEnabled' }), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'Enabled', kind: 'member', model: 'MaintenanceWindowEnabled', ours: null }],
  ['a tag value may no longer be empty', (m) => void (shape(m, 'TagValue').min = 1), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'Tags[].Value', kind: 'min', model: 1, ours: 0 }],
  ['the tag key pattern changes', (m) => void (shape(m, 'TagKey').pattern = '^(?!aws:)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$'), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'Tags[].Key', kind: 'pattern' }],
  ['a window gets more tags', (m) => void (shape(m, 'TagList').max = 2000), { operation: 'CreateMaintenanceWindow', part: 'request', path: 'Tags', kind: 'max', model: 2000, ours: 1000 }],
  ['the window create declares another error', (m) => void m.operations.CreateMaintenanceWindow!.errors!.push({ shape: 'DoesNotExistException' }), { operation: 'CreateMaintenanceWindow', part: 'errors', kind: 'error', model: 'DoesNotExistException', ours: null }],
  ['the window update result loses a member', (m) => void delete shape(m, 'UpdateMaintenanceWindowResult').members!.Enabled, { operation: 'UpdateMaintenanceWindow', part: 'response', path: 'Enabled', kind: 'member', model: null, ours: 'MaintenanceWindowEnabled' }],
  // The operations of issue 16: each of their own shapes and traits, changed.
  ['the resource types gain one', (m) => void shape(m, 'MaintenanceWindowResourceType').enum!.push('TAG_GROUP'), { operation: 'RegisterTargetWithMaintenanceWindow', part: 'request', path: 'ResourceType', kind: 'enum', model: 'TAG_GROUP', ours: null }],
  ['the window target ID pattern changes', (m) => void (shape(m, 'MaintenanceWindowTargetId').pattern = '^[0-9a-f-]{36}$'), { operation: 'UpdateMaintenanceWindowTarget', part: 'request', path: 'WindowTargetId', kind: 'pattern', model: '^[0-9a-f-]{36}$' }],
  ['the window target ID length changes', (m) => void (shape(m, 'MaintenanceWindowTargetId').max = 40), { operation: 'RegisterTargetWithMaintenanceWindow', part: 'response', path: 'WindowTargetId', kind: 'max', model: 40, ours: 36 }],
  ['OwnerInformation gets longer', (m) => void (shape(m, 'OwnerInformation').max = 256), { operation: 'RegisterTargetWithMaintenanceWindow', part: 'request', path: 'OwnerInformation', kind: 'max', model: 256, ours: 128 }],
  ['ResourceType stops being required', (m) => void (shape(m, 'RegisterTargetWithMaintenanceWindowRequest').required = ['WindowId', 'Targets']), { operation: 'RegisterTargetWithMaintenanceWindow', part: 'request', path: 'ResourceType', kind: 'required', model: false, ours: true }],
  ['the target registration loses its idempotency token', (m) => void delete shape(m, 'RegisterTargetWithMaintenanceWindowRequest').members!.ClientToken!.idempotencyToken, { operation: 'RegisterTargetWithMaintenanceWindow', part: 'request', path: 'ClientToken', kind: 'idempotency-token', model: false, ours: true }],
  ['the target update gains ResourceType', (m) => void (shape(m, 'UpdateMaintenanceWindowTargetRequest').members!.ResourceType = { shape: 'MaintenanceWindowResourceType' }), { operation: 'UpdateMaintenanceWindowTarget', part: 'request', path: 'ResourceType', kind: 'member', model: 'MaintenanceWindowResourceType', ours: null }],
  ['the task update loses Replace', (m) => void delete shape(m, 'UpdateMaintenanceWindowTaskRequest').members!.Replace, { operation: 'UpdateMaintenanceWindowTask', part: 'request', path: 'Replace', kind: 'member', model: null, ours: 'Boolean' }],
  ['the task update requires TaskArn', (m) => void shape(m, 'UpdateMaintenanceWindowTaskRequest').required!.push('TaskArn'), { operation: 'UpdateMaintenanceWindowTask', part: 'request', path: 'TaskArn', kind: 'required', model: true, ours: false }],
  ['the task update result gains a member', (m) => void (shape(m, 'UpdateMaintenanceWindowTaskResult').members!.TaskType = { shape: 'MaintenanceWindowTaskType' }), { operation: 'UpdateMaintenanceWindowTask', part: 'response', path: 'TaskType', kind: 'member', model: 'MaintenanceWindowTaskType', ours: null }],
  ['the target update declares another error', (m) => void m.operations.UpdateMaintenanceWindowTarget!.errors!.push({ shape: 'ResourceLimitExceededException' }), { operation: 'UpdateMaintenanceWindowTarget', part: 'errors', kind: 'error', model: 'ResourceLimitExceededException', ours: null }],
  ['the task update loses an error', (m) => void (m.operations.UpdateMaintenanceWindowTask!.errors = [{ shape: 'InternalServerError' }]), { operation: 'UpdateMaintenanceWindowTask', part: 'errors', kind: 'error', model: null, ours: 'DoesNotExistException' }],
  ['the target registration disappears', (m) => void delete m.operations.RegisterTargetWithMaintenanceWindow, { operation: 'RegisterTargetWithMaintenanceWindow', kind: 'operation' }],
];

describe('a copy of the model with one thing changed fails the check, naming the member', () => {
  it.each(mutations)('%s', (_, change, expected) => {
    const m = structuredClone(model);
    const p = structuredClone(paginators);
    change(m, p);
    const found = drift(m, p);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContainEqual(expect.objectContaining(expected));
  });
});

describe('spec/model-drift.yaml', () => {
  it('is well formed, each entry with a reason', () => {
    expect(explanations.map((e) => e.id)).toEqual(['X01', 'X02', 'X03']);
  });

  it.each([
    ['no list', {}, /explained/],
    ['a bad id', { explained: [{ id: 'E1', match: { kind: 'max' }, why: 'x' }] }, /id/],
    ['an unknown match field', { explained: [{ id: 'X01', match: { member: 'x' }, why: 'x' }] }, /unknown fields: member/],
    ['no reason', { explained: [{ id: 'X01', match: { kind: 'max' } }] }, /why/],
    ['a repeated id', { explained: [{ id: 'X01', match: { kind: 'max' }, why: 'x' }, { id: 'X01', match: { kind: 'min' }, why: 'y' }] }, /twice/],
  ])('refuses %s', (_, value, message) => {
    expect(() => parseExplanations(value)).toThrow(message);
  });

  it('matches * in strings, and values exactly', () => {
    const d: Difference = { operation: 'RegisterTaskWithMaintenanceWindow', part: 'error DoesNotExistException', path: '__type', shape: '', kind: 'member', model: null, ours: 'String' };
    const e = (match: Record<string, unknown>) => explain([d], [{ id: 'X01', match, why: 'x' }]).differences[0]!.explainedBy;
    expect(e({ part: 'error *', path: '__type' })).toBe('X01');
    expect(e({ part: 'error *', model: null })).toBe('X01');
    expect(e({ part: 'request*' })).toBeUndefined();
    expect(e({ model: 'null' })).toBeUndefined();
  });
});

describe('ssm-mw-contracts check-model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes on the botocore model, with its table', async () => {
    const run = await runCli(['check-model']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`botocore ${version}`);
    expect(run.stdout).toMatch(/^X03 +RegisterTaskWithMaintenanceWindow +request +Priority +MaintenanceWindowTaskPriority +max +- +2147483647$/m);
    expect(run.stdout).toContain(`No drift: ${EXPLAINED} differences, all explained in spec/model-drift.yaml.`);
  });

  it('fails on a changed copy given with --model, gzipped or not, naming the member', async () => {
    const m = structuredClone(model);
    shape(m, 'TimeoutSeconds').max = 2592001;
    writeFileSync(join(dir, 'changed.json.gz'), gzipSync(JSON.stringify(m)));
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(m));
    for (const file of ['changed.json.gz', 'changed.json']) {
      const run = await runCli(['check-model', '--model', join(dir, file)]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^DRIFT +RegisterTaskWithMaintenanceWindow +request +TaskInvocationParameters\.RunCommand\.TimeoutSeconds +TimeoutSeconds +max +2592001 +2592000$/m);
      // TimeoutSeconds is in the closures of the task's registration, its update and the update's result.
      expect(run.stdout).toMatch(/^DRIFT +UpdateMaintenanceWindowTask +response +TaskInvocationParameters\.RunCommand\.TimeoutSeconds +TimeoutSeconds +max +2592001 +2592000$/m);
      expect(run.stdout).toContain(`3 differences not explained in spec/model-drift.yaml (DRIFT), ${EXPLAINED} explained.`);
      // The rows docs/exchanges-and-drift.md shows for this change, header included, are rows of the table printed
      // (the page's columns are narrower: the printed table is as wide as all its rows).
      const columns = (row: string) => row.trim().split(/ +/).join(' ');
      const shown = /^```\n(status +operation[\s\S]*?)```$/m.exec(readFileSync(join(ROOT, 'docs', 'exchanges-and-drift.md'), 'utf8'))![1]!;
      for (const row of shown.trimEnd().split('\n')) expect(run.stdout.split('\n').map(columns)).toContain(columns(row));
    }
  });

  it('reports as JSON', async () => {
    writeFileSync(join(dir, 'service-2.json'), JSON.stringify(model));
    const run = await runCli(['check-model', '--format', 'json', '--model', join(dir, 'service-2.json')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.paginators).toBeNull();
    expect(report.unused).toEqual([]);
    expect(report.differences).toHaveLength(EXPLAINED);
  });

  it.each([
    ['a missing file', ['--model', 'no/such/service-2.json'], /cannot read .*no such file/],
    ['a file that is not JSON', ['--model', 'README.md'], /is not JSON/],
    ['JSON that is not a model', ['--model', 'package.json'], /is not a service model/],
    ['an unknown option', ['--strict'], /Unknown option/],
  ])('refuses %s with exit 2', async (_, args, message) => {
    const run = await runCli(['check-model', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
