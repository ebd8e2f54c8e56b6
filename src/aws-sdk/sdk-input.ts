import type * as z from 'zod';
import { MAX_CHECKED_ITEMS } from '../compiled/runtime.js';
import { setOwn } from '../values/set-own.js';
import type { Issue, PathSegment } from '../issues/issue.js';
import { makeIssue, wordIssue } from '../issues/make.js';
import { metaOf, type MapMeta, type StructureMeta } from '../shapes/meta.js';
import { base64ByteLength } from '../values/value-facts.js';
import { UNKNOWN } from '../values/unknown-value.js';

/*
 * SDK input as the AWS SDK for JavaScript v3 will send it, so that preflight checks the request
 * that goes out and not the object as it looks (spec/decisions.yaml D50). What the SDK reads is
 * that of @aws-sdk/client-ssm 3.1169.0, whose AWS JSON 1.1 protocol writes the body with
 * @smithy/core's JsonShapeSerializer2 (`writeStruct`, `writeList`, `writeMap`, `writeValue`):
 *
 * - a structure's members are read by name, `value[member]`, for each member of the model: own or
 *   inherited, enumerable or not, getters called; members that are null or undefined are not
 *   written, except the idempotency token (ClientToken): undefined is filled with a UUID, null is
 *   written as `"ClientToken":` with no value, a body AWS cannot read;
 * - other keys are not written, unless the structure has a string `__type`: then every enumerable
 *   key, own or inherited, goes out as well;
 * - a list is read by index up to its `length`, items that are null or undefined left out; a list
 *   of strings, numbers or booleans is written by JSON.stringify (items' toJSON called, NaN and
 *   Infinity as strings);
 * - a map's entries are its own enumerable keys (a `__proto__` key from JSON.parse included), those
 *   with null or undefined values left out;
 * - a blob is a Uint8Array (its bytes) or a string (its UTF-8 bytes);
 * - any other object where a string, number, boolean or blob belongs is written as its JSON text
 *   (a Date as ISO text, a String object as its string), byte by byte: text beyond ASCII comes out
 *   garbled; NaN and Infinity as strings; a bigint as its digits.
 *
 * The result is checked by validate(): it holds what the SDK writes, read once, and, on plain
 * objects, the caller's own enumerable keys that the model does not have, which the SDK drops
 * without a word (a typo such as MaxConcurency: D20). A value the SDK cannot write as JSON is kept
 * as the caller gave it, which validate() refuses as the wrong type. A read that throws is an
 * unreadable_value issue at its path, where the payload holds UNKNOWN (nothing more is checked
 * there). The walk follows the schema, so its depth is the shapes' depth whatever the input.
 */

export interface Sent {
  payload: unknown;
  /** Reads that threw (a getter, a proxy), at their paths. */
  unreadable: Issue[];
}

/** Values the SDK leaves out of structures, lists and maps. */
const absent = (v: unknown) => v === null || v === undefined;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * An instance of a class (a prototype with its own `constructor` before the chain's root): the SDK
 * reads it through the model's member names only, and its other fields (the class's own state) are
 * not members anyone misspelt. Plain objects, JSON, spreads and Object.create(plain) are not.
 */
function isClassInstance(value: object): boolean {
  // A list where a structure belongs: its items are what the SDK would drop.
  if (Array.isArray(value)) return false;
  let proto = Object.getPrototypeOf(value) as object | null;
  for (let depth = 0; proto !== null && Object.getPrototypeOf(proto) !== null; depth++) {
    if (depth > 100 || (Object.hasOwn(proto, 'constructor') && typeof (proto as { constructor: unknown }).constructor === 'function')) return true;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return false;
}

/** What a JSON.stringify of the value gives, or `failed` when the SDK could not write it. */
const FAILED = Symbol('unwritable');
function viaJson(value: unknown, asciiOnly: boolean): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return FAILED;
  }
  if (text === undefined) return FAILED;
  // writeAscii keeps the low byte of each UTF-16 unit: anything beyond ASCII is not what was meant.
  if (asciiOnly && /[^\x00-\x7f]/.test(text)) return FAILED;
  return JSON.parse(text) as unknown;
}

/** A scalar (string, number, boolean) as writeValue writes it. */
function scalar(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number(value);
  if (isObject(value)) {
    const json = viaJson(value, true);
    return json === FAILED ? value : json;
  }
  // Strings and booleans as they are; symbols and functions are written raw, which is no JSON: kept, and refused.
  return value;
}

