import { parseJson } from '../../src/parse/json/parse-json.js';
import { quoted } from '../../src/parse/hcl/print.js';
import { RESOURCE_TYPE, TERRAFORM_TYPES, type AttributeSpec, type BlockSpec, type BodySpec, type TerraformType } from '../../src/readers/terraform/schema.js';
import { toPointer, type Path, type PathSegment } from '../../src/issues/issue.js';

/*
 * API payloads written the other way round, as Terraform: a `resource` block in a `.tf` file, and
 * a `terraform show -json` plan that creates it. Used to turn every payload fixture of the contract
 * core into Terraform fixtures. Each writer records the line where it wrote each API path, so that
 * the expected line of a finding comes from the writer, not from the reader under test.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Payload = Record<string, unknown>;

export interface Written {
  text: string;
  /** JSON Pointer of an API path to the line it is written on. */
  lines: Map<string, number>;
  /** API members the Terraform resource cannot express (ClientToken, AlarmConfiguration). */
  dropped: string[];
}

const entries = (spec: BodySpec) => Object.entries(spec) as [string, AttributeSpec | BlockSpec][];

const TASK = TERRAFORM_TYPES[RESOURCE_TYPE]!;

/** The Terraform resource type that sends an operation's request, when there is one. */
export function terraformTypeOf(operation: string): TerraformType | undefined {
  return Object.values(TERRAFORM_TYPES).find((t) => t.operation === operation);
}

/** Tags as Terraform writes them: a map of key to value. */
function tagMap(value: unknown): { [key: string]: Json } {
  return Object.fromEntries((value as { Key: string; Value: string }[]).map((t) => [t.Key, t.Value]));
}

/** The text Terraform holds for a value: Lambda's Payload is a blob on the wire (base64), a string in Terraform. */
function text(s: AttributeSpec, value: unknown): string {
  if (s.bytes && typeof value === 'string') return Buffer.from(value, 'base64').toString('utf8');
  return String(value);
}

function hclValue(s: AttributeSpec, value: unknown): string {
  if (s.type === 'tags') return '{ ' + Object.entries(tagMap(value)).map(([k, v]) => `${quoted(k)} = ${quoted(String(v))}`).join(', ') + ' }';
  if (s.type === 'list') return '[' + (value as unknown[]).map((v) => quoted(String(v))).join(', ') + ']';
  if (s.type === 'string') return quoted(text(s, value));
  return String(value);
}

function parameters(value: unknown, legacy: boolean): [string, unknown[]][] {
  return Object.entries(value as Record<string, unknown>).map(([name, v]) => [name, legacy ? ((v as { Values: unknown[] }).Values ?? []) : (v as unknown[])]);
}

/** `resource "aws_ssm_maintenance_window_task" "NAME" { ... }` (or the type that sends the request) for an API payload. */
export function toTerraform(payload: Payload, name: string, type: TerraformType = TASK): Written {
  const out: string[] = [`resource "${type.type}" "${name}" {`];
  const lines = new Map<string, number>([[toPointer([]), 1]]);
  const mark = (path: Path) => {
    if (!lines.has(toPointer(path))) lines.set(toPointer(path), out.length);
  };
  const body = (object: Payload, spec: BodySpec, path: Path, indent: string) => {
    for (const [tfName, s] of entries(spec)) {
      const value = object[s.api];
      if (value === undefined) continue;
      const at = [...path, s.api];
      if (s.kind === 'attribute') {
        if (s.type === 'number' && value === 0 && s.empty === 'unset') continue; // Terraform does not send priority = 0
        out.push(`${indent}${tfName} = ${hclValue(s, value)}`);
        mark(at);
        if (Array.isArray(value)) value.forEach((_, i) => mark([...at, i]));
      } else if (s.nesting === 'single') {
        out.push(`${indent}${tfName} {`);
        mark(at);
        body(value as Payload, s.body, at, indent + '  ');
        out.push(`${indent}}`);
      } else if (s.nesting === 'list') {
        (value as Payload[]).forEach((element, i) => {
          out.push(`${indent}${tfName} {`);
          mark(at);
          mark([...at, i]);
          body(element, s.body, [...at, i], indent + '  ');
          out.push(`${indent}}`);
        });
      } else {
        const legacy = s.nesting === 'legacy-parameters';
        for (const [key, values] of parameters(value, legacy)) {
          out.push(`${indent}${tfName} {`);
          mark(at);
          out.push(`${indent}  name   = ${quoted(key)}`);
          out.push(`${indent}  values = [${values.map((v) => quoted(String(v))).join(', ')}]`);
          const entry: PathSegment[] = legacy ? [...at, key, 'Values'] : [...at, key];
          mark([...at, key]);
          values.forEach((_, j) => mark([...entry, j]));
          out.push(`${indent}}`);
        }
      }
    }
  };
  body(payload, type.schema, [], '  ');
  out.push('}');
  return { text: out.join('\n') + '\n', lines, dropped: droppedMembers(payload, type.schema) };
}

