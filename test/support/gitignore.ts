import fc from 'fast-check';

/*
 * For the .gitignore matcher (src/lint/gitignore.ts): generated patterns and names rich in what
 * git treats specially, and a reference that matches as git's wildmatch.c does, by recursion and
 * backtracking (exponential on hostile patterns, exact on small ones). test/lint/gitignore.test.ts
 * compares the matcher with git itself; test/properties/gitignore.property.test.ts with this reference.
 */

/** Pieces of patterns: wildcards, classes (good, malformed, unterminated), escapes, slashes, non-ASCII. */
export const PATTERN_PARTS = [
  'a', 'b', 'c', 'ab', 'é', '.', '/', '/', '*', '*', '**', '***', '?', '[a-c]', '[!a]', '[^b]', '[]a]', '[a-]', '[-a]', '[[:alpha:]]',
  '[[:space:]]', '[[:punct:]]', '[[:foo:]]', '[[:alpha]', '[a', '\\*', '\\?', '\\', '\\a', '!', ' ', '#', ':', '-', '[é]', '[\\]]',
  'a/**/b', '**/', '/**', '\\ ', 'A', '[A-Z]', '[z-a]', '[[:upper:][:digit:]]', 'x y', 'd', 'e',
] as const;

/** One line of a .gitignore: the parts joined, sometimes with trailing spaces (which git drops unless escaped). */
export const patternLine: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...PATTERN_PARTS), { minLength: 1, maxLength: 5 }), fc.constantFrom('', '', '', ' ', '  ', '\t', '\\ '))
  .map(([parts, tail]) => parts.join('') + tail);

/** A .gitignore's text: a few lines, LF or CRLF, sometimes a comment or a blank line. */
export const gitignoreText: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.oneof({ weight: 8, arbitrary: patternLine }, { weight: 1, arbitrary: fc.constantFrom('', '# comment', '   ') }), { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol) + eol);

/** Names of the generated trees: every one a legal file name on Linux, many of them special to a pattern. */
export const FILE_NAMES = ['a', 'b', 'c', 'ab', 'abc', 'a.b', 'b.a', 'é', 'ü.x', '*', '?', '[a]', 'a b', 'a ', '\\', '#a', '!a', 'A', '-', 'a-b', '.h', 'x y'] as const;
export const DIR_NAMES = ['d', 'da', 'e', 'y z', 'é2', '[d]', 'd*'] as const;
/** What each directory of DIR_NAMES holds: files, and the directories `a` (where `a` is a file one level up) and `e`. */
export const INNER_FILES = ['b', 'c', 'é', 'ab'] as const;
export const INNER_DIRS = { a: ['b', 'c'], e: ['a', 'b'] } as const;

/** The files of one generated tree, relative to its root. */
export function treeFiles(): string[] {
  const out: string[] = [...FILE_NAMES];
  for (const d of DIR_NAMES) {
    for (const f of INNER_FILES) out.push(`${d}/${f}`);
    for (const [sub, files] of Object.entries(INNER_DIRS)) for (const f of files) out.push(`${d}/${sub}/${f}`);
  }
  return out;
}

// --- the reference: git's wildmatch, by recursion ------------------------------------------------

const MATCH = 0;
const NOMATCH = 1;
const ABORT_ALL = -1;
const ABORT_TO_STARSTAR = -2;

const isGlobSpecial = (c: number | undefined) => c === 0x2a || c === 0x3f || c === 0x5b || c === 0x5c;
const CLASS_TESTS: Record<string, (c: number) => boolean> = {
  alnum: (c) => /[A-Za-z0-9]/.test(String.fromCharCode(c)) && c < 0x80,
  alpha: (c) => /[A-Za-z]/.test(String.fromCharCode(c)) && c < 0x80,
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: (c) => c >= 0x30 && c <= 0x39,
  graph: (c) => c > 0x20 && c < 0x7f,
  lower: (c) => c >= 0x61 && c <= 0x7a,
  print: (c) => c >= 0x20 && c < 0x7f,
  punct: (c) => c > 0x20 && c < 0x7f && !/[A-Za-z0-9]/.test(String.fromCharCode(c)),
  space: (c) => c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20,
  upper: (c) => c >= 0x41 && c <= 0x5a,
  xdigit: (c) => /[0-9A-Fa-f]/.test(String.fromCharCode(c)) && c < 0x80,
};

