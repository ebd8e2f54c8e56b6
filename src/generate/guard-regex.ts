/*
 * Regular expressions for CloudFormation Guard. Guard (cfn-guard 3, and the Guard engine of
 * @aws/cloudformation-validate) writes a regex as `/.../` and hands the text between the slashes to
 * Rust's regex crate, with search semantics like RegExp.prototype.test. Rust and JavaScript part on
 * a few constructs; each is rewritten to mean what `compileAwsPattern` (src/shapes/patterns.ts)
 * makes it mean in JavaScript, and anything else throws, so that a new pattern gets a look.
 */

/** JavaScript's `\s`: ECMAScript WhiteSpace and LineTerminator (Rust's `\s` is Unicode White_Space, without U+FEFF). */
const JS_SPACE = '\\t\\n\\x0B\\x0C\\r\\x20\\xA0\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** What `.` matches without the `s` flag in JavaScript: not a line terminator (Rust's `.` excludes only `\n`). */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

const CLASS_ESCAPES: Readonly<Record<string, string>> = { d: '0-9', s: JS_SPACE, w: 'A-Za-z0-9_' };
const NEGATED: Readonly<Record<string, string>> = { D: '0-9', S: JS_SPACE, W: 'A-Za-z0-9_' };
/** Escapes that mean the same in both: a literal punctuation character, or a control character. */
const SAME = new Set([...'.$^()[]{}*+?|\\-', 'n', 'r', 't', 'f', 'v']);

/** The source of a JavaScript regex (as `compileAwsPattern` compiles it) as the body of a Guard regex literal. */
export function guardRegex(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw new Error(`pattern ${source} ends with a backslash`);
      i++;
      if (next === 'p' || next === 'P') {
        const end = source.indexOf('}', i);
        if (source[i + 1] !== '{' || end < 0) throw new Error(`pattern ${source}: \\${next} without {...}`);
        out += source.slice(i - 1, end + 1);
        i = end;
      } else if (Object.hasOwn(CLASS_ESCAPES, next)) {
        out += inClass ? CLASS_ESCAPES[next] : `[${CLASS_ESCAPES[next]}]`;
      } else if (Object.hasOwn(NEGATED, next)) {
        if (inClass) throw new Error(`pattern ${source}: \\${next} inside a character class`);
        out += `[^${NEGATED[next]}]`;
      } else if (next === '/') {
        out += '\\x2F';
      } else if (next === 'u' && source[i + 1] === '{') {
        const end = source.indexOf('}', i);
        out += `\\x{${source.slice(i + 2, end)}}`;
        i = end;
      } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 1, i + 5))) {
        out += `\\x{${source.slice(i + 1, i + 5)}}`;
        i += 4;
      } else if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 1, i + 3))) {
        out += `\\x${source.slice(i + 1, i + 3)}`;
        i += 2;
      } else if (SAME.has(next)) {
        out += `\\${next}`;
      } else {
        throw new Error(`pattern ${source}: \\${next} has no Guard translation yet`);
      }
      continue;
    }
    if (c === '/') out += '\\x2F'; // the literal's own delimiter
    else if (inClass) {
      if (c === ']') inClass = false;
      // Rust reads `[` in a class as a nested class and `&&`, `~~` as set operations; JavaScript reads them literally.
      out += c === '[' || c === '&' || c === '~' ? `\\${c}` : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') throw new Error(`pattern ${source}: an empty character class`);
    } else if (c === '.') out += JS_DOT;
    else if (c === '(' && source[i + 1] === '?') {
      if (source[i + 2] !== ':') throw new Error(`pattern ${source}: (?${source[i + 2]} has no Guard translation`);
      out += c;
    } else out += c;
  }
  if (inClass) throw new Error(`pattern ${source}: an unclosed character class`);
  return out;
}

/** A Guard regex literal. */
export const literal = (body: string) => `/${body}/`;

/** Text of `min` to `max` characters, counted as lint counts them: Unicode code points, line breaks included. */
export function lengthRegex(min: number, max: number | undefined): string {
  return `(?s)^.{${min},${max ?? ''}}$`;
}

/*
 * Guard builds a regex again at every evaluation, and a Unicode class is slow to build: `(?s)^.{0,64}$`
 * takes about 7 ms, `\p{L}` a few, an ASCII class a tenth of that. Each test below is therefore a
 * list of regexes, cheapest first, each matching only text the last one matches: Guard's `or` stops
 * at the first that matches, so usual (ASCII) text never builds the Unicode one.
 */

/** Most text is ASCII and this short or shorter: a cheap regex decides it. */
const SHORT = 128;
/** Up to this length an ASCII regex is still far cheaper than the Unicode one. */
const LONG = 2048;
const ASCII = '[\\x00-\\x7F]';

/** Regexes for text of `min` to `max` code points (line breaks included), the exact one last. */
export function lengthTests(min: number, max: number | undefined): string[] {
  const exact = lengthRegex(min, max);
  if (max === undefined) return [`^${ASCII}{${min},}$`, exact];
  if (max <= SHORT) return [`^${ASCII}{${min},${max}}$`, exact];
  // A counted repetition costs Guard in proportion to its count (ASCII up to 1,600: about 13 ms).
  return [`^${ASCII}{${min},${SHORT}}$`, ...(max <= LONG ? [`^${ASCII}{${min},${max}}$`] : []), exact];
}

/** JavaScript's Unicode properties, narrowed to their ASCII members (an ASCII letter is \p{L}, and so on). */
const ASCII_OF: Readonly<Record<string, string>> = { L: 'A-Za-z', N: '0-9', Z: ' ' };

/**
 * A cheaper regex matching part of what `source` matches, when `source` uses Unicode properties:
 * each \p{...} in a character class narrowed to its ASCII members. Only classes shrink and none is
 * negated, so whatever it matches, `source` matches.
 */
export function asciiPart(source: string): string | undefined {
  if (!/\\p\{/.test(source) || /\[\^/.test(source) || /\\P\{/.test(source)) return undefined;
  let unknown = false;
  const narrowed = source.replace(/\\p\{(\w+)\}/g, (_, name: string) => {
    if (!Object.hasOwn(ASCII_OF, name)) unknown = true;
    return ASCII_OF[name] ?? '';
  });
  return unknown ? undefined : narrowed;
}

/** Regexes for a model pattern, the exact one last. */
export function patternTests(source: string): string[] {
  const part = asciiPart(source);
  return [...(part === undefined ? [] : [guardRegex(part)]), guardRegex(source)];
}