/** The bytes of canonical base64 text. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

class Reader {
  readonly unreadable: Issue[] = [];

  /** `container[key]`, or UNKNOWN (and an issue) when reading it throws. */
  read(container: object, key: PropertyKey, path: PathSegment[]): unknown {
    try {
      return (container as Record<PropertyKey, unknown>)[key];
    } catch (error) {
      this.fail(error, path);
      return UNKNOWN;
    }
  }

  fail(error: unknown, path: PathSegment[]): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.unreadable.push(wordIssue(makeIssue('unreadable_value', 'error', path, { reason })));
  }

  value(schema: z.ZodType, value: unknown, path: PathSegment[]): unknown {
    if (value === UNKNOWN) return value;
    const meta = metaOf(schema);
    try {
      // First of all, as in the SDK: a revoked proxy throws here.
      const array = isObject(value) && Array.isArray(value);
      switch (meta.type) {
        case 'structure':
          return isObject(value) ? this.structure(meta, value, path) : scalar(value);
        case 'list':
          return array ? this.list(meta.member, value as unknown[], path) : scalar(value);
        case 'map':
          return isObject(value) ? this.map(meta, value, path) : scalar(value);
        case 'blob':
          return this.blob(value);
        case 'timestamp':
          return value instanceof Date ? value : scalar(value);
        default:
          return scalar(value);
      }
    } catch (error) {
      // A proxy whose traps throw (ownKeys, getPrototypeOf, has): the value cannot be read as the SDK reads it.
      this.fail(error, path);
      return UNKNOWN;
    }
  }

  private structure(meta: StructureMeta, value: object, path: PathSegment[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(meta.members)) {
      const item = this.read(value, name, [...path, name]);
      if (item === null && member.idempotencyToken) setOwn(out, name, null);
      else if (!absent(item)) setOwn(out, name, this.value(member.schema, item, [...path, name]));
    }
    const extra = (key: string) => !Object.hasOwn(meta.members, key) && !Object.hasOwn(out, key);
    // Keys the model does not have, for validate() to report (D20): the SDK does not send them.
    if (!isClassInstance(value)) for (const key of Object.keys(value)) if (extra(key)) setOwn(out, key, this.read(value, key, [...path, key]));
    // ...unless `__type` is a string: then the SDK sends every enumerable key as it is.
    if (typeof this.read(value, '__type', [...path, '__type']) === 'string') {
      for (const key in value) if (extra(key)) setOwn(out, key, this.read(value, key, [...path, key]));
    }
    return out;
  }

  private list(member: z.ZodType, value: readonly unknown[], path: PathSegment[]): unknown {
    // validate() checks the first MAX_CHECKED_ITEMS and says so (D31); a sparse array of length 2^32 - 1 must not be walked.
    if (value.length > MAX_CHECKED_ITEMS) return value;
    const type = metaOf(member).type;
    if (type === 'string' || type === 'integer' || type === 'boolean') {
      let specials = false;
      const items: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const v = this.read(value, i, [...path, i]);
        if (v === UNKNOWN) return UNKNOWN;
        if (absent(v)) specials = true;
        else if (typeof v === 'number' && !Number.isFinite(v)) {
          specials = true;
          items.push(String(v));
        } else items.push(v);
      }
      const json = viaJson(specials ? items : value, false);
      return json === FAILED ? value : json;
    }
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = this.read(value, i, [...path, i]);
      if (!absent(item)) out.push(this.value(member, item, [...path, out.length]));
    }
    return out;
  }

  private map(meta: MapMeta, value: object, path: PathSegment[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const v = this.read(value, key, [...path, key]);
      if (!absent(v)) setOwn(out, key, this.value(meta.value, v, [...path, key]));
    }
    return out;
  }

  private blob(value: unknown): unknown {
    if (value instanceof Uint8Array || typeof value === 'string' || !isObject(value)) return value;
    // Another object goes out as its JSON text, which AWS reads as base64.
    const json = viaJson(value, true);
    return typeof json === 'string' && base64ByteLength(json) !== undefined ? fromBase64(json) : value;
  }
}

/**
 * The request the SDK will send for `input`, as validate() reads SDK input
 * (`representation: 'sdk'`). Never changes the caller's object.
 */
export function asSent(schema: z.ZodType, input: unknown): Sent {
  const reader = new Reader();
  // The protocol sends `{}` for an input that is not an object.
  const payload = reader.value(schema, isObject(input) ? input : {}, []);
  return { payload, unreadable: reader.unreadable };
}
