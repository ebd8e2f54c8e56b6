import type * as z from 'zod';
import { operations, SERVICE, type OperationName } from '../operations/index.js';
import { INT32, metaOf } from '../shapes/meta.js';

/*
 * The drift check: AWS's service model for SSM (botocore's service-2.json, or any newer copy)
 * against what the Zod schemas enforce, read from their metadata (src/shapes/meta.ts). It walks
 * the shape closure of every operation, from each operation's input, output and errors, and
 * compares every member, required flag, length, range, enum value, pattern and trait. Pure: the
 * model is data in, the differences are data out; reading files is the shell's job.
 */

export interface ModelRef {
  shape: string;
  [trait: string]: unknown;
}

export interface ModelShape {
  type: string;
  members?: Record<string, ModelRef>;
  required?: string[];
  member?: ModelRef;
  key?: ModelRef;
  value?: ModelRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  exception?: boolean;
  fault?: boolean;
  error?: { httpStatusCode?: number; [k: string]: unknown };
  [trait: string]: unknown;
}

export interface ModelOperation {
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  [k: string]: unknown;
}

export interface ServiceModel {
  metadata: Record<string, unknown>;
  operations: Record<string, ModelOperation>;
  shapes: Record<string, ModelShape>;
}

/** botocore's paginators-1.json. */
export interface PaginatorModel {
  pagination: Record<string, { input_token?: unknown; output_token?: unknown; limit_key?: unknown; result_key?: unknown }>;
}

export type DifferenceKind =
  | 'operation'
  | 'protocol'
  | 'error'
  | 'paginator'
  | 'shape'
  | 'type'
  | 'member'
  | 'required'
  | 'min'
  | 'max'
  | 'pattern'
  | 'enum'
  | 'sensitive'
  | 'idempotency-token'
  | 'deprecated'
  | 'exception'
  | 'fault'
  | 'http-status'
  | 'trait';

export interface Difference {
  /** null for the service's protocol facts, which all operations share. */
  operation: OperationName | null;
  /** `request`, `response`, `error <Name>`, `protocol` or `paginator`. */
  part: string;
  /** The place in the part, in spec/ path notation (`A.B`, `A[]`, `A{}`, `A{key}`); '' for the part itself. */
  path: string;
  /** The model's shape at that place ('' when the model has none). */
  shape: string;
  kind: DifferenceKind;
  /** What the model says; null when it says nothing. */
  model: unknown;
  /** What the schemas enforce; null when they enforce nothing. */
  ours: unknown;
}

/** Traits that carry no constraint: documentation and nullability. */
const IGNORED_TRAITS = new Set(['documentation', 'box']);
/** Traits this comparison reads. Anything else in a shape of the closure is reported, so a new trait cannot slip by. */
const SHAPE_TRAITS = new Set(['type', 'members', 'required', 'member', 'key', 'value', 'min', 'max', 'pattern', 'enum', 'sensitive', 'exception', 'fault', 'error', 'deprecated', 'deprecatedMessage']);
const MEMBER_TRAITS = new Set(['shape', 'idempotencyToken', 'deprecated', 'deprecatedMessage']);

const join = (path: string, member: string) => (path ? `${path}.${member}` : member);

interface Place {
  operation: OperationName | null;
  part: string;
  path: string;
}

class Comparison {
  readonly differences: Difference[] = [];

  constructor(private readonly model: ServiceModel) {}

  add(at: Place, shape: string, kind: DifferenceKind, model: unknown, ours: unknown) {
    this.differences.push({ ...at, shape, kind, model: model ?? null, ours: ours ?? null });
  }

  traits(at: Place, shape: string, object: Record<string, unknown>, known: Set<string>) {
    for (const [trait, value] of Object.entries(object)) {
      if (!known.has(trait) && !IGNORED_TRAITS.has(trait)) this.add(at, shape, 'trait', { [trait]: value }, null);
    }
  }

  bound(at: Place, name: string, kind: 'min' | 'max', model: number | undefined, ours: number | undefined) {
    if ((model ?? null) !== (ours ?? null)) this.add(at, name, kind, model, ours);
  }

