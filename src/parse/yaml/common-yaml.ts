import type { Path, PathSegment } from '../../issues/issue.js';
import { setOwn } from '../../values/set-own.js';

/*
 * A reader for the YAML that templates and payloads are mostly written in, straight into values and
 * offsets. The `yaml` package builds a node per value, a document around them, then the values from
 * the nodes: more than half of linting a tree of templates, with the garbage it leaves. This reads
 * block mappings and sequences, one-line scalars and flow collections, literal and folded block
 * scalars, comments and the caller's local tags (`!Ref`), and declines (undefined) at the first
 * thing outside that subset or in doubt: anchors, aliases, multi-line plain or quoted scalars, tabs,
 * directives, errors of any kind. What it declines, the `yaml` package reads, as before. So it never
 * has to word an error, only to give what the `yaml` package gives where it reads at all: the same
 * values, the same duplicate keys and the same places (test/parse/common-yaml.test.ts holds the two to
 * each other on every YAML file of the tests and on thousands of mutations of them).
 */

/** A local tag (`!Ref`): a scalar under it is read as `scalar(text)`, a collection as `{ [key]: collection }`. */
export interface LocalTag {
  key: string;
  scalar(text: string): unknown;
}

/**
 * Where a collection's members are written: a mapping's [key, key offset, value offset, value, ...]
 * (key offset -1 for a tag's own key, which is written nowhere); a sequence's [value offset, value, ...].
 */
export type Places = unknown[];

export interface CommonYaml {
  value: unknown;
  /** Where the root value starts. */
  at: number;
  places: Map<object, Places>;
  /** Keys given twice in one mapping, in document order: where the key was before (its last time), and again. */
  duplicates: { path: Path; first: number; second: number }[];
}

