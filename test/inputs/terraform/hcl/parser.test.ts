import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attribute, Block, Expression } from '../../../../src/parse/hcl/ast.js';
import { parseHcl, parseHclExpression } from '../../../../src/parse/hcl/parser.js';
import { print } from '../../../../src/parse/hcl/print.js';
import { evaluate } from '../../../../src/readers/terraform/evaluate.js';
import { UNKNOWN } from '../../../../src/values/unknown-value.js';
import { body, expression, printBody, shape } from '../../../support/hcl.js';
import { ROOT } from '../../../support/spec.js';

const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'terraform');

function expr(text: string): Expression {
  const { expr: e, diagnostics } = parseHclExpression(text);
  expect(diagnostics).toEqual([]);
  return e;
}

/** An expression printed back: shows how it was grouped. */
const grouped = (text: string) => print(expr(text));
const value = (text: string) => evaluate(expr(text));
const errors = (text: string) => parseHcl(text).diagnostics.map((d) => ({ summary: d.summary, line: d.range.start.line, column: d.range.start.column }));

function attributes(text: string): Record<string, Attribute> {
  const { body: b, diagnostics } = parseHcl(text);
  expect(diagnostics).toEqual([]);
  return Object.fromEntries(b.items.filter((i): i is Attribute => i.type === 'Attribute').map((a) => [a.name, a]));
}

describe('structure', () => {
  it('reads attributes, blocks with quoted and naked labels, nested and one-line blocks', () => {
    const { body: b, diagnostics } = parseHcl(
      'resource "aws_ssm_maintenance_window_task" task {\n  priority = 1\n  targets {\n    key = "InstanceIds"\n  }\n  empty {}\n  one { a = 1 }\n}\n',
    );
    expect(diagnostics).toEqual([]);
    const block = b.items[0] as Block;
    expect(block.blockType).toBe('resource');
    expect(block.labels.map((l) => [l.value, l.quoted])).toEqual([
      ['aws_ssm_maintenance_window_task', true],
      ['task', false],
    ]);
    expect(block.body.items.map((i) => (i.type === 'Attribute' ? i.name : i.blockType))).toEqual(['priority', 'targets', 'empty', 'one']);
    const one = block.body.items[3] as Block;
    expect((one.body.items[0] as Attribute).name).toBe('a');
  });

  it('keeps the line and column of names, values and blocks (columns in UTF-16 units, CRLF lines)', () => {
    const { body: b } = parseHcl('# é\r\nblock "ü" {\r\n  name = "wörld" # c\r\n  n    = 12\r\n}\r\n');
    const block = b.items[0] as Block;
    expect(block.range.start).toMatchObject({ line: 2, column: 1 });
    expect(block.range.end).toMatchObject({ line: 5, column: 2 });
    const [name, n] = block.body.items as Attribute[];
    expect(name!.nameRange.start).toMatchObject({ line: 3, column: 3 });
    expect(name!.expr.range.start).toMatchObject({ line: 3, column: 10 });
    expect(name!.expr.range.end).toMatchObject({ line: 3, column: 17 });
    expect(n!.expr.range.start).toMatchObject({ line: 4, column: 10 });
  });

  it('collects #, // and /* */ comments; a line comment ends an argument like a newline', () => {
    const { body: b, comments, diagnostics } = parseHcl('a = 1 # one\nb = 2 // two\nc = /* three\nlines */ 3\n');
    expect(diagnostics).toEqual([]);
    expect(b.items.map((i) => (i as Attribute).name)).toEqual(['a', 'b', 'c']);
    expect(comments.map((c) => [c.text, c.style, c.range.start.line])).toEqual([
      [' one', 'line', 1],
      [' two', 'line', 2],
      [' three\nlines ', 'inline', 3],
    ]);
  });

  it('reads the whole real-world corpus without a syntax error', () => {
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.tf'))) {
      const parsed = parseHcl(readFileSync(join(CORPUS, file), 'utf8'));
      expect(parsed.diagnostics, file).toEqual([]);
      expect(parsed.body.items.length, file).toBeGreaterThan(0);
    }
  });
});

