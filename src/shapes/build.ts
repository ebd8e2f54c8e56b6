import * as z from 'zod';
import type { FieldCode } from '../issues/codes.js';
import type { ParamsOf } from '../issues/params.js';
import { fieldMessage } from '../issues/format.js';
import {
  awsShapes,
  INT32,
  type BlobMeta,
  type Deprecation,
  type IntegerMeta,
  type ListMeta,
  type MapMeta,
  type MemberMeta,
  type StringMeta,
  type StructureMeta,
} from './meta.js';
import { compileAwsPattern } from './patterns.js';
import { base64ByteLength, codePointLength, timestampForm } from '../values/value-facts.js';

export { BASE64_PATTERN, base64ByteLength, codePointLength, ISO_8601_PATTERN, timestampForm } from '../values/value-facts.js';

/*
 * Constructors for AWS shapes. Each one builds the Zod schema that enforces a shape's
 * constraints with the model's semantics and registers the same facts in `awsShapes`, so the
 * enforcement and the metadata that generators read cannot drift apart.
 *
 * Constraint failures are reported as Zod `custom` issues whose `params.code` is one of our
 * codes (src/issues/codes.ts): Zod's built-in length checks count UTF-16 units and know nothing
 * of blobs, map sizes or 32-bit integers.
 */

type CheckContext = z.core.ParsePayload<unknown>;

function report<C extends FieldCode>(
  ctx: CheckContext,
  code: C,
  params: ParamsOf<C>,
  path?: PropertyKey[],
): void {
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    params: { code, ...params },
    message: fieldMessage(code, params),
    continue: true,
    ...(path ? { path } : {}),
  });
}

type Bounds = { min?: number; max?: number };

function checkLength(ctx: CheckContext, actual: number, b: Bounds, unit: 'characters' | 'bytes', path?: PropertyKey[]) {
  if (b.min !== undefined && actual < b.min) report(ctx, 'too_short', { minimum: b.min, actual, unit }, path);
  if (b.max !== undefined && actual > b.max) report(ctx, 'too_long', { maximum: b.max, actual, unit }, path);
}

function checkCount(ctx: CheckContext, actual: number, b: Bounds, what: 'items' | 'entries') {
  const [few, many] = what === 'items' ? (['too_few_items', 'too_many_items'] as const) : (['too_few_entries', 'too_many_entries'] as const);
  if (b.min !== undefined && actual < b.min) report(ctx, few, { minimum: b.min, actual });
  if (b.max !== undefined && actual > b.max) report(ctx, many, { maximum: b.max, actual });
}

// ---------------------------------------------------------------------------------------------
// Scalars

export interface StringOptions {
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  doc?: string;
}

export function string(shape: string, options: StringOptions = {}) {
  const { min, max, pattern } = options;
  const regex = pattern === undefined ? undefined : compileAwsPattern(pattern);
  let schema = z.string();
  if (min !== undefined || max !== undefined || regex) {
    schema = schema.check((ctx) => {
      const s = ctx.value;
      // A string of n UTF-16 units has between n/2 and n code points: count only when that can matter.
      const mayFail = (min !== undefined && s.length < 2 * min) || (max !== undefined && s.length > max);
      if (mayFail) checkLength(ctx, codePointLength(s), options, 'characters');
      if (regex && pattern !== undefined && !regex.test(s)) report(ctx, 'pattern_mismatch', { pattern, shape, actual: s });
    });
  }
  awsShapes.add(schema, { type: 'string', ...options, shape } satisfies StringMeta);
  return schema;
}

export function enumeration<const V extends readonly [string, ...string[]]>(
  shape: string,
  values: V,
  options: { doc?: string; deprecatedValues?: Partial<Record<V[number], Deprecation>> } = {},
) {
  const schema = z.enum(values);
  awsShapes.add(schema, {
    type: 'string',
    shape,
    enum: values,
    ...(options.doc ? { doc: options.doc } : {}),
    ...(options.deprecatedValues ? { deprecatedValues: options.deprecatedValues as Record<string, Deprecation> } : {}),
  });
  return schema;
}

export function integer(shape: string, options: Bounds & { doc?: string } = {}) {
  const range = { min: options.min ?? INT32.min, max: options.max ?? INT32.max };
  const schema = z.number().check((ctx) => {
    const n = ctx.value;
    if (!Number.isInteger(n)) return report(ctx, 'invalid_type', { expected: 'integer', received: 'number', actual: n });
    if (n < range.min) report(ctx, 'too_small', { minimum: range.min, actual: n });
    if (n > range.max) report(ctx, 'too_big', { maximum: range.max, actual: n });
  });
  awsShapes.add(schema, { type: 'integer', ...options, shape } satisfies IntegerMeta);
  return schema;
}

export function boolean(shape: string) {
  const schema = z.boolean();
  awsShapes.add(schema, { type: 'boolean', shape });
  return schema;
}

/**
 * A blob: base64 text on the wire (AWS JSON 1.1), bytes (`Uint8Array`) in SDK-shaped input.
 * The model's length limit counts decoded bytes.
 */
