import type * as z from 'zod';
import { bounded, MAX_CHECKED_ITEMS, type Truncation } from './bound.js';
import { fieldCodes, type Code, type FieldCode, type Severity } from './issues/codes.js';
import { closest, formatIssue } from './issues/format.js';
import { displayPath, toPointer, type Issue, type Path, type PathSegment } from './issues/issue.js';
import { isOperationName, KINDS, operations, type Kind, type OperationName } from './operations/index.js';
import { rulesFor } from './rules/index.js';
import { timestampForm } from './shapes/build.js';
import { ErrorBody, errorTypeName } from './shapes/errors.js';
import { setOwn } from './inputs/own.js';
import { metaOf, type MapMeta } from './shapes/meta.js';
import { isRecord, schemaAt, walk } from './shapes/walk.js';
import { isUnknown } from './unknown.js';

export interface ValidateOptions {
  /**
   * How to read blob members given as strings (Lambda `Payload`): `wire` (default) reads them as
   * base64 text, as in an AWS JSON 1.1 body; `sdk` reads them as raw text, as the AWS SDK for
   * JavaScript does before it base64-encodes them.
   */
  representation?: 'wire' | 'sdk';
  /** The HTTP status that came with an error body, checked against the error's documented status. */
  httpStatus?: number;
}

type Form<T extends string> = T | 'mixed';

/** How timestamps and blobs were written in the payload. */
export interface Representation {
  /** epoch-seconds: the AWS JSON 1.1 wire; Date: SDK output; ISO-8601: AWS CLI v2 output. */
  timestamps?: Form<'epoch-seconds' | 'Date' | 'ISO-8601'>;
  /** base64: the wire; bytes: SDK input (Uint8Array); text: SDK input given as a string. */
  blobs?: Form<'base64' | 'bytes' | 'text'>;
}

export interface ValidationResult<T = unknown> {
  /** False exactly when an issue has severity "error". */
  valid: boolean;
  issues: Issue[];
  /** Where the payload holds UNKNOWN (src/unknown.ts): nothing at or under these paths was checked. */
  unknown: Path[];
  /** The payload as parsed, when valid and checked in full (see MAX_CHECKED_ITEMS in src/bound.ts). */
  value?: T;
  representation: Representation;
}

export type PayloadOf<O extends OperationName, K extends Kind> = K extends 'request'
  ? z.output<(typeof operations)[O]['request']>
  : K extends 'response'
    ? z.output<(typeof operations)[O]['response']>
    : z.output<typeof ErrorBody>;

export function makeIssue(code: Code, severity: Severity, path: Path, params: Record<string, unknown>, rule?: Issue['rule']): Issue {
  const { message, hint } = formatIssue(code, params, path);
  return {
    code,
    severity,
    path: [...path],
    pointer: toPointer(path),
    message,
    ...(hint ? { hint } : {}),
    params,
    ...(rule ? { rule } : {}),
  };
}

function fieldIssue(code: FieldCode, path: Path, params: Record<string, unknown>): Issue {
  return makeIssue(code, fieldCodes[code].severity, path, params);
}

/** A short type token for messages (see RECEIVED in src/issues/format.ts). */
export function typeToken(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : 'Infinity';
  return typeof value;
}

const ZOD_EXPECTED: Record<string, string> = {
  number: 'integer',
  int: 'integer',
  array: 'list',
  object: 'structure',
  record: 'map',
};

function isSensitive(root: z.ZodType, path: Path): boolean {
  for (let i = 0; i <= path.length; i++) {
    const schema = schemaAt(root, path.slice(0, i));
    if (schema && metaOf(schema).sensitive) return true;
  }
  return false;
}

/** Our issue for one Zod issue, or undefined for the ones we report ourselves (unknown keys). */
function fromZod(issue: z.core.$ZodIssue, root: z.ZodType): Issue | undefined {
  const path = issue.path as PathSegment[];
  const input = (issue as { input?: unknown }).input;
  const params = ((issue as { params?: unknown }).params ?? {}) as { code?: FieldCode } & Record<string, unknown>;
  // A missing member fails its type check, whatever the shape (enums, blobs, timestamps included).
  const typeFailure = issue.code === 'invalid_type' || issue.code === 'invalid_value' || (issue.code === 'custom' && params.code === 'invalid_type');
  if (input === undefined && path.length > 0 && typeFailure) return fieldIssue('required', path, { member: path[path.length - 1] });
  switch (issue.code) {
    case 'custom': {
      const { code, ...facts } = params;
      if (code === 'invalid_type') return fieldIssue(code, path, { ...facts, received: typeToken(input) });
      return fieldIssue(code ?? 'invalid_type', path, facts);
    }
    case 'invalid_type': {
      const scalar = typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean';
      return fieldIssue('invalid_type', path, {
        expected: ZOD_EXPECTED[issue.expected] ?? issue.expected,
        received: typeToken(input),
        ...(scalar && !isSensitive(root, path) ? { actual: input } : {}),
      });
    }
    case 'invalid_value':
      if (typeof input !== 'string') return fieldIssue('invalid_type', path, { expected: 'string', received: typeToken(input) });
      return fieldIssue('invalid_enum', path, { allowed: issue.values, actual: input });
    case 'unrecognized_keys':
      return undefined;
    default:
      // Every constraint is a custom check (src/shapes/build.ts); anything else is a type mismatch.
      return fieldIssue('invalid_type', path, { expected: 'valid value', received: typeToken(input) });
  }
}

