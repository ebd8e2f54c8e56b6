import { describe, expect, it } from 'vitest';
import { valueColumns } from '../../src/parse/scalar-columns.js';

/** The column (0-based) where the `offset`-th character of the value is written. */
const at = (line: string, start: number, value: string, syntax: 'json' | 'yaml' | 'hcl', offset: number) => valueColumns(line, start, value, syntax)?.[offset];

describe('valueColumns: where each character of a one-line string is written', () => {
  it('reads plain YAML scalars as written', () => {
    const line = '      Schedule: cron(0 25 ? * * *)';
    expect(at(line, 16, 'cron(0 25 ? * * *)', 'yaml', 7)).toBe(23);
    expect(line.slice(23, 25)).toBe('25');
  });

  it('skips the quote, and counts an escape as the one character it stands for', () => {
    const json = '"Schedule": "cron(0 \\u0032\\u0035 ? * * *)",';
    const start = json.indexOf('"cron');
    // cron(0 25 ...: the 2 of 25 is the escape \u0032, the 5 the next one.
    expect(at(json, start, 'cron(0 25 ? * * *)', 'json', 7)).toBe(json.indexOf('\\u0032'));
    expect(at(json, start, 'cron(0 25 ? * * *)', 'json', 8)).toBe(json.indexOf('\\u0035'));
    expect(at(json, start, 'cron(0 25 ? * * *)', 'json', 0)).toBe(start + 1);
  });

  it("reads YAML's single quotes, where '' is one quote", () => {
    const line = "  X: 'it''s 25'";
    expect(at(line, 5, "it's 25", 'yaml', 5)).toBe(line.indexOf('25'));
  });

  it("reads HCL's escapes and its literal $${", () => {
    const line = '  schedule = "a$${b} 25"';
    expect(at(line, 13, 'a${b} 25', 'hcl', 6)).toBe(line.indexOf('25'));
  });

  it('gives nothing for what it cannot place exactly: another value, an interpolation, a scalar that goes on, a plain JSON token', () => {
    expect(valueColumns('  X: "abc"', 5, 'abd', 'yaml')).toBeUndefined();
    expect(valueColumns('  x = "${var.a} 25"', 6, 'v 25', 'hcl')).toBeUndefined();
    expect(valueColumns('  X: "abc', 5, 'abc', 'yaml')).toBeUndefined();
    expect(valueColumns('  X: "ab\\', 5, 'ab', 'yaml')).toBeUndefined();
    expect(valueColumns('  "X": 25', 7, '25', 'json')).toBeUndefined();
    expect(valueColumns('  X: "\\q"', 5, 'q', 'json')).toBeUndefined();
  });

  it('counts a character outside the BMP as its two UTF-16 units', () => {
    const line = '  X: "😀 25"';
    const cols = valueColumns(line, 5, '😀 25', 'yaml')!;
    expect(cols).toHaveLength('😀 25'.length + 1);
    expect(cols[3]).toBe(line.indexOf('25'));
  });
});
