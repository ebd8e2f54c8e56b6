import fc from 'fast-check';
import type { Attribute, Block, Body, Expression, ObjectItem, TemplatePart } from '../../src/parse/hcl/ast.js';
import { print, quoted } from '../../src/parse/hcl/print.js';
import type { BodySpec } from '../../src/readers/terraform/schema.js';

/*
 * Helpers for the HCL parser's tests: an AST without positions to compare trees, a printer for
 * bodies (expressions print with src/parse/hcl/print.ts), and fast-check generators of
 * random syntax trees that follow the grammar.
 */

const DROPPED = new Set(['range', 'nameRange', 'typeRange', 'raw', 'heredoc', 'hasErrors']);

/** The tree without positions, source spellings and parentheses: what the syntax means. */
export function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (typeof node !== 'object' || node === null) return node;
  const n = node as Record<string, unknown>;
  if (n.kind === 'Parens') return shape(n.expr);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) if (!DROPPED.has(k) && v !== undefined) out[k] = shape(v);
  return out;
}

export function printBody(items: readonly (Attribute | Block)[], indent = ''): string {
  return items
    .map((item) =>
      item.type === 'Attribute'
        ? `${indent}${item.name} = ${print(item.expr)}\n`
        : `${indent}${item.blockType}${item.labels.map((l) => ' ' + (l.quoted ? quoted(l.value) : l.value)).join('')} {\n${printBody(item.body.items, indent + '  ')}${indent}}\n`,
    )
    .join('');
}

// --- generators ---------------------------------------------------------------------------------

const ZERO = { line: 1, column: 1, offset: 0 };
const R = { start: ZERO, end: ZERO };

const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);
export const identifier = fc
  .stringMatching(/^[a-z_][a-z0-9_-]{0,7}$/)
  .filter((s) => !KEYWORDS.has(s) && !s.endsWith('-'));

/** Text for string literals: any code points, controls and quotes included. */
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });

const numberLiteral: fc.Arbitrary<Expression> = fc.oneof(
  fc.nat({ max: 100000 }).map((n) => ({ kind: 'Literal', value: n, raw: String(n), range: R }) as const),
  fc.tuple(fc.nat({ max: 999 }), fc.integer({ min: 1, max: 99 })).map(([a, b]) => ({ kind: 'Literal', value: Number(`${a}.${b}`), raw: `${a}.${b}`, range: R }) as const),
);

const leaf: fc.Arbitrary<Expression> = fc.oneof(
  numberLiteral,
  fc.constantFrom(true, false, null).map((value) => ({ kind: 'Literal', value, range: R }) as const),
  identifier.map((name) => ({ kind: 'Variable', name, range: R }) as const),
  text.map((value): Expression => ({ kind: 'Template', parts: [{ kind: 'TemplateLiteral', value, range: R }], range: R })),
);

/** Template parts in the form the parser produces: no two literals side by side, no empty literal. */
function templateParts(expr: fc.Arbitrary<Expression>): fc.Arbitrary<TemplatePart[]> {
  const nonLiteral: fc.Arbitrary<TemplatePart> = fc.oneof(
    expr.map((e) => ({ kind: 'TemplateInterpolation', expr: e, stripLeft: false, stripRight: false, range: R }) as const),
    fc.tuple(expr, text, fc.option(text, { nil: undefined })).map(
      ([condition, then, otherwise]) =>
        ({
          kind: 'TemplateIf',
          condition,
          then: [{ kind: 'TemplateLiteral', value: then, range: R }],
          ...(otherwise !== undefined ? { else: [{ kind: 'TemplateLiteral', value: otherwise, range: R }] } : {}),
          range: R,
        }) as TemplatePart,
    ),
    fc.tuple(identifier, expr, text).map(([valueVar, collection, body]): TemplatePart => ({ kind: 'TemplateFor', valueVar, collection, body: [{ kind: 'TemplateLiteral', value: body, range: R }], range: R })),
  );
  return fc.array(fc.tuple(fc.option(text, { nil: undefined }), nonLiteral), { minLength: 1, maxLength: 3 }).chain((pairs) =>
    fc.option(text, { nil: undefined }).map((tail) => {
      const parts: TemplatePart[] = [];
      for (const [literal, part] of pairs) {
        if (literal !== undefined) parts.push({ kind: 'TemplateLiteral', value: literal, range: R });
        parts.push(part);
      }
      if (tail !== undefined) parts.push({ kind: 'TemplateLiteral', value: tail, range: R });
      return parts;
    }),
  );
}