  shape(schema: z.ZodType, name: string, at: Place): void {
    const model = this.model.shapes[name];
    const meta = metaOf(schema);
    if (!model) return this.add(at, name, 'shape', null, meta.shape);
    if (meta.shape !== name) this.add(at, name, 'shape', name, meta.shape);
    const modelType = model.type === 'long' ? 'integer' : model.type;
    if (modelType !== meta.type) return this.add(at, name, 'type', model.type, meta.type);
    this.traits(at, name, model, SHAPE_TRAITS);
    if (Boolean(model.sensitive) !== Boolean(meta.sensitive)) this.add(at, name, 'sensitive', model.sensitive ?? false, meta.sensitive ?? false);
    // Ours records prose deprecations of members and enum values; a shape the model deprecates is drift.
    if (model.deprecated) this.add(at, name, 'deprecated', true, false);

    switch (meta.type) {
      case 'string':
        this.bound(at, name, 'min', model.min, meta.min);
        this.bound(at, name, 'max', model.max, meta.max);
        if ((model.pattern ?? null) !== (meta.pattern ?? null)) this.add(at, name, 'pattern', model.pattern, meta.pattern);
        this.enumValues(at, name, model.enum ?? [], meta.enum ?? []);
        break;
      case 'integer':
        // What is enforced: the model's bounds, else those of Smithy's 32-bit integer.
        this.bound(at, name, 'min', model.min, meta.min ?? INT32.min);
        this.bound(at, name, 'max', model.max, meta.max ?? INT32.max);
        break;
      case 'blob':
        this.bound(at, name, 'min', model.min, undefined);
        this.bound(at, name, 'max', model.max, meta.max);
        break;
      case 'list':
        this.bound(at, name, 'min', model.min, meta.min);
        this.bound(at, name, 'max', model.max, meta.max);
        if (model.member) this.shape(meta.member, model.member.shape, { ...at, path: `${at.path}[]` });
        break;
      case 'map':
        this.bound(at, name, 'min', model.min, meta.min);
        this.bound(at, name, 'max', model.max, meta.max);
        if (model.key) this.shape(meta.key, model.key.shape, { ...at, path: `${at.path}{key}` });
        if (model.value) this.shape(meta.value, model.value.shape, { ...at, path: `${at.path}{}` });
        break;
      case 'structure': {
        const exception = meta.exception;
        if (Boolean(model.exception) !== Boolean(exception)) this.add(at, name, 'exception', model.exception ?? false, Boolean(exception));
        if (Boolean(model.fault) !== Boolean(exception?.fault)) this.add(at, name, 'fault', model.fault ?? false, exception?.fault ?? false);
        // The API reference gives the statuses; the model does not always. Compared when it does.
        const status = model.error?.httpStatusCode;
        if (status !== undefined && status !== exception?.httpStatus) this.add(at, name, 'http-status', status, exception?.httpStatus);
        const required = new Set(model.required ?? []);
        const members = model.members ?? {};
        for (const [member, ref] of Object.entries(members)) {
          const place = { ...at, path: join(at.path, member) };
          const ours = Object.hasOwn(meta.members, member) ? meta.members[member]! : undefined;
          if (!ours) {
            this.add(place, ref.shape, 'member', ref.shape, null);
            continue;
          }
          this.traits(place, ref.shape, ref, MEMBER_TRAITS);
          if (required.has(member) !== ours.required) this.add(place, ref.shape, 'required', required.has(member), ours.required);
          if (Boolean(ref.idempotencyToken) !== Boolean(ours.idempotencyToken)) this.add(place, ref.shape, 'idempotency-token', ref.idempotencyToken ?? false, ours.idempotencyToken ?? false);
          // Ours also marks members that AWS deprecates in prose only; the model deprecating one we do not is drift.
          if (ref.deprecated && !ours.deprecated) this.add(place, ref.shape, 'deprecated', true, false);
          this.shape(ours.schema, ref.shape, place);
        }
        for (const [member, ours] of Object.entries(meta.members)) {
          if (!Object.hasOwn(members, member)) this.add({ ...at, path: join(at.path, member) }, '', 'member', null, metaOf(ours.schema).shape);
        }
        for (const member of required) if (!Object.hasOwn(members, member)) this.add({ ...at, path: join(at.path, member) }, '', 'required', true, null);
        break;
      }
    }
  }

  enumValues(at: Place, name: string, model: readonly string[], ours: readonly string[]) {
    for (const v of model) if (!ours.includes(v)) this.add(at, name, 'enum', v, null);
    for (const v of ours) if (!model.includes(v)) this.add(at, name, 'enum', null, v);
  }
}

const PROTOCOL = [
  ['targetPrefix', SERVICE.targetPrefix],
  ['jsonVersion', SERVICE.jsonVersion],
  ['apiVersion', SERVICE.apiVersion],
  ['endpointPrefix', SERVICE.endpointPrefix],
  ['protocol', 'json'],
] as const;

const PAGINATOR = [
  ['input_token', 'inputToken'],
  ['output_token', 'outputToken'],
  ['limit_key', 'limitKey'],
  ['result_key', 'resultKey'],
] as const;

/** Every difference between the model and the schemas, over the shape closure of every operation. */
export function compareWithModel(model: ServiceModel, paginators?: PaginatorModel): Difference[] {
  const c = new Comparison(model);
  for (const [key, ours] of PROTOCOL) {
    const value = model.metadata?.[key];
    if (value !== ours) c.add({ operation: null, part: 'protocol', path: key }, '', 'protocol', value, ours);
  }
  for (const [name, op] of Object.entries(operations) as [OperationName, (typeof operations)[OperationName]][]) {    const modelOp = model.operations[name];
    if (!modelOp) {
      c.add({ operation: name, part: 'operation', path: '' }, '', 'operation', null, name);
      continue;
    }
    if (modelOp.input) c.shape(op.request, modelOp.input.shape, { operation: name, part: 'request', path: '' });
    else c.add({ operation: name, part: 'request', path: '' }, '', 'shape', null, metaOf(op.request).shape);
    if (modelOp.output) c.shape(op.response, modelOp.output.shape, { operation: name, part: 'response', path: '' });
    else c.add({ operation: name, part: 'response', path: '' }, '', 'shape', null, metaOf(op.response).shape);

    const ourErrors = new Map(op.errors.map((e) => [metaOf(e).shape, e as z.ZodType]));
    const modelErrors = (modelOp.errors ?? []).map((e) => e.shape);
    for (const error of modelErrors) {
      const ours = ourErrors.get(error);
      if (ours) c.shape(ours, error, { operation: name, part: `error ${error}`, path: '' });
      else c.add({ operation: name, part: 'errors', path: '' }, error, 'error', error, null);
    }
    for (const error of ourErrors.keys()) if (!modelErrors.includes(error)) c.add({ operation: name, part: 'errors', path: '' }, '', 'error', null, error);

    if (paginators) {
      const theirs = paginators.pagination[name];
      const ours = 'paginator' in op ? op.paginator : undefined;
      for (const [key, field] of PAGINATOR) {
        const m = theirs?.[key] ?? null;
        const o = ours?.[field] ?? null;
        if (JSON.stringify(m) !== JSON.stringify(o)) c.add({ operation: name, part: 'paginator', path: key }, '', 'paginator', m, o);
      }
    }
  }
  return c.differences;
}
