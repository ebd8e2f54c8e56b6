import { fieldCodes, type FieldCode } from '../issues/codes.js';
import type { ParamsOf } from '../issues/params.js';
import { closest } from '../issues/format.js';
import type { IssueData, PathSegment } from '../issues/issue.js';
import { issueAt, typeToken } from '../issues/make.js';
import { base64ByteLength } from '../values/value-facts.js';
import { isUnknown } from '../values/unknown-value.js';

/** How a payload wrote its timestamps (or blobs): one form, or several ('mixed'). */
export type Form<T extends string> = T | 'mixed';

/** How timestamps and blobs were written in the payload. */
export interface Representation {
  /** epoch-seconds: the AWS JSON 1.1 wire; Date: SDK output; ISO-8601: AWS CLI v2 output. */
  timestamps?: Form<'epoch-seconds' | 'Date' | 'ISO-8601'>;
  /** base64: the wire; bytes: SDK input (Uint8Array); text: SDK input given as a string. */
  blobs?: Form<'base64' | 'bytes' | 'text'>;
}

/*
 * What the compiled checks (src/compiled/generated/check.ts, generated from the Zod schemas) call: one
 * run's state and the few steps that are the same for every shape. The checks reproduce, issue
 * for issue, what validate() made of a Zod `safeParse` plus a walk over the shape tree (see
 * test/support/validate-zod.ts): the same codes, paths, params and messages, and Zod's rule that a list's
 * or map's own checks (item counts, entry counts, map keys) are skipped once something inside it
 * failed its type (`aborts` counts those failures). One difference, for speed: a structure's
 * members are checked in the payload's key order (one pass over its keys), where Zod goes in the
 * schema's order; so issues come in the order of the payload, a structure's missing members after
 * the others, and a shape's own checks after its children's. Members are the payload's enumerable
 * properties (own or inherited), as with every JSON or YAML value and SDK input.
 */

/**
 * How many items of a list, entries of a map and unknown members of a structure are checked: no
 * request of these operations comes near it (the model's longest bounded list has 200 entries), but
 * a list of a million wrong values would otherwise be a million issues, and a sparse array of length
 * 2^32 - 1 four billion checks. What lies beyond is reported as not checked (src/validate/bounded-payload.ts).
 */
export const MAX_CHECKED_ITEMS = 10_000;

/** A list, map or set of unknown members longer than MAX_CHECKED_ITEMS: only the first ones were checked. */
export interface Truncation {
  path: PathSegment[];
  /** How many there are. */
  total: number;
  unit: 'items' | 'entries' | 'unknown members';
}

export interface Run {
  /** Member constraints, in the payload's order. */
  issues: IssueData[];
  /** Unknown members and ISO 8601 timestamps, found while walking (reported after the constraints). */
  later: IssueData[];
  unknown: PathSegment[][];
  representation: Representation;
  /** Blobs given as strings are raw text (SDK input), not base64. */
  sdk: boolean;
  /** SDK text blobs, to hand back as bytes in `value`. */
  textBlobs: { path: PathSegment[]; text: string }[] | undefined;
  /** Type failures so far (Zod's "aborted" issues). */
  aborts: number;
  /** Zod would reject the payload without an issue we report (keys of bytes given as a structure): no `value`. */
  rejected: boolean;
  /** The path of the value being checked: pushed and popped around each aggregate. */
  path: PathSegment[];
  /** What was too long to check in full. */
  truncations: Truncation[] | undefined;
}

export function newRun(sdk: boolean): Run {
  return { issues: [], later: [], unknown: [], representation: {}, sdk, textBlobs: undefined, aborts: 0, rejected: false, path: [], truncations: undefined };
}

/** The path of the current value, or of its member/item/entry `segment`. */
export function pathOf(run: Run, segment?: PathSegment): PathSegment[] {
  return segment === undefined ? run.path.slice() : [...run.path, segment];
}

export function fail<C extends FieldCode>(run: Run, code: C, params: ParamsOf<C>, segment?: PathSegment): void {
  run.issues.push(issueAt(code, fieldCodes[code].severity, pathOf(run, segment), params));
}

/** An UNKNOWN marker at a known place: nothing at or under it is checked. */
function unknownAt(run: Run, segment?: PathSegment): void {
  run.aborts++;
  run.unknown.push(pathOf(run, segment));
}

/** A required member that is absent (or undefined). */
export function missing(run: Run, member: string): void {
  run.aborts++;
  fail(run, 'required', { member }, member);
}