const BINARY = ['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%'] as const;

/** Random expressions of every kind, at most `depth` levels deep. */
export function expression(depth = 3): fc.Arbitrary<Expression> {
  const { expr } = fc.letrec<{ expr: Expression; step: Expression }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: depth },
      leaf,
      fc.tuple(tie('expr'), identifier).map(([object, name]) => ({ kind: 'GetAttr', object, name, nameRange: R, range: R }) as const),
      fc.tuple(tie('expr'), tie('expr')).map(([collection, key]) => ({ kind: 'Index', collection, key, legacy: false, range: R }) as const),
      fc.tuple(tie('expr'), fc.nat({ max: 9 })).map(
        ([collection, n]) => ({ kind: 'Index', collection, key: { kind: 'Literal', value: n, raw: String(n), range: R }, legacy: true, range: R }) as const,
      ),
      fc.tuple(tie('expr'), fc.array(identifier, { maxLength: 2 }), fc.boolean()).map(([source, names, attrOnly]) => {
        let each: Expression = { kind: 'AnonSymbol', range: R };
        for (const name of names) each = { kind: 'GetAttr', object: each, name, nameRange: R, range: R };
        return { kind: 'Splat', source, each, attrOnly, range: R } as const;
      }),
      fc.tuple(fc.array(identifier, { minLength: 1, maxLength: 3 }), fc.array(tie('expr'), { maxLength: 3 }), fc.boolean()).map(([names, args, expand]): Expression => ({
        kind: 'FunctionCall',
        name: names.join('::'),
        nameRange: R,
        args,
        expandFinal: expand && args.length > 0,
        range: R,
      })),
      fc.array(tie('expr'), { maxLength: 3 }).map((items) => ({ kind: 'Tuple', items, range: R }) as const),
      fc
        .array(
          fc.tuple(
            fc.oneof(
              identifier.map((name) => ({ kind: 'Variable', name, range: R }) as Expression),
              text.map((value) => ({ kind: 'Template', parts: [{ kind: 'TemplateLiteral', value, range: R }], range: R }) as Expression),
              tie('expr').map((e) => ({ kind: 'Parens', expr: e, range: R }) as Expression),
            ),
            tie('expr'),
          ),
          { maxLength: 3 },
        )
        .map((pairs) => ({ kind: 'Object', items: pairs.map(([key, value]): ObjectItem => ({ key, forceNonLiteral: key.kind === 'Parens', value })), range: R }) as const),
      fc
        .record({
          object: fc.boolean(),
          keyVar: fc.option(identifier, { nil: undefined }),
          valueVar: identifier,
          collection: tie('expr'),
          keyExpr: tie('expr'),
          valueExpr: tie('expr'),
          condition: fc.option(tie('expr'), { nil: undefined }),
          group: fc.boolean(),
        })
        .map((r): Expression => ({
          kind: 'For',
          object: r.object,
          ...(r.keyVar !== undefined ? { keyVar: r.keyVar } : {}),
          valueVar: r.valueVar,
          collection: r.collection,
          ...(r.object ? { keyExpr: r.keyExpr } : {}),
          valueExpr: r.valueExpr,
          ...(r.condition ? { condition: r.condition } : {}),
          group: r.object && r.group,
          range: R,
        })),
      fc.tuple(fc.constantFrom('-', '!'), tie('expr')).map(([op, operand]) => ({ kind: 'Unary', op, operand, range: R }) as const),
      fc.tuple(fc.constantFrom(...BINARY), tie('expr'), tie('expr')).map(([op, left, right]) => ({ kind: 'Binary', op, left, right, range: R }) as const),
      fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([condition, trueExpr, falseExpr]) => ({ kind: 'Conditional', condition, trueExpr, falseExpr, range: R }) as const),
      templateParts(tie('expr')).map((parts) => ({ kind: 'Template', parts, range: R }) as const),
    ) as fc.Arbitrary<Expression>,
    step: leaf,
  }));
  return expr;
}

