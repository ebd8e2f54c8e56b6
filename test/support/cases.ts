import fc from 'fast-check';
import { DRAFTS } from '../../src/generate/json-schema.js';
import { OPERATION_NAMES, type Kind, type OperationName } from '../../src/operations/index.js';
import { rules } from '../../src/rules/index.js';
import { INVOCATION_MEMBER, type TaskType } from '../../src/rules/types.js';
import { walk } from '../../src/shapes/walk.js';
import { validate } from '../../src/validate/validate.js';
import { validateWithZod } from './validate-zod.js';
import { ajvValidator } from './ajv.js';
import { bodyArbitrary, createWindowRequestArbitrary, describeRequestArbitrary, faultsOf, registerRequestArbitrary, registerTargetRequestArbitrary, RESOURCE_TYPES, schemaOf, updateTargetRequestArbitrary, updateTaskRequestArbitrary, updateWindowRequestArbitrary } from './arbitraries.js';
import { casesFor } from './faults.js';
import { loadFixtures, setAt } from './payloads.js';
import { specExamples, specOperations } from './spec.js';

/*
 * The shared case table: one list of payloads that every party judging the contract runs
 * (validate(), ajv on the generated JSON Schemas for 2020-12 and draft-07; a later fast validator
 * can be added as one more party). Cases in ajv's spec format: { description, data, valid } where
 * `valid` is left to the parties to agree on: the table says what a case is, not its verdict.
 */

export interface ContractCase {
  /** Unique within the table. */
  description: string;
  operation: OperationName;
  kind: Kind;
  data: unknown;
  /** The HTTP status that came with an error body (validate() checks it; a body-only schema cannot). */
  httpStatus?: number;
  source: 'fixture' | 'spec-example' | 'constraint' | 'property' | 'rule-fault' | 'regex-edge';
}

/** Fixed, so that CI runs the same payloads every time; FC_SEED explores others. */
export const SEED = Number(process.env.FC_SEED ?? 20140611);
/** Valid payloads drawn per task type and targeting, and faulty copies of each. */
export const RUNS = Number(process.env.FC_RUNS ?? 25);

/**
 * True when JSON can carry the value as it is: a JSON Schema validator only ever sees JSON, so
 * Uint8Array blobs, Dates, UNKNOWN markers, undefined, NaN and friends are for validate() alone.
 */
