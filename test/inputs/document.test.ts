import { describe, expect, it } from 'vitest';
import { DocumentError, detectFormat, LineIndex } from '../../src/parse/document.js';
import { parseText } from '../../src/parse/parse-text.js';
import { parseJson } from '../../src/parse/json/parse-json.js';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';

const error = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DocumentError) return { message: e.message, ...e.position };
    throw e;
  }
  throw new Error('no error');
};

describe('parseJson', () => {
  it('reads JSON and remembers where each member and item starts', () => {
    const doc = parseJson('{\n  "WindowId": "mw-1",\n  "Targets": [\n    { "Key": "InstanceIds" }\n  ]\n}');
    expect(doc.value).toEqual({ WindowId: 'mw-1', Targets: [{ Key: 'InstanceIds' }] });
    expect(doc.locate(['WindowId'])).toEqual({ line: 2, column: 15 });
    expect(doc.locate(['WindowId'], 'key')).toEqual({ line: 2, column: 3 });
    expect(doc.locate(['Targets', 0, 'Key'])).toEqual({ line: 4, column: 14 });
    expect(doc.locate([])).toEqual({ line: 1, column: 1 });
    expect(doc.locate(['Nope'])).toBeUndefined();
  });

  it('is strict where JSON is strict, and says where', () => {
    expect(error(() => parseJson('{"a": 1,}'))).toEqual({ message: 'trailing comma before "}"', line: 1, column: 9 });
    expect(error(() => parseJson('[1,]'))).toMatchObject({ message: 'trailing comma before "]"' });
    expect(error(() => parseJson('{a: 1}'))).toMatchObject({ message: 'expected a member name in double quotes, found "a"', column: 2 });
    expect(error(() => parseJson('{"a": 01}'))).toMatchObject({ message: 'expected "," or "}", found "1"' });
    expect(error(() => parseJson('// x\n{}'))).toMatchObject({ line: 1, column: 1 });
    expect(error(() => parseJson('{"a": "x\ty"}'))).toMatchObject({ message: 'control character in a string: escape it' });
    expect(error(() => parseJson('{"a": "\\x"}'))).toMatchObject({ message: 'invalid escape \\x' });
    expect(error(() => parseJson('   '))).toMatchObject({ message: 'the file is empty' });
    expect(error(() => parseJson('{} {}'))).toMatchObject({ message: 'unexpected "{" after the JSON value', column: 4 });
    expect(error(() => parseJson('{"a": [1, 2}'))).toMatchObject({ line: 1, column: 12 });
  });

  it('reads escapes, numbers and literals as JSON.parse does', () => {
    const text = '{"s": "a\\"b\\\\c\\/d\\u00e9\\ud83d\\ude00\\n", "n": [-0, 1.5e3, 0.25, -12], "l": [true, false, null]}';
    expect(parseJson(text).value).toEqual(JSON.parse(text));
  });

  it('keeps the last of duplicate keys, as AWS does, and records both places', () => {
    const doc = parseJson('{"a": 1,\n "a": 2}');
    expect(doc.value).toEqual({ a: 2 });
    expect(doc.duplicates).toEqual([{ path: ['a'], first: { line: 1, column: 2 }, second: { line: 2, column: 2 } }]);
  });

  it('names a nested duplicate key by its whole path, and no other member by it', () => {
    const doc = parseJson('{"x": [{"b": {}}, {"a": 1, "c": [0, {"d": 2}],\n "a": 3}], "y": {"a": 4}}');
    expect(doc.duplicates).toEqual([{ path: ['x', 1, 'a'], first: { line: 1, column: 20 }, second: { line: 2, column: 2 } }]);
    expect(doc.locate(['x', 1, 'c', 1, 'd'])).toEqual({ line: 1, column: 43 });
  });

  it('makes __proto__ an ordinary member and leaves Object.prototype alone', () => {
    const doc = parseJson('{"__proto__": {"polluted": true}}');
    expect(Object.keys(doc.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('skips a byte order mark and limits nesting instead of overflowing the stack', () => {
    expect(parseJson('\uFEFF{"a": 1}').value).toEqual({ a: 1 });
    expect(error(() => parseJson('['.repeat(100_000)))).toMatchObject({ message: `nesting deeper than ${DEFAULT_LIMITS.maxDepth} levels (raise --max-depth if the file is genuine)` });
    expect(parseJson('['.repeat(600) + ']'.repeat(600), { maxDepth: 1000 }).value).toBeInstanceOf(Array);
  });
});

describe('parseText', () => {
  it('reads YAML with positions', () => {
    const doc = parseText('WindowId: mw-1\nTargets:\n  - Key: InstanceIds\n    Values: [i-1]\n');
    expect(doc.format).toBe('yaml');
    expect(doc.locate(['Targets', 0, 'Values', 0])).toEqual({ line: 4, column: 14 });
    expect(doc.locate(['Targets', 0, 'Key'], 'key')).toEqual({ line: 3, column: 5 });
  });

  it('reports YAML errors with their place, and refuses alias bombs', () => {
    expect(error(() => parseText('a: [1\nb: 2', { filename: 'x.yaml' }))).toMatchObject({ line: 2 });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefg'[i]).join(', ')}]`)].join('\n');
    expect(error(() => parseText(bomb, { filename: 'bomb.yaml' })).message).toMatch(/alias/i);
  });

  it('detects the format from the name, then from the first character', () => {
    expect(detectFormat('{}', 'a.yaml')).toBe('yaml');
    expect(detectFormat('a: 1', 'a.JSON')).toBe('json');
    expect(detectFormat('\uFEFF  [1]')).toBe('json');
    expect(detectFormat('a: 1')).toBe('yaml');
  });
});

describe('LineIndex', () => {
  /** Line and column of every offset, counted one character at a time: LF, CRLF and a CR alone each end a line. */
  function naive(text: string): { line: number; column: number }[] {
    const out: { line: number; column: number }[] = [];
    let line = 1;
    let column = 1;
    for (let i = 0; i <= text.length; i++) {
      out.push({ line, column });
      const c = text[i];
      if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
        line++;
        column = 1;
      } else column++;
    }
    return out;
  }

  it.each([
    ['line feeds only', 'a: 1\nb:\n\n  - c\n'],
    ['no line break', 'abc'],
    ['CRLF', 'a: 1\r\nb: 2\r\n\r\nc'],
    ['a CR alone and mixed breaks', 'a\rb\r\nc\n\rd\r'],
    ['empty', ''],
  ])('gives every offset its line and column: %s', (_name, text) => {
    const index = new LineIndex(text);
    expect(Array.from({ length: text.length + 1 }, (_, i) => index.position(i))).toEqual(naive(text));
  });
});
