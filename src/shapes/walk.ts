import type * as z from 'zod';
import type { Path } from '../issues/issue.js';
import { metaOf, type MemberMeta, type ShapeMeta } from './meta.js';
import { isRecord } from '../values/value-facts.js';

export interface Visit {
  schema: z.ZodType;
  meta: ShapeMeta;
  value: unknown;
  path: Path;
  /** The member this value sits in, when its parent is a structure. */
  member?: MemberMeta;
}

export { isRecord } from '../values/value-facts.js';

/**
 * Visits every value of a payload that sits at a known place of the shape tree, parents first.
 * It follows the schema, not the value, so its depth is bounded by the shapes' depth whatever the
 * input (cycles included). Values of the wrong type are visited but not descended into.
 */
export function walk(schema: z.ZodType, value: unknown, visit: (v: Visit) => void, path: Path = [], member?: MemberMeta): void {
  const meta = metaOf(schema);
  visit({ schema, meta, value, path, ...(member ? { member } : {}) });
  if (meta.type === 'structure' && isRecord(value)) {
    for (const key of Object.keys(value)) {
      const m = Object.hasOwn(meta.members, key) ? meta.members[key] : undefined;
      if (m && value[key] !== undefined) walk(m.schema, value[key], visit, [...path, key], m);
    }
  } else if (meta.type === 'list' && Array.isArray(value)) {
    value.forEach((item, i) => walk(meta.member, item, visit, [...path, i]));
  } else if (meta.type === 'map' && isRecord(value)) {
    for (const key of Object.keys(value)) walk(meta.value, value[key], visit, [...path, key]);
  }
}

/** The shape at a path of the tree, or undefined when the path leaves it. */
export function schemaAt(schema: z.ZodType, path: Path): z.ZodType | undefined {
  let current: z.ZodType = schema;
  for (const segment of path) {
    const meta = metaOf(current);
    if (meta.type === 'structure' && typeof segment === 'string' && Object.hasOwn(meta.members, segment)) current = meta.members[segment]!.schema;
    else if (meta.type === 'list' && typeof segment === 'number') current = meta.member;
    else if (meta.type === 'map' && typeof segment === 'string') current = meta.value;
    else return undefined;
  }
  return current;
}