/**
 * A value of the wrong type. `actual` is shown for scalars outside sensitive shapes, as Zod's own
 * type checks (string, integer, boolean, list, structure, map) report it; enums and the custom
 * shapes (blob, timestamp) never show it. Undefined in a list or map reads as a missing item; an
 * UNKNOWN marker is no wrong type, but a place not checked (unknownAt).
 */
export function wrongType(run: Run, value: unknown, expected: string, showActual: boolean, segment?: PathSegment): void {
  if (isUnknown(value)) return unknownAt(run, segment);
  run.aborts++;
  const path = pathOf(run, segment);
  if (value === undefined && path.length > 0) {
    run.issues.push(issueAt('required', 'error', path, { member: path[path.length - 1]! }));
    return;
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  run.issues.push(issueAt('invalid_type', 'error', path, { expected, received: typeToken(value), ...(showActual && scalar ? { actual: value } : {}) }));
}

export function notInEnum(run: Run, value: string, allowed: readonly string[], segment?: PathSegment): void {
  run.aborts++;
  fail(run, 'invalid_enum', { allowed: [...allowed], actual: value }, segment);
}

/**
 * A member the structure does not have: an error in requests, info in responses (AWS adds members).
 * `seen` counts the structure's unknown members so far; it returns the new count, and only the
 * first MAX_CHECKED_ITEMS are reported.
 */
export function unknownMember(run: Run, value: object, key: string, shape: string, known: readonly string[], input: boolean, seen: number): number {
  // Bytes and dates are objects to Zod, but their keys are not members anyone wrote: not reported, yet not accepted.
  if (value instanceof Uint8Array || value instanceof Date) {
    if (input) run.rejected = true;
    return seen;
  }
  if (seen >= MAX_CHECKED_ITEMS) return seen + 1;
  const path = [...run.path, key];
  if (!input) {
    run.later.push(issueAt('unexpected_member', fieldCodes.unexpected_member.severity, path, { member: key, shape }));
    return seen + 1;
  }
  const suggestion = closest(key, known);
  run.later.push(issueAt('unknown_member', fieldCodes.unknown_member.severity, path, { member: key, shape, known: [...known], ...(suggestion ? { closest: suggestion } : {}) }));
  return seen + 1;
}

/**
 * The list, map or structure at the run's path has `total` items, entries or unknown members, more
 * than MAX_CHECKED_ITEMS: only the first were checked. A list or map over its model `maximum` is
 * reported with its real length, whatever failed inside it (Zod's rule that a failure inside skips
 * the count does not hide a count the bound would otherwise hide).
 */
export function truncated(run: Run, unit: Truncation['unit'], total: number, maximum?: number): void {
  (run.truncations ??= []).push({ path: pathOf(run), total, unit });
  if (maximum !== undefined && total > maximum) fail(run, unit === 'items' ? 'too_many_items' : 'too_many_entries', { maximum, actual: total });
}

/** How a payload wrote its timestamps (or blobs) so far, after one more was seen. */
export function merge<T extends string>(current: Form<T> | undefined, seen: T): Form<T> {
  return current === undefined || current === seen ? seen : 'mixed';
}

export function sawTimestamp(run: Run, form: 'epoch-seconds' | 'Date' | 'ISO-8601', value: unknown, segment?: PathSegment): void {
  run.representation.timestamps = merge(run.representation.timestamps, form);
  if (form === 'ISO-8601') run.later.push(issueAt('timestamp_text', fieldCodes.timestamp_text.severity, pathOf(run, segment), { actual: value }));
}

/** A blob's size in bytes, recording how it was written; undefined when it is not base64 (reported). */
export function blobBytes(run: Run, value: string | Uint8Array, segment?: PathSegment): number | undefined {
  if (typeof value !== 'string') {
    run.representation.blobs = merge(run.representation.blobs, 'bytes');
    return value.byteLength;
  }
  if (run.sdk) {
    run.representation.blobs = merge(run.representation.blobs, 'text');
    (run.textBlobs ??= []).push({ path: pathOf(run, segment), text: value });
    return utf8Length(value);
  }
  run.representation.blobs = merge(run.representation.blobs, 'base64');
  const bytes = base64ByteLength(value);
  if (bytes === undefined) fail(run, 'invalid_base64', {}, segment);
  return bytes;
}

/** UTF-8 size of a string as TextEncoder writes it (a lone surrogate becomes U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Zod's own tests of what an object and a plain object (a map) are. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  // What JSON and YAML give, answered at once; the rest as Zod answers it.
  if (ctor === Object || ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}
