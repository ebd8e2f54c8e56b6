/*
 * Where each character of a string's value is written, for a string written on one line: a JSON
 * string, a YAML double-quoted, single-quoted or plain scalar, an HCL quoted template without
 * interpolation. Escapes take the place of the character they stand for (`\u00e9` is one character
 * written six wide). A finding about a part of the value (a field of a schedule expression) can then
 * point at the column where that part is written.
 */

export type ScalarSyntax = 'json' | 'yaml' | 'hcl';

/** One-character escapes after a backslash, by syntax (what they stand for). */
const SIMPLE: Readonly<Record<ScalarSyntax, Readonly<Record<string, string>>>> = {
  json: { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' },
  yaml: {
    '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', v: '\v', e: '\x1b', ' ': ' ', '\t': '\t',
    N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
  },
  hcl: { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' },
};

/** Hex escapes: the letter and how many digits follow. */
const HEX: Readonly<Record<ScalarSyntax, Readonly<Record<string, number>>>> = {
  json: { u: 4 },
  yaml: { x: 2, u: 4, U: 8 },
  hcl: { u: 4, U: 8 },
};

const HEX_DIGITS = /^[0-9A-Fa-f]+$/;

/**
 * For the string token that starts at `start` (0-based) in `line`, the offset in `line` where each
 * UTF-16 unit of its value is written, and after them where the token's text ends. Undefined when the
 * token is not a string written whole on this line holding exactly `value` (a folded or multi-line
 * scalar, an interpolation, an escape this does not read): the caller then points at `start`.
 */
export function valueColumns(line: string, start: number, value: string, syntax: ScalarSyntax): number[] | undefined {
  const quote = line[start];
  if (quote !== '"' && !(quote === "'" && syntax === 'yaml')) {
    // A plain YAML scalar is its value as written.
    if (syntax !== 'yaml' || !line.startsWith(value, start)) return undefined;
    return Array.from({ length: value.length + 1 }, (_, i) => start + i);
  }
  const columns: number[] = [];
  let decoded = '';
  const add = (text: string, at: number) => {
    for (let k = 0; k < text.length; k++) columns.push(at);
    decoded += text;
  };
  for (let i = start + 1; i < line.length; ) {
    const c = line[i]!;
    if (c === quote) {
      // YAML's '' is one quote inside a single-quoted scalar.
      if (quote === "'" && line[i + 1] === "'") {
        add("'", i);
        i += 2;
        continue;
      }
      columns.push(i);
      return decoded === value ? columns : undefined;
    }
    if (c === '\\' && quote === '"') {
      const e = line[i + 1];
      if (e === undefined) return undefined; // an escaped line break: the scalar goes on
      const simple = SIMPLE[syntax][e];
      if (simple !== undefined) {
        add(simple, i);
        i += 2;
        continue;
      }
      const digits = HEX[syntax][e];
      const hex = digits ? line.slice(i + 2, i + 2 + digits) : '';
      if (!digits || hex.length !== digits || !HEX_DIGITS.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      add(String.fromCodePoint(code), i);
      i += 2 + digits;
      continue;
    }
    if (syntax === 'hcl' && (c === '$' || c === '%') && line[i + 1] === '{') return undefined; // an interpolation or a directive
    if (syntax === 'hcl' && (c === '$' || c === '%') && line[i + 1] === c && line[i + 2] === '{') {
      // `$${` is a literal `${`.
      add(c, i);
      add('{', i + 2);
      i += 3;
      continue;
    }
    add(c, i);
    i++;
  }
  return undefined;
}
