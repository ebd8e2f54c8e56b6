import fc from 'fast-check';
import type * as z from 'zod';
import type { Code } from '../../src/issues/codes.js';
import type { PathSegment } from '../../src/issues/issue.js';
import { operations, type Kind, type OperationName } from '../../src/operations/index.js';
import { TASK_TARGET_KEYS } from '../../src/rules/MW005-task-target-key.js';
import { TASK_TARGET_VALUE_COUNT } from '../../src/rules/MW006-task-target-value-count.js';
import { STATUS_FILTER_VALUES, UNDOCUMENTED_STATUS_FILTER_VALUES } from '../../src/rules/MW021-status-filter-value.js';
import { INVOCATION_MEMBER, type TaskType } from '../../src/rules/types.js';
import { TAG_PREFIX, VALUE_COUNT, type ResourceType } from '../../src/rules/window-target-keys.js';
import { codePointLength } from '../../src/shapes/build.js';
import { ErrorBody, errorTypeName } from '../../src/shapes/errors.js';
import { INT32, metaOf, type ShapeMeta, type StringMeta, type StructureMeta } from '../../src/shapes/meta.js';
import { compileAwsPattern } from '../../src/shapes/patterns.js';
import { MaintenanceWindowTargetId } from '../../src/shapes/scalars.js';
import { walk } from '../../src/shapes/walk.js';
import { clone, setAt } from './payloads.js';
import { validAt, validCron, validRate, ZONES } from './schedules.js';

/*
 * Payloads generated from the schema metadata (src/shapes/meta.ts), so that they follow the
 * contract as it changes: valid ones for every task type, targeted and targetless, and copies
 * with exactly one fault, chosen among the faults the metadata says the faulty place can have.
 * Where a documented rule narrows what the model allows (target keys, filter keys, ...), the
 * generator reads the rule's own exported constants.
 */

/**
 * The ID formats MW007 expects, as patterns: the generator's source of valid IDs, and what
 * test/rules/id-formats.test.ts holds the rule's own character checks to. A window target ID is
 * the model's MaintenanceWindowTargetId, so its pattern is read from that shape.
 */
