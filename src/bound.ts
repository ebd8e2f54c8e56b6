import type * as z from 'zod';
import type { Path, PathSegment } from './issues/issue.js';
import { setOwn } from './inputs/own.js';
import { metaOf } from './shapes/meta.js';
import { isRecord } from './shapes/walk.js';
import { isUnknown } from './unknown.js';

/*
 * How much of a payload validate() checks: at most MAX_CHECKED_ITEMS items of a list, entries of a
 * map, and unknown members of a structure. No request of these operations comes near it (the
 * model's longest bounded list has 200 entries), but a list of a million wrong values would
 * otherwise become a million issues, and a sparse array of length 2^32 - 1 four billion checks.
 * What lies beyond the bound is reported as not checked; a list over its model maximum is still
 * reported with its real length.
 */

export const MAX_CHECKED_ITEMS = 10_000;

export interface Truncation {
  path: Path;
  /** How many there are; only the first MAX_CHECKED_ITEMS are checked. */
  total: number;
  unit: 'items' | 'entries' | 'unknown members';
  /** The model's maximum count of the list or map, when it has one. */
  maximum?: number;
}

interface Parent {
  up: Parent | undefined;
  segment: PathSegment;
}

const pathOf = (at: Parent | undefined): Path => {
  const out: PathSegment[] = [];
  for (let p = at; p; p = p.up) out.unshift(p.segment);
  return out;
};

/**
 * The payload with every list, map and set of unknown members cut to MAX_CHECKED_ITEMS, copied only
 * where something is cut (the caller's objects are never changed), and what was cut. It follows the
 * schema, so its depth is the shapes' depth, whatever the input.
 */
export function bounded(schema: z.ZodType, payload: unknown, limit = MAX_CHECKED_ITEMS): { payload: unknown; truncations: Truncation[] } {
  const truncations: Truncation[] = [];
  const cut = (at: Parent | undefined, total: number, unit: Truncation['unit'], maximum?: number) => truncations.push({ path: pathOf(at), total, unit, ...(maximum !== undefined ? { maximum } : {}) });

  const visit = (s: z.ZodType, value: unknown, at: Parent | undefined): unknown => {
    if (isUnknown(value)) return value;
    const meta = metaOf(s);
    if (meta.type === 'list') {
      if (!Array.isArray(value)) return value;
      let items: unknown[] = value;
      if (value.length > limit) {
        items = value.slice(0, limit);
        cut(at, value.length, 'items', meta.max);
      }
      for (let i = 0; i < items.length; i++) {
        if (!(i in items)) continue;
        const item = items[i];
        const next = visit(meta.member, item, { up: at, segment: i });
        if (next === item) continue;
        if (items === value) items = value.slice();
        items[i] = next;
      }
      return items;
    }
    if (meta.type !== 'map' && meta.type !== 'structure') return value;
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    let out: Record<string, unknown> = value;
    const copy = () => {
      if (out === value) out = { ...value };
    };
    if (meta.type === 'map') {
      if (keys.length > limit) {
        out = {};
        for (const key of keys.slice(0, limit)) setOwn(out, key, value[key]);
        cut(at, keys.length, 'entries', meta.max);
      }
      for (const key of keys.slice(0, limit)) {
        const entry = value[key];
        const next = visit(meta.value, entry, { up: at, segment: key });
        if (next === entry) continue;
        copy();
        setOwn(out, key, next);
      }
      return out;
    }
    const unknown = keys.filter((k) => !Object.hasOwn(meta.members, k));
    if (unknown.length > limit) {
      out = {};
      const kept = new Set(unknown.slice(0, limit));
      for (const key of keys) if (Object.hasOwn(meta.members, key) || kept.has(key)) setOwn(out, key, value[key]);
      cut(at, unknown.length, 'unknown members');
    }
    for (const [name, member] of Object.entries(meta.members)) {
      if (!Object.hasOwn(value, name)) continue;
      const current = value[name];
      const next = visit(member.schema, current, { up: at, segment: name });
      if (next === current) continue;
      copy();
      out[name] = next;
    }
    return out;
  };

  return { payload: visit(schema, payload, undefined), truncations };
}