export function isJsonValue(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  if (typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.entries(v).every(([, x]) => isJsonValue(x, depth + 1));
}

/** One documented-rule fault per error-level rule that JSON Schema expresses, applied to a valid payload. */
export const RULE_FAULTS: Record<string, { operation: OperationName; apply(p: Record<string, unknown>): Record<string, unknown> | undefined }> = {
  MW001: {
    operation: 'RegisterTaskWithMaintenanceWindow',
    apply: ({ MaxConcurrency: _c, MaxErrors: _e, TaskInvocationParameters: _t, ...p }) => ({ ...p, TaskType: 'RUN_COMMAND', Targets: [] }),
  },
  MW002: { operation: 'RegisterTaskWithMaintenanceWindow', apply: ({ MaxErrors: _e, ...p }) => (Array.isArray(p.Targets) && p.Targets.length ? p : undefined) },
  MW003: { operation: 'RegisterTaskWithMaintenanceWindow', apply: (p) => (Array.isArray(p.Targets) && p.Targets.length ? undefined : { ...p, MaxConcurrency: '1' }) },
  MW004: {
    operation: 'RegisterTaskWithMaintenanceWindow',
    apply: (p) => {
      const own = INVOCATION_MEMBER[p.TaskType as TaskType];
      const other = Object.values(INVOCATION_MEMBER).find((m) => m !== own)!;
      return { ...p, TaskInvocationParameters: { ...(p.TaskInvocationParameters as object), [other]: {} } };
    },
  },
  MW005: {
    operation: 'RegisterTaskWithMaintenanceWindow',
    apply: (p) => (Array.isArray(p.Targets) && p.Targets.length ? { ...p, Targets: [{ Key: 'tag:Patch', Values: ['yes'] }, ...p.Targets.slice(1)] } : undefined),
  },
  MW006: {
    operation: 'RegisterTaskWithMaintenanceWindow',
    apply: (p) =>
      Array.isArray(p.Targets) && p.Targets.length
        ? { ...p, Targets: [{ Key: 'WindowTargetIds', Values: Array.from({ length: 11 }, (_, i) => `0000000${i.toString(16)}-0000-4000-8000-000000000000`) }] }
        : undefined,
  },
  MW020: { operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', apply: (p) => ({ ...p, Filters: [{ Key: 'Name', Values: ['x'] }] }) },
  MW049: { operation: 'CreateMaintenanceWindow', apply: (p) => (p.Duration === 24 ? undefined : { ...p, Cutoff: p.Duration }) },
  MW055: { operation: 'UpdateMaintenanceWindow', apply: ({ Name: _n, ...p }) => (p.Replace === true ? p : undefined) },
  MW060: { operation: 'RegisterTargetWithMaintenanceWindow', apply: (p) => ({ ...p, Targets: [{ Key: 'instanceids', Values: ['i-0123456789abcdef0'] }] }) },
  MW062: { operation: 'RegisterTargetWithMaintenanceWindow', apply: (p) => ({ ...p, ResourceType: p.ResourceType === 'INSTANCE' ? 'RESOURCE_GROUP' : 'INSTANCE' }) },
  MW063: { operation: 'RegisterTargetWithMaintenanceWindow', apply: (p) => ({ ...p, ResourceType: 'INSTANCE', Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }, { Key: 'tag:Role', Values: ['Web'] }] }) },
  MW064: { operation: 'RegisterTargetWithMaintenanceWindow', apply: (p) => ({ ...p, Targets: (p.Targets as object[]).map((t, i) => (i === 0 ? { ...t, Values: [] } : t)) }) },
  MW066: {
    operation: 'RegisterTargetWithMaintenanceWindow',
    apply: (p) => ({ ...p, ResourceType: 'RESOURCE_GROUP', Targets: [{ Key: 'resource-groups:Name', Values: ['GroupA'] }, { Key: 'resource-groups:Name', Values: ['GroupB'] }] }),
  },
  MW068: { operation: 'RegisterTargetWithMaintenanceWindow', apply: (p) => ({ ...p, Targets: [] }) },
  MW069: { operation: 'UpdateMaintenanceWindowTarget', apply: ({ Targets: _t, ...p }) => ({ ...p, Replace: true }) },
  MW071: { operation: 'UpdateMaintenanceWindowTask', apply: ({ TaskArn: _a, ...p }) => ({ ...p, Replace: true }) },
  MW072: {
    operation: 'UpdateMaintenanceWindowTask',
    apply: ({ MaxErrors: _e, ...p }) => ({ ...p, Replace: true, TaskArn: 'AWS-RunShellScript', Targets: [{ Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] }], MaxConcurrency: '1' }),
  },
  MW073: { operation: 'UpdateMaintenanceWindowTask', apply: (p) => ({ ...p, Targets: [], MaxErrors: '1' }) },
  MW075: { operation: 'UpdateMaintenanceWindowTask', apply: (p) => ({ ...p, TaskInvocationParameters: { RunCommand: {}, Lambda: {} } }) },
  MW021: { operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', apply: (p) => ({ ...p, Filters: [{ Key: 'STATUS', Values: ['DONE'] }] }) },
};

function sample<T>(arb: fc.Arbitrary<T>, salt: number, numRuns = RUNS): T[] {
  return fc.sample(arb, { seed: SEED + salt, numRuns });
}

/** One faulty copy per valid payload, the fault drawn (deterministically) among those the metadata allows. */
function withOneFault(operation: OperationName, kind: Kind, payloads: unknown[], salt: number): unknown[] {
  const picks = sample(fc.nat(), salt, payloads.length);
  return payloads.map((p, i) => {
    const faults = faultsOf(schemaOf(operation, kind, p), p);
    return faults[picks[i]! % faults.length]!.payload;
  });
}