/** Characters this reader leaves to the `yaml` package wherever they are: tabs, controls, C1 controls, byte order marks, YAML 1.1's line separators, a CR alone (which parseYaml makes a line feed first). */
const UNUSUAL = /[\x00-\x08\t\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;

/** A local tag's name as the template reader finds it (src/readers/cloudformation/template.ts templateTags). */
const TAG_NAME = /[A-Za-z][\w:.-]*/y;

const DECLINED = Symbol('declined');
const decline = (): never => {
  throw DECLINED;
};

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;

/** The YAML 1.2 core schema's reading of a plain scalar, test for test in the order the `yaml` package tries them. */
export function plainScalar(text: string): unknown {
  const c = text.charCodeAt(0);
  // Only these can start a null, a boolean or a number; anything else is text.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return text;
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return c === 116 || c === 84;
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** One-character escapes of a double-quoted scalar. */
const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Characters that cannot start a plain scalar in a block (or that this reader leaves alone there). */
const NOT_PLAIN_START = new Set([...'-?:,[]{}#&*!|>\'"%@`']);

/**
 * The document, or undefined when it is not in the subset this reads (or not valid YAML): the caller
 * then reads it with the `yaml` package. `maxDepth`: a collection nested this deep is declined, so the
 * `yaml` package refuses it with its finding.
 */
export function readCommonYaml(text: string, tags: ReadonlyMap<string, LocalTag> | undefined, maxDepth: number): CommonYaml | undefined {
  if (UNUSUAL.test(text)) return undefined;
  const n = text.length;
  const places = new Map<object, Places>();
  const duplicates: CommonYaml['duplicates'] = [];
  const path: PathSegment[] = [];
  /** Where reading goes on after the last value read. */
  let p = 0;
  /** Where the last value read starts. */
  let at = 0;
  /** The column of the line nextContent found. */
  let col = 0;
  /** Whether the document's first line has been read: a document marker may come before it, never after. */
  let started = false;

  /** The first character of the next line holding more than spaces and a comment, from the line that starts at `i`; n at the end. */
  const nextContent = (i: number): number => {
    for (;;) {
      let j = i;
      while (j < n && text.charCodeAt(j) === SPACE) j++;
      if (j >= n) return n;
      const c = text.charCodeAt(j);
      if (c === LF) i = j + 1;
      else if (c === CR) i = j + 2;
      else if (c === HASH) {
        const end = text.indexOf('\n', j);
        if (end < 0) return n;
        i = end + 1;
      } else {
        col = j - i;
        // A document marker (`---`, `...`) past the first line of the document: left to the yaml package.
        if (col === 0 && started && isMarker(j)) return decline();
        return j;
      }
    }
  };

  /** After a value that ends at `j`: the start of the next line, when only spaces and a comment follow. */
  const lineAfter = (j: number): number => {
    let k = j;
    while (k < n && text.charCodeAt(k) === SPACE) k++;
    if (k >= n) return n;
    const c = text.charCodeAt(k);
    if (c === LF) return k + 1;
    if (c === CR) return k + 2;
    if (c === HASH && k > j) {
      const end = text.indexOf('\n', k);
      return end < 0 ? n : end + 1;
    }
    return decline();
  };

  const isBreak = (k: number): boolean => k >= n || text.charCodeAt(k) === LF || text.charCodeAt(k) === CR;
  const isBlank = (k: number): boolean => isBreak(k) || text.charCodeAt(k) === SPACE;
  /** A block sequence's `-` at `k`. */
  const isDash = (k: number): boolean => text.charCodeAt(k) === 45 && isBlank(k + 1);
  const lineStart = (k: number): number => text.lastIndexOf('\n', k - 1) + 1;
  /** The start of the line after the break at `k`. */
  const nextLine = (k: number): number => k + (text.charCodeAt(k) === CR ? 2 : 1);
  const skipSpaces = (k: number): number => {
    while (text.charCodeAt(k) === SPACE) k++;
    return k;
  };
  /** `---` or `...` at `k`: a document marker when it starts its line. */
  const isMarker = (k: number): boolean => (text.startsWith('---', k) || text.startsWith('...', k)) && isBlank(k + 3);
  /** Whether a plain scalar may start at `k` (`-` may, before anything but a space). */
  const startsPlain = (k: number): boolean => !isBreak(k) && (!NOT_PLAIN_START.has(text[k]!) || (text.charCodeAt(k) === 45 && !isBlank(k + 1)));
  /** Whether the content line at `below` (in column `col`) holds the value of an entry of a block indented `parent`: deeper, or a sequence at a mapping key's own column. */
  const holdsValue = (below: number, parent: number, inSeq: boolean): boolean => below < n && (col > parent || (!inSeq && col === parent && isDash(below)));
  /** After a value that ends its lines at p: no line below may be indented past `parent` (a continuation this leaves alone, or an error). */
  const nothingDeeper = (parent: number): void => {
    if (nextContent(p) < n && col > parent) decline();
  };

  /** Whether the last quoted scalar read went on past its first line. */
  let folded = false;

  /**
   * A quoted scalar starting at its quote; p after the closing quote. Written on one line, or, with
   * `parent` (the indentation of the block it is in), on lines indented past it, folded as YAML folds
   * them: a line break is a space, each empty line a line break, the spaces around them nothing.
   */
  const quoted = (j: number, parent?: number): string => {
    const q = text.charCodeAt(j);
    let out = '';
    let from = j + 1;
    folded = false;
    for (let k = from; ; ) {
      if (isBreak(k)) {
        if (parent === undefined || k >= n) return decline();
        let end = k;
        while (end > from && text.charCodeAt(end - 1) === SPACE) end--;
        out += text.slice(from, end);
        k = foldedBreak(k, parent, true);
        from = k;
        folded = true;
        continue;
      }
      const c = text.charCodeAt(k);
      if (c === q) {
        if (q === 39 && text.charCodeAt(k + 1) === 39) {
          out += text.slice(from, k + 1);
          k += 2;
          from = k;
          continue;
        }
        p = k + 1;
        return out + text.slice(from, k);
      }
      if (c === 92 && q === 34) {
        out += text.slice(from, k);
        if (isBreak(k + 1)) {
          // An escaped line break: the lines join with nothing between them.
          if (parent === undefined || k + 1 >= n) return decline();
          k = foldedBreak(k + 1, parent, false);
          from = k;
          folded = true;
          continue;
        }
        const e = text[k + 1] ?? '';
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          k += 2;
        } else {
          const length = HEX_LENGTH[e];
          const hex = length ? text.slice(k + 2, k + 2 + length) : '';
          if (!length || hex.length !== length || !/^[0-9A-Fa-f]+$/.test(hex)) return decline();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) return decline();
          out += String.fromCodePoint(code);
          k += 2 + length;
        }
        from = k;
        continue;
      }
      k++;
    }

    /** The line break at `k` inside a quoted scalar and the lines after it: appends what they fold to, returns where the text goes on. */
    function foldedBreak(k: number, parent: number, fold: boolean): number {
      let empty = 0;
      for (let line = nextLine(k); ; ) {
        let s = line;
        while (s < n && text.charCodeAt(s) === SPACE) s++;
        if (s >= n) return decline();
        if (isBreak(s)) {
          empty++;
          line = nextLine(s);
          continue;
        }
        // A line indented no further than the block, or a document marker: left to the yaml package (and the template reader's mending).
        if (s - line <= parent || (s === line && isMarker(s))) return decline();
        if (!fold && empty > 0) return decline();
        if (fold) out += empty === 0 ? ' ' : '\n'.repeat(empty);
        return s;
      }
    }
  };

  /**
   * A plain scalar of a block, written on one line from `j`: its end (trailing spaces left out), and
   * whether a `: ` after it makes it a mapping's key (then `keyEnd` is where the `:` is).
   */
  let keyEnd = -1;
  const plainEnd = (j: number): number => {
    keyEnd = -1;
    let k = j;
    let end = j;
    while (!isBreak(k)) {
      const c = text.charCodeAt(k);
      if (c === SPACE) {
        if (text.charCodeAt(k + 1) === HASH) break;
      } else if (c === 58 && isBlank(k + 1)) {
        keyEnd = k;
        break;
      } else end = k + 1;
      k++;
    }
    return end;
  };

  /** A flow scalar or collection's end in a flow collection: at `,[]{}`, `: `, ` #` or the line's end. */
  const flowPlainEnd = (j: number): number => {
    let k = j;
    let end = j;
    while (!isBreak(k)) {
      const c = text.charCodeAt(k);
      if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125) break;
      if (c === SPACE) {
        if (text.charCodeAt(k + 1) === HASH) break;
      } else if (c === 58) {
        const d = text.charCodeAt(k + 1);
        if (isBlank(k + 1) || d === 44 || d === 91 || d === 93 || d === 123 || d === 125) break;
        end = k + 1;
      } else end = k + 1;
      k++;
    }
    return end;
  };

  const tagAt = (j: number): [LocalTag, number] => {
    TAG_NAME.lastIndex = j + 1;
    const name = TAG_NAME.exec(text)?.[0];
    const tag = name === undefined ? undefined : tags?.get(name);
    if (!tag || !isBlank(j + 1 + name!.length)) return decline();
    return [tag, j + 1 + name!.length];
  };

  /** A collection under a tag, read at its path: under the tag's key, as the yaml package's walk sees it. */
  const inside = (tag: LocalTag, read: () => unknown): unknown => {
    path.push(tag.key);
    const inner = read();
    path.pop();
    return inner;
  };

  /** `{ [tag.key]: inner }`, placed where `inner` is. */
  const wrap = (tag: LocalTag, inner: unknown, innerAt: number): unknown => {
    const wrapper: Record<string, unknown> = {};
    setOwn(wrapper, tag.key, inner);
    places.set(wrapper, [tag.key, -1, innerAt, inner]);
    at = innerAt;
    return wrapper;
  };

  /** The key of a mapping entry at `j` (quoted or plain), before its `: `; p after the `:`. */
  const mappingKey = (j: number, flow: boolean): string => {
    const c = text.charCodeAt(j);
    let key: string;
    let k: number;
    if (c === 34 || c === 39) {
      key = quoted(j);
      k = p;
      k = skipSpaces(k);
      // `"key":value` is a key only in a flow collection.
      if (text.charCodeAt(k) !== 58 || (!flow && !isBlank(k + 1))) return decline();
    } else {
      if (!startsPlain(j)) return decline();
      if (flow) {
        const end = flowPlainEnd(j);
        k = end;
        k = skipSpaces(k);
        if (text.charCodeAt(k) !== 58 || !isBlank(k + 1)) return decline();
        key = text.slice(j, end);
      } else {
        const end = plainEnd(j);
        if (keyEnd < 0) return decline();
        key = text.slice(j, end);
        k = keyEnd;
      }
      const resolved = plainScalar(key);
      // A key read as a number, a boolean or null names the member as its text does not (`1.0` is "1"): the yaml package's way.
      if (typeof resolved !== 'string' || key === '<<') return decline();
    }
    // An implicit key is at most 1,024 characters.
    if (k - j > 1024) return decline();
    p = k + 1;
    return key;
  };

  /** Records a mapping entry; a key given before is a duplicate, found where the yaml package's walk finds it: before the value's own. */
  const entryKey = (obj: Record<string, unknown>, offs: Places, key: string, keyAt: number): number => {
    if (!Object.hasOwn(obj, key)) return -1;
    for (let i = 0; i < offs.length; i += 4) {
      if (offs[i] === key) {
        duplicates.push({ path: [...path, key], first: offs[i + 1] as number, second: keyAt });
        return i;
      }
    }
    return decline();
  };

  const setEntry = (obj: Record<string, unknown>, offs: Places, index: number, key: string, keyAt: number, value: unknown) => {
    if (index >= 0) offs.splice(index, 4, key, keyAt, at, value);
    else offs.push(key, keyAt, at, value);
    setOwn(obj, key, value);
  };

  const flow = (j: number, depth: number): unknown => {
    if (depth >= maxDepth) return decline();
    const isSeq = text.charCodeAt(j) === 91;
    const close = isSeq ? 93 : 125;
    const offs: Places = [];
    const out: unknown[] | Record<string, unknown> = isSeq ? [] : {};
    places.set(out, offs);
    let k = j + 1;
    for (let first = true; ; first = false) {
      k = skipSpaces(k);
      if (text.charCodeAt(k) === close) {
        if (!first) return decline(); // a trailing comma
        k++;
        break;
      }
      if (isSeq) {
        const list = out as unknown[];
        path.push(list.length);
        const value = flowItem(k, depth + 1);
        path.pop();
        offs.push(at, value);
        list.push(value);
      } else {
        const obj = out as Record<string, unknown>;
        const keyAt = k;
        const key = mappingKey(k, true);
        const index = entryKey(obj, offs, key, keyAt);
        const v = skipSpaces(p);
        const d = text.charCodeAt(v);
        if (isBreak(v) || d === 44 || d === close || d === HASH) return decline(); // no value: left to the yaml package
        path.push(key);
        const value = flowItem(v, depth + 1);
        path.pop();
        setEntry(obj, offs, index, key, keyAt, value);
      }
      k = p;
      k = skipSpaces(k);
      const c = text.charCodeAt(k);
      if (c === 44) k++;
      else if (c === close) {
        k++;
        break;
      } else return decline();
    }
    p = k;
    at = j;
    return out;
  };

  /** A value inside a flow collection, on the same line; p after it. */
  const flowItem = (j: number, depth: number): unknown => {
    const c = text.charCodeAt(j);
    if (c === 91 || c === 123) return flow(j, depth);
    if (c === 34 || c === 39) {
      const value = quoted(j);
      at = j;
      return value;
    }
    if (c === 33) {
      const [tag, after] = tagAt(j);
      const k = skipSpaces(after);
      const d = text.charCodeAt(k);
      if (d === 91 || d === 123) return wrap(tag, inside(tag, () => flow(k, depth)), k);
      if (d === 34 || d === 39) {
        const value = tag.scalar(quoted(k));
        at = k;
        return value;
      }
      if (!startsPlain(k)) return decline();
      const end = flowPlainEnd(k);
      p = end;
      at = k;
      return tag.scalar(text.slice(k, end));
    }
    if (!startsPlain(j)) return decline();
    const end = flowPlainEnd(j);
    if (end === j) return decline();
    p = end;
    at = j;
    return plainScalar(text.slice(j, end));
  };

  /**
   * A plain scalar of a block, from `j` to `end` on its line and on the lines below indented past
   * `parent` that go on with it, folded: a line break is a space, each empty line a line break. A
   * comment ends it. p after it; the lines below it may not be indented past `parent`.
   */
  const plainLines = (j: number, end: number, parent: number): string => {
    let value = text.slice(j, end);
    for (let e = end; ; ) {
      const k = skipSpaces(e);
      p = lineAfter(e);
      if (text.charCodeAt(k) === HASH) break;
      let empty = 0;
      let line = p;
      let s = line;
      for (;;) {
        while (s < n && text.charCodeAt(s) === SPACE) s++;
        if (s >= n || !isBreak(s)) break;
        empty++;
        line = nextLine(s);
        s = line;
      }
      if (s >= n || s - line <= parent || text.charCodeAt(s) === HASH) break;
      // A line that would start a node of its own (`- x`, `[x]`, `!Ref`, ...) is left to the yaml package.
      if (NOT_PLAIN_START.has(text[s]!)) return decline();
      e = plainEnd(s);
      if (keyEnd >= 0) return decline();
      value += (empty === 0 ? ' ' : '\n'.repeat(empty)) + text.slice(s, e);
    }
    nothingDeeper(parent);
    return value;
  };

  /** After a scalar or flow collection that ends a line: no line below may be indented past `parent` (a continuation this leaves alone, or an error). */
  const endsLine = (j: number, parent: number): void => {
    p = lineAfter(j);
    nothingDeeper(parent);
  };

  /** A literal or folded block scalar whose header starts at `j`, inside a block indented `parent`. */
  const blockScalar = (j: number, parent: number): string => {
    const folded = text.charCodeAt(j) === 62;
    let k = j + 1;
    let chomp = '';
    const h = text.charCodeAt(k);
    if (h === 45 || h === 43) {
      chomp = text[k]!;
      k++;
    }
    // An explicit indentation indicator, or anything else in the header: left to the yaml package.
    if (!isBlank(k)) return decline();
    let line = lineAfter(k);
    let indent = -1;
    const lines: string[] = [];
    let trailing = 0;
    while (line < n) {
      let s = line;
      while (s < n && text.charCodeAt(s) === SPACE) s++;
      const spaces = s - line;
      if (isBreak(s)) {
        // An empty line: before any content, with spaces past the indentation or ending the file, it is left to the yaml package.
        if (indent < 0 || spaces > indent || (s >= n && spaces > 0)) return decline();
        trailing++;
        line = s >= n ? n : nextLine(s);
        if (s >= n) break;
        continue;
      }
      if (indent < 0) {
        if (spaces <= parent) return decline();
        indent = spaces;
      }
      if (spaces < indent) break;
      if (folded && spaces > indent) return decline(); // a more-indented line keeps its breaks
      for (; trailing > 0; trailing--) lines.push('');
      let end = text.indexOf('\n', s);
      if (end < 0) return decline(); // the last line has no break
      const next = end + 1;
      if (text.charCodeAt(end - 1) === CR) end--;
      lines.push(text.slice(line + indent, end));
      line = next;
    }
    if (indent < 0) return decline();
    p = line;
    let value = '';
    if (folded) {
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        if (i === 0) value = l;
        else if (l === '') value += '\n';
        else value += lines[i - 1] === '' ? l : ' ' + l;
      }
    } else value = lines.join('\n');
    if (chomp === '-') return value;
    if (chomp === '+') return value + '\n'.repeat(trailing + 1);
    return value + '\n';
  };

  /**
   * The value after a mapping's `:` or a sequence's `-` at `j`, inside a block indented `parent`;
   * p at the start of the line after it. `inSeq`: an entry of a sequence, which may be a compact
   * mapping (`- Key: a`).
   */
  const blockValue = (j: number, parent: number, inSeq: boolean, depth: number): unknown => {
    const k = skipSpaces(j);
    const c = k < n ? text.charCodeAt(k) : LF;
    if (c === LF || c === CR || c === HASH) {
      const below = nextContent(lineAfter(j));
      if (holdsValue(below, parent, inSeq)) {
        // A collection, or a value written on the next line (`Key:` then `  !Join [...]`), where a key line starts a mapping.
        return isDash(below) ? collection(below, col, depth) : blockValue(below, parent, true, depth);
      }
      // Nothing: null, placed where the yaml package places an empty value (after the indicator and its spaces).
      p = lineAfter(j);
      at = k;
      return null;
    }
    let value: unknown;
    switch (c) {
      case 124: // |
      case 62: // >
        value = blockScalar(k, parent);
        at = k;
        nothingDeeper(parent);
        return value;
      case 34: // "
      case 39: {
        // '
        value = quoted(k, parent);
        const e = skipSpaces(p);
        if (text.charCodeAt(e) === 58) return inSeq && !folded ? collection(k, k - lineStart(k), depth) : decline();
        at = k;
        endsLine(p, parent);
        return value;
      }
      case 91: // [
      case 123: // {
        value = flow(k, depth);
        endsLine(p, parent);
        at = k;
        return value;
      case 33: {
        // !
        const [tag, after] = tagAt(k);
        const m = skipSpaces(after);
        const d = m < n ? text.charCodeAt(m) : LF;
        if (d === LF || d === CR || d === HASH) {
          const below = nextContent(lineAfter(after));
          if (!holdsValue(below, parent, inSeq)) return decline();
          const inner = inside(tag, () => collection(below, col, depth));
          return wrap(tag, inner, at);
        }
        if (d === 91 || d === 123) {
          const inner = inside(tag, () => flow(m, depth));
          endsLine(p, parent);
          return wrap(tag, inner, m);
        }
        if (d === 124 || d === 62) {
          value = tag.scalar(blockScalar(m, parent));
          at = m;
          nothingDeeper(parent);
          return value;
        }
        if (d === 34 || d === 39) {
          value = tag.scalar(quoted(m, parent));
          at = m;
          endsLine(p, parent);
          return value;
        }
        if (!startsPlain(m)) return decline();
        const end = plainEnd(m);
        if (keyEnd >= 0) return decline();
        value = tag.scalar(plainLines(m, end, parent));
        at = m;
        return value;
      }
      default: {
        // `- - a`: a sequence in a sequence's entry.
        if (inSeq && isDash(k)) return collection(k, k - lineStart(k), depth);
        if (!startsPlain(k)) return decline();
        const end = plainEnd(k);
        if (keyEnd >= 0) return inSeq ? collection(k, k - lineStart(k), depth) : decline();
        value = plainScalar(plainLines(k, end, parent));
        at = k;
        return value;
      }
    }
  };

  /** A block mapping or sequence whose first entry starts at `j`, in column `indent`. */
  const collection = (j: number, indent: number, depth: number): unknown => {
    if (depth >= maxDepth) return decline();
    return isDash(j) ? sequence(j, indent, depth) : mapping(j, indent, depth);
  };

  const mapping = (start: number, indent: number, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    const offs: Places = [];
    places.set(obj, offs);
    for (let j = start; ; ) {
      const key = mappingKey(j, false);
      const index = entryKey(obj, offs, key, j);
      path.push(key);
      const value = blockValue(p, indent, false, depth + 1);
      path.pop();
      setEntry(obj, offs, index, key, j, value);
      const next = nextContent(p);
      if (next >= n || col < indent) break;
      if (col > indent || isDash(next)) return decline();
      j = next;
    }
    at = start;
    return obj;
  };

  const sequence = (start: number, indent: number, depth: number): unknown[] => {
    const list: unknown[] = [];
    const offs: Places = [];
    places.set(list, offs);
    for (let j = start; ; ) {
      path.push(list.length);
      const value = blockValue(j + 1, indent, true, depth + 1);
      path.pop();
      offs.push(at, value);
      list.push(value);
      const next = nextContent(p);
      if (next >= n || col < indent) break;
      if (col > indent) return decline();
      if (!isDash(next)) break; // the next key of a mapping at this column, whose value this is
      j = next;
    }
    at = start;
    return list;
  };

  try {
    let j = nextContent(0);
    const marker = j < n && col === 0 && isMarker(j);
    if (marker && text[j] === '.') return undefined;
    started = true;
    if (marker) j = nextContent(lineAfter(j + 3));
    if (j >= n) return undefined;
    let value: unknown;
    const c = text.charCodeAt(j);
    if (c === 91 || c === 123) {
      value = flow(j, 0);
      at = j;
      p = lineAfter(p);
    } else {
      value = collection(j, col, 0);
    }
    const root = at;
    if (nextContent(p) < n) return undefined;
    return { value, at: root, places, duplicates };
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}
