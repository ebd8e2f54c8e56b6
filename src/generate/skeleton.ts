import type * as z from 'zod';
import type { Operation } from '../operations/index.js';
import { metaOf, type MemberMeta, type ShapeMeta, type StructureMeta } from '../shapes/meta.js';
import { firstSentence, GENERATED_NOTE, type Contract } from './contract.js';

/*
 * Skeletons like `aws ssm <command> --generate-cli-skeleton [input|yaml-input|output]`, built
 * as botocore's ArgumentGenerator builds them: every member, strings "", integers 0, booleans
 * true, one item per list, one "KeyName" entry per map, blobs null (JSON) or !!binary '' (YAML).
 * Where the AWS CLI picks an enum value at random, these take the first. Output skeletons use
 * member names as strings, as the AWS CLI means to (it fails to print them for these two
 * operations: its own stub fails the model's minimum lengths).
 */

export type SkeletonForm = 'input' | 'yaml-input' | 'output';
export const SKELETON_FORMS: readonly SkeletonForm[] = ['input', 'yaml-input', 'output'];

type Direction = 'input' | 'output';

function skeletonValue(schema: z.ZodType, direction: Direction, name: string, seen: readonly z.ZodType[]): unknown {
  const meta = metaOf(schema);
  if (seen.includes(schema)) return {};
  const next = [...seen, schema];
  switch (meta.type) {
    case 'string':
      return meta.enum ? meta.enum[0] : direction === 'output' ? name : '';
    case 'integer':
      return 0;
    case 'boolean':
      return true;
    case 'blob':
      return null;
    case 'timestamp':
      return '1970-01-01T00:00:00+00:00';
    case 'list':
      return [skeletonValue(meta.member, direction, metaOf(meta.member).shape, next)];
    case 'map':
      return { KeyName: skeletonValue(meta.value, direction, metaOf(meta.value).shape, next) };
    case 'structure':
      return Object.fromEntries(Object.entries(meta.members).map(([member, m]) => [member, skeletonValue(m.schema, direction, member, next)]));
  }
}

export function inputSkeleton(operation: Operation): unknown {
  return skeletonValue(operation.request, 'input', metaOf(operation.request).shape, []);
}

export function outputSkeleton(operation: Operation): unknown {
  return skeletonValue(operation.response, 'output', metaOf(operation.response).shape, []);
}

// --- YAML with a comment per member, as `--generate-cli-skeleton yaml-input` prints it --------------

const isScalar = (meta: ShapeMeta) => meta.type !== 'structure' && meta.type !== 'list' && meta.type !== 'map';

function scalarYaml(meta: ShapeMeta): string {
  if (meta.type === 'string') return meta.enum ? meta.enum[0]! : "''";
  if (meta.type === 'integer') return '0';
  if (meta.type === 'boolean') return 'true';
  if (meta.type === 'blob') return "!!binary ''";
  return "'1970-01-01T00:00:00+00:00'";
}

function commentFor(member: MemberMeta, meta: ShapeMeta): string {
  const parts = [member.required ? '[REQUIRED]' : '', firstSentence(member.doc)];
  if (meta.type === 'string' && meta.enum) parts.push(`Valid values are: ${meta.enum.join(', ')}.`);
  if (member.deprecated) parts.push(`Deprecated: use ${member.deprecated.replacement}.`);
  return parts.filter(Boolean).join(' ');
}

/** The lines under a key at `indent`: members two deeper, list items at the key's own indent, as the AWS CLI writes them. */
function children(schema: z.ZodType, indent: string, seen: readonly z.ZodType[]): string[] {
  const meta = metaOf(schema);
  if (seen.includes(schema)) return [];
  const next = [...seen, schema];
  if (meta.type === 'structure') return members(meta, `${indent}  `, undefined, next);
  if (meta.type === 'list') {
    const item = metaOf(meta.member);
    if (isScalar(item)) return [`${indent}- ${scalarYaml(item)}`];
    if (item.type === 'structure') return members(item, `${indent}  `, indent, next);
    return [`${indent}-`, ...children(meta.member, `${indent}  `, next)];
  }
  if (meta.type === 'map') {
    const value = metaOf(meta.value);
    if (isScalar(value)) return [`${indent}  KeyName: ${scalarYaml(value)}`];
    return [`${indent}  KeyName:`, ...children(meta.value, `${indent}  `, next)];
  }
  return [];
}

function members(meta: StructureMeta, indent: string, dash: string | undefined, seen: readonly z.ZodType[]): string[] {
  return Object.entries(meta.members).flatMap(([name, member], i) => {
    const lead = dash !== undefined && i === 0 ? `${dash}- ` : indent;
    const m = metaOf(member.schema);
    const comment = commentFor(member, m);
    if (isScalar(m)) return [`${lead}${name}: ${scalarYaml(m)} # ${comment}`];
    return [`${lead}${name}: # ${comment}`, ...children(member.schema, indent, seen)];
  });
}

export function yamlInputSkeleton(operation: Operation): string {
  return [`# ${GENERATED_NOTE}`, ...members(metaOf(operation.request) as StructureMeta, '', undefined, [operation.request]), ''].join('\n');
}

export function skeletonText(operation: Operation, form: SkeletonForm): string {
  if (form === 'yaml-input') return yamlInputSkeleton(operation);
  // Four spaces, as the AWS CLI prints them. JSON has no comments: these carry no banner, and
  // must not, since `--cli-input-json` rejects members it does not know.
  return `${JSON.stringify(form === 'input' ? inputSkeleton(operation) : outputSkeleton(operation), null, 4)}\n`;
}

export function skeletonPath(operation: Operation, form: SkeletonForm): string {
  return `skeletons/${operation.cliCommand}.${form === 'output' ? 'output.json' : form === 'input' ? 'input.json' : 'input.yaml'}`;
}

export function skeletonFiles(contract: Contract): Map<string, string> {
  const files = new Map<string, string>();
  for (const operation of contract.operations) for (const form of SKELETON_FORMS) files.set(skeletonPath(operation, form), skeletonText(operation, form));
  return files;
}