export function blob(shape: string, options: { max?: number; sensitive?: boolean; doc?: string } = {}) {
  const schema = z
    .custom<Uint8Array | string>((v) => typeof v === 'string' || v instanceof Uint8Array, {
      params: { code: 'invalid_type', expected: 'blob' },
      message: fieldMessage('invalid_type', { expected: 'blob' }),
    })
    .check((ctx) => {
      const v = ctx.value;
      const bytes = typeof v === 'string' ? base64ByteLength(v) : v.byteLength;
      if (bytes === undefined) return report(ctx, 'invalid_base64', {});
      // Say how the bytes were counted: decoded from base64 text, or as given (SDK input, a Terraform string).
      if (options.max !== undefined && bytes > options.max) report(ctx, 'too_long', { maximum: options.max, actual: bytes, unit: 'bytes', encoding: typeof v === 'string' ? 'base64' : 'bytes' });
    });
  awsShapes.add(schema, { type: 'blob', ...options, shape } satisfies BlobMeta);
  return schema;
}

export function timestamp(shape: string) {
  const schema = z.custom<Date | number | string>((v) => timestampForm(v) !== undefined, {
    params: { code: 'invalid_type', expected: 'timestamp' },
    message: fieldMessage('invalid_type', { expected: 'timestamp' }),
  });
  awsShapes.add(schema, { type: 'timestamp', shape });
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Aggregates

export function list<T extends z.ZodType>(shape: string, member: T, options: Bounds & { sensitive?: boolean; doc?: string } = {}) {
  let schema = z.array(member);
  if (options.min !== undefined || options.max !== undefined) {
    schema = schema.check((ctx) => checkCount(ctx, ctx.value.length, options, 'items'));
  }
  awsShapes.add(schema, { type: 'list', ...options, shape, member } satisfies ListMeta);
  return schema;
}

export function map<V extends z.ZodType>(
  shape: string,
  key: z.ZodString,
  value: V,
  options: Bounds & { sensitive?: boolean; doc?: string } = {},
) {
  const keyNeedsCheck = key._zod.def.checks !== undefined && key._zod.def.checks.length > 0;
  const schema = z.record(z.string(), value).check((ctx) => {
    const keys = Object.keys(ctx.value);
    checkCount(ctx, keys.length, options, 'entries');
    if (!keyNeedsCheck) return;
    for (const k of keys) {
      const r = key.safeParse(k);
      if (r.success) continue;
      for (const issue of r.error.issues) {
        // The key's own check reported with our params (report above); Zod's own issues carry none.
        const { code, ...facts } = (issue as { params?: { code: FieldCode } & Record<string, unknown> }).params ?? { code: 'invalid_type' };
        report(ctx, code, { ...facts, mapKey: true } as ParamsOf<typeof code>, [k]);
      }
    }
  });
  awsShapes.add(schema, { type: 'map', ...options, shape, key, value } satisfies MapMeta);
  return schema;
}

// ---------------------------------------------------------------------------------------------
// Structures

export interface Member<S extends z.ZodType = z.ZodType, R extends boolean = boolean> {
  schema: S;
  required: R;
  doc: string;
  deprecated?: Deprecation;
  idempotencyToken?: boolean;
  envelope?: boolean;
}

type MemberExtras = Pick<MemberMeta, 'deprecated' | 'idempotencyToken' | 'envelope'>;

export function required<S extends z.ZodType>(schema: S, doc: string, extras: MemberExtras = {}): Member<S, true> {
  return { schema, required: true, doc, ...extras };
}

export function optional<S extends z.ZodType>(schema: S, doc: string, extras: MemberExtras = {}): Member<S, false> {
  return { schema, required: false, doc, ...extras };
}

type ZodShapeOf<M extends Record<string, Member>> = {
  [K in keyof M]: M[K]['required'] extends true ? M[K]['schema'] : z.ZodOptional<M[K]['schema']>;
};

interface StructureOptions {
  doc?: string;
  sensitive?: boolean;
  exception?: { httpStatus: number; fault: boolean };
}

function zodShape<M extends Record<string, Member>>(members: M): ZodShapeOf<M> {
  const out: Record<string, z.ZodType> = {};
  for (const [name, m] of Object.entries(members)) out[name] = m.required ? m.schema : m.schema.optional();
  return out as ZodShapeOf<M>;
}

function register(schema: z.ZodType, shape: string, members: Record<string, Member>, direction: 'input' | 'output', options: StructureOptions) {
  awsShapes.add(schema, { type: 'structure', ...options, shape, members, direction } satisfies StructureMeta);
}

/** A request-side structure: an unknown member is an error. */
export function inputStructure<M extends Record<string, Member>>(shape: string, members: M, options: StructureOptions = {}) {
  const schema = z.strictObject(zodShape(members));
  register(schema, shape, members, 'input', options);
  return schema;
}

/** A response-side structure: unknown members pass (AWS adds fields) and are reported as info. */
export function outputStructure<M extends Record<string, Member>>(shape: string, members: M, options: StructureOptions = {}) {
  const schema = z.looseObject(zodShape(members));
  register(schema, shape, members, 'output', options);
  return schema;
}
