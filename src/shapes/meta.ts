import * as z from 'zod';

/**
 * AWS facts about every shape, declared once on the Zod schema that enforces them.
 * Generators (JSON Schema, OpenAPI, docs, skeletons), the drift check against botocore
 * and the fault-injection corpus all read this registry; nothing copies these numbers.
 */

export type AwsType = 'string' | 'integer' | 'boolean' | 'blob' | 'timestamp' | 'list' | 'map' | 'structure';

/** A member or value that AWS documents as deprecated. */
export interface Deprecation {
  /** What to use instead, in API member names. */
  replacement: string;
  /** The documentation sentence that deprecates it. */
  quote: string;
}

interface ShapeBase {
  /** The shape's name in AWS's service model. */
  shape: string;
  doc?: string;
  /** The model's `sensitive` trait: the value is redacted in logs. */
  sensitive?: boolean;
}

export interface StringMeta extends ShapeBase {
  type: 'string';
  /** Length in Unicode code points (Smithy `@length`, botocore `len()`). */
  min?: number;
  max?: number;
  /** The model's pattern, verbatim. Search semantics: AWS patterns are not implicitly anchored. */
  pattern?: string;
  enum?: readonly string[];
  deprecatedValues?: Readonly<Record<string, Deprecation>>;
}

export interface IntegerMeta extends ShapeBase {
  type: 'integer';
  /** Value range from the model; absent bounds fall back to Smithy's 32-bit `integer`. */
  min?: number;
  max?: number;
}

export interface BooleanMeta extends ShapeBase {
  type: 'boolean';
}

export interface BlobMeta extends ShapeBase {
  type: 'blob';
  /** Length in bytes, after base64 decoding. */
  max?: number;
}

export interface TimestampMeta extends ShapeBase {
  type: 'timestamp';
}

export interface ListMeta extends ShapeBase {
  type: 'list';
  member: z.ZodType;
  /** Item count. */
  min?: number;
  max?: number;
}

export interface MapMeta extends ShapeBase {
  type: 'map';
  key: z.ZodType;
  value: z.ZodType;
  /** Entry count. */
  min?: number;
  max?: number;
}

export interface MemberMeta {
  schema: z.ZodType;
  required: boolean;
  /** The member's documentation sentence(s). */
  doc: string;
  deprecated?: Deprecation;
  /** The model's `idempotencyToken` trait: SDKs fill it with a UUID when absent. */
  idempotencyToken?: boolean;
  /** Not in the model: part of the AWS JSON 1.1 error envelope (`__type`, `message`). */
  envelope?: boolean;
}

export interface StructureMeta extends ShapeBase {
  type: 'structure';
  members: Readonly<Record<string, MemberMeta>>;
  /** Requests are strict (unknown member = error); responses are tolerant (AWS adds fields). */
  direction: 'input' | 'output';
  /** Present on error shapes. */
  exception?: { httpStatus: number; fault: boolean };
}

export type ShapeMeta =
  | StringMeta
  | IntegerMeta
  | BooleanMeta
  | BlobMeta
  | TimestampMeta
  | ListMeta
  | MapMeta
  | StructureMeta;

/**
 * The registry, seen through a plain typed view: Zod's own `add`/`get` types map the metadata
 * through `$replace`, which recurses into the schemas this metadata holds and never ends.
 */
export const awsShapes = z.registry<ShapeMeta>() as unknown as {
  add(schema: z.ZodType, meta: ShapeMeta): unknown;
  get(schema: z.ZodType): ShapeMeta | undefined;
  has(schema: z.ZodType): boolean;
};

/** metaOf's answers: a zod registry's `get` copies the metadata of a schema with a parent on every call, and readers ask once per value. */
const metaCache = new WeakMap<z.ZodType, ShapeMeta>();

export function metaOf(schema: z.ZodType): ShapeMeta {
  const cached = metaCache.get(schema);
  if (cached) return cached;
  const meta = awsShapes.get(schema);
  if (!meta) throw new Error('schema is not an AWS shape declared with src/shapes/build.ts');
  metaCache.set(schema, meta);
  return meta;
}

/** Smithy's `integer` is a signed 32-bit number. */
export const INT32 = { min: -2147483648, max: 2147483647 } as const;
