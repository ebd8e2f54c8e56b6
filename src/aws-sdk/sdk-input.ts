import type * as z from 'zod';
import { metaOf } from '../shapes/meta.js';
import { isRecord } from '../shapes/walk.js';

const absent = (v: unknown) => v === null || v === undefined;

/**
 * SDK-shaped input as the AWS SDK for JavaScript v3 will send it: its JSON serializer skips
 * members, list items and map entries that are null or undefined, so `{ Priority: undefined }`
 * and `{ Priority: null }` send no Priority. Follows the schema, not the value, so a cyclic input
 * cannot loop; values off the schema (unknown members, wrong types) are kept as they are, for
 * validate() to report. Never changes the caller's object.
 */
export function asSent(schema: z.ZodType, value: unknown): unknown {
  const meta = metaOf(schema);
  if (meta.type === 'structure' && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (absent(v)) continue;
      out[key] = Object.hasOwn(meta.members, key) ? asSent(meta.members[key]!.schema, v) : v;
    }
    return out;
  }
  if (meta.type === 'list' && Array.isArray(value)) return value.filter((v) => !absent(v)).map((v) => asSent(meta.member, v));
  if (meta.type === 'map' && isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (!absent(v)) out[key] = asSent(meta.value, v);
    return out;
  }
  return value;
}