export const MANAGED_NODE_ID = /^(?:i-(?:[0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$/;
export const WINDOW_TARGET_ID = compileAwsPattern((metaOf(MaintenanceWindowTargetId) as StringMeta).pattern!);

/** Kept small: the table runs through validate() and ajv twice. */
const MAX_ITEMS = 3;
const MAX_STRING = 24;

function stringArbitrary(meta: Extract<ShapeMeta, { type: 'string' }>): fc.Arbitrary<string> {
  if (meta.enum) return fc.constantFrom(...meta.enum);
  const min = meta.min ?? 0;
  const max = meta.max ?? Number.POSITIVE_INFINITY;
  const fits = (s: string) => {
    const n = codePointLength(s);
    return n >= min && n <= max;
  };
  if (meta.pattern !== undefined) {
    const regex = compileAwsPattern(meta.pattern);
    try {
      return fc.stringMatching(regex).filter(fits);
    } catch {
      // A construct fast-check cannot generate from (a lookahead): draw text and keep what matches.
      return fc.string({ unit: 'binary', minLength: Math.max(min, 1), maxLength: Math.min(max, MAX_STRING) }).filter((s) => regex.test(s) && fits(s));
    }
  }
  // Any code point, astral ones included: lengths count code points, and this checks both parties do.
  return fc.string({ unit: 'binary', minLength: min, maxLength: Math.max(min, Math.min(max, min + MAX_STRING)) });
}

export function arbitraryFor(schema: z.ZodType, exclude: readonly string[] = []): fc.Arbitrary<unknown> {
  const meta = metaOf(schema);
  switch (meta.type) {
    case 'string':
      return stringArbitrary(meta);
    case 'integer':
      return fc.integer({ min: meta.min ?? INT32.min, max: meta.max ?? INT32.max });
    case 'boolean':
      return fc.boolean();
    case 'blob':
      return fc.uint8Array({ maxLength: Math.min(meta.max ?? 64, 64) }).map((bytes) => Buffer.from(bytes).toString('base64'));
    case 'timestamp':
      return fc.oneof(
        fc.double({ min: 0, max: 4102444800, noNaN: true, noDefaultInfinity: true }),
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      );
    case 'list':
      return fc.array(arbitraryFor(meta.member), { minLength: meta.min ?? 0, maxLength: Math.max(meta.min ?? 0, Math.min(meta.max ?? MAX_ITEMS, MAX_ITEMS)) });
    case 'map':
      return fc.dictionary(
        (arbitraryFor(meta.key) as fc.Arbitrary<string>).filter((k) => k !== '__proto__'),
        arbitraryFor(meta.value),
        { minKeys: meta.min ?? 0, maxKeys: Math.max(meta.min ?? 0, Math.min(meta.max ?? MAX_ITEMS, MAX_ITEMS)) },
      );
    case 'structure':
      return structureArbitrary(meta, exclude);
  }
}

function structureArbitrary(meta: StructureMeta, exclude: readonly string[], fixed: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const members: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [name, m] of Object.entries(meta.members)) {
    if (exclude.includes(name)) continue;
    members[name] = fixed[name] ?? (m.envelope && name === '__type' ? fc.constant(meta.shape) : arbitraryFor(m.schema));
    if (m.required) required.push(name);
  }
  return fc.record(members, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
}

// --- valid payloads, rule-aware ------------------------------------------------------------------

const targetArbitrary = fc.constantFrom(...TASK_TARGET_KEYS).chain((Key) => {
  const { minimum, maximum } = TASK_TARGET_VALUE_COUNT[Key];
  const value = Key === 'InstanceIds' ? fc.stringMatching(MANAGED_NODE_ID) : fc.stringMatching(WINDOW_TARGET_ID);
  return fc.record({ Key: fc.constant(Key), Values: fc.array(value, { minLength: minimum, maxLength: Math.min(maximum, MAX_ITEMS) }) });
});

/** A RegisterTaskWithMaintenanceWindow request of `taskType`; valid unless RUN_COMMAND is targetless (MW001). */
export function registerRequestArbitrary(taskType: TaskType, targeted: boolean): fc.Arbitrary<Record<string, unknown>> {
  const request = operations.RegisterTaskWithMaintenanceWindow.request;
  const meta = metaOf(request) as StructureMeta;
  const targetsMeta = metaOf(meta.members.Targets!.schema);
  const invocation = metaOf(meta.members.TaskInvocationParameters!.schema) as StructureMeta;
  const member = INVOCATION_MEMBER[taskType];
  const rest = structureArbitrary(meta, ['TaskType', 'Targets', 'MaxConcurrency', 'MaxErrors', 'TaskInvocationParameters']);
  return fc
    .record({
      rest,
      targets: targeted
        ? fc.array(targetArbitrary, { minLength: 1, maxLength: Math.min(targetsMeta.type === 'list' ? (targetsMeta.max ?? MAX_ITEMS) : MAX_ITEMS, MAX_ITEMS) })
        : fc.constantFrom(undefined, []),
      maxConcurrency: arbitraryFor(meta.members.MaxConcurrency!.schema),
      maxErrors: arbitraryFor(meta.members.MaxErrors!.schema),
      parameters: fc.option(arbitraryFor(invocation.members[member]!.schema), { nil: undefined }),
    })
    .map(({ rest, targets, maxConcurrency, maxErrors, parameters }) => ({
      ...rest,
      TaskType: taskType,
      ...(targets !== undefined ? { Targets: targets } : {}),
      ...(targeted ? { MaxConcurrency: maxConcurrency, MaxErrors: maxErrors } : {}),
      ...(parameters !== undefined ? { TaskInvocationParameters: { [member]: parameters } } : {}),
    }));
}

// --- window targets and updates (issue 16) -----------------------------------------------------------

/** A tag key as the TargetKey pattern takes it after tag: (letters, digits, spaces and _ . : / = - @). */
const tagKey = fc.stringMatching(/^[A-Za-z0-9_.:\/=@ -]{1,20}$/);
const windowTargetValues = (value: fc.Arbitrary<string>, form: keyof typeof VALUE_COUNT) => {
  const { minimum } = VALUE_COUNT[form];
  const maximum = 'maximum' in VALUE_COUNT[form] ? (VALUE_COUNT[form] as { maximum: number }).maximum : MAX_ITEMS;
  return fc.uniqueArray(value, { minLength: minimum, maxLength: Math.min(maximum, MAX_ITEMS) });
};

/** Valid Targets of a window target: one InstanceIds target, or up to 3 tag:<key> and tag-key targets; or a resource group and its filters. */
export function windowTargetsArbitrary(resourceType: ResourceType): fc.Arbitrary<Record<string, unknown>[]> {
  if (resourceType === 'RESOURCE_GROUP') {
    const name = fc.record({ Key: fc.constant('resource-groups:Name'), Values: windowTargetValues(fc.stringMatching(/^[A-Za-z0-9_.-]{1,30}$/), 'resource-groups:Name') });
    const filters = fc.record({ Key: fc.constant('resource-groups:ResourceTypeFilters'), Values: windowTargetValues(fc.constantFrom('AWS::EC2::Instance', 'AWS::ECS::Cluster', 'AWS::EC2::VPC'), 'resource-groups:ResourceTypeFilters') });
    return fc.tuple(name, fc.option(filters, { nil: undefined })).map(([n, f]) => (f ? [n, f] : [n]));
  }
  const ids = fc.record({ Key: fc.constant('InstanceIds'), Values: windowTargetValues(fc.stringMatching(MANAGED_NODE_ID), 'InstanceIds') });
  const tag = fc.oneof(
    fc.record({ Key: tagKey.map((k) => `${TAG_PREFIX}${k}`), Values: windowTargetValues(fc.string({ maxLength: 12 }), 'tag') }),
    fc.record({ Key: fc.constant('tag-key'), Values: windowTargetValues(tagKey, 'tag-key') }),
  );
  return fc.oneof(ids.map((t) => [t]), fc.array(tag, { minLength: 1, maxLength: MAX_ITEMS }));
}

/** A valid RegisterTargetWithMaintenanceWindow request of `resourceType`. */
export function registerTargetRequestArbitrary(resourceType: ResourceType): fc.Arbitrary<Record<string, unknown>> {
  const meta = metaOf(operations.RegisterTargetWithMaintenanceWindow.request) as StructureMeta;
  return fc
    .record({ rest: structureArbitrary(meta, ['ResourceType', 'Targets']), targets: windowTargetsArbitrary(resourceType) })
    .map(({ rest, targets }) => ({ ...rest, ResourceType: resourceType, Targets: targets }));
}

/** A valid UpdateMaintenanceWindowTarget request: with Replace, Targets is given (MW069). */
export function updateTargetRequestArbitrary(resourceType: ResourceType): fc.Arbitrary<Record<string, unknown>> {
  const meta = metaOf(operations.UpdateMaintenanceWindowTarget.request) as StructureMeta;
  return fc
    .record({ rest: structureArbitrary(meta, ['Targets']), targets: fc.option(windowTargetsArbitrary(resourceType), { nil: undefined }) })
    .map(({ rest, targets }) => {
      const given = targets ?? (rest.Replace === true ? [{ Key: 'tag-key', Values: ['Patch'] }] : undefined);
      return { ...rest, ...(given !== undefined ? { Targets: given } : {}) };
    });
}

/**
 * A valid UpdateMaintenanceWindowTask request for a task of `taskType`: with Replace, TaskArn (MW071)
 * and, when the task keeps targets, MaxConcurrency and MaxErrors (MW072); when the update leaves it
 * without targets, neither (MW073); the invocation parameters of the one type (MW075).
 */
export function updateTaskRequestArbitrary(taskType: TaskType): fc.Arbitrary<Record<string, unknown>> {
  const meta = metaOf(operations.UpdateMaintenanceWindowTask.request) as StructureMeta;
  const invocation = metaOf(meta.members.TaskInvocationParameters!.schema) as StructureMeta;
  const member = INVOCATION_MEMBER[taskType];
  return fc
    .record({
      rest: structureArbitrary(meta, ['Targets', 'MaxConcurrency', 'MaxErrors', 'TaskInvocationParameters', 'TaskArn', 'Replace']),
      replace: fc.constantFrom(undefined, false, true),
      targets: fc.oneof(fc.constant(undefined), fc.constant([]), fc.array(targetArbitrary, { minLength: 1, maxLength: MAX_ITEMS })),
      taskArn: fc.option(arbitraryFor(meta.members.TaskArn!.schema), { nil: undefined }),
      maxConcurrency: fc.option(arbitraryFor(meta.members.MaxConcurrency!.schema), { nil: undefined }),
      maxErrors: fc.option(arbitraryFor(meta.members.MaxErrors!.schema), { nil: undefined }),
      parameters: fc.option(arbitraryFor(invocation.members[member]!.schema), { nil: undefined }),
    })
    .map(({ rest, replace, targets, taskArn, maxConcurrency, maxErrors, parameters }) => {
      const targetless = (Array.isArray(targets) && targets.length === 0) || (replace === true && targets === undefined);
      const targeted = Array.isArray(targets) && targets.length > 0;
      const rate = targetless ? {} : replace === true && targeted ? { MaxConcurrency: maxConcurrency ?? '1', MaxErrors: maxErrors ?? '1' } : { ...(maxConcurrency !== undefined ? { MaxConcurrency: maxConcurrency } : {}), ...(maxErrors !== undefined ? { MaxErrors: maxErrors } : {}) };
      const arn = replace === true ? (taskArn ?? 'AWS-RunShellScript') : taskArn;
      return {
        ...rest,
        ...(replace !== undefined ? { Replace: replace } : {}),
        ...(targets !== undefined ? { Targets: targets } : {}),
        ...(arn !== undefined ? { TaskArn: arn } : {}),
        ...rate,
        ...(parameters !== undefined ? { TaskInvocationParameters: { [member]: parameters } } : {}),
      };
    });
}

const statusFilterArbitrary = fc.record({
  Key: fc.constant('STATUS'),
  Values: fc.subarray([...STATUS_FILTER_VALUES, ...UNDOCUMENTED_STATUS_FILTER_VALUES], { maxLength: MAX_ITEMS }),
});

export function describeRequestArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  const meta = metaOf(operations.DescribeMaintenanceWindowExecutionTaskInvocations.request) as StructureMeta;
  const filters = metaOf(meta.members.Filters!.schema);
  return structureArbitrary(meta, [], {
    Filters: fc.array(statusFilterArbitrary, { maxLength: Math.min(filters.type === 'list' ? (filters.max ?? MAX_ITEMS) : MAX_ITEMS, MAX_ITEMS) }),
  });
}

export function bodyArbitrary(operation: OperationName, kind: Kind): fc.Arbitrary<unknown> {
  if (kind === 'response') return arbitraryFor(operations[operation].response);
  return fc.constantFrom(...operations[operation].errors, ErrorBody).chain((e) => arbitraryFor(e));
}

// --- one fault ------------------------------------------------------------------------------------

export interface Fault {
  name: string;
  payload: unknown;
  /** Where the fault is. */
  path: PathSegment[];
  /** The codes an error there may have: one of them must be reported at `path`. */
  expect: readonly Code[];
}

/** A value of the wrong type for each kind of shape. */
export const WRONG_TYPE: Record<ShapeMeta['type'], unknown> = {
  string: 42,
  integer: '5',
  boolean: 'true',
  blob: 42,
  timestamp: 'yesterday',
  list: 'x',
  map: ['x'],
  structure: 'x',
};

const NOT_MATCHING = ['!', ' ', '', '#x', 'x'.repeat(300)];

/** Every single fault the metadata allows at each place of `payload`. */
export function faultsOf(schema: z.ZodType, payload: unknown): Fault[] {
  const faults: Fault[] = [];
  const at = (path: readonly PathSegment[], label: string, value: unknown, expect: readonly Code[], reportedAt: readonly PathSegment[] = path) =>
    faults.push({ name: `${label} at /${path.join('/')}`, payload: setAt(payload, path, value), path: [...reportedAt], expect });
  walk(schema, payload, ({ meta, value, path }) => {
    if (path.length > 0) at(path, `${meta.type} given ${JSON.stringify(WRONG_TYPE[meta.type])}`, WRONG_TYPE[meta.type], ['invalid_type']);
    else faults.push({ name: 'a body that is not an object', payload: [clone(payload)], path: [], expect: ['invalid_type'] });
    switch (meta.type) {
      case 'string':
        if (meta.enum) at(path, 'a value outside the enum', 'NOT_A_VALUE', ['invalid_enum']);
        if (meta.min !== undefined && meta.min > 0) at(path, 'too short', 'a'.repeat(meta.min - 1), ['too_short']);
        if (meta.max !== undefined) at(path, 'too long', '😀'.repeat(meta.max + 1), ['too_long']);
        if (meta.pattern !== undefined) {
          const regex = compileAwsPattern(meta.pattern);
          const bad = NOT_MATCHING.find((s) => !regex.test(s));
          // A text that breaks the pattern may break a length first.
          if (bad !== undefined) at(path, 'not matching the pattern', bad, ['pattern_mismatch', 'too_short', 'too_long']);
        }
        break;
      case 'integer':
        at(path, 'below the minimum', (meta.min ?? INT32.min) - 1, ['too_small']);
        at(path, 'above the maximum', (meta.max ?? INT32.max) + 1, ['too_big']);
        at(path, 'a fraction', (meta.min ?? 0) + 0.5, ['invalid_type']);
        break;
      case 'blob':
        at(path, 'not base64', '###', ['invalid_base64']);
        if (meta.max !== undefined) at(path, 'too many bytes', Buffer.alloc(meta.max + 1, 1).toString('base64'), ['too_long']);
        break;
      case 'list':
        if (Array.isArray(value) && value.length > 0 && meta.max !== undefined) at(path, 'too many items', Array.from({ length: meta.max + 1 }, () => clone(value[0])), ['too_many_items']);
        if (meta.min !== undefined && meta.min > 0) at(path, 'too few items', [], ['too_few_items']);
        break;
      case 'map': {
        const key = metaOf(meta.key);
        const long = key.type === 'string' && key.max !== undefined ? 'k'.repeat(key.max + 1) : undefined;
        // The long key takes an entry's value: a wrong value would be a second fault (and zod checks no key of a map with a wrong value).
        const entry = value && typeof value === 'object' ? Object.values(value)[0] : undefined;
        if (entry !== undefined && long !== undefined) at(path, 'a key too long', { ...(value as object), [long]: entry }, ['too_long'], [...path, long]);
        if (meta.min !== undefined && meta.min > 0) at(path, 'too few entries', {}, ['too_few_entries']);
        break;
      }
      case 'structure':
        if (meta.direction === 'input') at([...path, 'Bogus'], 'an unknown member', 'x', ['unknown_member']);
        for (const [name, m] of Object.entries(meta.members)) {
          if (m.required && value && typeof value === 'object' && name in value) at([...path, name], 'a required member removed', undefined, ['required']);
        }
        break;
      default:
        break;
    }
  });
  return faults;
}

// --- any payload, and any value at any place of it --------------------------------------------------

/** A payload drawn for an operation and kind, with what it was drawn as. */
export interface Drawn {
  operation: OperationName;
  kind: Kind;
  data: unknown;
  label: string;
}

/** The schema validate() checks a payload of `operation` and `kind` against (an error body's by its __type). */
export function schemaOf(operation: OperationName, kind: Kind, payload: unknown): z.ZodType {
  if (kind === 'request') return operations[operation].request;
  if (kind === 'response') return operations[operation].response;
  const type = (payload as { __type?: unknown } | null)?.__type;
  return operations[operation].errors.find((e) => typeof type === 'string' && metaOf(e).shape === errorTypeName(type)) ?? ErrorBody;
}

const TASK_TYPES = Object.keys(INVOCATION_MEMBER) as TaskType[];
export const RESOURCE_TYPES: readonly ResourceType[] = ['INSTANCE', 'RESOURCE_GROUP'];

/** Every payload the generators above make valid: each task type targeted and targetless (but RUN_COMMAND, which needs targets), filters, bodies. */
export function validPayloadArbitrary(): fc.Arbitrary<Drawn> {
  const register = TASK_TYPES.flatMap((taskType) =>
    [true, false]
      .filter((targeted) => targeted || taskType !== 'RUN_COMMAND')
      .map((targeted) =>
        registerRequestArbitrary(taskType, targeted).map((data): Drawn => ({ operation: 'RegisterTaskWithMaintenanceWindow', kind: 'request', data, label: `${taskType} ${targeted ? 'targeted' : 'targetless'}` })),
      ),
  );
  const describe = describeRequestArbitrary().map((data): Drawn => ({ operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', kind: 'request', data, label: 'STATUS filters' }));
  const windowTargets = RESOURCE_TYPES.flatMap((type) => [
    registerTargetRequestArbitrary(type).map((data): Drawn => ({ operation: 'RegisterTargetWithMaintenanceWindow', kind: 'request', data, label: `${type} targets` })),
    updateTargetRequestArbitrary(type).map((data): Drawn => ({ operation: 'UpdateMaintenanceWindowTarget', kind: 'request', data, label: `${type} targets` })),
  ]);
  const taskUpdates = TASK_TYPES.map((taskType) => updateTaskRequestArbitrary(taskType).map((data): Drawn => ({ operation: 'UpdateMaintenanceWindowTask', kind: 'request', data, label: `${taskType} update` })));
  const createWindow = createWindowRequestArbitrary().map((data): Drawn => ({ operation: 'CreateMaintenanceWindow', kind: 'request', data, label: 'a window' }));
  const updateWindow = [true, false].map((replace) => updateWindowRequestArbitrary(replace).map((data): Drawn => ({ operation: 'UpdateMaintenanceWindow', kind: 'request', data, label: replace ? 'Replace' : 'some members' })));
  const bodies = (Object.keys(operations) as OperationName[]).flatMap((operation) =>
    (['response', 'error'] as const).map((kind) => bodyArbitrary(operation, kind).map((data): Drawn => ({ operation, kind, data, label: `${kind} body` }))),
  );
  return fc.oneof(...register, describe, ...windowTargets, ...taskUpdates, createWindow, ...updateWindow, ...bodies);
}

/** A valid payload with exactly one of the faults the metadata allows (see faultsOf), and the fault. */
export function faultyPayloadArbitrary(valid: fc.Arbitrary<Drawn> = validPayloadArbitrary()): fc.Arbitrary<Drawn & { fault: Fault }> {
  return fc.tuple(valid, fc.nat()).map(([drawn, pick]) => {
    const faults = faultsOf(schemaOf(drawn.operation, drawn.kind, drawn.data), drawn.data);
    const fault = faults[pick % faults.length]!;
    return { ...drawn, data: fault.payload, fault, label: `${drawn.label} with ${fault.name}` };
  });
}

/** Every place of a payload a value can go: each value the shapes reach (the root included), and a new member or entry of each structure and map. */
export function placesOf(schema: z.ZodType, payload: unknown): PathSegment[][] {
  const places: PathSegment[][] = [];
  walk(schema, payload, ({ meta, path, value }) => {
    places.push([...path]);
    if ((meta.type === 'structure' || meta.type === 'map') && value !== null && typeof value === 'object') places.push([...path, '\0new']);
  });
  return places;
}

/** A copy of a plain payload with `value` at `path`, as an own property whatever the key (`__proto__` too); the value itself is not copied. */
export function placeAt(payload: unknown, path: readonly PathSegment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(payload);
  let parent = copy as Record<PathSegment, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<PathSegment, unknown>;
  Object.defineProperty(parent, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Keys a file can hold: any text, and the ones that reach into Object.prototype. */
export const anyKey: fc.Arbitrary<string> = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''));

/**
 * Any value a JSON or YAML file can hold, as the parsers return it: JSON values (strings of any code
 * point, lone surrogates included, through escapes), and YAML's .inf, -.inf, .nan and -0.
 */
export const fileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    fc.constantFrom(null, true, false, 0, -0, 1, -1, 1.5, 2 ** 31, 2 ** 32 + 1, 2 ** 53, 2 ** 53 + 2, 1e21, -1e300, Infinity, -Infinity, NaN, '', '\ud800', 'a\udfffb', '😀'),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.double(),
    fc.integer(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }).map((d) => Object.fromEntries(Object.entries(d))),
  ),
})).value;

