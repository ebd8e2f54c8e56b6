import { toPointer, type IssueData, type Path } from '../../issues/issue.js';
import type { SourceLocation } from '../reader.js';
import { isUnknown, UNKNOWN } from '../../values/unknown-value.js';
import { setOwn } from '../../values/set-own.js';
import { makeIssue } from '../../validate/validate.js';
import { toText, type Value } from './evaluate.js';
import { terraformPathIn } from './names.js';
import type { IdReference } from './references.js';
import type { Finding } from '../../rules/types.js';
import type { AnyTerraformRule } from './rules/index.js';
import MW200 from './rules/MW200-removed-argument.js';
import MW201 from './rules/MW201-value-not-sent.js';
import MW202 from './rules/MW202-duplicate-parameter.js';
import MW203 from './rules/MW203-unsupported-argument.js';
import MW204 from './rules/MW204-type-mismatch.js';
import MW205 from './rules/MW205-block-structure.js';
import MW206 from './rules/MW206-invalid-arn.js';
import MW208 from './rules/MW208-target-reference-kind.js';
import MW209 from './rules/MW209-provider-refuses.js';
import { RESOURCE_TYPE, TERRAFORM_TYPES, type AttributeSpec, type BlockSpec, type BodySpec, type TerraformType } from './schema.js';
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
  issues: IssueData[];
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
  readonly issues: IssueData[] = [];
  readonly written = new Map<string, Written>();

  constructor(
    private readonly options: MappingOptions,
    private readonly type: TerraformType,
  ) {}

  record(path: Path, at: Written | undefined) {
    if (at && !this.written.has(toPointer(path))) this.written.set(toPointer(path), at);
  }

  /** Runs a rule's check on what is written at `path` and raises its findings there; whether it found any. */
  check<R extends AnyTerraformRule>(rule: R, input: Parameters<R['check']>[0], path: Path, at?: Written): boolean {
    return this.raise(rule, (rule.check as (input: unknown) => Finding[])(input), path, at);
  }

  raise(rule: AnyTerraformRule, findings: readonly Finding[], path: Path, at?: Written): boolean {
    for (const f of findings) {
      const where = [...path, ...f.path];
      this.record(where, at);
      this.issues.push(makeIssue(rule.code, rule.severity, where, f.params ?? {}, rule.id));
    }
    return findings.length > 0;
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
    this.check(MW203, { name, form, parent, known: Object.keys(spec), top: path.length === 0, type: this.type }, [...path, name], at);
  }

  private attribute(attribute: SourceAttribute, spec: BodySpec, path: Path, parent: string, out: Record<string, unknown>) {
    const { name, at } = attribute;
    const s = Object.hasOwn(spec, name) ? spec[name]! : undefined;
    if (!s) {
      this.unsupported(name, 'argument', spec, path, parent, at);
      return;
    }
    if (this.check(MW205, { argument: name, spec: s, form: 'argument' }, [...path, s.api], at) || s.kind === 'block') return;
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
    // What Terraform cannot convert is checked no further.
    if (this.check(MW204, { argument: name, expected: s.type, value }, path)) return UNKNOWN;
    switch (s.type) {
      case 'string': {
        const text = toText(value)!;
        if (this.check(MW201, { argument: name, spec: s, text }, path)) return undefined;
        this.check(MW206, { argument: name, spec: s, text }, path);
        this.check(MW209, { argument: name, spec: s, text }, path);
        return text;
      }
      case 'number': {
        const n = Number(value);
        // `priority = 0` is not sent (d.GetOk); not reported, since the API documents no other default.
        if (n === 0 && s.empty === 'unset') return undefined;
        return n;
      }
      case 'bool':
        return value === true || value === 'true';
      case 'tags': {
        const map = value as Record<string, Value>;
        const tags: { Key: string; Value: unknown }[] = [];
        for (const key of Object.keys(map).sort()) {
          const v = map[key]!;
          if (this.check(MW204, { argument: name, expected: s.type, value, item: v }, path)) return UNKNOWN;
          // A tag set to null is not a tag (the provider's map drops it).
          if (v === null) continue;
          this.record([...path, tags.length], at);
          tags.push({ Key: key, Value: isUnknown(v) ? UNKNOWN : toText(v) });
        }
        return tags.length === 0 && s.empty === 'unset' ? undefined : tags;
      }
      case 'list': {
        const list = value as Value[];
        const items: unknown[] = [];
        for (const [i, item] of list.entries()) {
          if (isUnknown(item)) {
            this.record([...path, items.length], attribute.items?.[i]);
            items.push(UNKNOWN);
            continue;
          }
          if (this.check(MW204, { argument: name, expected: s.type, value, item }, path)) return UNKNOWN;
          const text = toText(item)!;
          if (this.check(MW201, { argument: name, spec: s, item: text, index: i }, path, attribute.items?.[i] ?? at)) continue;
          this.record([...path, items.length], attribute.items?.[i]);
          items.push(text);
        }
        if (items.length === 0 && s.empty === 'unset') {
          this.check(MW201, { argument: name, spec: s, list }, path);
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
      this.unsupported(type, 'block', spec, path, parent, first);
      return;
    }
    if (this.check(MW205, { argument: type, spec: s, form: 'block' }, [...path, s.api], first) || s.kind === 'attribute') return;
    const target = [...path, s.api];
    // Repeated blocks are one API member: named without the first block's index.
    const last = first.sourcePath[first.sourcePath.length - 1];
    this.record(target, s.nesting !== 'single' && typeof last === 'number' ? { ...first, sourcePath: first.sourcePath.slice(0, -1) } : first);
    this.check(MW200, { type, spec: s }, target);

    if (s.nesting === 'single') {
      // Each block beyond the allowed number is reported where it is written.
      const extra = MW205.check({ argument: type, spec: s, blocks: blocks.length });
      extra.forEach((f, i) => this.raise(MW205, [f], target, blocks[blocks.length - extra.length + i]!.at));
      const block = blocks[0];
      // A block of unknown count may be absent: left out, so that no rule fires on its presence.
      if (!block) return;
      if (this.check(MW201, { argument: type, emptyBlock: isEmptyBody(block.body) }, target)) return;
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
    const values = block.body.attributes.find((a) => a.name === 'values');
    if (!values?.ids) return;
    const check = (ref: IdReference | undefined, at: Path) => {
      if (ref) this.check(MW208, { key, ref }, at);
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
      this.check(MW205, { argument: block.type, parameter: { name: nameAttr !== undefined, values: valuesAttr !== undefined } }, [...path, i], block.at);
      for (const a of block.body.attributes) if (!Object.hasOwn(s.body, a.name)) this.unsupported(a.name, 'argument', s.body, path, block.type, a.at);
      for (const b of block.body.blocks) this.unsupported(b.type, 'block', s.body, path, block.type, b.at);
      if (!nameAttr) continue;
      const key = toText(nameAttr.value);
      // A parameter whose name is not known makes the whole map unknown: its keys cannot be checked.
      if (key === undefined) {
        this.check(MW204, { argument: 'name', expected: 'string', value: nameAttr.value }, [...path, i], nameAttr.at);
        return UNKNOWN;
      }
      const entry = [...path, key];
      if (Object.hasOwn(map, key)) {
        // The later block is the one kept here, so its place is where the entry is written.
        this.forget(entry);
        this.check(MW202, { name: key, seen: firstLine }, entry, block.at);
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