describe('expressions', () => {
  it('reads literals', () => {
    expect(value('42')).toBe(42);
    expect(value('1.5')).toBe(1.5);
    expect(value('1e3')).toBe(1000);
    expect(value('2.5E-1')).toBe(0.25);
    expect(value('true')).toBe(true);
    expect(value('null')).toBe(null);
    expect(value('-7')).toBe(-7);
  });

  it('groups operators by precedence, left to right within a level', () => {
    expect(shape(expr('1 + 2 * 3'))).toEqual(shape(expr('1 + (2 * 3)')));
    expect(shape(expr('a - b - c'))).toEqual(shape(expr('(a - b) - c')));
    expect(shape(expr('a || b && c == d < e + f * g'))).toEqual(shape(expr('a || (b && (c == (d < (e + (f * g)))))')));
    expect(shape(expr('!a == b'))).toEqual(shape(expr('(!a) == b')));
    expect(shape(expr('-46 + 5'))).toEqual(shape(expr('(-46) + 5')));
    expect(shape(expr('-a.b'))).toEqual(shape(expr('-(a.b)')));
    expect(shape(expr('a ? b : c ? d : e'))).toEqual(shape(expr('a ? b : (c ? d : e)')));
    expect(shape(expr('a ? b ? c : d : e'))).toEqual(shape(expr('a ? (b ? c : d) : e')));
    expect(shape(expr('a == b ? c : d'))).toEqual(shape(expr('(a == b) ? c : d')));
  });

  it('reads traversals, indexes, legacy indexes and splats', () => {
    expect(grouped('aws_instance.web[0].id')).toBe('aws_instance.web[0].id');
    expect(grouped('var.list.0.name')).toBe('var.list.0.name');
    expect(expr('var.list.0').kind).toBe('Index');
    expect(grouped('a["k"][*].b.c[0]')).toBe('a["k"][*].b.c[0]');
    const attrOnly = expr('a.*.b.c[0]');
    expect(attrOnly.kind).toBe('Index'); // the index applies to the splat's result
    const full = expr('a[*].b[0]');
    expect(full.kind).toBe('Splat'); // the index applies to each element
  });

  it('reads function calls, with expansion, namespaces and newlines between arguments', () => {
    const call = expr('concat(\n  a,\n  b...\n)');
    expect(call).toMatchObject({ kind: 'FunctionCall', name: 'concat', expandFinal: true });
    expect(expr('provider::aws::arn_parse(x)')).toMatchObject({ kind: 'FunctionCall', name: 'provider::aws::arn_parse' });
    expect(expr('f()')).toMatchObject({ kind: 'FunctionCall', args: [] });
  });

  it('reads tuples and objects: = or :, commas or newlines, trailing commas, literal and computed keys', () => {
    expect(value('[1, "a",\n true,]')).toEqual([1, 'a', true]);
    expect(value('{\n a = 1\n "b": 2, c = 3\n}')).toEqual({ a: 1, b: 2, c: 3 });
    expect(evaluate(expr('{ (k) = 1 }'), { scope: new Map([['k', 'x']]), decide: () => undefined })).toEqual({ x: 1 });
    expect(value('{ (var.k) = 1 }')).toBe(UNKNOWN);
  });

  it('reads for expressions', () => {
    expect(expr('[for i, v in list : upper(v) if i > 0]')).toMatchObject({ kind: 'For', object: false, keyVar: 'i', valueVar: 'v', condition: { kind: 'Binary' } });
    expect(expr('{for k, v in map : v => k...}')).toMatchObject({ kind: 'For', object: true, group: true, keyExpr: { kind: 'Variable', name: 'v' } });
    expect(expr('{\n for v in list :\n v => v\n}')).toMatchObject({ kind: 'For', object: true });
  });

  it('ignores newlines inside parentheses, brackets and templates, and ends an argument at one elsewhere', () => {
    expect(shape(expr('(a ?\n b :\n c)'))).toEqual(shape(expr('a ? b : c')));
    expect(errors('x = a ?\n b : c\n')[0]).toMatchObject({ summary: 'Invalid expression', line: 1 });
  });
});