class Task {
  WindowId = 'mw-0123456789abcdef0';
  #secret = 'x';
  get TaskArn(): string {
    return this.#secret;
  }
}

function throwing(): never {
  throw new Error('boom');
}

/** Values no file holds but a caller of validate() can pass: each breaks some naive reading of a value. */
const SPECIAL: readonly (() => unknown)[] = [
  () => undefined,
  () => 10n ** 30n,
  () => -(2n ** 63n),
  () => Symbol('x'),
  () => () => 1,
  () => new Date(NaN),
  () => new Date(0),
  () => new Uint8Array([1, 2, 3]),
  () => Buffer.from('x'),
  () => new Map([['WindowId', 'x']]),
  () => new Set([1]),
  () => new Error('x'),
  () => Promise.resolve(1),
  () => new WeakMap(),
  () => new Task(),
  () => Object.freeze({ WindowId: 'mw-0123456789abcdef0', Targets: Object.freeze([]) }),
  () => Object.seal({ TaskType: 'RUN_COMMAND' }),
  () => Object.assign(Object.create(null) as object, { TaskType: 'LAMBDA', Values: ['x'] }),
  () => ({ [Symbol('k')]: 1, [Symbol.iterator]: throwing, Key: 'InstanceIds' }),
  () => Object.defineProperty({}, 'Key', { enumerable: true, get: throwing }),
  () => Object.defineProperty([], 0, { enumerable: true, get: throwing }),
  () => ({ toString: throwing, valueOf: throwing, toJSON: throwing, [Symbol.toPrimitive]: throwing }),
  () => new Proxy({}, { ownKeys: throwing }),
  () => new Proxy({ Key: 'x' }, { get: throwing }),
  () => new Proxy({ Key: 'x' }, { getOwnPropertyDescriptor: throwing }),
  () => new Proxy({}, { getPrototypeOf: throwing }),
  () => new Proxy([], { get: throwing }),
  () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  () => {
    const cycle: Record<string, unknown> = { Key: 'InstanceIds' };
    cycle.Values = [cycle];
    cycle.TaskInvocationParameters = cycle;
    cycle.Targets = [cycle];
    return cycle;
  },
  () => new Array(2 ** 32 - 1),
  () => Object.assign(new Array(100_000), { 99_999: 'x' }),
  () => Array.from({ length: 20_000 }, () => 42),
  () => Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
  () => 'x'.repeat(100_000),
  () => '\ud800'.repeat(1000),
  () => Number.MAX_VALUE,
  () => Number.MIN_VALUE,
  () => Number.MAX_SAFE_INTEGER + 2,
];

