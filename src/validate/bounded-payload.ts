import { plainShape } from '../compiled/shape-lookup.js';
import { isPlainObject, MAX_CHECKED_ITEMS, type Truncation } from '../compiled/runtime.js';
import { displayPath, type IssueData, type PathSegment } from '../issues/issue.js';
import { makeIssue } from '../issues/make.js';
import { setOwn } from '../values/set-own.js';
import { isRecord } from '../values/value-facts.js';
import { isUnknown } from '../values/unknown-value.js';

export { MAX_CHECKED_ITEMS, type Truncation } from '../compiled/runtime.js';

/*
 * How much of a payload validate() checks: at most MAX_CHECKED_ITEMS items of a list, entries of a
 * map, and unknown members of a structure (src/compiled/runtime.ts). The compiled checks stop there
 * themselves; this cuts a payload to the same bound where something else must read it whole: the
 * rules (which loop over lists), and the Zod schemas of test/support/validate-zod.ts.
 */

interface Parent {
  up: Parent | undefined;
  segment: PathSegment;
}

const pathOf = (at: Parent | undefined): PathSegment[] => {
  const out: PathSegment[] = [];
  for (let p = at; p; p = p.up) out.unshift(p.segment);
  return out;
};

/**
 * The payload of root shape `root` (an AWS shape name) with every list, map and set of unknown
 * members cut to MAX_CHECKED_ITEMS, copied only where something is cut (the caller's objects are
 * never changed), and what was cut, as the compiled checks find it: lists are arrays, maps plain
 * objects and structures records (the checks' own tests), and nothing under UNKNOWN is looked at.
 * It follows the shapes, so its depth is theirs, whatever the input.
 */
export function bounded(root: string, payload: unknown): { payload: unknown; truncations: Truncation[] } {
  const truncations: Truncation[] = [];
  const cut = (at: Parent | undefined, total: number, unit: Truncation['unit']) => truncations.push({ path: pathOf(at), total, unit });

  const visit = (name: string, value: unknown, at: Parent | undefined): unknown => {
    if (isUnknown(value)) return value;
    const shape = plainShape(name);
    if (shape.type === 'list') {
      if (!Array.isArray(value)) return value;
      let items: unknown[] = value;
      if (value.length > MAX_CHECKED_ITEMS) {
        items = value.slice(0, MAX_CHECKED_ITEMS);
        cut(at, value.length, 'items');
      }
      for (let i = 0; i < items.length; i++) {
        if (!(i in items)) continue;
        const item = items[i];
        const next = visit(shape.member, item, { up: at, segment: i });
        if (next === item) continue;
        if (items === value) items = value.slice();
        items[i] = next;
      }
      return items;
    }
    if (shape.type === 'map') {
      if (!isPlainObject(value)) return value;
      const keys = Object.keys(value);
      const kept = keys.length > MAX_CHECKED_ITEMS ? keys.slice(0, MAX_CHECKED_ITEMS) : keys;
      let out = value;
      if (kept !== keys) {
        out = {};
        for (const key of kept) setOwn(out, key, value[key]);
        cut(at, keys.length, 'entries');
      }
      for (const key of kept) {
        const entry = value[key];
        const next = visit(shape.value, entry, { up: at, segment: key });
        if (next === entry) continue;
        if (out === value) out = { ...value };
        setOwn(out, key, next);
      }
      return out;
    }
    if (shape.type !== 'structure' || !isRecord(value)) return value;
    let out = value;
    const unknown = Object.keys(value).filter((k) => !Object.hasOwn(shape.members, k));
    if (unknown.length > MAX_CHECKED_ITEMS) {
      out = {};
      const kept = new Set(unknown.slice(0, MAX_CHECKED_ITEMS));
      for (const key of Object.keys(value)) if (Object.hasOwn(shape.members, key) || kept.has(key)) setOwn(out, key, value[key]);
      cut(at, unknown.length, 'unknown members');
    }
    for (const [name, member] of Object.entries(shape.members)) {
      if (!Object.hasOwn(value, name)) continue;
      const current = value[name];
      const next = visit(member.shape, current, { up: at, segment: name });
      if (next === current) continue;
      if (out === value) out = { ...value };
      out[name] = next;
    }
    return out;
  };

  return { payload: visit(root, payload, undefined), truncations };
}

/** What a truncation left unchecked, as an info issue at the list, map or structure. */
export function notCheckedIssue(t: Truncation): IssueData {
  const what = `Everything after the first ${MAX_CHECKED_ITEMS} ${t.unit} of ${displayPath(t.path) || 'the payload'}`;
  return makeIssue('not_checked', 'info', t.path, { what, reason: `there are ${t.total}, and validate() checks at most ${MAX_CHECKED_ITEMS} items of a list, entries of a map or unknown members of a structure` });
}
