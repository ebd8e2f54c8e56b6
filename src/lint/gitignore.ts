/*
 * .gitignore patterns, read and matched as git reads and matches them (dir.c's add_patterns_from_buffer,
 * parse_path_pattern, match_basename and match_pathname; wildmatch.c), in time bounded by the path:
 * one match costs at most O(n * min(m, 2n + 1)) steps for a path of n bytes and a pattern of m, however
 * the pattern is written. A pattern is a list of tokens matched by following every way through it at
 * once (a set of positions in the pattern, advanced one byte of the path at a time), never by trying
 * one way and backtracking: `*a*a*a*a*b` against 250 a's, which took the `ignore` package's regular
 * expression minutes, takes microseconds.
 *
 * Like git, patterns and paths are bytes (UTF-8): `?` matches one byte, and a range compares bytes.
 */

const SLASH = 0x2f;
const BACKSLASH = 0x5c;

type Token =
  | { kind: 'byte'; byte: number }
  | { kind: 'any' }
  | { kind: 'class'; bytes: Uint8Array; negated: boolean }
  /** `*`, or `**` that may cross slashes; `skip`: `**` before a `/` may also match nothing at all, slash included. */
  | { kind: 'star'; slash: boolean; skip: boolean };

/** What a token does with a byte: BYTE compares it, SET looks it up, STAR reads on unless it is a slash, GLOBSTAR reads on. */
const BYTE = 0;
const SET = 1;
const STAR = 2;
const GLOBSTAR = 3;

/** A pattern compiled for matching: one entry per token, in typed arrays (a hostile pattern has hundreds of thousands). */
interface Glob {
  kind: Uint8Array;
  /** The byte of a BYTE token; the offset of a SET token's bitset in `sets`. */
  arg: Int32Array;
  /** A GLOBSTAR before a `/`, which may also match nothing, slash included. */
  skip: Uint8Array;
  /** 256-bit sets, 8 words each: the bytes each SET token matches (never the slash). */
  sets: Uint32Array;
  /** The fewest bytes a match needs: the tokens that are not stars, less the slash after each double star that may skip it. */
  minLength: number;
  /** A malformed bracket expression: git's wildmatch aborts there, so the pattern matches nothing. */
  never: boolean;
}

export interface GitignorePattern {
  /** The line as written (after trailing spaces are trimmed), for messages. */
  source: string;
  negated: boolean;
  /** Written with a trailing `/`: matches directories only. */
  directoryOnly: boolean;
  /** No `/` but a trailing one: matched against the last part of the path, at any depth. */
  basename: boolean;
  /** The pattern, without `!`, the trailing `/` and (for anchored patterns) the leading `/`. */
  pattern: Uint8Array;
  /** How many leading bytes are free of `*?[\`, compared as they are (git's nowildcardlen). */
  literalPrefix: number;
  /** `*` followed by such bytes only: the basename ends with them. */
  endsWith: boolean;
  /** The pattern after its literal prefix, compiled on first use. */
  glob?: Glob;
}

const isSpecial = (b: number | undefined) => b === 0x2a || b === 0x3f || b === 0x5b || b === BACKSLASH;

/** git's simple_length(): bytes before the first `*`, `?`, `[` or `\`. */
function simpleLength(p: Uint8Array, from = 0): number {
  let i = from;
  while (i < p.length && !isSpecial(p[i])) i++;
  return i - from;
}

/** Trailing spaces are dropped unless escaped with a backslash (dir.c trim_trailing_spaces); tabs stay. */
function trimTrailingSpaces(line: Uint8Array): Uint8Array {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    const b = line[i]!;
    if (b === 0x20) {
      if (lastSpace < 0) lastSpace = i;
    } else if (b === BACKSLASH) {
      i++;
      if (i >= line.length) return line;
      lastSpace = -1;
    } else lastSpace = -1;
  }
  return lastSpace < 0 ? line : line.subarray(0, lastSpace);
}

const decoder = new TextDecoder();

function compilePattern(line: Uint8Array): GitignorePattern | undefined {
  const source = decoder.decode(line);
  let p = line;
  const negated = p[0] === 0x21;
  if (negated) p = p.subarray(1);
  const directoryOnly = p.length > 0 && p[p.length - 1] === SLASH;
  if (directoryOnly) p = p.subarray(0, -1);
  const basename = !p.includes(SLASH);
  const endsWith = p[0] === 0x2a && simpleLength(p, 1) === p.length - 1;
  let literalPrefix = simpleLength(p);
  if (!basename && p[0] === SLASH) {
    p = p.subarray(1);
    literalPrefix--;
  }
  return { source, negated, directoryOnly, basename, pattern: p, literalPrefix, endsWith };
}

