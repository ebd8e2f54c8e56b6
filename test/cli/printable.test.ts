import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { printable, printableJson } from '../../src/report/printable.js';

/** Text rich in what matters here: controls, separators, bidirectional controls, colons, hashes, brackets and white space. */
const text = fc.string({
  unit: fc.oneof(fc.integer({ min: 0, max: 0x2fff }).map((c) => String.fromCharCode(c)), fc.constantFrom(':', '#', '[', ' ', '\u00a0', '\u3000', '\t', '\n', '\u202e', '\u2066')),
  maxLength: 40,
});

/** Unicode's Cc, Zl, Zp and Bidi_Control: what printable() escapes, one character at a time. */
const ESCAPED = (c: number) =>
  c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x061c || c === 0x200e || c === 0x200f || c === 0x2028 || c === 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

describe('printable()', () => {
  it('escapes exactly the controls, the separators and the bidirectional controls of the BMP', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const expected = ESCAPED(c) ? (c <= 0xff ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`) : ch;
      if (printable(`a${ch}b`) !== `a${expected}b`) expect(printable(`a${ch}b`), `U+${c.toString(16)}`).toBe(`a${expected}b`);
    }
    // Beyond the BMP nothing is escaped: an emoji stays itself.
    expect(printable('ok 👍')).toBe('ok 👍');
  });

  it('writes what a terminal would obey as text', () => {
    expect(printable('\u001b]0;title\u0007\u001b[2J\u009b31m\u202egnp.exe')).toBe('\\x1b]0;title\\x07\\x1b[2J\\x9b31m\\u202egnp.exe');
    expect(printable('a\r\nb\tc\u2028d')).toBe('a\\x0d\\x0ab\\x09c\\u2028d');
  });

  it('never lets a name start a GitHub Actions workflow command, in either form', () => {
    expect(printable('::error file=x::owned')).toBe('\\x3a:error file=x::owned');
    expect(printable('  \u00a0\u3000::warning::x')).toBe('  \u00a0\u3000\\x3a:warning::x');
    expect(printable('\n::error::x')).toBe('\\x0a::error::x');
    expect(printable('x##[error]y ##[set-output name=a]b')).toBe('x##\\x5berror]y ##\\x5bset-output name=a]b');
    // A colon pair inside a name is ordinary text: ARNs have them.
    expect(printable('arn:aws:iam::123456789012:role/r')).toBe('arn:aws:iam::123456789012:role/r');
    expect(printable(': :x')).toBe(': :x');
  });

  it('leaves text without them as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const plain = s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[|^\s*::/g, '');
        if (/^\s*::|##\[/.test(plain)) return;
        expect(printable(plain)).toBe(plain);
      }),
    );
  });

  it('leaves nothing a terminal or a log acts on, whatever the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = printable(s);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[|^\s*::/);
      }),
    );
  });
});

describe('printableJson()', () => {
  it('is JSON of the same value, with no raw control, separator, bidirectional control or ##[', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(text, text), (value, names) => {
        for (const v of [value, names]) {
          const text = printableJson(v);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
          expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/);
        }
      }),
    );
  });

  it('writes them as \\u escapes', () => {
    expect(printableJson({ 'x##[e]': '\u202e\u0085\n' }, 0)).toBe('{"x##\\u005be]":"\\u202e\\u0085\\n"}');
  });
});
