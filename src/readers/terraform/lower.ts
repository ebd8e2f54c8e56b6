import type { Path } from '../../issues/issue.js';
import type { SourceLocation } from '../reader.js';
import type { Block, Body, Expression, Range } from '../../parse/hcl/ast.js';
import { chosen, evaluate, isRecordValue, type Env, type Value } from './evaluate.js';
import type { BodySpec } from './schema.js';
import { idListReference, idReference } from './references.js';
import { emptyBody, type SourceAttribute, type SourceBody, type Written } from './source.js';

/*
 * A resource block of a `.tf` file, for one variant and one instance, as the provider would see
 * its arguments: expressions evaluated (UNKNOWN where not static), `dynamic` blocks expanded over
 * known collections (and their count left unknown over unknown ones), every value with its place
 * and its path in the file's own names.
 */

export function location(range: Range): SourceLocation {
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

function attributeItems(expr: Expression, value: Value, env: Env, sourcePath: Path): Written[] | undefined {
  const e = chosen(expr, env);
  if (e.kind !== 'Tuple' || !Array.isArray(value) || value.length !== e.items.length) return undefined;
  return e.items.map((item, i) => ({ value: location(chosen(item, env).range), sourcePath: [...sourcePath, i] }));
}

function idsOf(expr: Expression, env: Env): SourceAttribute['ids'] {
  const e = chosen(expr, env);
  const all = idListReference(e);
  if (all) return { all };
  if (e.kind !== 'Tuple') return undefined;
  const items = e.items.map((item) => idReference(chosen(item, env)));
  return items.some((i) => i !== undefined) ? { items } : undefined;
}

/** The entries a `dynamic` block iterates over: a tuple's index and value, or an object's keys in lexical order. */
function entriesOf(collection: Value): [Value, Value][] | undefined {
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isRecordValue(collection)) {
    return Object.keys(collection)
      .sort()
      .map((k) => [k, collection[k]!]);
  }
  return undefined;
}

/** The first argument of a body with that name. */
export function attributeOf(body: Body, name: string) {
  const item = body.items.find((i) => i.type === 'Attribute' && i.name === name);
  return item?.type === 'Attribute' ? item : undefined;
}

/** The name a `dynamic` block's content refers to each element by: its `iterator` argument, or else the block type (its label). */
export function dynamicIterator(block: Block): string | undefined {
  const iterator = attributeOf(block.body, 'iterator');
  return iterator?.expr.kind === 'Variable' ? iterator.expr.name : block.labels[0]?.value;
}

export function lowerBody(body: Body, env: Env, sourcePath: Path, spec: BodySpec | undefined, skip: ReadonlySet<string> = new Set()): SourceBody {
  const out = emptyBody();
  const counts = new Map<string, number>();
  /** The path of the next block of a type: indexed unless the schema allows the type once. */
  const blockPath = (type: string): Path => {
    const s = spec && Object.hasOwn(spec, type) ? spec[type] : undefined;
    const n = counts.get(type) ?? 0;
    counts.set(type, n + 1);
    return s?.kind === 'block' && s.nesting === 'single' ? [...sourcePath, type] : [...sourcePath, type, n];
  };
  const childSpec = (type: string): BodySpec | undefined => {
    const s = spec && Object.hasOwn(spec, type) ? spec[type] : undefined;
    return s?.kind === 'block' ? s.body : undefined;
  };

  for (const item of body.items) {
    if (item.type === 'Attribute') {
      if (skip.has(item.name)) continue;
      const value = evaluate(item.expr, env);
      const path = [...sourcePath, item.name];
      const attribute: SourceAttribute = {
        name: item.name,
        value,
        at: { key: location(item.nameRange), value: location(chosen(item.expr, env).range), sourcePath: path },
      };
      const items = attributeItems(item.expr, value, env, path);
      if (items) attribute.items = items;
      const ids = idsOf(item.expr, env);
      if (ids) attribute.ids = ids;
      out.attributes.push(attribute);
      continue;
    }
    if (item.blockType === 'dynamic') {
      lowerDynamic(item, env, out, sourcePath, blockPath, childSpec);
      continue;
    }
    const path = blockPath(item.blockType);
    out.blocks.push({
      type: item.blockType,
      body: lowerBody(item.body, env, path, childSpec(item.blockType)),
      at: { key: location(item.typeRange), value: location(item.range), sourcePath: path },
    });
  }
  return out;
}

/** `dynamic "targets" { for_each = ...; iterator = t; content { ... } }` */
function lowerDynamic(block: Block, env: Env, out: SourceBody, parentPath: Path, blockPath: (type: string) => Path, childSpec: (type: string) => BodySpec | undefined) {
  const type = block.labels[0]?.value;
  if (type === undefined) return;
  const forEach = attributeOf(block.body, 'for_each');
  const iterator = dynamicIterator(block) ?? type;
  const content = block.body.items.find((i): i is Block => i.type === 'Block' && i.blockType === 'content');
  const entries = forEach ? entriesOf(evaluate(forEach.expr, env)) : undefined;
  if (!entries || !content) {
    out.unknownBlocks.set(type, { key: location(block.labels[0]!.range), value: location(block.range), sourcePath: [...parentPath, type] });
    return;
  }
  for (const [key, value] of entries) {
    const path = blockPath(type);
    const scope = new Map(env.scope);
    scope.set(iterator, { key, value });
    out.blocks.push({
      type,
      body: lowerBody(content.body, { ...env, scope }, path, childSpec(type)),
      at: { key: location(block.labels[0]!.range), value: location(content.range), sourcePath: path },
    });
  }
}