/**
 * The patterns of a .gitignore file's bytes: one per line, after a UTF-8 byte order mark; blank lines
 * and lines starting with `#` are none. A CR before the LF is dropped; so is all of a line after a NUL
 * (git reads lines as C strings).
 */
export function parseGitignore(bytes: Uint8Array): GitignorePattern[] {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const patterns: GitignorePattern[] = [];
  // git only takes a line that ends in a line feed; the last line, without one, counts too (a final "\n" is added when reading).
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end > start && bytes[start] !== 0x23) {
      let line = bytes.subarray(start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end);
      const nul = line.indexOf(0);
      if (nul >= 0) line = line.subarray(0, nul);
      line = trimTrailingSpaces(line);
      const pattern = line.length > 0 ? compilePattern(line) : undefined;
      if (pattern) patterns.push(pattern);
    }
    start = end + 1;
  }
  return patterns;
}

/** git's character classes (wildmatch.c on git's own ctype: ASCII only, and space is only HT, LF, CR and SP). */
const CLASSES: Readonly<Record<string, (b: number) => boolean>> = {
  alnum: (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a),
  alpha: (b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a),
  blank: (b) => b === 0x20 || b === 0x09,
  cntrl: (b) => b < 0x20 || b === 0x7f,
  digit: (b) => b >= 0x30 && b <= 0x39,
  graph: (b) => b > 0x20 && b < 0x7f,
  lower: (b) => b >= 0x61 && b <= 0x7a,
  print: (b) => b >= 0x20 && b < 0x7f,
  punct: (b) => b > 0x20 && b < 0x7f && !CLASSES.alnum!(b),
  space: (b) => b === 0x09 || b === 0x0a || b === 0x0d || b === 0x20,
  upper: (b) => b >= 0x41 && b <= 0x5a,
  xdigit: (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66),
};

/**
 * A bracket expression starting at `p[at]` (the `[`), as wildmatch reads it: `!` or `^` negates, `]`
 * first is a member, `\` escapes, `a-z` is a range of bytes, `[:alpha:]` a class; undefined when it
 * is not closed or names no class (wildmatch aborts the whole match there).
 */
function bracket(p: Uint8Array, at: number): { token: Token; end: number } | undefined {
  const bytes = new Uint8Array(256);
  let i = at + 1;
  let negated = false;
  if (p[i] === 0x21 || p[i] === 0x5e) {
    negated = true;
    i++;
  }
  let prev = 0;
  // The first byte is a member even when it is `]`: the loop tests for the closing `]` after it.
  for (let first = true; first || p[i] !== 0x5d; first = false, i++) {
    let c = p[i];
    if (c === undefined) return undefined;
    if (c === BACKSLASH) {
      c = p[++i];
      if (c === undefined) return undefined;
      bytes[c] = 1;
    } else if (c === 0x2d && prev !== 0 && p[i + 1] !== undefined && p[i + 1] !== 0x5d) {
      let hi = p[++i]!;
      if (hi === BACKSLASH) {
        const escaped = p[++i];
        if (escaped === undefined) return undefined;
        hi = escaped;
      }
      for (let b = prev; b <= hi; b++) bytes[b] = 1;
      c = 0;
    } else if (c === 0x5b && p[i + 1] === 0x3a) {
      const nameStart = i + 2;
      let close = nameStart;
      while (p[close] !== undefined && p[close] !== 0x5d) close++;
      if (p[close] === undefined) return undefined;
      if (close - 1 < nameStart || p[close - 1] !== 0x3a) {
        // No ":]": the `[` is an ordinary member, and reading goes on after it.
        bytes[0x5b] = 1;
      } else {
        const test = CLASSES[decoder.decode(p.subarray(nameStart, close - 1))];
        if (!test || !Object.hasOwn(CLASSES, decoder.decode(p.subarray(nameStart, close - 1)))) return undefined;
        for (let b = 0; b < 256; b++) if (test(b)) bytes[b] = 1;
        i = close;
        c = 0;
      }
    } else bytes[c] = 1;
    prev = c;
  }
  return { token: { kind: 'class', bytes, negated }, end: i + 1 };
}