/**
 * A value that is built when the test runs, not when fast-check draws it: fast-check inspects the
 * values it draws, and some of these (a revoked proxy, a throwing getter) are built to make any
 * inspection throw.
 */
export type Make = () => unknown;

/** A special value, built fresh for each run (so that a run cannot change another's). */
export const specialValue: fc.Arbitrary<Make> = fc.integer({ min: 0, max: SPECIAL.length - 1 }).map((i) => SPECIAL[i]!);

const made = (v: unknown): Make => () => v;

/** Any value at all: what a file holds, what only code holds, and structures of both, some frozen. */
export const hostileValue: fc.Arbitrary<Make> = fc.oneof(
  fileValue.map(made),
  specialValue,
  fc
    .anything({
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
      key: anyKey,
    })
    .map(made),
  fc.tuple(fileValue, fc.boolean()).map(([v, freeze]) => made(freeze && v !== null && typeof v === 'object' ? Object.freeze(v) : v)),
  // A special value inside a structure of file values.
  fc.tuple(fileValue, specialValue, anyKey).map(([v, special, key]): Make => () => (v !== null && typeof v === 'object' ? placeAt(v, [key], special()) : [v, special()])),
);

// --- maintenance windows (CreateMaintenanceWindow, UpdateMaintenanceWindow) --------------------------

