import fc from 'fast-check';
import type * as z from 'zod';
import type { PathSegment } from '../../src/issues/issue.js';
import { operations, type Kind, type OperationName } from '../../src/operations/index.js';
import { TASK_TARGET_KEYS } from '../../src/rules/MW005-task-target-key.js';
import { TASK_TARGET_VALUE_COUNT } from '../../src/rules/MW006-task-target-value-count.js';
import { MANAGED_NODE_ID, WINDOW_TARGET_ID } from '../../src/rules/MW007-task-target-value-format.js';
import { STATUS_FILTER_VALUES, UNDOCUMENTED_STATUS_FILTER_VALUES } from '../../src/rules/MW021-status-filter-value.js';
import { INVOCATION_MEMBER, type TaskType } from '../../src/rules/types.js';
import { codePointLength } from '../../src/shapes/build.js';
import { ErrorBody } from '../../src/shapes/errors.js';
import { INT32, metaOf, type ShapeMeta, type StructureMeta } from '../../src/shapes/meta.js';
import { compileAwsPattern } from '../../src/shapes/patterns.js';
import { walk } from '../../src/shapes/walk.js';
import { clone, setAt } from './payloads.js';

/*
 * Payloads generated from the schema metadata (src/shapes/meta.ts), so that they follow the
 * contract as it changes: valid ones for every task type, targeted and targetless, and copies
 * with exactly one fault, chosen among the faults the metadata says the faulty place can have.
 * Where a documented rule narrows what the model allows (target keys, filter keys, ...), the
 * generator reads the rule's own exported constants.
 */

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
}

const WRONG_TYPE: Record<ShapeMeta['type'], unknown> = {
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
  const at = (path: readonly PathSegment[], label: string, value: unknown) => faults.push({ name: `${label} at /${path.join('/')}`, payload: setAt(payload, path, value) });
  walk(schema, payload, ({ meta, value, path }) => {
    if (path.length > 0) at(path, `${meta.type} given ${JSON.stringify(WRONG_TYPE[meta.type])}`, WRONG_TYPE[meta.type]);
    else faults.push({ name: 'a body that is not an object', payload: [clone(payload)] });
    switch (meta.type) {
      case 'string':
        if (meta.enum) at(path, 'a value outside the enum', 'NOT_A_VALUE');
        if (meta.min !== undefined && meta.min > 0) at(path, 'too short', 'a'.repeat(meta.min - 1));
        if (meta.max !== undefined) at(path, 'too long', '😀'.repeat(meta.max + 1));
        if (meta.pattern !== undefined) {
          const regex = compileAwsPattern(meta.pattern);
          const bad = NOT_MATCHING.find((s) => !regex.test(s));
          if (bad !== undefined) at(path, 'not matching the pattern', bad);
        }
        break;
      case 'integer':
        at(path, 'below the minimum', (meta.min ?? INT32.min) - 1);
        at(path, 'above the maximum', (meta.max ?? INT32.max) + 1);
        at(path, 'a fraction', (meta.min ?? 0) + 0.5);
        break;
      case 'blob':
        at(path, 'not base64', '###');
        if (meta.max !== undefined) at(path, 'too many bytes', Buffer.alloc(meta.max + 1, 1).toString('base64'));
        break;
      case 'list':
        if (Array.isArray(value) && value.length > 0 && meta.max !== undefined) at(path, 'too many items', Array.from({ length: meta.max + 1 }, () => clone(value[0])));
        if (meta.min !== undefined && meta.min > 0) at(path, 'too few items', []);
        break;
      case 'map': {
        const key = metaOf(meta.key);
        if (value && typeof value === 'object' && key.type === 'string' && key.max !== undefined) at(path, 'a key too long', { ...(value as object), ['k'.repeat(key.max + 1)]: Object.values(value)[0] ?? null });
        if (meta.min !== undefined && meta.min > 0) at(path, 'too few entries', {});
        break;
      }
      case 'structure':
        if (meta.direction === 'input') at([...path, 'Bogus'], 'an unknown member', 'x');
        for (const [name, m] of Object.entries(meta.members)) {
          if (m.required && value && typeof value === 'object' && name in value) at([...path, name], 'a required member removed', undefined);
        }
        break;
      default:
        break;
    }
  });
  return faults;
}
