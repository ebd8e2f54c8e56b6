import { closest } from '../../issues/format.js';
import { toPointer, type Issue, type Path } from '../../issues/issue.js';
import type { SourceLocation } from '../reader.js';
import { isUnknown, UNKNOWN } from '../../values/unknown-value.js';
import { setOwn } from '../../values/set-own.js';
import { makeIssue } from '../../validate/validate.js';
import { isRecordValue, toText, type Value } from './evaluate.js';
import { terraformPathIn } from './names.js';
import { TARGET_KEY_KINDS, type IdReference } from './references.js';
import { terraformRule, type TerraformRuleCode } from './rules/index.js';
import { META_ARGUMENTS, RESOURCE_TYPE, TERRAFORM_TYPES, type AttributeSpec, type BlockSpec, type BodySpec, type TerraformType } from './schema.js';
import { isEmptyBody, type SourceAttribute, type SourceBlock, type SourceBody, type Written } from './source.js';

/*
 * A resource's arguments (source.ts) to the RegisterTaskWithMaintenanceWindow request they
 * become, the way the AWS provider builds it: Terraform's type conversions, blocks to structures,
 * lists and maps, `parameter` blocks collapsed into a map, empty values left out. Findings about
 * Terraform itself (MW200-MW299) are raised here, at the API path of the member they concern (or
 * the API path of the block plus the argument's own name when the argument has no API member).
 * Every path that is written gets its place recorded for `locate`.
 */

export interface MappedTask {
  payload: Record<string, unknown>;
  issues: Issue[];
  /** JSON Pointer of an API path (or of a path ending in a Terraform name) to where it is written. */
  written: Map<string, Written>;
}

export interface MappingOptions {
  /** A plan lists every attribute of the provider's schema, computed ones included: ignore names this tool does not know. */
  ignoreUnknownNames?: boolean;
  /** Changes to how top-level arguments are sent (an update sends `priority` even when 0). */
  overrides?: Readonly<Record<string, Partial<AttributeSpec>>>;
}

class Mapper {
  readonly issues: Issue[] = [];
  readonly written = new Map<string, Written>();

  constructor(
    private readonly options: MappingOptions,
    private readonly type: TerraformType,
  ) {}

  record(path: Path, at: Written | undefined) {
    if (at && !this.written.has(toPointer(path))) this.written.set(toPointer(path), at);
  }

  raise(code: TerraformRuleCode, path: Path, params: Record<string, unknown>, at?: Written) {
    const rule = terraformRule(code);
    this.record(path, at);
    this.issues.push(makeIssue(code, rule.severity, path, params, rule.id));
  }

  body(body: SourceBody, spec: BodySpec, path: Path, parent: string, out: Record<string, unknown>) {
    for (const attribute of body.attributes) this.attribute(attribute, spec, path, parent, out);
    // What the provider sends for an argument the configuration leaves out (allow_unassociated_targets = false).
    for (const [name, s] of Object.entries(spec)) {
      if (s.kind === 'attribute' && s.default !== undefined && !Object.hasOwn(out, s.api) && !body.attributes.some((a) => a.name === name && a.value !== null)) out[s.api] = s.default;
    }
    const types = [...new Set([...body.blocks.map((b) => b.type), ...body.unknownBlocks.keys()])];
    for (const type of types) {
      this.blocks(
        type,
        body.blocks.filter((b) => b.type === type),
        body.unknownBlocks.get(type),
        spec,
        path,
        parent,
        out,
      );
    }
  }

  private unsupported(name: string, form: 'argument' | 'block', spec: BodySpec, path: Path, parent: string, at: Written) {
    if (this.options.ignoreUnknownNames) return;
    const computed = path.length === 0 && this.type.computedOnly.has(name);
    const suggestion = computed ? undefined : closest(name, Object.keys(spec));
    this.raise('terraform_unsupported_argument', [...path, name], { argument: name, form, parent, computed, ...(suggestion ? { closest: suggestion } : {}) }, at);
  }