/** The tokens of a wildmatch pattern (WM_PATHNAME: `*` and `?` do not match `/`; `**` between slashes does). */
function compileGlob(p: Uint8Array): Glob {
  const tokens: Token[] = [];
  let never = false;
  for (let i = 0; i < p.length; ) {
    const c = p[i]!;
    if (c === BACKSLASH) {
      // A backslash at the end escapes nothing: wildmatch compares the end of the pattern with a byte, and fails.
      if (i + 1 >= p.length) never = true;
      else tokens.push({ kind: 'byte', byte: p[i + 1]! });
      i += 2;
    } else if (c === 0x3f) {
      tokens.push({ kind: 'any' });
      i++;
    } else if (c === 0x5b) {
      const read = bracket(p, i);
      if (!read) {
        never = true;
        break;
      }
      tokens.push(read.token);
      i = read.end;
    } else if (c === 0x2a) {
      let j = i;
      while (p[j] === 0x2a) j++;
      const before = i === 0 ? undefined : p[i - 1];
      const after = p[j];
      const globstar = j - i >= 2 && (before === undefined || before === SLASH) && (after === undefined || after === SLASH || (after === BACKSLASH && p[j + 1] === SLASH));
      tokens.push({ kind: 'star', slash: globstar, skip: globstar && after === SLASH });
      i = j;
    } else {
      tokens.push({ kind: 'byte', byte: c });
      i++;
    }
  }
  const kind = new Uint8Array(tokens.length);
  const arg = new Int32Array(tokens.length);
  const skip = new Uint8Array(tokens.length);
  const sets = new Uint32Array(8 * tokens.filter((t) => t.kind === 'any' || t.kind === 'class').length);
  let minLength = 0;
  let nextSet = 0;
  tokens.forEach((t, i) => {
    if (t.kind === 'star') {
      kind[i] = t.slash ? GLOBSTAR : STAR;
      skip[i] = t.skip ? 1 : 0;
      // A `**/` that matches nothing skips its slash too.
      if (t.skip) minLength--;
      return;
    }
    minLength++;
    if (t.kind === 'byte') {
      kind[i] = BYTE;
      arg[i] = t.byte;
      return;
    }
    kind[i] = SET;
    arg[i] = nextSet;
    // `?` and a bracket expression never match a slash (WM_PATHNAME; a basename has none).
    for (let b = 0; b < 256; b++) if (b !== SLASH && (t.kind === 'any' || (t.bytes[b] === 1) !== t.negated)) sets[nextSet + (b >> 5)]! |= 1 << (b & 31);
    nextSet += 8;
  });
  return { kind, arg, skip, sets, minLength, never };
}

/**
 * How much matching a walk may do: each step is one position of a pattern advanced over one byte.
 * A match that would go past what is `left` throws MatchBudgetExceeded (src/lint/walk.ts grants
 * steps per file walked, so that the cost of ignore files stays in proportion to the tree).
 */
export interface MatchBudget {
  left: number;
}

export class MatchBudgetExceeded extends Error {
  override name = 'MatchBudgetExceeded';
}

// Scratch space of wildmatch(), grown as patterns need: matching is synchronous, one match at a time.
let scratch = { current: new Int32Array(64), next: new Int32Array(64), seen: new Int32Array(64), generation: 0 };

/** Adds position `at` of `glob` to `set`, and every one reachable from it without reading a byte (see wildmatch). */
function add(kind: Uint8Array, skip: Uint8Array, seen: Int32Array, generation: number, set: Int32Array, count: number, at: number, entering: boolean): number {
  const end = kind.length;
  while (at <= end) {
    const k = at < end ? kind[at]! : -1;
    // Only as a `**` before a slash is reached may it match nothing, slash included (wildmatch tries that then).
    if (entering && k === GLOBSTAR && skip[at] === 1) count = add(kind, skip, seen, generation, set, count, at + 2, true);
    if (seen[at] === generation) break;
    seen[at] = generation;
    set[count++] = at;
    if (k !== STAR && k !== GLOBSTAR) break;
    at++;
    entering = true;
  }
  return count;
}

/**
 * Whether `glob` matches all of `text`: every position in the pattern followed at once, one byte
 * at a time, so a match costs at most (bytes of text) x (tokens of the pattern) steps, and a pattern
 * that needs more bytes than the text has costs none.
 */