describe('templates', () => {
  it('resolves escapes, and doubled sigils as literal ${ and %{', () => {
    expect(value(String.raw`"a\n\t\"\\\u00e9\U0001F600"`)).toBe('a\n\t"\\é😀');
    expect(value('"$${x} %%{y} $ % $x"')).toBe('${x} %{y} $ % $x');
  });

  it('unwraps a template that is a single interpolation, and joins the others', () => {
    const scope = { scope: new Map<string, never>([['n', 5 as never]]), decide: () => undefined };
    expect(evaluate(expr('"${n}"'), scope)).toBe(5);
    expect(evaluate(expr('"n=${n}"'), scope)).toBe('n=5');
    expect(value('"${var.x}"')).toBe(UNKNOWN);
    expect(value('"a-${var.x}"')).toBe(UNKNOWN);
  });

  it('applies strip markers to the literal text next to them', () => {
    expect(value('"a  ${~ "b" ~}  c"')).toBe('abc');
    expect(value('"x %{ if true ~} yes %{~ else } no %{ endif }"')).toBe('x yes');
    expect(value('"%{ if false }yes%{ else }no%{ endif }"')).toBe('no');
  });

  it('reads heredocs; <<- removes the smallest indentation, ignoring blank lines', () => {
    expect(attributes('x = <<EOT\n  a\n    b\nEOT\n').x!.expr).toMatchObject({ heredoc: { marker: 'EOT', flush: false } });
    expect(evaluate(attributes('x = <<EOT\n  a \\n ${"$"}{x}\n  EOT\n').x!.expr)).toBe('  a \\n ${x}\n');
    expect(evaluate(attributes('x = <<-EOT\n    a\n\n      b\n    EOT\n').x!.expr)).toBe('a\n\n  b\n');
    // A line that starts with an interpolation has no leading spaces: nothing is removed.
    expect(evaluate(attributes('x = <<-EOT\n    a\n${"b"}\n    EOT\n').x!.expr)).toBe('    a\nb\n');
  });

  it('removes exactly the smallest indentation of a <<- heredoc (property)', () => {
    const line = fc.stringMatching(/^[a-z0-9 .:=-]{0,12}$/).map((s) => s.trimStart());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 6 }), line), { minLength: 1, maxLength: 6 }), fc.nat({ max: 4 }), (lines, base) => {
        const content = lines.map(([indent, text]) => (text === '' ? '' : ' '.repeat(base + indent) + text));
        const written = content.filter((l) => l !== '');
        const min = written.length === 0 ? 0 : Math.min(...written.map((l) => l.length - l.trimStart().length));
        const expected = content.map((l) => (l === '' ? '' : l.slice(min)) + '\n').join('');
        const parsed = parseHcl(`x = <<-END\n${content.map((l) => l + '\n').join('')}END\n`);
        expect(parsed.diagnostics).toEqual([]);
        expect(evaluate((parsed.body.items[0] as Attribute).expr)).toBe(expected);
      }),
    );
  });
});