function propertyCases(): ContractCase[] {
  const cases: ContractCase[] = [];
  let salt = 0;
  const add = (operation: OperationName, kind: Kind, label: string, valid: unknown[]) => {
    salt += 1;
    valid.forEach((data, i) => cases.push({ description: `${operation} ${kind} ${label} #${i}`, operation, kind, data, source: 'property' }));
    withOneFault(operation, kind, valid, salt + 1000).forEach((data, i) => cases.push({ description: `${operation} ${kind} ${label} #${i} with one fault`, operation, kind, data, source: 'property' }));
  };
  for (const taskType of Object.keys(INVOCATION_MEMBER) as TaskType[]) {
    for (const targeted of [true, false]) add('RegisterTaskWithMaintenanceWindow', 'request', `${taskType} ${targeted ? 'targeted' : 'targetless'}`, sample(registerRequestArbitrary(taskType, targeted), (salt += 1)));
  }
  add('DescribeMaintenanceWindowExecutionTaskInvocations', 'request', 'STATUS filters', sample(describeRequestArbitrary(), (salt += 1)));
  add('CreateMaintenanceWindow', 'request', 'a window', sample(createWindowRequestArbitrary(), (salt += 1)));
  add('UpdateMaintenanceWindow', 'request', 'Replace', sample(updateWindowRequestArbitrary(true), (salt += 1)));
  add('UpdateMaintenanceWindow', 'request', 'some members', sample(updateWindowRequestArbitrary(false), (salt += 1)));
  for (const type of RESOURCE_TYPES) add('RegisterTargetWithMaintenanceWindow', 'request', `${type} targets`, sample(registerTargetRequestArbitrary(type), (salt += 1)));
  for (const type of RESOURCE_TYPES) add('UpdateMaintenanceWindowTarget', 'request', `${type} targets`, sample(updateTargetRequestArbitrary(type), (salt += 1)));
  for (const taskType of Object.keys(INVOCATION_MEMBER) as TaskType[]) add('UpdateMaintenanceWindowTask', 'request', `${taskType} update`, sample(updateTaskRequestArbitrary(taskType), (salt += 1)));
  for (const operation of OPERATION_NAMES) {
    for (const kind of ['response', 'error'] as const) add(operation, kind, 'generated', sample(bodyArbitrary(operation, kind), (salt += 1)));
  }
  return cases;
}

function ruleFaultCases(valid: ContractCase[]): ContractCase[] {
  return Object.entries(RULE_FAULTS).flatMap(([id, fault]) =>
    valid
      .filter((c) => c.operation === fault.operation && c.kind === 'request' && !c.description.endsWith('with one fault'))
      .flatMap((c) => {
        const data = fault.apply(c.data as Record<string, unknown>);
        return data ? [{ ...c, description: `${c.description} broken for ${id}`, data, source: 'rule-fault' as const }] : [];
      }),
  );
}

/**
 * Where regex dialects part: every patterned string of the good fixtures with a newline after it.
 * JavaScript's `$` is the very end; Python's also matches before a final newline.
 */
function regexEdgeCases(): ContractCase[] {
  return loadFixtures('good')
    .filter((f) => f.httpStatus === undefined)
    .flatMap((f) => {
      const schema = schemaOf(f.operation, f.kind, f.payload);
      const cases: ContractCase[] = [];
      walk(schema, f.payload, ({ meta, value, path }) => {
        if (meta.type !== 'string' || meta.pattern === undefined || typeof value !== 'string') return;
        cases.push({ description: `fixture good/${f.name} with a newline after /${path.join('/')}`, operation: f.operation, kind: f.kind, data: setAt(f.payload, path, `${value}\n`), source: 'regex-edge' });
      });
      return cases;
    });
}

/**
 * Every party that judges the contract, and how each gives its verdict on a case. A JSON Schema
 * validator only sees JSON (see isJsonValue) and no HTTP status. A new validation path (a compiled
 * fast path, the Zod schemas beside it) joins by adding itself here: the differential and property
 * tests (test/properties/validate.property.test.ts) then hold it to the others' verdicts.
 */
