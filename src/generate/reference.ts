import type * as z from 'zod';
import { SERVICE, type Kind, type Operation } from '../operations/index.js';
import type { Rule } from '../rules/types.js';
import { INT32, metaOf, type Deprecation, type ShapeMeta, type StructureMeta } from '../shapes/meta.js';
import { rulesOf, type Contract } from './contract.js';
import { DRAFTS, jsonSchemaPath } from './json-schema.js';

/*
 * The reference as data: every field of each operation with its type, constraints and
 * documentation, every error and every rule. The Markdown and the HTML page render this one
 * model, so they cannot say different things.
 */

export interface Field {
  /** Spec path notation: `Targets[].Key`, `TaskParameters{}.Values`. */
  path: string;
  shape: string;
  type: string;
  required: boolean;
  constraints: string[];
  doc: string;
  deprecated?: Deprecation;
  sensitive: boolean;
}

export interface ErrorEntry {
  name: string;
  httpStatus: number;
  fault: boolean;
  doc: string;
}

export interface OperationReference {
  operation: Operation;
  target: string;
  request: Field[];
  response: Field[];
  errors: ErrorEntry[];
  rules: Rule[];
  schemas: { draft: string; kind: Kind; path: string }[];
}

const range = (min: number | undefined, max: number | undefined, unit: string): string | undefined => {
  if (min === undefined && max === undefined) return undefined;
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min} ${min === 1 ? unit.replace(/s\b/, '') : unit}` : `${min} to ${max} ${unit}`;
  return min !== undefined ? `at least ${min} ${unit}` : `at most ${max} ${unit}`;
};

/** The constraints a shape puts on its value, in words. */
export function constraintsOf(meta: ShapeMeta): string[] {
  const out: (string | undefined)[] = [];
  switch (meta.type) {
    case 'string':
      if (meta.enum) {
        out.push(`one of ${meta.enum.map((v) => (meta.deprecatedValues?.[v] ? `${v} (deprecated: use ${meta.deprecatedValues[v].replacement})` : v)).join(', ')}`);
      }
      out.push(range(meta.min || undefined, meta.max, 'characters'));
      if (meta.pattern !== undefined) out.push(`matches \`${meta.pattern}\``);
      break;
    case 'integer':
      out.push(`integer from ${meta.min ?? INT32.min} to ${meta.max ?? INT32.max}`);
      break;
    case 'blob':
      out.push('base64 text on the wire', range(undefined, meta.max, 'bytes once decoded'));
      break;
    case 'timestamp':
      out.push('epoch seconds (wire) or ISO 8601 text (AWS CLI v2 output)');
      break;
    case 'list':
      out.push(range(meta.min || undefined, meta.max, 'items'));
      break;
    case 'map': {
      out.push(range(meta.min || undefined, meta.max, 'entries'));
      const key = metaOf(meta.key);
      const keys = constraintsOf(key);
      if (keys.length) out.push(`keys: ${keys.join(', ')}`);
      break;
    }
    case 'structure':
      out.push(meta.direction === 'input' ? 'unknown members are rejected' : 'unknown members are accepted (AWS adds members)');
      break;
    default:
      break;
  }
  return out.filter((s): s is string => s !== undefined);
}

function typeOf(meta: ShapeMeta): string {
  switch (meta.type) {
    case 'string':
      return meta.enum ? 'enum' : 'string';
    case 'blob':
      return 'blob';
    case 'list':
      return `list of ${metaOf(meta.member).shape}`;
    case 'map':
      return `map of ${metaOf(meta.key).shape} to ${metaOf(meta.value).shape}`;
    default:
      return meta.type;
  }
}

/** Every field under a structure, parents first, in member order. */
export function fieldsOf(root: z.ZodType): Field[] {
  const out: Field[] = [];
  const visit = (schema: z.ZodType, path: string, seen: readonly z.ZodType[]) => {
    if (seen.includes(schema)) return; // a recursive shape: described once
    const meta = metaOf(schema);
    const next = [...seen, schema];
    if (meta.type === 'structure') {
      for (const [name, member] of Object.entries(meta.members)) {
        const m = metaOf(member.schema);
        const memberPath = path ? `${path}.${name}` : name;
        out.push({
          path: memberPath,
          shape: m.shape,
          type: typeOf(m),
          required: member.required,
          constraints: constraintsOf(m),
          doc: member.doc,
          ...(member.deprecated ? { deprecated: member.deprecated } : {}),
          sensitive: Boolean(m.sensitive),
        });
        visit(member.schema, memberPath, next);
      }
    } else if (meta.type === 'list') {
      const item = metaOf(meta.member);
      if (item.type === 'structure' || item.type === 'list' || item.type === 'map') visit(meta.member, `${path}[]`, next);
      else out[out.length - 1]!.constraints.push(...constraintsOf(item).map((c) => `each item: ${c}`));
    } else if (meta.type === 'map') {
      const value = metaOf(meta.value);
      if (value.type === 'structure' || value.type === 'list' || value.type === 'map') visit(meta.value, `${path}{}`, next);
      else out[out.length - 1]!.constraints.push(...constraintsOf(value).map((c) => `each value: ${c}`));
    }
  };
  visit(root, '', []);
  return out;
}

export function operationReference(contract: Contract, operation: Operation): OperationReference {
  const rules = ['request', 'response', 'error'].flatMap((kind) => rulesOf(contract, operation, kind as Kind));
  return {
    operation,
    target: `${SERVICE.targetPrefix}.${operation.name}`,
    request: fieldsOf(operation.request),
    response: fieldsOf(operation.response),
    errors: operation.errors.map((e) => {
      const meta = metaOf(e) as StructureMeta;
      return { name: meta.shape, httpStatus: meta.exception!.httpStatus, fault: meta.exception!.fault, doc: meta.doc ?? '' };
    }),
    rules: [...rules].sort((a, b) => (a.id < b.id ? -1 : 1)),
    schemas: DRAFTS.flatMap((draft) => (['request', 'response', 'error'] as const).map((kind) => ({ draft, kind, path: jsonSchemaPath(operation, kind, draft) }))),
  };
}

/** How a rule shows in the generated JSON Schema, in words. */
export function ruleForm(rule: Rule): string {
  switch (rule.jsonSchema.form) {
    case 'schema':
      return `expressed: in the allOf of the ${rule.appliesTo.kind} schema`;
    case 'validator-only':
      return `validator-only (listed under x-ssm-mw-contracts-rules): ${rule.jsonSchema.reason}`;
    case 'annotation':
      return `annotation: a ${rule.severity}, no effect on validity; named in the schema's description`;
  }
}