function droppedMembers(payload: Payload, schema: BodySpec): string[] {
  const known = new Set(entries(schema).map(([, s]) => s.api));
  return Object.keys(payload).filter((k) => !known.has(k));
}

/**
 * `change.after` of a plan (every argument of the schema, null or [] where unset) and
 * `change.after_unknown`: an Optional+Computed argument the configuration leaves unset is not known
 * until apply, so it is missing from `after` and `true` in `after_unknown`.
 */
function after(object: Payload | undefined, spec: BodySpec, legacy: boolean): { after: { [key: string]: Json }; unknown: { [key: string]: Json } } {
  const out: { [key: string]: Json } = {};
  const unknown: { [key: string]: Json } = {};
  for (const [tfName, s] of entries(spec)) {
    if ((tfName === 'logging_info' || tfName === 'task_parameters') && !legacy) continue;
    const value = object?.[s.api];
    if (s.kind === 'attribute') {
      if (value === undefined && s.computed) unknown[tfName] = true;
      else out[tfName] = value === undefined ? (s.default ?? null) : s.type === 'string' ? text(s, value) : s.type === 'tags' ? tagMap(value) : (value as Json);
      continue;
    }
    if (value === undefined) {
      out[tfName] = [];
      continue;
    }
    const elements = s.nesting === 'single' ? [value as Payload] : s.nesting === 'list' ? (value as Payload[]) : undefined;
    if (!elements) {
      out[tfName] = parameters(value, s.nesting === 'legacy-parameters').map(([name, values]) => ({ name, values: values as Json[] }));
      continue;
    }
    const nested = elements.map((e) => after(e, s.body, legacy));
    out[tfName] = nested.map((n) => n.after);
    if (nested.some((n) => Object.keys(n.unknown).length > 0)) unknown[tfName] = nested.map((n) => n.unknown);
  }
  return { after: out, unknown };
}

/** The configuration's expressions for what the payload sets: constants only, as in a module without references. */
function expressions(object: Payload, spec: BodySpec): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [tfName, s] of entries(spec)) {
    const value = object[s.api];
    if (value === undefined) continue;
    if (s.kind === 'attribute') out[tfName] = { constant_value: s.type === 'string' ? text(s, value) : s.type === 'tags' ? tagMap(value) : (value as Json) };
    else if (s.nesting === 'single') out[tfName] = [expressions(value as Payload, s.body)];
    else if (s.nesting === 'list') out[tfName] = (value as Payload[]).map((v) => expressions(v, s.body));
    else out[tfName] = parameters(value, s.nesting === 'legacy-parameters').map(([name, values]) => ({ name: { constant_value: name }, values: { constant_value: values as Json[] } }));
  }
  return out;
}

/** What a plan leaves unknown until apply of each type: its computed attributes. */
const COMPUTED: Readonly<Record<string, { [key: string]: Json }>> = {
  aws_ssm_maintenance_window_task: { arn: true, id: true, window_task_id: true },
  aws_ssm_maintenance_window_target: { id: true },
  aws_ssm_maintenance_window: { id: true, tags_all: true },
};

