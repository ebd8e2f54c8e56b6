import { DEFAULT_LIMITS } from '../../parse/limits.js';

/*
 * The few pieces of Python that decide how the AWS CLI reads its arguments: what `str.isspace()`,
 * `str.strip()` and `int()` accept, how `repr()` and `str()` print a value (the CLI's messages quote
 * values that way), and the value types botocore checks (an int is not a float, a str is not bytes).
 */

/**
 * A value (shorthand or JSON) nested deeper than the reader goes: past --max-depth, and never past
 * MAX_NESTING, so that no reader recurses further. The value is not read; the line is not checked.
 */
export class TooDeep extends Error {
  constructor(
    /** Where the level past the limit opens, as an index of the text. */
    readonly index: number,
    readonly limit: number,
    /** The limit is the reader's own (MAX_NESTING), below --max-depth: raising --max-depth would not help. */
    readonly readerLimit = false,
  ) {
    super(`nested deeper than ${limit} levels`);
  }
}

/** However high --max-depth is set, shorthand and JSON are read at most this deep (the AWS CLI's own Python stops near 490 and 980 levels). */
export const MAX_NESTING = 1000;

/** The depth a reader goes to for a --max-depth, never past its own `cap`. */
export const nestingLimit = (maxDepth: number | undefined, cap = MAX_NESTING) => Math.min(maxDepth ?? DEFAULT_LIMITS.maxDepth, cap);

/** A TooDeep at `index` for a reader that goes `limit` deep under this --max-depth. */
export const tooDeepAt = (index: number, limit: number, maxDepth: number | undefined) => new TooDeep(index, limit, limit < (maxDepth ?? DEFAULT_LIMITS.maxDepth));

/** `str.isspace()` of CPython 3.11 for one code point. */
export function isPySpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    (cp >= 0x1c && cp <= 0x20) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** `string.whitespace`: the ASCII whitespace that the shorthand parser skips between tokens. */
export function isAsciiSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\x0b' || ch === '\x0c';
}

export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPySpace(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

export function pyLstrip(s: string): string {
  let start = 0;
  while (start < s.length && isPySpace(s.charCodeAt(start))) start++;
  return s.slice(start);
}

export const pyStrip = (s: string): string => pyLstrip(pyRstrip(s));

const DECIMAL = /\p{Nd}/u;

/** The value of a Unicode decimal digit: Nd characters come in contiguous runs of ten, 0 to 9. */
function digitValue(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let n = 0;
  while (DECIMAL.test(String.fromCodePoint(cp - n - 1))) n++;
  return n % 10;
}

/** Python's `int(text)` in base 10, or undefined where Python raises ValueError. */
export function pyInt(text: string): bigint | undefined {
  const s = pyStrip(text);
  let i = 0;
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    i = 1;
  }
  let digits = '';
  let lastWasDigit = false;
  for (const ch of s.slice(i)) {
    const cp = ch.codePointAt(0)!;
    if (ch === '_') {
      if (!lastWasDigit) return undefined;
      lastWasDigit = false;
      continue;
    }
    if (!DECIMAL.test(ch)) return undefined;
    digits += String(digitValue(cp));
    lastWasDigit = true;
  }
  if (!lastWasDigit) return undefined;
  const value = BigInt(digits);
  return negative ? -value : value;
}

/** Python's `repr()` of a str. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0x80 && cp <= 0xa0) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp === 0xad) out += '\\xad';
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else if (/[\p{Zl}\p{Zp}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(ch) || (/\p{Zs}/u.test(ch) && ch !== ' ')) {
      out += cp > 0xffff ? '\\U' + cp.toString(16).padStart(8, '0') : '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + quote;
}

// ---------------------------------------------------------------------------------------------
// Python values, as the CLI holds them before botocore serializes the request

/** Where a value was written: the argv word and the character offset in it. */
export interface Loc {
  word: number;
  offset: number;
}

export type Py =
  | { t: 'str'; v: string; at?: Loc | undefined }
  | { t: 'bytes'; v: Uint8Array; at?: Loc | undefined }
  | { t: 'int'; v: bigint; at?: Loc | undefined }
  | { t: 'float'; v: number; at?: Loc | undefined }
  | { t: 'bool'; v: boolean; at?: Loc | undefined }
  | { t: 'none'; at?: Loc | undefined }
  | { t: 'list'; v: Py[]; at?: Loc | undefined }
  | { t: 'dict'; v: Map<string, Py>; at?: Loc | undefined; keyAt?: Map<string, Loc> }
  /** A value that is present but not known statically (a shell expansion). */
  | { t: 'unknown'; source: string; at?: Loc | undefined };

export const PY_TYPE_NAMES: Record<Py['t'], string> = {
  str: "<class 'str'>",
  bytes: "<class 'bytes'>",
  int: "<class 'int'>",
  float: "<class 'float'>",
  bool: "<class 'bool'>",
  none: "<class 'NoneType'>",
  list: "<class 'list'>",
  dict: "<class 'dict'>",
  unknown: '<unknown>',
};

/** Python's `repr()` of a float. */
export function pyFloatRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return v.toFixed(1);
  const s = String(v);
  // JavaScript writes 1e+21 and 1e-7 where Python writes 1e+21 and 1e-07.
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

function bytesRepr(b: Uint8Array): string {
  let body = '';
  const hasSingle = b.includes(0x27);
  const hasDouble = b.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 0x5c) body += '\\' + String.fromCharCode(c);
    else if (c === 0x0a) body += '\\n';
    else if (c === 0x0d) body += '\\r';
    else if (c === 0x09) body += '\\t';
    else if (c < 0x20 || c >= 0x7f) body += '\\x' + c.toString(16).padStart(2, '0');
    else body += String.fromCharCode(c);
  }
  return `b${quote}${body}${quote}`;
}

/** Python's `repr()`. */
export function pyRepr(v: Py): string {
  switch (v.t) {
    case 'str':
      return pyStrRepr(v.v);
    case 'bytes':
      return bytesRepr(v.v);
    case 'int':
      return v.v.toString();
    case 'float':
      return pyFloatRepr(v.v);
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${v.v.map(pyRepr).join(', ')}]`;
    case 'dict':
      return `{${[...v.v].map(([k, x]) => `${pyStrRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
    case 'unknown':
      return v.source;
  }
}

/** Python's `str()`: a str is itself, everything else its repr. */
export const pyStr = (v: Py): string => (v.t === 'str' ? v.v : pyRepr(v));

export function pyDict(entries: Iterable<[string, Py]> = [], at?: Loc): Extract<Py, { t: 'dict' }> {
  return { t: 'dict', v: new Map(entries), ...(at ? { at } : {}) };
}