/** wildmatch.c's dowild, over byte arrays where index === length stands for the C string's NUL. */
function dowild(p: Uint8Array, pi: number, t: Uint8Array, ti: number, pathname: boolean): number {
  const start = pi;
  const at = (a: Uint8Array, i: number) => (i < a.length ? a[i]! : 0);
  for (; at(p, pi) !== 0; ti++, pi++) {
    let pc = at(p, pi);
    let tc = at(t, ti);
    if (tc === 0 && pc !== 0x2a) return ABORT_ALL;
    switch (pc) {
      case 0x5c:
        pc = at(p, ++pi);
        if (tc !== pc) return NOMATCH;
        continue;
      case 0x3f:
        if (pathname && tc === 0x2f) return NOMATCH;
        continue;
      case 0x2a: {
        let matchSlash: boolean;
        if (at(p, ++pi) === 0x2a) {
          const prev = pi - 2;
          while (at(p, ++pi) === 0x2a);
          if ((prev < start || at(p, prev) === 0x2f) && (at(p, pi) === 0 || at(p, pi) === 0x2f || (at(p, pi) === 0x5c && at(p, pi + 1) === 0x2f))) {
            if (at(p, pi) === 0x2f && dowild(p, pi + 1, t, ti, pathname) === MATCH) return MATCH;
            matchSlash = true;
          } else matchSlash = false;
        } else matchSlash = !pathname;
        if (at(p, pi) === 0) {
          if (!matchSlash && t.subarray(ti).includes(0x2f)) return NOMATCH;
          return MATCH;
        }
        if (!matchSlash && at(p, pi) === 0x2f) {
          const slash = t.indexOf(0x2f, ti);
          if (slash < 0) return NOMATCH;
          ti = slash;
          break;
        }
        for (;;) {
          if (tc === 0) break;
          if (!isGlobSpecial(at(p, pi))) {
            const want = at(p, pi);
            while ((tc = at(t, ti)) !== 0 && (matchSlash || tc !== 0x2f)) {
              if (tc === want) break;
              ti++;
            }
            if (tc !== want) return NOMATCH;
          }
          const matched = dowild(p, pi, t, ti, pathname);
          if (matched !== NOMATCH) {
            if (!matchSlash || matched !== ABORT_TO_STARSTAR) return matched;
          } else if (!matchSlash && tc === 0x2f) return ABORT_TO_STARSTAR;
          tc = at(t, ++ti);
        }
        return ABORT_ALL;
      }
      case 0x5b: {
        pc = at(p, ++pi);
        if (pc === 0x5e) pc = 0x21;
        const negated = pc === 0x21;
        if (negated) pc = at(p, ++pi);
        let prev = 0;
        let matched = false;
        do {
          if (pc === 0) return ABORT_ALL;
          if (pc === 0x5c) {
            pc = at(p, ++pi);
            if (pc === 0) return ABORT_ALL;
            if (tc === pc) matched = true;
          } else if (pc === 0x2d && prev !== 0 && at(p, pi + 1) !== 0 && at(p, pi + 1) !== 0x5d) {
            pc = at(p, ++pi);
            if (pc === 0x5c) {
              pc = at(p, ++pi);
              if (pc === 0) return ABORT_ALL;
            }
            if (tc <= pc && tc >= prev) matched = true;
            pc = 0;
          } else if (pc === 0x5b && at(p, pi + 1) === 0x3a) {
            const s = (pi += 2);
            while ((pc = at(p, pi)) !== 0 && pc !== 0x5d) pi++;
            if (pc === 0) return ABORT_ALL;
            const len = pi - s - 1;
            if (len < 0 || at(p, pi - 1) !== 0x3a) {
              pi = s - 2;
              pc = 0x5b;
              if (tc === pc) matched = true;
              continue;
            }
            const name = new TextDecoder().decode(p.subarray(s, s + len));
            const test = Object.hasOwn(CLASS_TESTS, name) ? CLASS_TESTS[name] : undefined;
            if (!test) return ABORT_ALL;
            if (test(tc)) matched = true;
            pc = 0;
          } else if (tc === pc) matched = true;
        } while (((prev = pc), (pc = at(p, ++pi)) !== 0x5d));
        if (matched === negated || (pathname && tc === 0x2f)) return NOMATCH;
        continue;
      }
      default:
        if (tc !== pc) return NOMATCH;
        continue;
    }
  }
  return ti < t.length ? NOMATCH : MATCH;
}

const enc = (s: string) => new TextEncoder().encode(s);
const simpleLength = (p: Uint8Array) => {
  let i = 0;
  while (i < p.length && !isGlobSpecial(p[i])) i++;
  return i;
};

/**
 * What git decides for a path from the lines of one .gitignore: dir.c's parsing (negation, a
 * trailing slash, trailing spaces, comments, CR) and its match_basename and match_pathname over
 * the reference wildmatch, without the shortcuts that cannot change the answer.
 */
export function referenceDecide(text: string, path: string, isDirectory: boolean): boolean | undefined {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let decided: boolean | undefined;
  for (const raw of lines) {
    if (raw === '' || raw.startsWith('#')) continue;
    let line = raw;
    // Trailing spaces go, unless escaped.
    let cut = line.length;
    while (cut > 0 && line[cut - 1] === ' ') cut--;
    if (cut < line.length) {
      let backslashes = 0;
      for (let i = cut - 1; i >= 0 && line[i] === '\\'; i--) backslashes++;
      line = line.slice(0, backslashes % 2 === 1 ? cut + 1 : cut);
    }
    if (line === '') continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    if (dirOnly && !isDirectory) continue;
    let hit: boolean;
    if (!line.includes('/')) {
      const name = path.slice(path.lastIndexOf('/') + 1);
      hit = dowild(enc(line), 0, enc(name), 0, false) === MATCH;
    } else {
      const pattern = enc(line.startsWith('/') ? line.slice(1) : line);
      const prefix = simpleLength(pattern);
      const text = enc(path);
      hit = prefix <= text.length && pattern.subarray(0, prefix).every((b, i) => b === text[i]) && (prefix === pattern.length ? text.length === prefix : dowild(pattern.subarray(prefix), 0, text.subarray(prefix), 0, true) === MATCH);
    }
    if (hit) decided = !negated;
  }
  return decided;
}