/** A window's schedule members that the rules accept: ScheduleOffset only with cron (MW048), EndDate after StartDate (MW052). */
const windowScheduleArbitrary = fc
  .record({
    schedule: fc.oneof(validCron.map((s) => ({ Schedule: s, cron: true })), fc.oneof(validRate, validAt).map((s) => ({ Schedule: s, cron: false }))),
    zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
    offset: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    dates: fc.option(
      fc.tuple(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2098-01-01T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 1, max: 10 * 365 })).map(([start, days]) => ({
        StartDate: start.toISOString(),
        EndDate: new Date(start.getTime() + days * 86_400_000).toISOString(),
      })),
      { nil: undefined },
    ),
  })
  .map(({ schedule, zone, offset, dates }) => ({
    Schedule: schedule.Schedule,
    ...(zone !== undefined ? { ScheduleTimezone: zone } : {}),
    ...(offset !== undefined && schedule.cron ? { ScheduleOffset: offset } : {}),
    ...(dates ?? {}),
  }));

/** Duration and a Cutoff below it (MW049). */
const durationAndCutoff = fc.integer({ min: 1, max: 24 }).chain((Duration) => fc.integer({ min: 0, max: Duration - 1 }).map((Cutoff) => ({ Duration, Cutoff })));

const WINDOW_SCHEDULE_MEMBERS = ['Schedule', 'ScheduleTimezone', 'ScheduleOffset', 'StartDate', 'EndDate', 'Duration', 'Cutoff'];

