import { isAsciiSpace, isPySpace, nestingLimit, pyDict, pyRstrip, tooDeepAt, type Loc, type Py } from './python.js';

/*
 * The AWS CLI's shorthand syntax (`Key=InstanceIds,Values=i-1,i-2`), parsed exactly as
 * awscli/shorthand.py's hand-written recursive-descent ShorthandParser does: the same character
 * classes, the same backtracking after a csv list, the same escapes, the same errors at the same
 * index. It is purely syntactic; the model-driven coercion that follows is BackCompatVisitor
 * (backCompat in reader.ts). Grammar and observed behaviour: shared/research/shorthand-grammar.md.
 */

export interface ShorthandOptions {
  /** `key@=file://...` loads files in nested values (AWS CLI v2 >= 2.20.0, v1 >= 1.36.0). */
  paramFiles: boolean;
  /**
   * The quoted-string regex of AWS CLI v2 < 2.18.14 (and v1 < 1.35.14), which consumes an escaped
   * backslash before an escaped quote: only inputs with `\\` right before a quote read differently.
   */
  legacyQuotedRegex: boolean;
  /** Where the character at an index of the input was written. */
  locate?: (index: number) => Loc | undefined;
  /** Loads a `file://` / `fileb://` value after `@=`; undefined for any other value. May throw. */
  loadParamFile?: (value: string) => Py | undefined;
  /** Lists and structures nested deeper (the top-level key=value pairs are level 1) throw TooDeep; see nestingLimit. */
  maxDepth?: number;
}

/**
 * A shorthand syntax error, worded as awscli's. The wording (which copies the whole input) is made
 * only when it is read: the parser throws and catches one at every backtrack after a csv list, and a
 * message built each time would make a long value take quadratic time.
 */
export class ShorthandError extends Error {
  private wording?: string;

  constructor(
    readonly input: string,
    readonly index: number,
    readonly detail: { expected: string; actual: string } | { duplicateKey: string },
  ) {
    super();
  }

  get reason(): string {
    if (this.wording === undefined) {
      const at = errorLocation(this.input, this.index);
      this.wording =
        'expected' in this.detail
          ? `Expected: '${this.detail.expected}', received: '${this.detail.actual}' for input:\n${at}`
          : `Second instance of key "${this.detail.duplicateKey}" encountered for input:\n${at}\nThis is often because there is a preceding "," instead of a space.`;
    }
    return this.wording;
  }

  override get message(): string {
    return this.reason;
  }
}

