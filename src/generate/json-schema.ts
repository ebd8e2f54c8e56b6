import * as z from 'zod';
import type { Kind, Operation } from '../operations/index.js';
import type { Rule } from '../rules/types.js';
import { BASE64_PATTERN, ISO_8601_PATTERN } from '../shapes/build.js';
import { ErrorBody } from '../shapes/errors.js';
import { awsShapes, INT32, metaOf, type BlobMeta, type MemberMeta, type ShapeMeta } from '../shapes/meta.js';
import { unicodeSafePattern } from '../shapes/patterns.js';
import { GENERATED_NOTE, rulesOf, shapeClosure, type Contract } from './contract.js';

/*
 * JSON Schema for each operation's request, response and error bodies, from Zod's own
 * z.toJSONSchema. Zod knows the structure (objects, arrays, records, enums) and puts every shape
 * registered with an id into $defs; everything our custom checks enforce is invisible to it, so
 * the `override` hook rewrites each AWS shape from its metadata (src/shapes/meta.ts): lengths,
 * patterns, ranges, counts, map keys, blobs, timestamps, documentation, deprecations. The
 * documented rules are added to the root's allOf (or listed as validator-only).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export type Draft = '2020-12' | 'draft-07';
export const DRAFTS: readonly Draft[] = ['2020-12', 'draft-07'];

const TARGET = { '2020-12': 'draft-2020-12', 'draft-07': 'draft-07' } as const;
/** Where shared shapes live: `$defs` in 2020-12, `definitions` in draft-07 (Zod writes the same). */
export const DEFS_KEY = { '2020-12': '$defs', 'draft-07': 'definitions' } as const;

/** The extension that lists the rules JSON Schema cannot express. */
export const RULES_EXTENSION = 'x-ssm-mw-contracts-rules';

/** How a shape is written in JSON, read from its metadata alone. `ref` points at another shape by AWS name. */
export function shapeSchema(meta: ShapeMeta, ref: (schema: z.ZodType) => JsonObject): JsonObject {
  const head: JsonObject = { title: meta.shape };
  const description = [meta.doc, meta.sensitive ? 'Sensitive: AWS redacts this value in its logs and responses.' : undefined].filter(Boolean).join(' ');
  if (description) head.description = description;
  switch (meta.type) {
    case 'string': {
      if (meta.enum) {
        const deprecated = Object.entries(meta.deprecatedValues ?? {}).map(([v, d]) => `${v} is deprecated: use ${d.replacement} ("${d.quote}").`);
        if (deprecated.length) head.description = [head.description, ...deprecated].filter(Boolean).join(' ');
        return { ...head, type: 'string', enum: [...meta.enum] };
      }
      return {
        ...head,
        type: 'string',
        ...(meta.min !== undefined && meta.min > 0 ? { minLength: meta.min } : {}),
        ...(meta.max !== undefined ? { maxLength: meta.max } : {}),
        ...(meta.pattern !== undefined ? { pattern: unicodeSafePattern(meta.pattern) } : {}),
      };
    }
    case 'integer':
      return { ...head, type: 'integer', minimum: meta.min ?? INT32.min, maximum: meta.max ?? INT32.max };
    case 'boolean':
      return { ...head, type: 'boolean' };
    case 'blob':
      return { ...head, ...blobSchema(meta) };
    case 'timestamp':
      return {
        ...head,
        anyOf: [
          { type: 'number', description: 'Seconds since 1970-01-01T00:00:00Z, as AWS JSON 1.1 sends timestamps.' },
          { type: 'string', pattern: ISO_8601_PATTERN, description: 'ISO 8601 text, as AWS CLI v2 prints timestamps.' },
        ],
      };
    case 'list':
      return {
        ...head,
        type: 'array',
        items: ref(meta.member),
        ...(meta.min !== undefined && meta.min > 0 ? { minItems: meta.min } : {}),
        ...(meta.max !== undefined ? { maxItems: meta.max } : {}),
      };
    case 'map': {
      const key = metaOf(meta.key);
      const names: JsonObject = {};
      if (key.type === 'string') {
        if (key.min !== undefined && key.min > 0) names.minLength = key.min;
        if (key.max !== undefined) names.maxLength = key.max;
        if (key.pattern !== undefined) names.pattern = unicodeSafePattern(key.pattern);
      }
      return {
        ...head,
        type: 'object',
        ...(Object.keys(names).length ? { propertyNames: { title: key.shape, ...names } } : {}),
        additionalProperties: ref(meta.value),
        ...(meta.min !== undefined && meta.min > 0 ? { minProperties: meta.min } : {}),
        ...(meta.max !== undefined ? { maxProperties: meta.max } : {}),
      };
    }
    case 'structure': {
      const properties: JsonObject = {};
      for (const [name, member] of Object.entries(meta.members)) properties[name] = { ...ref(member.schema), ...memberAnnotations(member) };
      const required = Object.entries(meta.members).filter(([, m]) => m.required).map(([name]) => name);
      if (meta.exception) {
        const kind = meta.exception.fault ? 'a server fault' : 'a client error';
        head.description = `${head.description ?? ''} HTTP status ${meta.exception.httpStatus} (${kind}); the body's __type names ${meta.shape}.`.trim();
      }
      return {
        ...head,
        type: 'object',
        properties,
        ...(required.length ? { required } : {}),
        // Requests are strict; responses and errors are tolerant, since AWS adds members.
        ...(meta.direction === 'input' ? { additionalProperties: false } : {}),
      };
    }
  }
}

