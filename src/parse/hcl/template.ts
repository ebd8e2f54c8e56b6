import type { Diagnostic, Expression, Range, TemplateExpr, TemplateLiteral, TemplatePart } from './ast.js';
import type { HeredocOpen, Token, TokenType } from './scanner.js';

/*
 * HCL's template syntax, as hclsyntax's parser_template.go keeps it apart from the expression
 * parser: quoted strings and heredocs with their escapes, `${...}` interpolations, `%{if}` and
 * `%{for}` directives and their strip markers, `<<-` indentation, and the tree the directives
 * make. The expressions inside a template are read by the expression parser (parser.ts), which
 * hands itself in as an ExpressionParser.
 */

/** What reading a template needs of the expression parser that met it. */
export interface ExpressionParser {
  readonly diagnostics: Diagnostic[];
  /** Whether an error is being recovered from: further errors would be noise. */
  readonly recovering: boolean;
  /** The token at the cursor, newlines and comments included (a template reads its own). */
  current(): Token;
  advance(): void;
  peek(): Token;
  read(): Token;
  range(start: number, end: number): Range;
  tokenRange(t: Token): Range;
  error(summary: string, detail: string, range: Range): void;
  complain(summary: string, detail: string, range: Range): void;
  recover(end: TokenType): Token;
  withNewlines<T>(include: boolean, f: () => T): T;
  isKeyword(t: Token, word: string): boolean;
  parseExpression(): Expression;
  unterminatedString(t: Token, open: Token): void;
  /** How many more levels `%{if}` and `%{for}` may nest where the template is. */
  levelsLeft(): number;
  /** A template whose directives nest too deep, at `range`: where the argument first goes too deep. */
  tooDeepAt(range: Range): void;
}

/** Thrown by buildTemplateTree where `%{if}` and `%{for}` nest too deep, with where. */
class TooDeep extends Error {
  constructor(readonly range: Range) {
    super('nesting too deep');
  }
}

/** Unicode white space, as Go's unicode.IsSpace: what strip markers and `<<-` remove. */
const LEADING_SPACE = /^[\s\u0085]+/u;
// Only where a run starts: from each position inside a long run, `[...]+$` would scan the run again.
const TRAILING_SPACE = /(?<![\s\u0085])[\s\u0085]+$/u;

type FlatPart =
  | TemplateLiteral
  | { kind: 'TemplateInterpolation'; expr: Expression; stripLeft: boolean; stripRight: boolean; range: Range }
  | { kind: 'if'; condition: Expression; range: Range }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expression; range: Range }
  | { kind: 'else'; range: Range }
  | { kind: 'endif'; range: Range }
  | { kind: 'endfor'; range: Range };

/** The text of a quoted literal with its escapes resolved; invalid escapes are reported. */
export function quotedLiteral(p: ExpressionParser, t: Token): string {
  const raw = t.text;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '$' || c === '%') {
      if (raw[i + 1] === c && raw[i + 2] === '{') {
        out += c + '{';
        i += 2;
      } else out += c;
      continue;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const at = p.range(t.start + i, t.start + Math.min(raw.length, i + 2));
    const selector = raw[i + 1];
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
    if (selector === undefined) {
      p.error('Invalid escape sequence', 'Backslash must be followed by an escape sequence selector character.', at);
      continue;
    }
    if (Object.hasOwn(simple, selector)) {
      out += simple[selector];
      i++;
      continue;
    }
    if (selector === 'u' || selector === 'U') {
      const digits = selector === 'u' ? 4 : 8;
      const hex = raw.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) {
        p.error('Invalid escape sequence', `The \\${selector} escape sequence must be followed by ${digits === 4 ? 'four' : 'eight'} hexadecimal digits.`, at);
        i++;
        continue;
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        p.error('Invalid escape sequence', `Cannot encode character U+${hex.toUpperCase()} in UTF-8.`, p.range(t.start + i, t.start + i + 2 + digits));
      } else out += String.fromCodePoint(code);
      i += 1 + digits;
      continue;
    }
    p.error('Invalid escape sequence', `The symbol "${selector}" is not a valid escape sequence selector.`, at);
    out += selector;
    i++;
  }
  return out;
}