/** A valid CreateMaintenanceWindow request. */
export function createWindowRequestArbitrary(): fc.Arbitrary<Record<string, unknown>> {
  const meta = metaOf(operations.CreateMaintenanceWindow.request) as StructureMeta;
  return fc
    .record({ rest: structureArbitrary(meta, WINDOW_SCHEDULE_MEMBERS), schedule: windowScheduleArbitrary, times: durationAndCutoff })
    .map(({ rest, schedule, times }) => ({ ...rest, ...schedule, ...times }));
}

/** A valid UpdateMaintenanceWindow request: with Replace, every member Create requires (MW055); without, any of them. */
export function updateWindowRequestArbitrary(replace: boolean): fc.Arbitrary<Record<string, unknown>> {
  const meta = metaOf(operations.UpdateMaintenanceWindow.request) as StructureMeta;
  const required = replace ? ['Name', 'AllowUnassociatedTargets'] : [];
  return fc
    .record({
      rest: structureArbitrary(meta, [...WINDOW_SCHEDULE_MEMBERS, 'Replace']),
      name: arbitraryFor(meta.members.Name!.schema),
      allow: fc.boolean(),
      schedule: windowScheduleArbitrary,
      times: durationAndCutoff,
      keep: fc.subarray(WINDOW_SCHEDULE_MEMBERS),
      saysNoReplace: fc.boolean(),
    })
    .map(({ rest, name, allow, schedule, times, keep, saysNoReplace }) => {
      const members: Record<string, unknown> = { ...schedule, ...times };
      // Without Replace, an update gives any of them; ScheduleOffset only with its cron Schedule (MW048 decides the two together).
      const given = replace ? members : Object.fromEntries(Object.entries(members).filter(([k]) => keep.includes(k) && (k !== 'ScheduleOffset' || keep.includes('Schedule'))));
      return { ...rest, ...(required.length ? { Name: name, AllowUnassociatedTargets: allow } : {}), ...given, ...(replace ? { Replace: true } : saysNoReplace ? { Replace: false } : {}) };
    });
}