/** Annotations only: next to a `$ref`, draft-07 validators ignore them, which is all they need to do. */
function memberAnnotations(member: MemberMeta): JsonObject {
  const parts = [member.doc];
  if (member.deprecated) parts.push(`Deprecated: "${member.deprecated.quote}" Use ${member.deprecated.replacement} instead.`);
  if (member.idempotencyToken) parts.push('Idempotency token: AWS SDKs and the AWS CLI fill it with a random UUID when it is absent.');
  return { description: parts.join(' '), ...(member.deprecated ? { deprecated: true } : {}) };
}

/**
 * A blob on the wire: canonical base64 whose decoded size is at most `max` bytes. n bytes take
 * 4·⌈n/3⌉ characters, so the text length bounds the size only up to padding: at the last group,
 * the padding says how many of its 3 bytes are real.
 */
export function blobSchema(meta: Pick<BlobMeta, 'max'>): JsonObject {
  const schema: JsonObject = { type: 'string', contentEncoding: 'base64', pattern: BASE64_PATTERN };
  if (meta.max === undefined) return schema;
  const groups = Math.floor(meta.max / 3);
  const rest = meta.max % 3;
  if (rest === 0) return { ...schema, maxLength: 4 * groups };
  return {
    ...schema,
    maxLength: 4 * (groups + 1),
    // The last group may carry `rest` bytes: `==` is 1 byte, `=` is 2.
    anyOf: [{ maxLength: 4 * groups }, { pattern: rest === 1 ? '==$' : '=$' }],
  };
}

export function rootSchemaOf(operation: Operation, kind: Kind): z.ZodType {
  if (kind === 'request') return operation.request;
  if (kind === 'response') return operation.response;
  return z.union([...operation.errors, ErrorBody] as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

function rootTitle(operation: Operation, kind: Kind): string {
  return kind === 'error' ? `${operation.name}Error` : metaOf(rootSchemaOf(operation, kind)).shape;
}

function rootDescription(contract: Contract, operation: Operation, kind: Kind, annotations: Rule[]): string {
  const what =
    kind === 'request'
      ? `The request body of ${operation.name}: ${operation.doc}`
      : kind === 'response'
        ? `The response body of ${operation.name}.`
        : `An error body of ${operation.name}: one of its declared errors (${operation.errors.map((e) => metaOf(e).shape).join(', ')}) or any other AWS error (ErrorBody).`;
  const advice = annotations.map((r) => `${r.id} (${r.severity}): ${r.title}.`);
  return [what, advice.length ? `ssm-mw-contracts validate also reports, without affecting validity: ${advice.join(' ')}` : ''].filter(Boolean).join(' ');
}

/** A rule's fragment, titled with its id so that a reader (and a test) can tell which rule it is. */
export function ruleFragment(rule: Rule): JsonObject | undefined {
  if (rule.jsonSchema.form !== 'schema') return undefined;
  return { title: `${rule.id}: ${rule.title}`, ...(structuredClone(rule.jsonSchema.schema) as JsonObject) };
}

/** The JSON Schema of one operation's request, response or error body. */
export function operationJsonSchema(contract: Contract, operation: Operation, kind: Kind, draft: Draft): JsonObject {
  const root = rootSchemaOf(operation, kind);
  const roots = kind === 'error' ? [...operation.errors, ErrorBody] : [root];
  const ids = z.registry<{ id: string }>();
  for (const schema of shapeClosure(roots)) if (schema !== root) ids.add(schema, { id: metaOf(schema).shape });
  const prefix = `#/${DEFS_KEY[draft]}/`;
  const ref = (schema: z.ZodType): JsonObject => ({ $ref: prefix + metaOf(schema).shape });

  const generated = z.toJSONSchema(root, {
    target: TARGET[draft],
    unrepresentable: 'any',
    metadata: ids,
    override: ({ zodSchema, jsonSchema }) => {
      const schema = zodSchema as unknown as z.ZodType;
      if (!awsShapes.has(schema)) return;
      const next = shapeSchema(metaOf(schema), ref);
      for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
      Object.assign(jsonSchema, next);
    },
  }) as JsonObject;

  const { $schema, [DEFS_KEY[draft]]: defs, title: _title, description: _description, ...body } = generated;
  const applicable = rulesOf(contract, operation, kind);
  const allOf = applicable.map(ruleFragment).filter((f): f is JsonObject => f !== undefined);
  const validatorOnly = applicable.flatMap((r) => (r.jsonSchema.form === 'validator-only' ? [{ id: r.id, severity: r.severity, title: r.title, reason: r.jsonSchema.reason }] : []));
  const annotations = applicable.filter((r) => r.jsonSchema.form === 'annotation');
  const sortedDefs = Object.fromEntries(Object.entries((defs ?? {}) as JsonObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    $schema: $schema as string,
    $comment: GENERATED_NOTE,
    title: rootTitle(operation, kind),
    description: rootDescription(contract, operation, kind, annotations),
    ...body,
    ...(allOf.length ? { allOf } : {}),
    ...(validatorOnly.length ? { [RULES_EXTENSION]: validatorOnly } : {}),
    [DEFS_KEY[draft]]: sortedDefs,
  };
}

export function jsonSchemaPath(operation: Operation, kind: Kind, draft: Draft): string {
  return `json-schema/${draft}/${operation.name}.${kind}.schema.json`;
}

export function jsonSchemaFiles(contract: Contract): Map<string, string> {
  const files = new Map<string, string>();
  for (const draft of DRAFTS) {
    for (const operation of contract.operations) {
      for (const kind of ['request', 'response', 'error'] as const) {
        files.set(jsonSchemaPath(operation, kind, draft), `${JSON.stringify(operationJsonSchema(contract, operation, kind, draft), null, 2)}\n`);
      }
    }
  }
  return files;
}