/** The input with a caret under the failing index, as awscli's `_error_location` renders it. */
export function errorLocation(value: string, index: number): string {
  let consumed = value;
  let remaining = '';
  let spaces: number;
  const before = value.slice(0, index);
  spaces = [...before.slice(before.lastIndexOf('\n') + 1)].length;
  const after = value.slice(index);
  if (after.includes('\n')) {
    const next = index + after.indexOf('\n');
    consumed = value.slice(0, next);
    remaining = value.slice(next);
  }
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

function syntaxError(input: string, expected: string, actual: string, index: number): ShorthandError {
  return new ShorthandError(input, index, { expected, actual });
}

function duplicateKey(input: string, key: string, index: number): ShorthandError {
  return new ShorthandError(input, index, { duplicateKey: key });
}

// Character classes of the unquoted-value regexes, for code points up to U+FFFF.
const inRanges = (cp: number, ranges: readonly (readonly [number, number])[]) => ranges.some(([a, b]) => cp >= a && cp <= b);
const START: readonly (readonly [number, number])[] = [
  [0x21, 0x21], [0x23, 0x26], [0x28, 0x2b], [0x2d, 0x3c], [0x3e, 0x5a], [0x5c, 0x7a], [0x7c, 0xffff],
];
const FIRST_FOLLOW: readonly (readonly [number, number])[] = [
  [0x21, 0x21], [0x23, 0x26], [0x28, 0x2b], [0x2d, 0x5c], [0x5e, 0x7c], [0x7e, 0xffff],
];
const SECOND_FOLLOW: readonly (readonly [number, number])[] = [
  [0x21, 0x21], [0x23, 0x26], [0x28, 0x2b], [0x2d, 0x3c], [0x3e, 0xffff],
];
const KEY_CHARS = /^[A-Za-z0-9\-_.#/:]$/;

const QUOTED = {
  single: { current: /'(?:\\'|[^'])*'/uy, name: 'singled quoted', quote: "'" },
  double: { current: /"(?:\\"|[^"])*"/uy, name: 'double quoted', quote: '"' },
} as const;

/**
 * Where each match of the legacy quoted-string regex `'(?:\\\\|\\'|[^'])*'` (or its `"` twin)
 * ends, for a match that starts at each index: what a backtracking engine finds, in linear time.
 * The regex itself takes exponential time on a run of backslashes that no quote closes (its first
 * and third alternatives both match a backslash), in the AWS CLI's Python as in JavaScript. After
 * the opening quote, the engine's first success from index i is: another iteration (a `\\` pair,
 * an escaped quote, or any other character), else the closing quote at i. That depends on i alone,
 * so it is computed once per index, from the end.
 */
export function legacyQuotedEnds(input: string, quote: "'" | '"'): Int32Array {
  const n = input.length;
  // after[i]: the end of the first success of the loop at i (index after the closing quote), or -1.
  const after = new Int32Array(n + 2).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const c = input[i];
    let end = -1;
    if (c === '\\' && (input[i + 1] === '\\' || input[i + 1] === quote)) end = after[i + 2]!;
    if (end < 0 && c !== quote) {
      const unit = input.codePointAt(i)! > 0xffff ? 2 : 1;
      end = after[i + unit]!;
    }
    if (end < 0 && c === quote) end = i + 1;
    after[i] = end;
  }
  // ends[i]: for an opening quote at i, the end of the match; -1 when none.
  const ends = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (input[i] === quote) ends[i] = after[i + 1]!;
  return ends;
}

export function parseShorthand(input: string, options: ShorthandOptions): Extract<Py, { t: 'dict' }> {
  let index = 0;
  const limit = nestingLimit(options.maxDepth);
  let depth = 1;
  /** Enters a list or structure: one level deeper, never past the limit. */
  const deeper = () => {
    if (++depth > limit) throw tooDeepAt(index, limit, options.maxDepth);
  };
  let resolveFiles = false;
  const locate = options.locate ?? (() => undefined);

  const atEof = () => index >= input.length;
  const current = () => input[index];
  const consumeWhitespace = () => {
    while (!atEof() && isAsciiSpace(current())) index++;
  };
  /** Takes `char` if it comes next (after whitespace, with `consumeWs`, which is then skipped after it too); whether it did. */
  const accept = (char: string, consumeWs = false): boolean => {
    if (consumeWs) consumeWhitespace();
    if (current() !== char) return false;
    index++;
    if (consumeWs) consumeWhitespace();
    return true;
  };
  const expect = (char: string, consumeWs = false) => {
    if (accept(char, consumeWs)) return;
    if (atEof()) throw syntaxError(input, char, 'EOF', index);
    throw syntaxError(input, char, String.fromCodePoint(input.codePointAt(index)!), index);
  };
  /** Tries `@` (only where the CLI knows `@=`): sets whether values of this key load files. */
  const paramFileMarker = () => {
    // The CLI tries expect('@') and catches its error: accept is the same without an error for every key that has no `@`.
    resolveFiles = !!options.paramFiles && accept('@', true);
  };
  const str = (v: string, at: number): Py => {
    const loaded = resolveFiles ? options.loadParamFile?.(v) : undefined;
    return loaded ?? { t: 'str', v, at: locate(at) };
  };

  /** An unquoted value: `(\\,|[START])(\\,|[FOLLOW])*`, matched on code points. */
  const matchWord = (follow: readonly (readonly [number, number])[]): string | undefined => {
    let i = index;
    let first = true;
    while (i < input.length) {
      if (input[i] === '\\' && input[i + 1] === ',') {
        i += 2;
      } else {
        const cp = input.codePointAt(i)!;
        const ok = cp <= 0xffff && (first ? inRanges(cp, START) : isPySpace(cp) || inRanges(cp, follow));
        if (!ok) break;
        i += 1;
      }
      first = false;
    }
    if (first) return undefined;
    const matched = input.slice(index, i);
    index = i;
    return matched;
  };

  const legacyEnds: Partial<Record<'single' | 'double', Int32Array>> = {};
  /** The quoted string at index, as the CLI's regex matches it. */
  const matchQuoted = (kind: 'single' | 'double'): string | undefined => {
    const spec = QUOTED[kind];
    if (options.legacyQuotedRegex) {
      const end = (legacyEnds[kind] ??= legacyQuotedEnds(input, spec.quote))[index]!;
      return end < 0 ? undefined : input.slice(index, end);
    }
    spec.current.lastIndex = index;
    return spec.current.exec(input)?.[0];
  };

  const quoted = (kind: 'single' | 'double'): Py => {
    const spec = QUOTED[kind];
    const m = matchQuoted(kind);
    if (m === undefined) throw syntaxError(input, `<${spec.name}>`, '<none>', index);
    const start = index;
    index += m.length;
    const v = m.slice(1, -1).replaceAll('\\' + spec.quote, spec.quote).replaceAll('\\\\', '\\');
    return str(v, start + 1);
  };

  const firstValue = (): Py => {
    if (current() === "'") return quoted('single');
    if (current() === '"') return quoted('double');
    const start = index;
    const word = matchWord(FIRST_FOLLOW);
    if (word === undefined) return { t: 'str', v: '', at: locate(start) };
    return str(pyRstrip(word.replaceAll('\\,', ',')), start);
  };

  const secondValue = (): Py => {
    if (current() === "'") return quoted('single');
    if (current() === '"') return quoted('double');
    const start = index;
    const word = matchWord(SECOND_FOLLOW);
    if (word === undefined) throw syntaxError(input, '<second>', '<none>', index);
    return str(pyRstrip(word.replaceAll('\\,', ',')), start);
  };

  const key = (): string => {
    const start = index;
    while (!atEof() && KEY_CHARS.test(current()!)) index++;
    return input.slice(start, index);
  };

  const backtrackTo = (char: string) => {
    while (index >= 0 && input[index] !== char) index--;
  };

  const csvValue = (): Py => {
    const start = index;
    const first = firstValue();
    consumeWhitespace();
    if (atEof() || current() !== ',') return first;
    expect(',', true);
    const items: Py[] = [first];
    for (;;) {
      try {
        const value = secondValue();
        consumeWhitespace();
        if (atEof()) {
          items.push(value);
          break;
        }
        expect(',', true);
        items.push(value);
      } catch (e) {
        if (!(e instanceof ShorthandError) || !('expected' in e.detail)) throw e;
        if (atEof()) throw e;
        backtrackTo(',');
        break;
      }
    }
    return items.length === 1 ? first : { t: 'list', v: items, at: locate(start) };
  };

  const explicitValues = (): Py => {
    if (current() === '[') return explicitList();
    if (current() === '{') return hashLiteral();
    return firstValue();
  };

  const explicitList = (): Py => {
    const start = index;
    deeper();
    expect('[', true);
    const items: Py[] = [];
    while (current() !== ']') {
      items.push(explicitValues());
      consumeWhitespace();
      if (current() !== ']') {
        expect(',');
        consumeWhitespace();
      }
    }
    expect(']');
    depth--;
    return { t: 'list', v: items, at: locate(start) };
  };

  const hashLiteral = (): Py => {
    const start = index;
    deeper();
    expect('{', true);
    const out = pyDict([], locate(start));
    out.keyAt = new Map();
    while (current() !== '}') {
      const keyStart = index;
      const k = key();
      paramFileMarker();
      expect('=', true);
      const v = explicitValues();
      consumeWhitespace();
      if (current() !== '}') {
        expect(',');
        consumeWhitespace();
      }
      out.v.set(k, v);
      const keyLoc = locate(keyStart);
      if (keyLoc) out.keyAt.set(k, keyLoc);
    }
    expect('}');
    depth--;
    return out;
  };

  const values = (): Py => {
    if (atEof()) return { t: 'str', v: '', at: locate(index) };
    if (current() === '[') return explicitList();
    if (current() === '{') return hashLiteral();
    return csvValue();
  };

  const keyval = (): [string, number, Py] => {
    const keyStart = index;
    const k = key();
    paramFileMarker();
    expect('=', true);
    return [k, keyStart, values()];
  };

  const params = pyDict([], locate(0));
  params.keyAt = new Map();
  const add = ([k, at, v]: [string, number, Py]) => {
    params.v.set(k, v);
    const loc = locate(at);
    if (loc) params.keyAt!.set(k, loc);
  };
  add(keyval());
  let lastIndex = index;
  while (index < input.length) {
    expect(',', true);
    const kv = keyval();
    if (params.v.has(kv[0])) throw duplicateKey(input, kv[0], lastIndex + 1);
    add(kv);
    lastIndex = index;
  }
  return params;
}