export interface Party {
  name: string;
  /** Judges only JSON values without an HTTP status. */
  jsonOnly: boolean;
  valid(c: Pick<ContractCase, 'operation' | 'kind' | 'data' | 'httpStatus'>): boolean;
  /** The verdict on what JSON Schema expresses: the errors of validator-only rules (the schedule dialect, ...) aside. */
  expressible(c: Pick<ContractCase, 'operation' | 'kind' | 'data' | 'httpStatus'>): boolean;
}

/** The rules the generated JSON Schema lists under x-ssm-mw-contracts-rules instead of expressing them. */
// A rule that another rule's schema covers (MW061 by MW060) is judged by that schema, so it is not validator-only here.
const VALIDATOR_ONLY = new Set<string>(rules.filter((r) => r.jsonSchema.form === 'validator-only' && !r.jsonSchema.coveredBy).map((r) => r.id));

/** A result's verdict without the errors of validator-only rules: what a JSON Schema validator can agree with. */
export function expressibleVerdict(result: { issues: readonly { severity: string; rule?: string }[] }): boolean {
  return !result.issues.some((i) => i.severity === 'error' && !(i.rule !== undefined && VALIDATOR_ONLY.has(i.rule)));
}

const statusOf = (c: Pick<ContractCase, 'httpStatus'>) => (c.httpStatus !== undefined ? { httpStatus: c.httpStatus } : {});

export const PARTIES: readonly Party[] = [
  { name: 'validate()', jsonOnly: false, valid: (c) => validate(c.operation, c.kind, c.data, statusOf(c)).valid, expressible: (c) => expressibleVerdict(validate(c.operation, c.kind, c.data, statusOf(c))) },
  { name: 'Zod schemas', jsonOnly: false, valid: (c) => validateWithZod(c.operation, c.kind, c.data, statusOf(c)).valid, expressible: (c) => expressibleVerdict(validateWithZod(c.operation, c.kind, c.data, statusOf(c))) },
  ...DRAFTS.map((draft): Party => {
    const valid = (c: Pick<ContractCase, 'operation' | 'kind' | 'data'>) => ajvValidator(c.operation, c.kind, draft)(c.data);
    return { name: `ajv (${draft}, strict)`, jsonOnly: true, valid, expressible: valid };
  }),
];

/** The parties that can judge a case. */
export function partiesFor(c: Pick<ContractCase, 'data' | 'httpStatus'>): Party[] {
  const json = c.httpStatus === undefined && isJsonValue(c.data);
  return PARTIES.filter((p) => !p.jsonOnly || json);
}

let table: ContractCase[] | undefined;

/** Every case: fixtures, spec examples, each constraint's passing and failing payloads, generated payloads. */
export function contractCases(): ContractCase[] {
  if (table) return table;
  const fixtures = [...loadFixtures('good'), ...loadFixtures('bad')].map<ContractCase>((f) => ({
    description: `fixture ${f.dir}/${f.name}`,
    operation: f.operation,
    kind: f.kind,
    data: f.payload,
    ...(f.httpStatus !== undefined ? { httpStatus: f.httpStatus } : {}),
    source: 'fixture',
  }));
  const examples = specExamples.map<ContractCase>((e) => ({ description: `spec example ${e.file}`, operation: e.operation, kind: e.kind, data: e.payload, source: 'spec-example' }));
  const constraints = specOperations.flatMap((s) =>
    s.constraints.flatMap((c) => {
      const { pass, fail } = casesFor(s.operation, c, s.constraints);
      return [...pass, ...fail].map<ContractCase>((x) => ({ description: x.name, operation: x.operation, kind: x.kind, data: x.payload, source: 'constraint' }));
    }),
  );
  const generated = propertyCases();
  table = [...fixtures, ...examples, ...constraints, ...regexEdgeCases(), ...generated, ...ruleFaultCases(generated)];
  const names = new Set<string>();
  for (const c of table) {
    if (names.has(c.description)) throw new Error(`two cases are called ${c.description}`);
    names.add(c.description);
  }
  return table;
}

/** The cases a JSON Schema validator can judge: JSON values, and no HTTP status riding alongside. */
export function jsonCases(): ContractCase[] {
  return contractCases().filter((c) => c.httpStatus === undefined && isJsonValue(c.data));
}