describe('round trip (property)', () => {
  it('parses every printed expression back to the same tree', () => {
    fc.assert(
      fc.property(expression(4), (e) => {
        const text = print(e);
        const parsed = parseHclExpression(text);
        expect(parsed.diagnostics, text).toEqual([]);
        expect(shape(parsed.expr)).toEqual(shape(e));
        expect(print(parsed.expr)).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('parses every printed body back to the same tree', () => {
    fc.assert(
      fc.property(body(3), (b) => {
        const text = printBody(b.items);
        const parsed = parseHcl(text);
        expect(parsed.diagnostics, text).toEqual([]);
        expect(shape(parsed.body.items)).toEqual(shape(b.items));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the range of every node inside its parent and within the text', () => {
    fc.assert(
      fc.property(body(3), (b) => {
        const text = printBody(b.items);
        const visit = (node: unknown, parent: { start: number; end: number }) => {
          if (Array.isArray(node)) return node.forEach((n) => visit(n, parent));
          if (typeof node !== 'object' || node === null) return;
          const n = node as Record<string, unknown> & { range?: { start: { offset: number }; end: { offset: number } } };
          let inner = parent;
          if (n.range && 'start' in n.range) {
            expect(n.range.start.offset).toBeGreaterThanOrEqual(parent.start);
            expect(n.range.end.offset).toBeLessThanOrEqual(parent.end);
            expect(n.range.start.offset).toBeLessThanOrEqual(n.range.end.offset);
            inner = { start: n.range.start.offset, end: n.range.end.offset };
          }
          for (const [k, v] of Object.entries(n)) if (k !== 'range' && k !== 'nameRange' && k !== 'typeRange') visit(v, inner);
        };
        visit(parseHcl(text).body.items, { start: 0, end: text.length });
      }),
      { numRuns: 100 },
    );
  });
});

describe('syntax errors', () => {
  it('reports each with where it is, and keeps reading the rest of the file', () => {
    const text = 'a = 1 2\nblock {\n  b = "x\n}\nok "x" {\n  c = 3\n}\n';
    const parsed = parseHcl(text);
    expect(errors(text)).toEqual([
      { summary: 'Missing newline after argument', line: 1, column: 7 },
      { summary: 'Invalid multi-line string', line: 3, column: 7 },
    ]);
    const ok = parsed.body.items.find((i): i is Block => i.type === 'Block' && i.blockType === 'ok');
    expect(ok?.hasErrors).toBe(false);
    expect((ok?.body.items[0] as Attribute).name).toBe('c');
    expect(parsed.body.items.find((i): i is Block => i.type === 'Block' && i.blockType === 'block')?.hasErrors).toBe(true);
  });

  it('names the usual mistakes', () => {
    expect(errors('a = 1\na = 2\n')).toEqual([{ summary: 'Attribute redefined', line: 2, column: 1 }]);
    expect(errors('block {\n  a = 1\n')).toMatchObject([{ summary: 'Unclosed configuration block' }]);
    expect(errors('a = 1, b = 2\n')).toMatchObject([{ summary: 'Unexpected comma after argument' }]);
    expect(errors('a = "x\\q"\n')).toMatchObject([{ summary: 'Invalid escape sequence', line: 1, column: 7 }]);
    expect(errors('a = "${x"\n')).toMatchObject([{ summary: 'Unclosed template interpolation sequence' }]);
    expect(errors('a = [1 2]\n')).toMatchObject([{ summary: 'Missing item separator' }]);
    expect(errors('a = { b = 1 c = 2 }\n')).toMatchObject([{ summary: 'Missing attribute separator' }]);
    expect(errors('a = f(1 2)\n')).toMatchObject([{ summary: 'Missing argument separator' }]);
    expect(errors('a = x.0.1\n')).toMatchObject([{ summary: 'Invalid legacy index syntax' }]);
    expect(errors('a = 1.2.3\n')).toMatchObject([{ summary: 'Invalid number literal' }]);
    expect(errors('a = "%{ if x }y"\n')).toMatchObject([{ summary: 'Unexpected end of template' }]);
    expect(errors('a = [for x in y : x => x]\n')).toMatchObject([{ summary: "Invalid 'for' expression" }]);
    expect(errors('"a" = 1\n')).toMatchObject([{ summary: 'Invalid argument name' }]);
    expect(errors('block "${x}" {}\n')).toMatchObject([{ summary: 'Invalid string literal' }]);
    expect(errors('}\na = 1\n')).toMatchObject([{ summary: 'Unexpected closing brace' }]);
    expect(errors('x = <<EOT\nno end\n')).toMatchObject([{ summary: 'Unterminated template string' }]);
    expect(errors('/* open')).toMatchObject([{ summary: 'Unterminated comment' }]);
  });

  it('refuses nesting deep enough to exhaust the stack, without throwing', () => {
    for (const text of [`a = ${'['.repeat(5000)}`, `a = ${'('.repeat(5000)}1${')'.repeat(5000)}`, `a = ${'-'.repeat(5000)}1`, `${'b {\n'.repeat(3000)}`, `a = x${'[*]'.repeat(5000)}`]) {
      const parsed = parseHcl(text);
      expect(parsed.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('never throws, whatever the input (property)', () => {
    const alphabet = fc.constantFrom(...'ab =\n{}[]()"$%~#/*<-.,:?!&|\\1'.split(''), '${', '%{', '<<EOT\n', '\nEOT\n', '/*', '*/', '...', '=>', 'for ', ' in ', 'if ');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        const parsed = parseHcl(text);
        for (const d of parsed.diagnostics) {
          expect(d.range.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.range.end.offset).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a byte order mark', () => {
  it('is no part of the file: what follows it is at line 1, column 1', () => {
    const { body, diagnostics } = parseHcl('\uFEFFx = 1\ny = 2\n');
    expect(diagnostics).toEqual([]);
    expect(body.items.map((i) => [i.range.start.line, i.range.start.column])).toEqual([[1, 1], [2, 1]]);
  });
});