function merge<T extends string>(current: Form<T> | undefined, seen: T): Form<T> {
  return current === undefined || current === seen ? seen : 'mixed';
}

/** Copy-on-write set, so SDK-shaped input can be normalized without touching the caller's object. */
function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const container = root as Record<PathSegment, unknown>;
  const copy = (Array.isArray(root) ? [...root] : { ...container }) as Record<PathSegment, unknown>;
  copy[head] = withValueAt(container[head], rest, value);
  return copy;
}

/** A map with an entry named `__proto__`: zod's records skip such an entry (its key, its value and its count), so validate() checks it itself. */
interface ProtoEntry {
  path: Path;
  meta: MapMeta;
  map: Record<string, unknown>;
}

/** Unknown members, timestamp and blob forms, `__proto__` entries: what the walk over the shape tree sees. */
function inspect(schema: z.ZodType, payload: unknown, options: ValidateOptions) {
  const issues: Issue[] = [];
  const representation: Representation = {};
  const sdkBlobs: { path: Path; text: string }[] = [];
  const unknown: Path[] = [];
  const protoEntries: ProtoEntry[] = [];
  walk(schema, payload, ({ meta, value, path }) => {
    if (isUnknown(value)) unknown.push(path);
    else if (meta.type === 'map' && isRecord(value) && Object.hasOwn(value, '__proto__')) protoEntries.push({ path, meta, map: value });
    else if (meta.type === 'structure' && isRecord(value)) {
      const known = Object.keys(meta.members);
      for (const key of Object.keys(value)) {
        if (Object.hasOwn(meta.members, key)) continue;
        const keyPath = [...path, key];
        if (meta.direction === 'output') issues.push(fieldIssue('unexpected_member', keyPath, { member: key, shape: meta.shape }));
        else {
          const suggestion = closest(key, known);
          issues.push(fieldIssue('unknown_member', keyPath, { member: key, shape: meta.shape, known, ...(suggestion ? { closest: suggestion } : {}) }));
        }
      }
    } else if (meta.type === 'timestamp') {
      const form = timestampForm(value);
      if (form) representation.timestamps = merge(representation.timestamps, form);
      if (form === 'ISO-8601') issues.push(fieldIssue('timestamp_text', path, { actual: value }));
    } else if (meta.type === 'blob') {
      if (value instanceof Uint8Array) representation.blobs = merge(representation.blobs, 'bytes');
      else if (typeof value === 'string') {
        representation.blobs = merge(representation.blobs, options.representation === 'sdk' ? 'text' : 'base64');
        if (options.representation === 'sdk') sdkBlobs.push({ path, text: value });
      }
    }
  });
  let normalized = payload;
  for (const { path, text } of sdkBlobs) normalized = withValueAt(normalized, path, new TextEncoder().encode(text));
  return { issues, representation, normalized, unknown, protoEntries };
}

const ENTRY_COUNT_CODES = new Set(['too_few_entries', 'too_many_entries']);

/**
 * The issues of each `__proto__` entry (its key, its value), and each such map's entry count with
 * the entry counted; `issues` loses the counts zod made without it. `output` gets the entry back.
 */
function protoEntryIssues(entries: readonly ProtoEntry[], root: z.ZodType, issues: Issue[], output: unknown): Issue[] {
  const out: Issue[] = [];
  for (const { path, meta, map } of entries) {
    const at = [...path, '__proto__'];
    const value = meta.value.safeParse(map.__proto__, { reportInput: true });
    if (value.success) setOwnAt(output, path, '__proto__', value.data);
    else for (const z of value.error.issues) {
      const issue = fromZod({ ...z, path: [...at, ...z.path] } as z.core.$ZodIssue, root);
      if (issue) out.push(issue);
    }
    const key = meta.key.safeParse('__proto__');
    if (!key.success) for (const z of key.error.issues) {
      const { code, ...facts } = ((z as { params?: unknown }).params ?? { code: 'invalid_type' }) as { code: FieldCode } & Record<string, unknown>;
      out.push(fieldIssue(code, at, { ...facts, mapKey: true }));
    }
    const pointer = toPointer(path);
    for (let i = issues.length - 1; i >= 0; i--) if (issues[i]!.pointer === pointer && ENTRY_COUNT_CODES.has(issues[i]!.code)) issues.splice(i, 1);
    const count = Object.keys(map).length;
    if (meta.min !== undefined && count < meta.min) out.push(fieldIssue('too_few_entries', path, { minimum: meta.min, actual: count }));
    if (meta.max !== undefined && count > meta.max) out.push(fieldIssue('too_many_entries', path, { maximum: meta.max, actual: count }));
  }
  return out;
}

