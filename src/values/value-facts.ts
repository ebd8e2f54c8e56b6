/*
 * Facts about values that hold whatever the shape: what a record is, how AWS counts a string's
 * length, what base64 and timestamp text look like. No Zod here: the compiled checks
 * (src/compiled/) and the rules use them without loading the schemas; src/shapes/build.ts builds
 * the schemas on them.
 */

/** A JSON-object-like value: not null, not a list, not bytes, not a date. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

/** String length as AWS counts it: Unicode code points, not UTF-16 code units. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Canonical base64 text (RFC 4648, padded), as blobs travel on the wire. Generated JSON Schemas use the same source. */
export const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const BASE64 = new RegExp(BASE64_PATTERN);

/** Decoded size of canonical base64 text, or undefined when it is not canonical base64. */
export function base64ByteLength(text: string): number | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/**
 * ISO 8601 date-time text as AWS CLI v2 prints timestamps: a date, a time of day with optional
 * fraction, and `Z` or an offset. Field ranges are part of the pattern (month 01-12, day 01-31,
 * hour 00-23, minute and second 00-59, offset up to 23:59), so that the generated JSON Schemas
 * accept exactly the same text (they use this source) and no engine's date parser decides. Written
 * with `[0-9]`, not `\\d`, which other regex engines (Python's `re`) read as any Unicode digit.
 */
export const ISO_8601_PATTERN =
  '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:[.][0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])$';
const ISO_8601 = new RegExp(ISO_8601_PATTERN);

/** How a timestamp was written: epoch seconds (the wire), a Date (SDK), or ISO 8601 text (AWS CLI v2 output). */
export function timestampForm(v: unknown): 'epoch-seconds' | 'Date' | 'ISO-8601' | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? 'epoch-seconds' : undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : 'Date';
  if (typeof v === 'string') return ISO_8601.test(v) ? 'ISO-8601' : undefined;
  return undefined;
}
