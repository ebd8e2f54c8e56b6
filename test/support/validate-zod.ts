import type * as z from 'zod';
import { bounded, type Truncation } from '../../src/validate/bounded-payload.js';
import { isPlainObject, merge } from '../../src/compiled/runtime.js';
import { setOwn } from '../../src/values/set-own.js';
import { fieldCodes, type FieldCode } from '../../src/issues/codes.js';
import type { ParamsOf } from '../../src/issues/params.js';
import { closest } from '../../src/issues/format.js';
import { toPointer, type IssueData, type Path, type PathSegment } from '../../src/issues/issue.js';
import { makeIssue, typeToken } from '../../src/issues/make.js';
import { operations, type Kind, type OperationName } from '../../src/operations/index.js';
import { timestampForm } from '../../src/shapes/build.js';
import { errorTypeOf } from '../../src/shapes/error-names.js';
import { ErrorBody } from '../../src/shapes/errors.js';
import { metaOf, type MapMeta } from '../../src/shapes/meta.js';
import { isRecord, schemaAt, walk } from '../../src/shapes/walk.js';
import { isUnknown } from '../../src/values/unknown-value.js';
import {
  checkArguments,
  unreadable,
  withRules,
  withValueAt,
  worded,
  type PayloadOf,
  type Representation,
  type ValidateOptions,
  type ValidationResult,
} from '../../src/validate/validate.js';

/*
 * validate() as the Zod schemas themselves answer it: a Zod `safeParse` of the payload, mapped to
 * our issues, plus a walk over the shape tree for what Zod does not report (unknown members,
 * timestamp and blob forms, UNKNOWN markers). This is the reference: validate() runs code compiled
 * from the same schemas (src/compiled/), and test/compiled/ checks that the two give the same
 * result on every case of the shared case table and on fuzzed payloads. The benchmark runs it too,
 * to show what compiling gains.
 *
 * Two things the schemas alone would not do, done here as the compiled checks do them: Zod reads at
 * most MAX_CHECKED_ITEMS items, entries and unknown members (src/validate/bounded-payload.ts cuts the payload), and
 * it reads a map entry named `__proto__` like any other (Zod's records skip such an entry: its key,
 * its value and its count; here it is given to Zod under another key, and its findings are moved back).
 */