const label = fc.oneof(
  identifier.map((value) => ({ value, range: R, quoted: false })),
  fc.string({ unit: 'binary', maxLength: 10 }).map((value) => ({ value, range: R, quoted: true })),
);

/** Random bodies: attributes with unique names and nested blocks with labels. */
export function body(depth = 2): fc.Arbitrary<Body> {
  const { body: b } = fc.letrec<{ body: Body; item: Attribute | Block }>((tie) => ({
    body: fc.array(tie('item'), { maxLength: 4 }).map((items) => {
      const seen = new Set<string>();
      const unique = items.filter((i) => i.type === 'Block' || (!seen.has(i.name) && seen.add(i.name)));
      return { type: 'Body', items: unique, range: R };
    }),
    item: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      fc.tuple(identifier, expression(2)).map(([name, expr]): Attribute => ({ type: 'Attribute', name, nameRange: R, expr, range: R })),
      fc.tuple(identifier, fc.array(label, { maxLength: 2 }), tie('body')).map(([blockType, labels, b]): Block => ({
        type: 'Block',
        blockType,
        typeRange: R,
        labels,
        body: b,
        range: R,
        hasErrors: false,
      })),
    ),
  }));
  return b;
}

// --- resources ------------------------------------------------------------------------------------

const plausible: fc.Arbitrary<Expression> = fc.oneof(
  fc.constantFrom('InstanceIds', 'WindowTargetIds', 'RUN_COMMAND', 'AUTOMATION', 'LAMBDA', 'STEP_FUNCTIONS', '', '1', '10%', 'i-0123456789abcdef0', 'mw-0123456789abcdef0', 'arn:aws:iam::123456789012:role/x', 'Sha1').map(
    (value): Expression => ({ kind: 'Template', parts: value === '' ? [] : [{ kind: 'TemplateLiteral', value, range: R }], range: R }),
  ),
  fc.integer({ min: -5, max: 5000 }).map((n): Expression => (n < 0 ? { kind: 'Unary', op: '-', operand: { kind: 'Literal', value: -n, raw: String(-n), range: R }, range: R } : { kind: 'Literal', value: n, raw: String(n), range: R })),
  fc.array(fc.constantFrom('a', '', 'i-0123456789abcdef0', 'e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'), { maxLength: 3 }).map((items): Expression => ({
    kind: 'Tuple',
    items: items.map((value) => ({ kind: 'Template', parts: value === '' ? [] : [{ kind: 'TemplateLiteral', value, range: R }], range: R })),
    range: R,
  })),
);

/** Random resource bodies shaped like the schema: its arguments and blocks (some dynamic), with plausible and random values. */
export function resourceBody(spec: BodySpec, depth = 3): fc.Arbitrary<Body> {
  const names = Object.keys(spec);
  const item: fc.Arbitrary<Attribute | Block> = fc.constantFrom(...names, 'unknown_thing').chain((name): fc.Arbitrary<Attribute | Block> => {
    const s = spec[name];
    const attribute = fc.oneof(plausible, expression(2)).map((expr): Attribute => ({ type: 'Attribute', name, nameRange: R, expr, range: R }));
    if (!s || s.kind === 'attribute' || depth === 0) return attribute;
    const inner = resourceBody(s.body, depth - 1);
    return fc.oneof(
      inner.map((b): Block => ({ type: 'Block', blockType: name, typeRange: R, labels: [], body: b, range: R, hasErrors: false })),
      fc.tuple(fc.oneof(plausible, expression(1)), inner).map(([forEach, b]): Block => ({
        type: 'Block',
        blockType: 'dynamic',
        typeRange: R,
        labels: [{ value: name, range: R, quoted: true }],
        body: {
          type: 'Body',
          items: [
            { type: 'Attribute', name: 'for_each', nameRange: R, expr: forEach, range: R },
            { type: 'Block', blockType: 'content', typeRange: R, labels: [], body: b, range: R, hasErrors: false },
          ],
          range: R,
        },
        range: R,
        hasErrors: false,
      })),
      attribute,
    );
  });
  return fc.array(item, { maxLength: 8 }).map((items) => {
    const seen = new Set<string>();
    return { type: 'Body', items: items.filter((i) => i.type === 'Block' || (!seen.has(i.name) && seen.add(i.name))), range: R };
  });
}
