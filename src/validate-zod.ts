import type * as z from 'zod';
import { merge } from './compiled/runtime.js';
import { fieldCodes, type FieldCode } from './issues/codes.js';
import { closest } from './issues/format.js';
import type { Issue, Path, PathSegment } from './issues/issue.js';
import { makeIssue, typeToken } from './issues/make.js';
import { operations, type Kind, type OperationName } from './operations/index.js';
import { timestampForm } from './shapes/build.js';
import { ErrorBody } from './shapes/errors.js';
import { metaOf } from './shapes/meta.js';
import { isRecord, schemaAt, walk } from './shapes/walk.js';
import { isUnknown } from './unknown.js';
import {
  checkArguments,
  errorTypeOf,
  unreadable,
  withRules,
  withValueAt,
  type PayloadOf,
  type Representation,
  type ValidateOptions,
  type ValidationResult,
} from './validate.js';

/*
 * validate() as the Zod schemas themselves answer it: a Zod `safeParse` of the payload, mapped to
 * our issues, plus a walk over the shape tree for what Zod does not report (unknown members,
 * timestamp and blob forms, UNKNOWN markers). This is the reference: validate() runs code compiled
 * from the same schemas (src/compiled/), and test/compiled/ checks that the two give the same
 * result on every case of the shared case table and on fuzzed payloads. The benchmark runs it too,
 * to show what compiling gains.
 */

function fieldIssue(code: FieldCode, path: Path, params: Record<string, unknown>): Issue {
  return makeIssue(code, fieldCodes[code].severity, path, params);
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

/** Unknown members, timestamp and blob forms: what the walk over the shape tree sees. */
function inspect(schema: z.ZodType, payload: unknown, options: ValidateOptions) {
  const issues: Issue[] = [];
  const representation: Representation = {};
  const sdkBlobs: { path: Path; text: string }[] = [];
  const unknown: Path[] = [];
  walk(schema, payload, ({ meta, value, path }) => {
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
  return { issues, representation, normalized, unknown };
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
  checkArguments(operation, kind);
  try {
    const schema = schemaFor(operation, kind, payload);
    const inspected = inspect(schema, payload, options);
    const parsed = schema.safeParse(inspected.normalized, { reportInput: true });
    const issues: Issue[] = [];
    const isKnown = (path: Path) => !inspected.unknown.some((u) => u.length <= path.length && u.every((s, i) => s === path[i]));
    if (!parsed.success) for (const z of parsed.error.issues) {
      const issue = fromZod(z, schema);
      if (issue && isKnown(issue.path)) issues.push(issue);
    }
    issues.push(...inspected.issues);
    const found = { issues, representation: inspected.representation, unknown: inspected.unknown, accepted: parsed.success ? { value: parsed.data } : undefined };
    return withRules(operation, kind, isRecord(payload) ? payload : undefined, options, found);
  } catch (error) {
    return unreadable(error);
  }
}