/** Zod's issue params as ours: the schemas raise each code with its params (src/shapes/build.ts). */
function fieldIssue(code: FieldCode, path: Path, params: Record<string, unknown>): IssueData {
  return makeIssue(code, fieldCodes[code].severity, path, params as ParamsOf<FieldCode>);
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
function fromZod(issue: z.core.$ZodIssue, root: z.ZodType): IssueData | undefined {
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

/** A map with an entry named `__proto__`, and the key Zod is given that entry under. */
interface ProtoEntry {
  path: Path;
  meta: MapMeta;
  stand: string;
}

/**
 * A key the map does not have, to give Zod its `__proto__` entry under. When `__proto__` fails the
 * map's key checks, it fails them too: Zod runs them only when nothing in the map failed its type,
 * and its issue for this key shows whether it did.
 */
function standIn(map: Record<string, unknown>, key: z.ZodType): string {
  const protoPasses = key.safeParse('__proto__').success;
  const tries = Object.keys(map).length + (metaOf(key).type === 'string' ? ((metaOf(key) as { max?: number }).max ?? 0) : 0) + 2;
  for (let n = 0; n < tries; n++) {
    const k = '\0'.repeat(n);
    if (!Object.hasOwn(map, k) && (protoPasses || !key.safeParse(k).success)) return k;
  }
  throw new Error(`no stand-in key for __proto__ fails the checks of ${metaOf(key).shape}`);
}

/** The map with its `__proto__` entry under `stand`, in the same place. */
function withStandIn(map: Record<string, unknown>, stand: string): Record<string, unknown> {
  const out: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(map)) if (Object.prototype.propertyIsEnumerable.call(map, key)) setOwn(out, key === '__proto__' ? stand : key, map[key as string]);
  return out;
}

const valueAt = (root: unknown, path: Path) => path.reduce<unknown>((v, s) => (v as Record<PathSegment, unknown>)[s], root);

/** A Zod issue's path with each stand-in key named `__proto__` again; `stand` when it is a stand-in's own key check. */
function restore(issue: z.core.$ZodIssue, entries: readonly ProtoEntry[]): PathSegment[] | ProtoEntry {
  const path = [...(issue.path as PathSegment[])];
  for (const entry of entries) {
    const n = entry.path.length;
    if (path.length <= n || path[n] !== entry.stand || !entry.path.every((s, i) => s === path[i])) continue;
    if (path.length === n + 1 && (issue as { params?: { mapKey?: boolean } }).params?.mapKey) return entry;
    path[n] = '__proto__';
  }
  return path;
}

/** The issues of the key `__proto__` under a map's key checks, as src/shapes/build.ts reports a key's. */
function protoKeyIssues({ path, meta }: ProtoEntry): IssueData[] {
  const key = meta.key.safeParse('__proto__');
  if (key.success) return [];
  return key.error.issues.map((z) => {
    const { code, ...facts } = ((z as { params?: unknown }).params ?? { code: 'invalid_type' }) as { code: FieldCode } & Record<string, unknown>;
    return fieldIssue(code, [...path, '__proto__'], { ...facts, mapKey: true });
  });
}

const COUNT_CODES = new Set(['too_many_items', 'too_many_entries']);

/**
 * The count of a list or map too long to check in full, with its real length, as the compiled
 * checks report it: Zod counted the items it was given, or skipped the count after a failure inside.
 */
function truncatedCounts(truncations: readonly Truncation[], root: z.ZodType, issues: IssueData[]): void {
  for (const t of truncations) {
    if (t.unit === 'unknown members') continue;
    const at = toPointer(t.path);
    const found = issues.findIndex((i) => i.pointer === at && COUNT_CODES.has(i.code));
    if (found >= 0) issues.splice(found, 1);
    const schema = schemaAt(root, t.path);
    const max = schema ? (metaOf(schema) as { max?: number }).max : undefined;
    if (max !== undefined && t.total > max) issues.push(fieldIssue(t.unit === 'items' ? 'too_many_items' : 'too_many_entries', t.path, { maximum: max, actual: t.total }));
  }
}

/** Unknown members, timestamp and blob forms, maps with a `__proto__` entry: what the walk over the shape tree sees. */
function inspect(schema: z.ZodType, payload: unknown, options: ValidateOptions) {
  const issues: IssueData[] = [];
  const representation: Representation = {};
  const sdkBlobs: { path: Path; text: string }[] = [];
  const unknown: Path[] = [];
  const protoEntries: ProtoEntry[] = [];
  walk(schema, payload, ({ meta, value, path }) => {
    if (meta.type === 'map' && isPlainObject(value) && Object.hasOwn(value, '__proto__')) protoEntries.push({ path, meta, stand: standIn(value, meta.key) });
    if (isUnknown(value)) unknown.push(path);
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
  // Deepest first, so that the path to each map still names its parents' `__proto__` entries.
  protoEntries.sort((a, b) => b.path.length - a.path.length);
  for (const { path, stand } of protoEntries) normalized = withValueAt(normalized, path, withStandIn(valueAt(normalized, path) as Record<string, unknown>, stand));
  protoEntries.reverse();
  return { issues, representation, normalized, unknown, protoEntries };
}

function schemaFor(operation: OperationName, kind: Kind, payload: unknown): z.ZodObject {
  const op = operations[operation];
  if (kind === 'request') return op.request;
  if (kind === 'response') return op.response;
  const type = errorTypeOf(payload);
  return op.errors.find((e) => metaOf(e).shape === type) ?? ErrorBody;
}

/** validate(), answered by the Zod schemas: the reference the compiled checks are held to. */
export function validateWithZod<O extends OperationName, K extends Kind>(
  operation: O,
  kind: K,
  payload: unknown,
  options: ValidateOptions = {},
): ValidationResult<PayloadOf<O, K>> {
  checkArguments(operation, kind, options);
  try {
    const schema = schemaFor(operation, kind, payload);
    const { payload: checked, truncations } = bounded(metaOf(schema).shape, payload);
    const inspected = inspect(schema, checked, options);
    const parsed = schema.safeParse(inspected.normalized, { reportInput: true });
    const issues: IssueData[] = [];
    const isKnown = (path: Path) => !inspected.unknown.some((u) => u.length <= path.length && u.every((s, i) => s === path[i]));
    const keysChecked = new Set<ProtoEntry>();
    if (!parsed.success) for (const z of parsed.error.issues) {
      const path = restore(z, inspected.protoEntries);
      if (!Array.isArray(path)) {
        keysChecked.add(path);
        continue;
      }
      const issue = fromZod({ ...z, path } as z.core.$ZodIssue, schema);
      if (issue && isKnown(issue.path)) issues.push(issue);
    }
    for (const entry of keysChecked) issues.push(...protoKeyIssues(entry).filter((i) => isKnown(i.path)));
    issues.push(...inspected.issues);
    truncatedCounts(truncations, schema, issues);
    let accepted: { value: unknown } | undefined;
    if (parsed.success) {
      // Zod's copy, with each `__proto__` entry back under its name (parents first).
      for (const { path, stand } of inspected.protoEntries) {
        const map = valueAt(parsed.data, path) as Record<string, unknown>;
        setOwn(map, '__proto__', map[stand]);
        delete map[stand];
      }
      accepted = { value: parsed.data };
    }
    const found = { issues, representation: inspected.representation, unknown: inspected.unknown, accepted, truncations };
    return worded(withRules(operation, kind, isRecord(checked) ? checked : undefined, options, found));
  } catch (error) {
    return worded(unreadable(error));
  }
}