  private attribute(attribute: SourceAttribute, spec: BodySpec, path: Path, parent: string, out: Record<string, unknown>) {
    const { name, at } = attribute;
    const s = Object.hasOwn(spec, name) ? spec[name]! : undefined;
    if (!s) {
      if (path.length === 0 && (META_ARGUMENTS.has(name) || this.type.notSent.has(name))) return;
      this.unsupported(name, 'argument', spec, path, parent, at);
      return;
    }
    if (s.kind === 'block') {
      this.raise('terraform_block_structure', [...path, s.api], { argument: name, reason: 'block-as-argument' }, at);
      return;
    }
    const target = [...path, s.api];
    this.record(target, at);
    const override = path.length === 0 ? this.options.overrides?.[name] : undefined;
    const value = this.convert(attribute, override ? { ...s, ...override } : s, target);
    if (value !== undefined) out[s.api] = value;
  }

  /** The value the provider sends for an argument, or undefined when it sends none. */
  private convert(attribute: SourceAttribute, s: AttributeSpec, path: Path): unknown {
    const { name, value, at } = attribute;
    if (value === null) return undefined;
    if (isUnknown(value)) return UNKNOWN;
    const mismatch = (received: string) => {
      this.raise('terraform_type_mismatch', path, { argument: name, expected: s.type, received, actual: describe(value) });
      return UNKNOWN;
    };
    switch (s.type) {
      case 'string': {
        const text = toText(value);
        if (text === undefined) return mismatch(kindOf(value));
        if (text === '' && s.empty === 'unset') {
          this.raise('terraform_value_not_sent', path, { argument: name, reason: 'empty-string' });
          return undefined;
        }
        if (s.arn && text !== '') {
          const problem = arnProblem(text);
          if (problem) this.raise('terraform_invalid_arn', path, { argument: name, actual: text, reason: problem });
        }
        // The API's own minimum is checked by validate(); only what the provider adds is the provider's finding.
        const length = [...text].length;
        if (s.minLength !== undefined && length > 0 && length < s.minLength) this.raise('terraform_provider_refuses', path, { argument: name, actual: text, minimum: s.minLength, reason: 'too-short' });
        return text;
      }
      case 'number': {
        const n = typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value) ? Number(value) : undefined;
        if (n === undefined) return mismatch(kindOf(value));
        // `priority = 0` is not sent (d.GetOk); not reported, since the API documents no other default.
        if (n === 0 && s.empty === 'unset') return undefined;
        return n;
      }
      case 'bool': {
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        return mismatch(kindOf(value));
      }
      case 'tags': {
        if (!isRecordValue(value)) return mismatch(kindOf(value));
        const tags: { Key: string; Value: unknown }[] = [];
        for (const key of Object.keys(value).sort()) {
          const v = value[key]!;
          // A tag set to null is not a tag (the provider's map drops it).
          if (v === null) continue;
          const text = isUnknown(v) ? UNKNOWN : toText(v);
          if (text === undefined) return mismatch(`a map holding ${kindOf(v)}`);
          this.record([...path, tags.length], at);
          tags.push({ Key: key, Value: text });
        }
        return tags.length === 0 && s.empty === 'unset' ? undefined : tags;
      }
      case 'list': {
        if (!Array.isArray(value)) return mismatch(kindOf(value));
        const items: unknown[] = [];
        for (const [i, item] of value.entries()) {
          if (isUnknown(item)) {
            this.record([...path, items.length], attribute.items?.[i]);
            items.push(UNKNOWN);
            continue;
          }
          const text = item === null ? undefined : toText(item);
          if (text === undefined) return mismatch(`a list holding ${kindOf(item)}`);
          if (text === '' && s.emptyItem === 'unset') {
            this.raise('terraform_value_not_sent', [...path, i], { argument: name, reason: 'empty-item' }, attribute.items?.[i] ?? at);
            continue;
          }
          this.record([...path, items.length], attribute.items?.[i]);
          items.push(text);
        }
        if (items.length === 0 && s.empty === 'unset') {
          if (value.length === 0) this.raise('terraform_value_not_sent', path, { argument: name, reason: 'empty-list' });
          return undefined;
        }
        return items;
      }
    }
  }

  private blocks(type: string, blocks: SourceBlock[], unknownCount: Written | undefined, spec: BodySpec, path: Path, parent: string, out: Record<string, unknown>) {
    const first = blocks[0]?.at ?? unknownCount!;
    const s = Object.hasOwn(spec, type) ? spec[type]! : undefined;
    if (!s) {
      if (path.length === 0 && META_ARGUMENTS.has(type)) return;
      this.unsupported(type, 'block', spec, path, parent, first);
      return;
    }
    if (s.kind === 'attribute') {
      this.raise('terraform_block_structure', [...path, s.api], { argument: type, reason: 'argument-as-block' }, first);
      return;
    }
    const target = [...path, s.api];
    // Repeated blocks are one API member: named without the first block's index.
    const last = first.sourcePath[first.sourcePath.length - 1];
    this.record(target, s.nesting !== 'single' && typeof last === 'number' ? { ...first, sourcePath: first.sourcePath.slice(0, -1) } : first);
    if (s.removed) this.raise('terraform_removed_argument', target, { argument: type, replacement: s.removed.replacement });

    if (s.nesting === 'single') {
      blocks.slice(s.maxItems ?? 1).forEach((extra, i) => this.raise('terraform_block_structure', [...target, i + 1], { argument: type, reason: 'too-many-blocks', maximum: s.maxItems ?? 1 }, extra.at));
      const block = blocks[0];
      // A block of unknown count may be absent: left out, so that no rule fires on its presence.
      if (!block) return;
      if (isEmptyBody(block.body)) {
        this.raise('terraform_value_not_sent', target, { argument: type, reason: 'empty-block' });
        return;
      }
      const object: Record<string, unknown> = {};
      this.body(block.body, s.body, target, type, object);
      out[s.api] = object;
      return;
    }
    if (unknownCount) {
      out[s.api] = UNKNOWN;
      return;
    }
    if (s.nesting === 'list') {
      out[s.api] = blocks.map((block, i) => {
        const object: Record<string, unknown> = {};
        this.record([...target, i], block.at);
        this.body(block.body, s.body, [...target, i], type, object);
        if (s.api === 'Targets') this.targetReferences(block, object, [...target, i]);
        return object;
      });
      return;
    }
    out[s.api] = this.parameters(blocks, s, target);
  }

  /** A target whose values refer to IDs of another kind than its key takes (MW208). */
  private targetReferences(block: SourceBlock, target: Record<string, unknown>, path: Path) {
    const key = target.Key;
    if (typeof key !== 'string' || !Object.hasOwn(TARGET_KEY_KINDS, key)) return;
    const values = block.body.attributes.find((a) => a.name === 'values');
    if (!values?.ids) return;
    const expected = TARGET_KEY_KINDS[key]!;
    const check = (ref: IdReference | undefined, at: Path) => {
      if (ref && ref.kind !== expected) this.raise('terraform_target_reference_kind', at, { key, reference: ref.reference, actual: ref.kind, expected });
    };
    if (values.ids.all) check(values.ids.all, [...path, 'Values']);
    values.ids.items?.forEach((ref, j) => check(ref, [...path, 'Values', j]));
  }

  /** `parameter { name values }` blocks: a map of name to values (`{ Values }` for the 2.x task_parameters). */
  private parameters(blocks: SourceBlock[], s: BlockSpec, path: Path): unknown {
    const map: Record<string, unknown> = {};
    const firstLine = new Map<string, number>();
    const valuesSpec = s.body.values;
    for (const [i, block] of blocks.entries()) {
      const get = (name: string) => block.body.attributes.find((a) => a.name === name && a.value !== null);
      const nameAttr = get('name');
      const valuesAttr = get('values');
      for (const [missing, attr] of [['name', nameAttr], ['values', valuesAttr]] as const) {
        if (!attr) this.raise('terraform_block_structure', [...path, i], { argument: block.type, reason: 'missing-argument', missing }, block.at);
      }
      for (const a of block.body.attributes) if (!Object.hasOwn(s.body, a.name)) this.unsupported(a.name, 'argument', s.body, path, block.type, a.at);
      for (const b of block.body.blocks) this.unsupported(b.type, 'block', s.body, path, block.type, b.at);
      if (!nameAttr) continue;
      const key = toText(nameAttr.value);
      // A parameter whose name is not known makes the whole map unknown: its keys cannot be checked.
      if (key === undefined) {
        if (!isUnknown(nameAttr.value)) this.raise('terraform_type_mismatch', [...path, i], { argument: 'name', expected: 'string', received: kindOf(nameAttr.value), actual: describe(nameAttr.value) }, nameAttr.at);
        return UNKNOWN;
      }
      const entry = [...path, key];
      if (Object.hasOwn(map, key)) {
        // The later block is the one kept here, so its place is where the entry is written.
        this.forget(entry);
        this.raise('terraform_duplicate_parameter', entry, { name: key, firstLine: firstLine.get(key) }, block.at);
      } else firstLine.set(key, block.at.value.line);
      this.record(entry, { key: nameAttr.at.value, value: (valuesAttr ?? nameAttr).at.value, sourcePath: block.at.sourcePath });
      const valuesPath = s.nesting === 'legacy-parameters' ? [...entry, 'Values'] : entry;
      const values = valuesAttr && valuesSpec?.kind === 'attribute' ? this.convert(valuesAttr, valuesSpec, valuesPath) : undefined;
      const list = values ?? [];
      setOwn(map, key, s.nesting === 'legacy-parameters' ? { Values: list } : list);
    }
    return map;
  }

  /** Drops what was recorded at and under `path`. */
  private forget(path: Path) {
    const pointer = toPointer(path);
    for (const key of [...this.written.keys()]) if (key === pointer || key.startsWith(pointer + '/')) this.written.delete(key);
  }
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function kindOf(value: Value): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecordValue(value)) return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a bool';
  return 'null';
}