function wildmatch(glob: Glob, text: Uint8Array, budget?: MatchBudget): boolean {
  if (glob.never || glob.minLength > text.length) return false;
  const { kind, arg, skip, sets } = glob;
  const end = kind.length;
  // The first and the last byte, when the pattern starts or ends with a byte of its own, decide at once.
  if (end > 0 && kind[0] === BYTE && arg[0] !== text[0]) return false;
  if (end > 0 && kind[end - 1] === BYTE && arg[end - 1] !== text[text.length - 1] && !(end > 1 && skip[end - 2] === 1)) return false;
  if (scratch.seen.length <= end || scratch.generation > 2 ** 30) {
    const length = Math.max(end + 1, scratch.seen.length);
    scratch = { current: new Int32Array(length), next: new Int32Array(length), seen: new Int32Array(length), generation: 0 };
  }
  let { current, next, generation } = scratch;
  const { seen } = scratch;
  let size = add(kind, skip, seen, ++generation, current, 0, 0, true);
  for (let i = 0; i < text.length && size > 0; i++) {
    if (budget !== undefined && (budget.left -= size) < 0) {
      scratch.generation = generation;
      throw new MatchBudgetExceeded('the budget of pattern steps is spent');
    }
    const b = text[i]!;
    const word = b >> 5;
    const bit = 1 << (b & 31);
    generation++;
    let count = 0;
    for (let s = 0; s < size; s++) {
      const at = current[s]!;
      if (at === end) continue;
      const k = kind[at]!;
      if (k === BYTE) {
        if (arg[at] === b) count = add(kind, skip, seen, generation, next, count, at + 1, true);
      } else if (k === SET) {
        if ((sets[arg[at]! + word]! & bit) !== 0) count = add(kind, skip, seen, generation, next, count, at + 1, true);
      } else if (k === GLOBSTAR || b !== SLASH) count = add(kind, skip, seen, generation, next, count, at, false);
    }
    const swap = current;
    current = next;
    next = swap;
    size = count;
  }
  scratch.generation = generation;
  for (let s = 0; s < size; s++) if (current[s] === end) return true;
  return false;
}

const encoder = new TextEncoder();

function globOf(pattern: GitignorePattern): Glob {
  return (pattern.glob ??= compileGlob(pattern.pattern.subarray(pattern.literalPrefix)));
}

function startsWith(text: Uint8Array, prefix: Uint8Array, length: number, at = 0): boolean {
  if (at + length > text.length) return false;
  for (let i = 0; i < length; i++) if (text[at + i] !== prefix[i]) return false;
  return true;
}

/**
 * Whether `pattern` matches the path (relative to its .gitignore's directory, `/`-separated, UTF-8),
 * whose last part is `name`. The shortcuts are git's own: a pattern without wildcards is compared,
 * `*literal` compares the end, a literal prefix is compared before the rest is matched.
 */
function matches(pattern: GitignorePattern, path: Uint8Array, name: Uint8Array, isDirectory: boolean, budget?: MatchBudget): boolean {
  if (pattern.directoryOnly && !isDirectory) return false;
  const p = pattern.pattern;
  const prefix = pattern.literalPrefix;
  if (pattern.basename) {
    if (prefix === p.length) return name.length === p.length && startsWith(name, p, p.length);
    if (pattern.endsWith) return p.length - 1 <= name.length && startsWith(name, p.subarray(1), p.length - 1, name.length - (p.length - 1));
    // wildmatch without WM_PATHNAME: a basename has no slash, so the stars are the same.
    return startsWith(name, p, prefix) && wildmatch(globOf(pattern), name.subarray(prefix), budget);
  }
  if (!startsWith(path, p, prefix)) return false;
  if (prefix === p.length) return path.length === prefix;
  return wildmatch(globOf(pattern), path.subarray(prefix), budget);
}

/**
 * What the patterns of one .gitignore file say about a path (relative to the file's directory,
 * `/`-separated): ignored (true), re-included by a `!` pattern (false), or nothing (undefined). The
 * last pattern that matches decides. With a budget, throws MatchBudgetExceeded when it is spent.
 */
export function decide(patterns: readonly GitignorePattern[], path: string, isDirectory: boolean, budget?: MatchBudget): boolean | undefined {
  if (patterns.length === 0) return undefined;
  const bytes = encoder.encode(path);
  const name = bytes.subarray(bytes.lastIndexOf(SLASH) + 1);
  for (let i = patterns.length - 1; i >= 0; i--) {
    const pattern = patterns[i]!;
    if (matches(pattern, bytes, name, isDirectory, budget)) return !pattern.negated;
  }
  return undefined;
}
