import { nestingLimit, pyDict, tooDeepAt, type Loc, type Py } from './python.js';

/*
 * Python's `json.loads`, as the AWS CLI reads JSON arguments and --cli-input-json: the same values
 * (integers stay integers and `600.0` stays a float, which botocore then refuses for an integer
 * member; NaN, Infinity and -Infinity are accepted; a duplicate key keeps its first place and its
 * last value) and the same error messages, so a refusal reads as the CLI's own.
 */

export class PyJsonError extends Error {
  constructor(
    readonly reason: string,
    readonly index: number,
    text: string,
  ) {
    const line = countNewlines(text, index) + 1;
    const column = index - text.lastIndexOf('\n', index - 1);
    super(`${reason}: line ${line} column ${column} (char ${index})`);
  }
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0x0a) n++;
  return n;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * A JSON text parsed as Python parses it. `locate` turns an index in the text into a location.
 * Nesting past `maxDepth` (see nestingLimit) throws TooDeep.
 */
export function pyJsonLoads(text: string, locate: (index: number) => Loc | undefined = () => undefined, maxDepth?: number): Py {
  const limit = nestingLimit(maxDepth);
  if (text.startsWith('\ufeff')) throw new PyJsonError('Unexpected UTF-8 BOM (decode using utf-8-sig)', 0, text);
  let i = 0;
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const fail = (reason: string, at = i): never => {
    throw new PyJsonError(reason, at, text);
  };
  // StopIteration in Python's scanner: no value starts here.
  class NoValue {
    constructor(readonly at: number) {}
  }

  function str(): string {
    const begin = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unterminated string starting at', begin);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c !== '\\') {
        if (c.charCodeAt(0) < 0x20) fail('Invalid control character at', i);
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e === undefined) fail('Unterminated string starting at', begin);
      if (e !== 'u') {
        if (!(e! in ESCAPES)) fail('Invalid \\escape', i);
        out += ESCAPES[e!];
        i += 2;
        continue;
      }
      if (i + 6 >= text.length) fail('Invalid \\uXXXX escape', i + 1);
      let code = hex4(i + 2);
      i += 6;
      if (code >= 0xd800 && code <= 0xdbff && i + 6 < text.length && text[i] === '\\' && text[i + 1] === 'u') {
        const low = hex4(i + 2);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i += 6;
        }
      }
      out += String.fromCodePoint(code);
    }
  }

  /** Four hex digits at `from`; an error names the `u` before them, as CPython's scanner does. */
  function hex4(from: number): number {
    const h = text.slice(from, from + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('Invalid \\uXXXX escape', from - 1);
    return parseInt(h, 16);
  }

  function value(depth: number): Py {
    const at = locate(i);
    const c = text[i];
    // At most `limit` arrays and objects inside one another, as the other readers count --max-depth.
    if ((c === '[' || c === '{') && depth >= limit) throw tooDeepAt(i, limit, maxDepth);
    if (c === '"') return { t: 'str', v: str(), at };
    if (c === '{') return object(depth, at);
    if (c === '[') return array(depth, at);
    for (const [word, v] of [
      ['null', { t: 'none' }],
      ['true', { t: 'bool', v: true }],
      ['false', { t: 'bool', v: false }],
      ['NaN', { t: 'float', v: NaN }],
      ['Infinity', { t: 'float', v: Infinity }],
      ['-Infinity', { t: 'float', v: -Infinity }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...v, at } as Py;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) throw new NoValue(i);
    i += m[0].length;
    if (m[2] === undefined && m[3] === undefined) return { t: 'int', v: BigInt(m[1]!), at };
    return { t: 'float', v: Number(m[0]), at };
  }

  function valueOrFail(depth: number): Py {
    try {
      return value(depth);
    } catch (e) {
      if (e instanceof NoValue) fail('Expecting value', e.at);
      throw e;
    }
  }

  function object(depth: number, at: Loc | undefined): Py {
    const out = pyDict([], at);
    out.keyAt = new Map();
    i++;
    skip();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (text[i] !== '"') fail('Expecting property name enclosed in double quotes');
      const keyLoc = locate(i);
      const key = str();
      skip();
      if (text[i] !== ':') fail("Expecting ':' delimiter");
      i++;
      skip();
      const v = valueOrFail(depth + 1);
      out.v.set(key, v);
      if (keyLoc && !out.keyAt.has(key)) out.keyAt.set(key, keyLoc);
      skip();
      if (text[i] === '}') {
        i++;
        return out;
      }
      if (text[i] !== ',') fail("Expecting ',' delimiter");
      i++;
      skip();
    }
  }

  function array(depth: number, at: Loc | undefined): Py {
    const items: Py[] = [];
    i++;
    skip();
    if (text[i] === ']') {
      i++;
      return { t: 'list', v: items, at };
    }
    for (;;) {
      items.push(valueOrFail(depth + 1));
      skip();
      if (text[i] === ']') {
        i++;
        return { t: 'list', v: items, at };
      }
      if (text[i] !== ',') fail("Expecting ',' delimiter");
      i++;
      skip();
    }
  }

  skip();
  const result = valueOrFail(0);
  skip();
  if (i !== text.length) fail('Extra data');
  return result;
}