/** The text of a heredoc line: no escapes other than `$${` and `%%{`. */
function heredocLiteral(t: Token): string {
  return t.text.replace(/([$%])\1\{/g, '$1{');
}

export function parseTemplate(p: ExpressionParser): TemplateExpr {
  const open = p.read();
  const heredoc = open.type === 'OHeredoc' ? (open as HeredocOpen) : undefined;
  const end: TokenType = heredoc ? 'CHeredoc' : 'CQuote';
  const flat: FlatPart[] = [];
  let trimNext = false;
  let canTrimPrev = false;
  let close: Token;

  while (true) {
    const t = p.current();
    if (t.type === end) {
      p.advance();
      close = t;
      break;
    }
    const trim = trimNext;
    trimNext = false;
    const couldTrimPrev = canTrimPrev;
    canTrimPrev = false;
    if (t.type === 'QuotedLit' || t.type === 'HeredocLit') {
      p.advance();
      let value = t.type === 'QuotedLit' ? quotedLiteral(p, t) : heredocLiteral(t);
      if (trim) value = value.replace(LEADING_SPACE, '');
      flat.push({ kind: 'TemplateLiteral', value, range: p.tokenRange(t) });
      canTrimPrev = true;
      continue;
    }
    if (t.type === 'TemplateInterp' || t.type === 'TemplateControl') {
      p.advance();
      // `${~` and `%{~` remove the white space at the end of the literal just before.
      const prev = flat[flat.length - 1];
      if (t.text.endsWith('~') && couldTrimPrev && prev?.kind === 'TemplateLiteral') prev.value = prev.value.replace(TRAILING_SPACE, '');
      const part = p.withNewlines(false, () => (t.type === 'TemplateInterp' ? templateInterpolation(p, t, open, end) : templateDirective(p, t)));
      if (part) {
        if (part.close.text === '~}') trimNext = true;
        if (part.part) flat.push(part.part);
      }
      continue;
    }
    // Anything else ends the template: a newline inside quotes, or the end of the file.
    p.unterminatedString(t, open);
    if (t.type === 'QuotedNewline') p.advance();
    close = t;
    break;
  }

  if (heredoc?.flush) flushHeredoc(flat);
  let parts: TemplatePart[] = [];
  try {
    parts = buildTemplateTree(meld(flat), p.levelsLeft(), (summary, detail, range) => p.error(summary, detail, range));
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    p.tooDeepAt(error.range);
  }
  const range = p.range(open.start, close.type === 'EOF' || close.type === 'QuotedNewline' ? close.start : close.end);
  return { kind: 'Template', parts, range, ...(heredoc ? { heredoc: { marker: heredoc.marker, flush: heredoc.flush } } : {}) };
}

function templateInterpolation(p: ExpressionParser, open: Token, templateOpen: Token, end: TokenType): { part?: FlatPart; close: Token } {
  const before = p.diagnostics.length;
  const expr = p.parseExpression();
  const close = p.peek();
  if (close.type === 'TemplateSeqEnd') {
    p.read();
    return { part: { kind: 'TemplateInterpolation', expr, stripLeft: open.text.endsWith('~'), stripRight: close.text === '~}', range: p.range(open.start, close.end) }, close };
  }
  if (p.diagnostics.length === before && !p.recovering) {
    if (close.type === 'EOF' || ((close.type === 'CQuote' || close.type === 'OQuote') && end === 'CQuote')) {
      p.error('Unclosed template interpolation sequence', 'There is no closing brace for this interpolation sequence before the end of the template.', p.range(templateOpen.start, open.end));
    } else {
      p.error(
        'Extra characters after interpolation expression',
        'Expected a closing brace to end the interpolation expression, but found extra characters. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
        p.tokenRange(close),
      );
    }
  }
  return { close: p.recover('TemplateSeqEnd') };
}

function templateDirective(p: ExpressionParser, open: Token): { part?: FlatPart; close: Token } | undefined {
  const keyword = p.peek();
  const bail = (summary: string, detail: string, at: Token) => {
    p.complain(summary, detail, p.tokenRange(at));
    return { close: p.recover('TemplateSeqEnd') };
  };
  if (keyword.type !== 'Ident') return bail('Invalid template directive', 'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.', keyword);
  p.read();
  let part: FlatPart;
  const rangeFrom = (end: number) => p.range(open.start, end);
  switch (keyword.text) {
    case 'if': {
      const condition = p.parseExpression();
      part = { kind: 'if', condition, range: rangeFrom(condition.range.end.offset) };
      break;
    }
    case 'else':
    case 'endif':
    case 'endfor':
      part = { kind: keyword.text as 'else' | 'endif' | 'endfor', range: rangeFrom(keyword.end) } as FlatPart;
      break;
    case 'for': {
      if (p.peek().type !== 'Ident') return bail("Invalid 'for' directive", "For directive requires variable name after 'for'.", p.peek());
      let valueVar = p.read().text;
      let keyVar: string | undefined;
      if (p.peek().type === 'Comma') {
        p.read();
        keyVar = valueVar;
        if (p.peek().type !== 'Ident') return bail("Invalid 'for' directive", 'For directive requires value variable name after comma.', p.peek());
        valueVar = p.read().text;
      }
      if (!p.isKeyword(p.peek(), 'in')) return bail("Invalid 'for' directive", "For directive requires 'in' keyword after names.", p.peek());
      p.read();
      const collection = p.parseExpression();
      part = { kind: 'for', ...(keyVar !== undefined ? { keyVar } : {}), valueVar, collection, range: rangeFrom(collection.range.end.offset) };
      break;
    }
    default: {
      const known = ['if', 'for', 'else', 'endif', 'endfor'];
      return bail('Invalid template control keyword', `"${keyword.text}" is not a valid template control keyword; expected one of ${known.join(', ')}.`, keyword);
    }
  }
  const close = p.peek();
  if (close.type !== 'TemplateSeqEnd') {
    p.complain(`Extra characters in ${keyword.text} marker`, 'Expected a closing brace to end the sequence, but found extra characters.', p.tokenRange(close));
    return { part, close: p.recover('TemplateSeqEnd') };
  }
  p.read();
  part.range = p.range(open.start, close.end);
  return { part, close };
}

/**
 * `<<-` heredocs: find the line-leading literal with the fewest leading spaces (lines holding only
 * spaces do not count; a line starting with an interpolation counts as zero) and remove that many
 * from every line-leading literal. Applied to the literal text, never to interpolated values.
 */
function flushHeredoc(parts: FlatPart[]) {
  let minSpaces = Infinity;
  let newline = true;
  const adjust: TemplateLiteral[] = [];
  for (const part of parts) {
    if (newline) {
      newline = false;
      let spaces = 0;
      if (part.kind === 'TemplateLiteral') {
        const leading = part.value.match(LEADING_SPACE)?.[0] ?? '';
        if (leading.length === part.value.length && part.value.endsWith('\n')) spaces = Infinity;
        else {
          spaces = [...leading].length;
          adjust.push(part);
        }
      }
      minSpaces = Math.min(minSpaces, spaces);
    }
    if (part.kind === 'TemplateLiteral' && part.value.endsWith('\n')) newline = true;
  }
  if (!Number.isFinite(minSpaces) || minSpaces === 0) return;
  for (const lit of adjust) lit.value = [...lit.value].slice(minSpaces).join('');
}

/** Adjacent literals become one. */
function meld(parts: FlatPart[]): FlatPart[] {
  const out: FlatPart[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if (part.kind === 'TemplateLiteral' && prev?.kind === 'TemplateLiteral') {
      out[out.length - 1] = { kind: 'TemplateLiteral', value: prev.value + part.value, range: { start: prev.range.start, end: part.range.end } };
    } else out.push(part);
  }
  return out;
}

/** The flat sequence of literals, interpolations and directive markers as a tree of if/for parts. */
function buildTemplateTree(flat: FlatPart[], maxDepth: number, error: (summary: string, detail: string, range: Range) => void): TemplatePart[] {
  let i = 0;
  // The template's own parts are level 0; each `%{if}` or `%{for}` opens one more (the one just read, at i - 1).
  let depth = -1;
  const parseUntil = (stops: readonly string[]): { parts: TemplatePart[]; stop?: FlatPart } => {
    if (++depth > maxDepth) throw new TooDeep(flat[i - 1]!.range);
    const parts: TemplatePart[] = [];
    while (i < flat.length) {
      const part = flat[i]!;
      if (part.kind === 'else' || part.kind === 'endif' || part.kind === 'endfor') {
        if (stops.includes(part.kind)) {
          i++;
          depth--;
          return { parts, stop: part };
        }
        i++;
        error(`Unexpected ${part.kind} directive`, 'The control directives within this template are unbalanced.', part.range);
        continue;
      }
      i++;
      if (part.kind === 'if') {
        const then = parseUntil(['else', 'endif']);
        let otherwise: { parts: TemplatePart[]; stop?: FlatPart } | undefined;
        if (then.stop?.kind === 'else') otherwise = parseUntil(['endif']);
        const end = otherwise ? otherwise.stop : then.stop;
        if (!end) error('Unexpected end of template', `The if directive at line ${part.range.start.line} is missing its corresponding endif directive.`, part.range);
        parts.push({
          kind: 'TemplateIf',
          condition: part.condition,
          then: then.parts,
          ...(otherwise ? { else: otherwise.parts } : {}),
          range: { start: part.range.start, end: (end ?? part).range.end },
        });
      } else if (part.kind === 'for') {
        const body = parseUntil(['endfor']);
        if (!body.stop) error('Unexpected end of template', `The for directive at line ${part.range.start.line} is missing its corresponding endfor directive.`, part.range);
        parts.push({
          kind: 'TemplateFor',
          ...(part.keyVar !== undefined ? { keyVar: part.keyVar } : {}),
          valueVar: part.valueVar,
          collection: part.collection,
          body: body.parts,
          range: { start: part.range.start, end: (body.stop ?? part).range.end },
        });
      } else parts.push(part);
    }
    depth--;
    return { parts };
  };
  return parseUntil([]).parts;
}
