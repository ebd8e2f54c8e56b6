import type { Expression, TemplatePart } from './ast.js';

/*
 * Expressions back to HCL text, on one line, with the parentheses the grammar needs and no
 * others: `print(parse(print(e)))` equals `print(e)`. Used to name conditions in variant labels and
 * to compare them, and by the round-trip property tests of the parser.
 */

/** Binding strength: a conditional binds loosest, then the binary levels, unary operators, terms. */
const PRECEDENCE = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 } as const;
const UNARY = 7;
const TERM = 8;

function precedence(e: Expression): number {
  switch (e.kind) {
    case 'Conditional':
      return 0;
    case 'Binary':
      return PRECEDENCE[e.op];
    case 'Unary':
      return UNARY;
    default:
      return TERM;
  }
}

function escapeLiteral(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += ch;
  }
  // `${` and `%{` start sequences: double the sigil to keep them literal.
  return out.replace(/([$%])\{/g, '$1$1{');
}

function printParts(parts: readonly TemplatePart[]): string {
  let out = '';
  parts.forEach((part, i) => {
    switch (part.kind) {
      case 'TemplateLiteral': {
        let text = escapeLiteral(part.value);
        // A literal ending in `$` or `%` before a sequence would merge with it into `$${`.
        if (/[$%]$/.test(part.value) && i + 1 < parts.length) text = text.slice(0, -1) + (part.value.endsWith('$') ? '\\u0024' : '\\u0025');
        out += text;
        break;
      }
      case 'TemplateInterpolation':
        out += '${' + (part.stripLeft ? '~' : '') + print(part.expr) + (part.stripRight ? '~' : '') + '}';
        break;
      case 'TemplateIf':
        out += '%{ if ' + print(part.condition) + ' }' + printParts(part.then);
        if (part.else) out += '%{ else }' + printParts(part.else);
        out += '%{ endif }';
        break;
      case 'TemplateFor':
        out += '%{ for ' + (part.keyVar !== undefined ? part.keyVar + ', ' : '') + part.valueVar + ' in ' + print(part.collection) + ' }' + printParts(part.body) + '%{ endfor }';
        break;
    }
  });
  return out;
}

function operand(e: Expression, minimum: number): string {
  return precedence(e) >= minimum ? print(e) : `(${print(e)})`;
}

/**
 * An expression that a traversal step is applied to. It must be a term; a splat would swallow the
 * step into its own traversal, and a number would absorb a following `.0` into its digits.
 */
function target(object: Expression): string {
  if (object.kind === 'AnonSymbol') return '';
  if (object.kind === 'Splat' || (object.kind === 'Literal' && typeof object.value === 'number')) return `(${print(object)})`;
  return operand(object, TERM);
}

function objectKey(key: Expression): string {
  // `for` opens a for expression when it comes first, so a key of that name is written as a string.
  if (key.kind === 'Variable' && key.name === 'for') return '"for"';
  return print(key);
}

export function print(e: Expression): string {
  switch (e.kind) {
    case 'Literal':
      if (typeof e.value === 'number') return e.raw ?? String(e.value);
      return String(e.value);
    case 'Template':
      return '"' + printParts(e.parts) + '"';
    case 'Variable':
      return e.name;
    case 'AnonSymbol':
      return '';
    case 'GetAttr': {
      // After a legacy index, `.e1` or `.e-1` would continue its number (`a.0.e1` scans as `a` and 0.e1).
      const glued = e.object.kind === 'Index' && e.object.legacy && /^[eE][-+]?\d/.test(e.name);
      return (glued ? `(${print(e.object)})` : target(e.object)) + '.' + e.name;
    }
    case 'Index':
      if (e.legacy && e.key.kind === 'Literal') {
        // `a.0.0` would scan as `a` then the number 0.0: a chained legacy index needs parentheses.
        const chained = e.collection.kind === 'Index' && e.collection.legacy;
        return (chained ? `(${print(e.collection)})` : target(e.collection)) + '.' + print(e.key);
      }
      return target(e.collection) + '[' + print(e.key) + ']';
    case 'Splat':
      return target(e.source) + (e.attrOnly ? '.*' : '[*]') + print(e.each);
    case 'FunctionCall':
      return e.name + '(' + e.args.map(print).join(', ') + (e.expandFinal ? '...' : '') + ')';
    case 'Tuple':
      return '[' + e.items.map(print).join(', ') + ']';
    case 'Object':
      return '{' + e.items.map((item) => `${objectKey(item.key)} = ${print(item.value)}`).join(', ') + '}';
    case 'For': {
      const intro = 'for ' + (e.keyVar !== undefined ? e.keyVar + ', ' : '') + e.valueVar + ' in ' + print(e.collection) + ' : ';
      const body = (e.keyExpr ? print(e.keyExpr) + ' => ' : '') + print(e.valueExpr) + (e.group ? '...' : '') + (e.condition ? ' if ' + print(e.condition) : '');
      return e.object ? '{' + intro + body + '}' : '[' + intro + body + ']';
    }
    case 'Unary':
      return e.op + operand(e.operand, UNARY);
    case 'Binary': {
      const level = PRECEDENCE[e.op];
      return operand(e.left, level) + ' ' + e.op + ' ' + operand(e.right, level + 1);
    }
    case 'Conditional':
      return operand(e.condition, 1) + ' ? ' + print(e.trueExpr) + ' : ' + print(e.falseExpr);
    case 'Parens':
      return '(' + print(e.expr) + ')';
    case 'Invalid':
      return '<invalid>';
  }
}

/** A quoted string literal (a block label): escapes, and `$${` for a literal `${`. */
export function quoted(value: string): string {
  return '"' + escapeLiteral(value) + '"';
}