/** `terraform show -json` of a plan that creates the task (or the resource of `type`; hand-written after Terraform's JSON output format, format_version 1.2). */
export function toPlan(payload: Payload, name: string, options: { module?: string } = {}, type: TerraformType = TASK): Written & { address: string } {
  const legacy = payload.LoggingInfo !== undefined || payload.TaskParameters !== undefined;
  const address = `${options.module ? options.module + '.' : ''}${type.type}.${name}`;
  const { after: values, unknown } = after(payload, type.schema, legacy);
  if (type.type === 'aws_ssm_maintenance_window') values.enabled = true;
  const sensitive = payload.TaskInvocationParameters ? { task_invocation_parameters: [{ lambda_parameters: [{}], step_functions_parameters: [{}] }] } : {};
  const resource = { address, mode: 'managed', type: type.type, name, provider_name: 'registry.terraform.io/hashicorp/aws' };
  const configResource = { address: `${type.type}.${name}`, mode: 'managed', type: type.type, name, provider_config_key: 'aws', expressions: expressions(payload, type.schema), schema_version: 0 };
  const plan = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: [{ ...resource, schema_version: 0, values, sensitive_values: sensitive }] } },
    resource_changes: [
      {
        ...resource,
        ...(options.module ? { module_address: options.module } : {}),
        change: {
          actions: ['create'],
          before: null,
          after: values,
          after_unknown: { ...COMPUTED[type.type], ...unknown },
          before_sensitive: false,
          after_sensitive: sensitive,
        },
      },
    ],
    configuration: {
      provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } },
      root_module: options.module ? { module_calls: { [options.module.replace(/^module\./, '')]: { source: './task', module: { resources: [configResource] } } } } : { resources: [configResource] },
    },
    timestamp: '2025-06-01T00:00:00Z',
    applyable: true,
    complete: true,
    errored: false,
  };
  const planText = JSON.stringify(plan, null, 2) + '\n';
  const doc = parseJson(planText);
  const base = ['resource_changes', 0, 'change', 'after'];
  const lines = new Map<string, number>([[toPointer([]), doc.locate(['resource_changes', 0])!.line]]);
  const record = (path: Path, json: Path) => {
    const line = doc.locate([...base, ...json])?.line;
    if (line !== undefined) lines.set(toPointer(path), line);
  };
  // Where the reader finds each path: arguments where the plan holds them (null included), a block
  // list at its first block, a parameter at its values.
  const walk = (object: Payload, spec: BodySpec, path: Path, json: Path) => {
    for (const [tfName, s] of entries(spec)) {
      const value = object[s.api];
      const at = [...path, s.api];
      const j = [...json, tfName];
      if (s.kind === 'attribute') {
        record(at, j);
        if (Array.isArray(value)) value.forEach((_, i) => record([...at, i], [...j, i]));
      } else if (value === undefined) continue;
      else if (s.nesting === 'single') {
        record(at, [...j, 0]);
        walk(value as Payload, s.body, at, [...j, 0]);
      } else if (s.nesting === 'list') {
        (value as Payload[]).forEach((element, i) => {
          if (i === 0) record(at, [...j, 0]);
          record([...at, i], [...j, i]);
          walk(element, s.body, [...at, i], [...j, i]);
        });
      } else {
        const legacyEntry = s.nesting === 'legacy-parameters';
        parameters(value, legacyEntry).forEach(([key, values], k) => {
          if (k === 0) record(at, [...j, 0]);
          record([...at, key], [...j, k, 'values']);
          const entry: PathSegment[] = legacyEntry ? [...at, key, 'Values'] : [...at, key];
          values.forEach((_, m) => record([...entry, m], [...j, k, 'values', m]));
        });
      }
    }
  };
  walk(payload, type.schema, [], []);
  return { text: planText, lines, dropped: droppedMembers(payload, type.schema), address };
}

/** The line of a path: where it is written, or where its nearest written parent is. */
export function lineOf(lines: ReadonlyMap<string, number>, path: Path): number {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(toPointer(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return 1;
}