/** Sets an own property of the object at `path` of a parsed value, if it is there. */
function setOwnAt(root: unknown, path: Path, key: string, value: unknown): void {
  let target = root;
  for (const segment of path) target = isRecord(target) || Array.isArray(target) ? (target as Record<PathSegment, unknown>)[segment] : undefined;
  if (isRecord(target)) setOwn(target, key, value);
}

const COUNT_CODES = new Set(['too_many_items', 'too_many_entries']);

/** What a list, map or set of unknown members too long to check in full left unchecked, and its real length where a count is reported. */
function truncationIssues(truncations: readonly Truncation[], issues: Issue[]): Issue[] {
  const out: Issue[] = [];
  for (const t of truncations) {
    const at = toPointer(t.path);
    let counted = false;
    issues.forEach((issue, i) => {
      if (issue.pointer !== at || !COUNT_CODES.has(issue.code)) return;
      issues[i] = makeIssue(issue.code, issue.severity, issue.path, { ...issue.params, actual: t.total });
      counted = true;
    });
    // zod skips a list's count when an item is wrong: the count is reported all the same.
    if (!counted && t.maximum !== undefined && t.total > t.maximum) out.push(fieldIssue(t.unit === 'items' ? 'too_many_items' : 'too_many_entries', t.path, { maximum: t.maximum, actual: t.total }));
    const what = `Everything after the first ${MAX_CHECKED_ITEMS} ${t.unit} of ${displayPath(t.path) || 'the payload'}`;
    out.push(makeIssue('not_checked', 'info', t.path, { what, reason: `there are ${t.total}, and validate() checks at most ${MAX_CHECKED_ITEMS} items of a list, entries of a map or unknown members of a structure` }));
  }
  return out;
}

function schemaFor(operation: OperationName, kind: Kind, payload: unknown): z.ZodObject {
  const op = operations[operation];
  if (kind === 'request') return op.request;
  if (kind === 'response') return op.response;
  const type = isRecord(payload) && typeof payload.__type === 'string' ? errorTypeName(payload.__type) : undefined;
  return op.errors.find((e) => metaOf(e).shape === type) ?? ErrorBody;
}

/**
 * Checks a payload of `operation` against its contract: every constraint of AWS's service model
 * and every documented rule. All issues are reported; a field error never hides a rule.
 */
export function validate<O extends OperationName, K extends Kind>(
  operation: O,
  kind: K,
  payload: unknown,
  options: ValidateOptions = {},
): ValidationResult<PayloadOf<O, K>> {
  if (!isOperationName(operation)) throw new TypeError(`unknown operation ${String(operation)}; expected one of ${Object.keys(operations).join(', ')}`);
  if (!KINDS.includes(kind)) throw new TypeError(`unknown kind ${String(kind)}; expected one of ${KINDS.join(', ')}`);
  try {
    const schema = schemaFor(operation, kind, payload);
    const { payload: checked, truncations } = bounded(schema, payload);
    const inspected = inspect(schema, checked, options);
    const parsed = schema.safeParse(inspected.normalized, { reportInput: true });
    const issues: Issue[] = [];
    const isKnown = (path: Path) => !inspected.unknown.some((u) => u.length <= path.length && u.every((s, i) => s === path[i]));
    if (!parsed.success) for (const z of parsed.error.issues) {
      const issue = fromZod(z, schema);
      if (issue && isKnown(issue.path)) issues.push(issue);
    }
    issues.push(...inspected.issues);
    issues.push(...protoEntryIssues(inspected.protoEntries, schema, issues, parsed.success ? parsed.data : undefined).filter((i) => isKnown(i.path)));
    if (isRecord(checked)) {
      const context = { operation, kind, ...(options.httpStatus !== undefined ? { httpStatus: options.httpStatus } : {}) };
      for (const rule of rulesFor(operation, kind)) {
        for (const finding of rule.check(checked, context)) {
          issues.push(makeIssue(rule.code, rule.severity, finding.path, finding.params ?? {}, rule.id));
        }
      }
    }
    issues.push(...truncationIssues(truncations, issues));
    const valid = !issues.some((i) => i.severity === 'error');
    return {
      valid,
      issues,
      ...(valid && parsed.success && truncations.length === 0 ? { value: parsed.data as PayloadOf<O, K> } : {}),
      representation: inspected.representation,
      unknown: inspected.unknown,
    };
  } catch (error) {
    // A getter or proxy that throws while we read the payload: report it, never throw.
    const reason = error instanceof Error ? error.message : String(error);
    return { valid: false, issues: [fieldIssue('unreadable_value', [], { reason })], representation: {}, unknown: [] };
  }
}
