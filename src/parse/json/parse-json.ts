import type { Path } from '../../issues/issue.js';
import { DocumentError, LineIndex, withoutBom, type DuplicateKey, type ParsedDocument } from '../document.js';
import { deeperAdvice, depthFor } from '../limits.js';
import { setOwn } from '../../values/set-own.js';

/*
 * A strict JSON parser (RFC 8259) that also records where every member and item starts, so
 * findings can point at a line and column. JSON.parse is stricter than the `yaml` package (which
 * accepts trailing commas and comments) but reports no positions in Node 20.
 *
 * Duplicate keys keep the last value, as JSON.parse and AWS's own JSON readers do, and are
 * recorded. `__proto__` becomes an ordinary own property, as with JSON.parse.
 */

export interface JsonOptions {
  /** Nesting deeper than this (never deeper than READER_MAX_DEPTH.json) is an error rather than a stack overflow. */
  maxDepth?: number;
}

interface Offsets {
  key?: number;
  value: number;
}

type Container = object;

/** What `\x` stands for in a string, for each simple escape x. */
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function parseJson(source: string, options: JsonOptions = {}): ParsedDocument {
  const { limit: maxDepth, capped } = depthFor('json', options.maxDepth);
  // A byte order mark is not part of the text: columns count as editors show them.
  const text = withoutBom(source);
  const lines = new LineIndex(text);
  const positions = new WeakMap<Container, Map<string | number, Offsets>>();
  const duplicates: DuplicateKey[] = [];
  let i = 0;
  const rootOffset = { value: 0 };
  /** The path of the value being parsed, grown and shrunk as the parse goes: a duplicate key copies it. */
  const path: Path[number][] = [];

  const fail = (message: string, at = i): never => {
    throw new DocumentError(message, lines.position(at));
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : JSON.stringify(text[at]));

  const skip = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  };

  const expect = (char: string, what: string) => {
    if (text[i] !== char) fail(`expected ${what}, found ${describe(i)}`);
    i++;
  };

  function parseString(): string {
    const start = ++i;
    let out = '';
    let chunk = start;
    while (true) {
      if (i >= text.length) fail('unterminated string', start - 1);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in a string: escape it');
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
          out += ESCAPES[e];
          i += 2;
        } else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          fail(`invalid escape \\${e ?? ''}`);
        }
        chunk = i;
        continue;
      }
      i++;
    }
    out += text.slice(chunk, i);
    i++;
    return out;
  }

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  function parseValue(depth: number): unknown {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) fail(`nesting deeper than ${maxDepth} levels (${deeperAdvice(capped)})`);
      return c === '{' ? parseObject(depth + 1) : parseArray(depth + 1);
    }
    if (c === '"') return parseString();
    if (c === 't' && text.startsWith('true', i)) return (i += 4), true;
    if (c === 'f' && text.startsWith('false', i)) return (i += 5), false;
    if (c === 'n' && text.startsWith('null', i)) return (i += 4), null;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '-') {
      i += m[0].length;
      return Number(m[0]);
    }
    return fail(`expected a value, found ${describe(i)}`);
  }

  function parseObject(depth: number): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    const where = new Map<string | number, Offsets>();
    positions.set(object, where);
    i++;
    skip();
    if (text[i] === '}') return i++, object;
    while (true) {
      skip();
      if (text[i] !== '"') fail(`expected a member name in double quotes, found ${describe(i)}`);
      const keyOffset = i;
      const key = parseString();
      skip();
      expect(':', '":" after the member name');
      skip();
      const valueOffset = i;
      path.push(key);
      const value = parseValue(depth);
      path.pop();
      if (Object.hasOwn(object, key)) duplicates.push({ path: [...path, key], first: lines.position(where.get(key)!.key!), second: lines.position(keyOffset) });
      setOwn(object, key, value);
      where.set(key, { key: keyOffset, value: valueOffset });
      skip();
      if (text[i] === ',') {
        i++;
        skip();
        if (text[i] === '}') fail('trailing comma before "}"');
        continue;
      }
      expect('}', '"," or "}"');
      return object;
    }
  }

  function parseArray(depth: number): unknown[] {
    const array: unknown[] = [];
    const where = new Map<string | number, Offsets>();
    positions.set(array, where);
    i++;
    skip();
    if (text[i] === ']') return i++, array;
    while (true) {
      skip();
      where.set(array.length, { value: i });
      path.push(array.length);
      array.push(parseValue(depth));
      path.pop();
      skip();
      if (text[i] === ',') {
        i++;
        skip();
        if (text[i] === ']') fail('trailing comma before "]"');
        continue;
      }
      expect(']', '"," or "]"');
      return array;
    }
  }

  skip();
  if (i >= text.length) fail('the file is empty');
  rootOffset.value = i;
  const value = parseValue(0);
  skip();
  if (i < text.length) fail(`unexpected ${describe(i)} after the JSON value`);

  return {
    format: 'json',
    value,
    duplicates,
    locate(path, target = 'value') {
      let current: unknown = value;
      let offsets: Offsets = rootOffset;
      for (const segment of path) {
        if (typeof current !== 'object' || current === null) return undefined;
        const next = positions.get(current)?.get(segment);
        if (!next) return undefined;
        offsets = next;
        current = (current as Record<string | number, unknown>)[segment];
      }
      return lines.position(target === 'key' && offsets.key !== undefined ? offsets.key : offsets.value);
    },
  };
}