/** The value as it might be written, for messages (shortened). */
function describe(value: Value): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (isUnknown(v) ? '(unknown)' : v)) ?? String(value);
  return text.length > 60 ? text.slice(0, 59) + '…' : text;
}

const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^(aws|aws-managed|\d{12})$/;

/** Why the provider's verify.ValidARN refuses `value`, or undefined when it accepts it. */
export function arnProblem(value: string): string | undefined {
  if (!value.startsWith('arn:')) return 'it does not start with arn:';
  const sections = value.split(':');
  if (sections.length < 6) return 'it has fewer than 6 sections separated by ":"';
  const [, partition, , region, account] = sections as [string, string, string, string, string];
  const resource = sections.slice(5).join(':');
  if (partition === '') return 'missing partition value';
  if (!PARTITION.test(partition)) return 'invalid partition value';
  if (region !== '' && !REGION.test(region)) return 'invalid region value';
  if (account !== '' && !ACCOUNT.test(account)) return 'invalid account ID value';
  if (resource === '') return 'missing resource value';
  return undefined;
}

/** The request a resource becomes, the Terraform findings on the way, and where each path is written. */
export function mapResource(type: TerraformType, body: SourceBody, resource: Written, options: MappingOptions = {}): MappedTask {
  const mapper = new Mapper(options, type);
  mapper.record([], resource);
  const payload: Record<string, unknown> = {};
  mapper.body(body, type.schema, [], type.type, payload);
  return { payload, issues: mapper.issues, written: mapper.written };
}

/** The request an aws_ssm_maintenance_window_task becomes (mapResource of the task's type). */
export function mapTask(body: SourceBody, resource: Written, options: MappingOptions = {}): MappedTask {
  return mapResource(TERRAFORM_TYPES[RESOURCE_TYPE]!, body, resource, options);
}

/**
 * `locate` for a mapped task: where a path is written, in the file's own names. A path the file
 * does not write is placed at its nearest written parent and named as Terraform would name it
 * (MW011 at ServiceRoleArn: `service_role_arn`, on the resource's first line).
 */
export function locator(written: ReadonlyMap<string, Written>, schema: BodySpec = TERRAFORM_TYPES[RESOURCE_TYPE]!.schema) {
  return (path: Path, target: 'key' | 'value' = 'value'): { location: SourceLocation; sourcePath?: Path } | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const at = written.get(toPointer(path.slice(0, n)));
      if (!at) continue;
      const location = target === 'key' && at.key ? at.key : at.value;
      if (n === path.length) return { location, sourcePath: at.sourcePath };
      return { location, sourcePath: [...at.sourcePath, ...terraformPathIn(schema)(path).slice(n)] };
    }
    return undefined;
  };
}
