import { LineIndex, withoutBom } from '../document.js';
import { deeperAdvice, depthFor } from '../limits.js';
import type {
  Attribute,
  BinaryOperator,
  Block,
  BlockLabel,
  Body,
  Comment,
  Diagnostic,
  Expression,
  ObjectItem,
  ParsedFile,
  Pos,
  Range,
} from './ast.js';
import { deeperThan } from './ast.js';
import { scan, type Token, type TokenType } from './scanner.js';
import { parseTemplate, quotedLiteral, type ExpressionParser } from './template.js';

/*
 * A recursive-descent parser for HCL's native syntax as hclsyntax/spec.md defines it, with the
 * newline rules of the reference implementation: newlines end attributes and separate object
 * items, and are ignored inside parentheses, brackets, function arguments, for expressions and
 * template sequences. It never throws on input: each syntax error becomes a diagnostic with its
 * range, and parsing resumes at the next body item, so one broken block does not hide the others.
 * Quoted strings and heredocs are templates, read by template.ts (as hclsyntax keeps
 * parser_template.go apart), which calls back here for the expressions inside them.
 */

/*
 * Nesting is bounded by --max-depth (src/parse/limits.ts): nothing recurses deeper, not this parser
 * and not the walks that read its trees later. An argument's expression is measured once it is built
 * (`deeperThan`: chains such as `a + b + ...`, `x[0][0]...` and `x.a.a...` are built in loops, one
 * level per operator); the parser itself stops where it would go deeper, leaving an invalid
 * expression there. Either way the argument is a syntax error at the first place, in the order the
 * text is written, that goes too deep, and the file is read on.
 */

export interface HclOptions {
  /** Blocks and expressions nested deeper than this are a syntax error at the place (src/parse/limits.ts, --max-depth). */
  maxDepth?: number;
}


const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
/** Each binary operator's level: the index of its group in BINARY_LEVELS, loosest first. */
const BINARY_LEVEL: Readonly<Record<string, number>> = Object.fromEntries(BINARY_LEVELS.flatMap((ops, level) => ops.map((op) => [op, level])));

const OPENERS: Partial<Record<TokenType, TokenType>> = {
  OBrace: 'CBrace',
  OBrack: 'CBrack',
  OParen: 'CParen',
  OQuote: 'CQuote',
  OHeredoc: 'CHeredoc',
  TemplateInterp: 'TemplateSeqEnd',
  TemplateControl: 'TemplateSeqEnd',
};

class Parser implements ExpressionParser {
  private readonly tokens: Token[];
  private index = 0;
  private readonly newlines: boolean[] = [true];
  private readonly lines: LineIndex;
  readonly diagnostics: Diagnostic[] = [];
  readonly comments: Comment[] = [];
  private recovery = false;
  private depth = 0;
  /** Where the parser first stopped going deeper, in the argument being read. */
  private tripped: Range | undefined;
  /** How deep this parser reads: --max-depth, never past READER_MAX_DEPTH.hcl. */
  private readonly maxDepth: number;
  /** Whether that is this reader's own cap, below --max-depth: raising --max-depth does not help. */
  private readonly capped: boolean;

  constructor(
    private readonly text: string,
    maxDepth: number | undefined,
  ) {
    ({ limit: this.maxDepth, capped: this.capped } = depthFor('hcl', maxDepth));
    this.lines = new LineIndex(text);
    const scanned = scan(text);
    this.tokens = scanned.tokens;
    for (const p of scanned.problems) this.error(p.summary, p.detail, this.range(p.start, p.end));
    for (const t of this.tokens) {
      if (t.type !== 'Comment') continue;
      const line = !t.text.startsWith('/*');
      const text = line ? t.text.replace(/^(#|\/\/)/, '') : t.text.slice(2).replace(/\*\/$/, '');
      this.comments.push({ text, range: this.range(t.start, t.end), style: line ? 'line' : 'inline' });
    }
  }

  // --- what the template reader (template.ts) asks of the parser ------------------------------

  get recovering(): boolean {
    return this.recovery;
  }

  current(): Token {
    return this.tokens[this.index]!;
  }

  advance(): void {
    this.index++;
  }

  levelsLeft(): number {
    return this.maxDepth - this.depth;
  }

  tooDeepAt(range: Range): void {
    this.tripped ??= range;
    this.recovery = true;
  }

  // --- positions and diagnostics ---------------------------------------------------------------

  pos(offset: number): Pos {
    const { line, column } = this.lines.position(offset);
    return { line, column, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(end) };
  }

  tokenRange(t: Token): Range {
    return this.range(t.start, t.end);
  }

  private between(a: Range, b: Range): Range {
    return { start: a.start, end: b.end };
  }

  error(summary: string, detail: string, range: Range) {
    this.diagnostics.push({ summary, detail, range });
  }

  /** An error unless we are already recovering from one, which would make it noise. */
  complain(summary: string, detail: string, range: Range) {
    if (!this.recovery) this.error(summary, detail, range);
  }

  // --- the token stream ------------------------------------------------------------------------

  private skippable(t: Token): boolean {
    return t.type === 'Comment' || (t.type === 'Newline' && !this.newlines[this.newlines.length - 1]);
  }

  peek(): Token {
    let i = this.index;
    while (this.skippable(this.tokens[i]!)) i++;
    return this.tokens[i]!;
  }

  read(): Token {
    while (this.skippable(this.tokens[this.index]!)) this.index++;
    const t = this.tokens[this.index]!;
    if (t.type !== 'EOF') this.index++;
    return t;
  }

  /** The end of the last token read. */
  private prevEnd(): number {
    for (let i = this.index - 1; i >= 0; i--) if (this.tokens[i]!.type !== 'Comment') return this.tokens[i]!.end;
    return 0;
  }

  withNewlines<T>(include: boolean, f: () => T): T {
    this.newlines.push(include);
    try {
      return f();
    } finally {
      this.newlines.pop();
    }
  }

  isKeyword(t: Token, word: string): boolean {
    return t.type === 'Ident' && t.text === word;
  }

  private isOp(t: Token, op: string): boolean {
    return t.type === 'Op' && t.text === op;
  }

  /** Skip to the token that closes the current `end` bracket (nested ones included) and return it. */
  recover(end: TokenType): Token {
    this.recovery = true;
    let nest = 0;
    while (true) {
      const t = this.read();
      const type: TokenType = t.type === 'TemplateControl' ? 'TemplateInterp' : t.type;
      if (OPENERS[type] === end) nest++;
      else if (type === end) {
        if (nest === 0) return t;
        nest--;
      } else if (type === 'EOF') return t;
    }
  }

  /** Skip the rest of a broken attribute or block header: to the end of its line, brackets balanced. */
  private recoverAfterBodyItem() {
    this.recovery = true;
    const open: TokenType[] = [];
    while (true) {
      const t = this.tokens[this.index]!;
      if (t.type === 'EOF') return;
      if (open.length === 0 && t.type === 'CBrace') return;
      this.index++;
      const closer = OPENERS[t.type];
      if (closer) open.push(closer);
      else if (open.length > 0 && t.type === open[open.length - 1]) open.pop();
      else if (open.length === 0 && t.type === 'Newline') return;
    }
  }

  // --- structure -------------------------------------------------------------------------------

  parseFile(): Body {
    const start = this.tokens[0]!.start;
    const items: (Attribute | Block)[] = [];
    this.parseItems(items, 'EOF');
    return { type: 'Body', items, range: this.range(start, this.text.length) };
  }

  private tooDeep(range: Range) {
    this.error(
      'Nesting too deep',
      `blocks and expressions nest deeper than ${this.maxDepth} levels here (each block, bracket, operator, index, attribute step and value is a level); ${deeperAdvice(this.capped)}`,
      range,
    );
  }

  /**
   * An expression read `levels` deep at most, or an invalid one where it nests deeper: then the rest
   * of it is skipped, brackets balanced, and the file is read on.
   */
  private parseBoundedExpression(levels: number): Expression {
    const first = this.index;
    this.tripped = undefined;
    const expr = this.parseExpression();
    const deep = deeperThan(expr, levels)?.range;
    // Set while parsing (which TypeScript's narrowing does not see).
    const tripped = this.tripped as Range | undefined;
    const at = deep && (!tripped || deep.start.offset <= tripped.start.offset) ? deep : tripped;
    if (!at) return expr;
    this.tooDeep(at);
    this.recovery = true;
    this.skipExpression(first);
    return { kind: 'Invalid', range: this.range(expr.range.start.offset, Math.max(expr.range.end.offset, this.prevEnd())) };
  }

  /** Where the parser would go deeper than the limit: an invalid expression, noted, that the caller reads past. */
  private tooDeepHere(): Expression {
    const range = this.tokenRange(this.peek());
    this.tripped ??= range;
    // What follows is not read as an expression: the errors it would give are noise.
    this.recovery = true;
    return { kind: 'Invalid', range };
  }

  /** After an expression read up to somewhere inside it: skip to its end, the brackets opened since `from` closed. */
  private skipExpression(from: number) {
    const open: TokenType[] = [];
    const track = (t: Token) => {
      const closer = OPENERS[t.type];
      if (closer) open.push(closer);
      else if (open.length > 0 && t.type === open[open.length - 1]) open.pop();
      // A quoted string that a newline ends (an error of its own) closes what opened inside it.
      else if (t.type === 'QuotedNewline' && open.includes('CQuote')) open.length = open.lastIndexOf('CQuote');
    };
    for (let i = from; i < this.index; i++) track(this.tokens[i]!);
    while (true) {
      const t = this.tokens[this.index]!;
      if (t.type === 'EOF' || (open.length === 0 && (t.type === 'Newline' || t.type === 'CBrace' || t.type === 'Comma'))) return;
      this.index++;
      track(t);
    }
  }

  /** Body items up to (and including) the `end` token. */
  private parseItems(items: (Attribute | Block)[], end: 'EOF' | 'CBrace'): Token {
    const seen = new Map<string, Attribute>();
    while (true) {
      const next = this.peek();
      if (next.type === end) return this.read();
      if (next.type === 'Newline') {
        this.read();
        continue;
      }
      this.recovery = false;
      if (next.type === 'Ident') {
        const item = this.parseBodyItem();
        if (item?.type === 'Attribute') {
          const existing = seen.get(item.name);
          if (existing) {
            this.error('Attribute redefined', `The argument "${item.name}" was already set at line ${existing.nameRange.start.line}. Each argument may be set only once.`, item.nameRange);
          } else {
            seen.set(item.name, item);
            items.push(item);
          }
        } else if (item) items.push(item);
        continue;
      }
      if (next.type === 'EOF') {
        this.error('Unclosed configuration block', 'There is no closing brace for this block before the end of the file.', this.tokenRange(next));
        return next;
      }
      const bad = this.read();
      if (bad.type === 'OQuote') this.error('Invalid argument name', 'Argument names must not be quoted.', this.tokenRange(bad));
      else if (bad.type === 'CBrace') this.error('Unexpected closing brace', 'This brace closes no block.', this.tokenRange(bad));
      else this.error('Argument or block definition required', 'An argument or block definition is required here.', this.tokenRange(bad));
      if (bad.type !== 'CBrace') this.recoverAfterBodyItem();
    }
  }

  private parseBodyItem(): Attribute | Block | undefined {
    const ident = this.read();
    const next = this.peek();
    if (next.type === 'Equal') return this.finishAttribute(ident, false);
    if (next.type === 'OQuote' || next.type === 'OBrace' || next.type === 'Ident') return this.finishBlock(ident);
    this.error(
      'Argument or block definition required',
      'An argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.',
      this.tokenRange(ident),
    );
    this.recoverAfterBodyItem();
    return undefined;
  }

  private finishAttribute(ident: Token, singleLine: boolean): Attribute {
    this.read(); // =
    const before = this.diagnostics.length;
    const expr = this.parseBoundedExpression(this.maxDepth - this.depth);
    const attribute: Attribute = {
      type: 'Attribute',
      name: ident.text,
      nameRange: this.tokenRange(ident),
      expr,
      range: this.range(ident.start, Math.max(expr.range.end.offset, ident.end)),
    };
    if (this.diagnostics.length > before) {
      this.recoverAfterBodyItem();
      return attribute;
    }
    if (!singleLine) {
      const end = this.peek();
      if (end.type === 'Newline' || end.type === 'EOF') this.read();
      else {
        if (end.type === 'Comma') {
          this.complain('Unexpected comma after argument', 'Argument definitions must be separated by newlines, not commas.', this.tokenRange(end));
        } else this.complain('Missing newline after argument', 'An argument definition must end with a newline.', this.tokenRange(end));
        this.recoverAfterBodyItem();
      }
    }
    return attribute;
  }

  private finishBlock(ident: Token): Block {
    const before = this.diagnostics.length;
    const labels: BlockLabel[] = [];
    let open: Token | undefined;
    while (!open) {
      const t = this.peek();
      if (t.type === 'OBrace') open = this.read();
      else if (t.type === 'OQuote') labels.push(this.parseQuotedLabel());
      else if (t.type === 'Ident') {
        this.read();
        labels.push({ value: t.text, range: this.tokenRange(t), quoted: false });
      } else {
        const detail =
          t.type === 'Equal'
            ? 'The equals sign "=" indicates an argument definition, and must not be used when defining a block.'
            : t.type === 'Newline'
              ? 'A block definition must have block content delimited by "{" and "}", starting on the same line as the block header.'
              : 'Either a quoted string block label or an opening brace ("{") is expected here.';
        this.complain('Invalid block definition', detail, this.tokenRange(t));
        this.recoverAfterBodyItem();
        const end = labels.length > 0 ? labels[labels.length - 1]!.range : this.tokenRange(ident);
        return {
          type: 'Block',
          blockType: ident.text,
          typeRange: this.tokenRange(ident),
          labels,
          body: { type: 'Body', items: [], range: this.tokenRange(ident) },
          range: this.between(this.tokenRange(ident), end),
          hasErrors: true,
        };
      }
    }

    const items: (Attribute | Block)[] = [];
    const bodyStart = open.end;
    this.depth++;
    const next = this.peek();
    if (this.depth > this.maxDepth) {
      this.tooDeep(this.tokenRange(open));
      this.recover('CBrace');
    } else if (next.type === 'Newline' || next.type === 'EOF' || next.type === 'CBrace') {
      this.parseItems(items, 'CBrace');
    } else {
      // A one-line block: `name { attr = value }`.
      const attrIdent = this.read();
      if (attrIdent.type === 'Ident' && this.peek().type === 'Equal') {
        items.push(this.finishAttribute(attrIdent, true));
        const close = this.peek();
        if (close.type === 'CBrace') this.read();
        else {
          if (close.type === 'Comma') {
            this.complain('Invalid single-argument block definition', 'Single-line block syntax can include only one argument definition.', this.tokenRange(close));
          } else if (close.type === 'Newline') {
            this.complain('Invalid single-argument block definition', 'An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line.', this.tokenRange(close));
          } else if (close.type === 'EOF') {
            this.complain('Unclosed configuration block', 'There is no closing brace for this block before the end of the file.', this.tokenRange(open));
          } else {
            this.complain('Invalid single-argument block definition', 'A single-line block definition must end with a closing brace immediately after its single argument definition.', this.tokenRange(close));
          }
          this.recover('CBrace');
        }
      } else {
        this.complain('Argument definition required', 'A single-line block definition can contain only a single argument. To define a nested block, place it on a line of its own within its parent block.', this.tokenRange(attrIdent));
        this.recover('CBrace');
      }
    }
    this.depth--;
    const closeEnd = this.prevEnd();
    const eol = this.peek();
    if (eol.type === 'Newline' || eol.type === 'EOF') this.read();
    else {
      this.complain('Missing newline after block definition', 'A block definition must end with a newline.', this.tokenRange(eol));
      this.recoverAfterBodyItem();
    }
    return {
      type: 'Block',
      blockType: ident.text,
      typeRange: this.tokenRange(ident),
      labels,
      body: { type: 'Body', items, range: this.range(bodyStart, Math.max(bodyStart, closeEnd - 1)) },
      range: this.range(ident.start, closeEnd),
      hasErrors: this.diagnostics.length > before,
    };
  }

  /** A block label: a quoted string without interpolation. */
  private parseQuotedLabel(): BlockLabel {
    const open = this.read();
    let value = '';
    while (true) {
      const t = this.read();
      if (t.type === 'CQuote') return { value, range: this.range(open.start, t.end), quoted: true };
      if (t.type === 'QuotedLit') value += quotedLiteral(this, t);
      else if (t.type === 'TemplateInterp' || t.type === 'TemplateControl') {
        const which = t.text[0]!;
        this.error('Invalid string literal', `Template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`, this.tokenRange(t));
        this.recover('TemplateSeqEnd');
      } else {
        this.unterminatedString(t, open);
        return { value, range: this.range(open.start, t.start), quoted: true };
      }
    }
  }

  unterminatedString(t: Token, open: Token) {
    if (this.recovery) return;
    if (t.type === 'QuotedNewline') {
      this.error(
        'Invalid multi-line string',
        'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.',
        this.range(open.start, t.start),
      );
    } else this.error('Unterminated template string', 'No closing marker was found for the string.', this.range(open.start, t.start));
  }

  // --- expressions -----------------------------------------------------------------------------

  parseStandaloneExpression(): Expression {
    const expr = this.parseBoundedExpression(this.maxDepth);
    const rest = this.peek();
    if (rest.type !== 'EOF' && rest.type !== 'Newline') this.complain('Extra characters after expression', 'An expression was parsed, but more characters follow it.', this.tokenRange(rest));
    return expr;
  }

  parseExpression(): Expression {
    // nested(), written out: one frame less per level of nesting.
    if (this.depth >= this.maxDepth) return this.tooDeepHere();
    this.depth++;
    try {
      return this.parseConditional();
    } finally {
      this.depth--;
    }
  }

  /** Counts nesting (expressions, unary operators, splats), so that hostile input cannot exhaust the stack. */
  private nested(f: () => Expression): Expression {
    if (this.depth >= this.maxDepth) return this.tooDeepHere();
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private parseConditional(): Expression {
    const condition = this.parseBinary(0);
    if (this.peek().type !== 'Question') return condition;
    this.read();
    const trueExpr = this.parseExpression();
    const colon = this.peek();
    if (colon.type !== 'Colon') {
      this.complain('Missing false expression in conditional', 'The conditional operator (...?...:...) requires a false expression, delimited by a colon.', this.tokenRange(colon));
      this.recovery = true;
      return condition;
    }
    this.read();
    const falseExpr = this.parseExpression();
    return { kind: 'Conditional', condition, trueExpr, falseExpr, range: this.between(condition.range, falseExpr.range) };
  }

  /**
   * Operators of `minLevel` (an index of BINARY_LEVELS) and tighter, left-associative, by precedence
   * climbing: one call per operand of a tighter operator, not one per level, so that each level of
   * nesting costs the stack little.
   */
  private parseBinary(minLevel: number): Expression {
    let left = this.parseWithTraversals();
    while (true) {
      const t = this.peek();
      const level = t.type === 'Op' && Object.hasOwn(BINARY_LEVEL, t.text) ? BINARY_LEVEL[t.text]! : -1;
      if (level < minLevel) return left;
      this.read();
      const right = this.parseBinary(level + 1);
      left = { kind: 'Binary', op: t.text as BinaryOperator, left, right, range: this.between(left.range, right.range) };
    }
  }

  private parseWithTraversals(): Expression {
    return this.parseTraversals(this.parseTerm());
  }

  private parseTraversals(from: Expression): Expression {
    let ret = from;
    while (true) {
      const next = this.peek();
      if (next.type === 'Dot') {
        const dot = this.read();
        const t = this.peek();
        if (t.type === 'Ident') {
          this.read();
          ret = { kind: 'GetAttr', object: ret, name: t.text, nameRange: this.tokenRange(t), range: this.range(from.range.start.offset, t.end) };
        } else if (t.type === 'Number') {
          this.read();
          ret = this.legacyIndex(ret, t, from);
        } else if (this.isOp(t, '*')) {
          const star = this.read();
          let each: Expression = { kind: 'AnonSymbol', range: this.range(dot.start, star.end) };
          while (this.peek().type === 'Dot') {
            this.read();
            const step = this.peek();
            if (step.type === 'Number') {
              this.read();
              each = this.legacyIndex(each, step, each);
            } else if (step.type === 'Ident') {
              this.read();
              each = { kind: 'GetAttr', object: each, name: step.text, nameRange: this.tokenRange(step), range: this.range(each.range.start.offset, step.end) };
            } else {
              if (this.isOp(step, '*')) this.complain('Nested splat expression not allowed', 'A splat expression (*) cannot be used inside another attribute-only splat expression.', this.tokenRange(step));
              else this.complain('Invalid attribute name', 'An attribute name is required after a dot.', this.tokenRange(step));
              this.recovery = true;
              break;
            }
          }
          ret = { kind: 'Splat', source: ret, each, attrOnly: true, range: this.range(from.range.start.offset, Math.max(each.range.end.offset, star.end)) };
        } else {
          this.complain('Invalid attribute name', 'An attribute name is required after a dot.', this.tokenRange(t));
          this.recovery = true;
          return { kind: 'Invalid', range: this.range(from.range.start.offset, dot.end) };
        }
      } else if (next.type === 'OBrack') {
        const open = this.read();
        if (this.isOp(this.peek(), '*')) {
          this.read();
          let close = this.read();
          if (close.type !== 'CBrack') {
            this.complain('Missing close bracket on splat index', 'The star for a full splat operator must be immediately followed by a closing bracket ("]").', this.tokenRange(close));
            close = this.recover('CBrack');
          }
          const anon: Expression = { kind: 'AnonSymbol', range: this.range(open.start, close.end) };
          const each = this.nested(() => this.parseTraversals(anon));
          ret = { kind: 'Splat', source: ret, each, attrOnly: false, range: this.range(from.range.start.offset, Math.max(each.range.end.offset, close.end)) };
        } else {
          const { key, close } = this.withNewlines(false, () => {
            const before = this.diagnostics.length;
            const key = this.parseExpression();
            if (this.diagnostics.length > before) return { key, close: this.recover('CBrack') };
            let close = this.read();
            if (close.type !== 'CBrack') {
              this.complain('Missing close bracket on index', 'The index operator must end with a closing bracket ("]").', this.tokenRange(close));
              close = this.recover('CBrack');
            }
            return { key, close };
          });
          ret = { kind: 'Index', collection: ret, key, legacy: false, range: this.range(from.range.start.offset, close.end) };
        }
      } else return ret;
    }
  }

  /** `foo.0`: the HIL-era index syntax. `foo.0.1` scans as the number 0.1 and is refused. */
  private legacyIndex(collection: Expression, t: Token, from: Expression): Expression {
    if (t.text.includes('.')) {
      const [first, second] = t.text.split('.');
      this.error('Invalid legacy index syntax', `When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [${first}][${second}].`, this.tokenRange(t));
    }
    const key: Expression = { kind: 'Literal', value: Number(t.text), raw: t.text, range: this.tokenRange(t) };
    return { kind: 'Index', collection, key, legacy: true, range: this.range(from.range.start.offset, t.end) };
  }

  private parseTerm(): Expression {
    const start = this.peek();
    switch (start.type) {
      case 'OParen': {
        this.read();
        return this.withNewlines(false, () => {
          const before = this.diagnostics.length;
          const expr = this.parseExpression();
          if (this.diagnostics.length > before) {
            const close = this.recover('CParen');
            return { kind: 'Parens', expr, range: this.range(start.start, close.end) } as const;
          }
          const close = this.peek();
          if (close.type !== 'CParen') {
            this.complain('Unbalanced parentheses', 'Expected a closing parenthesis to terminate the expression.', this.tokenRange(close));
            this.recovery = true;
            return { kind: 'Parens', expr, range: this.range(start.start, expr.range.end.offset) } as const;
          }
          this.read();
          return { kind: 'Parens', expr, range: this.range(start.start, close.end) } as const;
        });
      }
      case 'Number': {
        this.read();
        if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(start.text)) {
          this.error('Invalid number literal', 'Failed to recognize the value of this number literal.', this.tokenRange(start));
        }
        return { kind: 'Literal', value: Number(start.text), raw: start.text, range: this.tokenRange(start) };
      }
      case 'Ident': {
        this.read();
        const after = this.peek();
        if (after.type === 'OParen' || after.type === 'DoubleColon') return this.finishFunctionCall(start);
        const range = this.tokenRange(start);
        if (start.text === 'true' || start.text === 'false') return { kind: 'Literal', value: start.text === 'true', range };
        if (start.text === 'null') return { kind: 'Literal', value: null, range };
        return { kind: 'Variable', name: start.text, range };
      }
      case 'OQuote':
      case 'OHeredoc':
        return parseTemplate(this);
      case 'Op':
        if (start.text === '-') {
          this.read();
          const operand = this.nested(() => this.parseWithTraversals());
          return { kind: 'Unary', op: '-', operand, range: this.range(start.start, operand.range.end.offset) };
        }
        break;
      case 'Bang': {
        this.read();
        const operand = this.nested(() => this.parseWithTraversals());
        return { kind: 'Unary', op: '!', operand, range: this.range(start.start, operand.range.end.offset) };
      }
      case 'OBrack':
        return this.parseTuple();
      case 'OBrace':
        return this.parseObject();
      default:
        break;
    }
    if (start.type === 'EOF') this.complain('Missing expression', 'Expected the start of an expression, but found the end of the file.', this.tokenRange(start));
    else this.complain('Invalid expression', 'Expected the start of an expression, but found an invalid expression token.', this.tokenRange(start));
    this.recovery = true;
    return { kind: 'Invalid', range: this.tokenRange(start) };
  }

  private finishFunctionCall(nameToken: Token): Expression {
    let name = nameToken.text;
    let nameEnd = nameToken.end;
    let open = this.read();
    while (open.type === 'DoubleColon') {
      const next = this.read();
      if (next.type !== 'Ident') {
        this.complain('Missing function name', 'Function scope resolution symbol :: must be followed by a function name in this scope.', this.tokenRange(next));
        this.recovery = true;
        return { kind: 'Invalid', range: this.range(nameToken.start, next.end) };
      }
      name += '::' + next.text;
      nameEnd = next.end;
      open = this.read();
    }
    const nameRange = this.range(nameToken.start, nameEnd);
    if (open.type !== 'OParen') {
      this.complain('Missing open parenthesis', 'Function selector must be followed by an open parenthesis to begin the function call.', this.tokenRange(open));
      this.recovery = true;
      return { kind: 'Invalid', range: this.range(nameToken.start, open.end) };
    }
    return this.withNewlines(false, () => {
      const args: Expression[] = [];
      let expandFinal = false;
      let close: Token | undefined;
      while (!close) {
        if (this.peek().type === 'CParen') {
          close = this.read();
          break;
        }
        const before = this.diagnostics.length;
        args.push(this.parseExpression());
        if (this.diagnostics.length > before) {
          close = this.recover('CParen');
          break;
        }
        const sep = this.read();
        if (sep.type === 'CParen') close = sep;
        else if (sep.type === 'Ellipsis') {
          expandFinal = true;
          if (this.peek().type === 'CParen') close = this.read();
          else {
            this.complain('Missing closing parenthesis', 'An expanded function argument (with ...) must be immediately followed by closing parentheses.', this.tokenRange(sep));
            close = this.recover('CParen');
          }
        } else if (sep.type !== 'Comma') {
          if (sep.type === 'EOF') this.complain('Unterminated function call', 'There is no closing parenthesis for this function call before the end of the file.', nameRange);
          else this.complain('Missing argument separator', 'A comma is required to separate each function argument from the next.', this.tokenRange(sep));
          close = this.recover('CParen');
        }
      }
      return { kind: 'FunctionCall', name, nameRange, args, expandFinal, range: this.range(nameToken.start, close.end) } as const;
    });
  }

  private parseTuple(): Expression {
    const open = this.read();
    return this.withNewlines(false, () => {
      if (this.isKeyword(this.peek(), 'for')) return this.finishFor(open);
      const items: Expression[] = [];
      let close: Token;
      while (true) {
        if (this.peek().type === 'CBrack') {
          close = this.read();
          break;
        }
        const before = this.diagnostics.length;
        items.push(this.parseExpression());
        if (this.diagnostics.length > before) {
          close = this.recover('CBrack');
          break;
        }
        const next = this.peek();
        if (next.type === 'CBrack') {
          close = this.read();
          break;
        }
        if (next.type !== 'Comma') {
          if (next.type === 'EOF') this.complain('Unterminated tuple constructor expression', 'There is no corresponding closing bracket before the end of the file.', this.tokenRange(open));
          else this.complain('Missing item separator', 'Expected a comma to mark the beginning of the next item.', this.tokenRange(next));
          close = this.recover('CBrack');
          break;
        }
        this.read();
      }
      return { kind: 'Tuple', items, range: this.range(open.start, close.end) } as const;
    });
  }

  private parseObject(): Expression {
    const open = this.read();
    const isFor = this.withNewlines(false, () => this.isKeyword(this.peek(), 'for'));
    if (isFor) return this.withNewlines(false, () => this.finishFor(open));
    return this.withNewlines(true, () => {
      const items: ObjectItem[] = [];
      let close: Token;
      while (true) {
        const next = this.peek();
        if (next.type === 'Newline') {
          this.read();
          continue;
        }
        if (next.type === 'CBrace') {
          close = this.read();
          break;
        }
        const forceNonLiteral = next.type === 'OParen';
        const before = this.diagnostics.length;
        const key = this.parseExpression();
        if (this.diagnostics.length > before) {
          close = this.recover('CBrace');
          break;
        }
        const sep = this.peek();
        if (sep.type !== 'Equal' && sep.type !== 'Colon') {
          if (sep.type === 'Newline' || sep.type === 'Comma') this.complain('Missing attribute value', 'Expected an attribute value, introduced by an equals sign ("=").', this.tokenRange(sep));
          else if (sep.type === 'EOF') this.complain('Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file.', this.tokenRange(open));
          else this.complain('Missing key/value separator', 'Expected an equals sign ("=") to mark the beginning of the attribute value.', this.tokenRange(sep));
          close = this.recover('CBrace');
          break;
        }
        this.read();
        const valueBefore = this.diagnostics.length;
        const value = this.parseExpression();
        items.push({ key, forceNonLiteral, value });
        if (this.diagnostics.length > valueBefore) {
          close = this.recover('CBrace');
          break;
        }
        const after = this.peek();
        if (after.type === 'CBrace') {
          close = this.read();
          break;
        }
        if (after.type !== 'Comma' && after.type !== 'Newline') {
          if (after.type === 'EOF') this.complain('Unterminated object constructor expression', 'There is no corresponding closing brace before the end of the file.', this.tokenRange(open));
          else this.complain('Missing attribute separator', 'Expected a newline or comma to mark the beginning of the next attribute.', this.tokenRange(after));
          close = this.recover('CBrace');
          break;
        }
        this.read();
      }
      return { kind: 'Object', items, range: this.range(open.start, close.end) } as const;
    });
  }

  private finishFor(open: Token): Expression {
    const object = open.type === 'OBrace';
    const closeType: TokenType = object ? 'CBrace' : 'CBrack';
    const invalid = (detail: string, at: Token): Expression => {
      this.complain("Invalid 'for' expression", detail, this.tokenRange(at));
      const close = this.recover(closeType);
      return { kind: 'Invalid', range: this.range(open.start, close.end) };
    };
    this.read(); // for
    if (this.peek().type !== 'Ident') return invalid("For expression requires variable name after 'for'.", this.peek());
    let valueVar = this.read().text;
    let keyVar: string | undefined;
    if (this.peek().type === 'Comma') {
      this.read();
      keyVar = valueVar;
      if (this.peek().type !== 'Ident') return invalid('For expression requires value variable name after comma.', this.peek());
      valueVar = this.read().text;
    }
    if (!this.isKeyword(this.peek(), 'in')) return invalid("For expression requires the 'in' keyword after its name declarations.", this.peek());
    this.read();
    const before = this.diagnostics.length;
    const collection = this.parseExpression();
    if (this.diagnostics.length > before) {
      const close = this.recover(closeType);
      return { kind: 'Invalid', range: this.range(open.start, close.end) };
    }
    if (this.peek().type !== 'Colon') return invalid('For expression requires a colon after the collection expression.', this.peek());
    this.read();
    let valueExpr = this.parseExpression();
    let keyExpr: Expression | undefined;
    if (this.peek().type === 'FatArrow') {
      this.read();
      keyExpr = valueExpr;
      valueExpr = this.parseExpression();
    }
    if (this.diagnostics.length > before) {
      const close = this.recover(closeType);
      return { kind: 'Invalid', range: this.range(open.start, close.end) };
    }
    let group = false;
    let ellipsis: Token | undefined;
    if (this.peek().type === 'Ellipsis') {
      ellipsis = this.read();
      group = true;
    }
    let condition: Expression | undefined;
    if (this.isKeyword(this.peek(), 'if')) {
      this.read();
      condition = this.parseExpression();
      if (this.diagnostics.length > before) {
        const close = this.recover(closeType);
        return { kind: 'Invalid', range: this.range(open.start, close.end) };
      }
    }
    let close = this.peek();
    if (close.type === closeType) this.read();
    else {
      this.complain("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", this.tokenRange(close));
      close = this.recover(closeType);
    }
    const range = this.range(open.start, close.end);
    if (!object && keyExpr) this.error("Invalid 'for' expression", 'Key expression is not valid when building a tuple.', keyExpr.range);
    if (!object && ellipsis) this.error("Invalid 'for' expression", 'Grouping ellipsis (...) cannot be used when building a tuple.', this.tokenRange(ellipsis));
    if (object && !keyExpr) this.error("Invalid 'for' expression", 'Key expression is required when building an object.', valueExpr.range);
    return {
      kind: 'For',
      object,
      ...(keyVar !== undefined ? { keyVar } : {}),
      valueVar,
      collection,
      ...(keyExpr ? { keyExpr } : {}),
      valueExpr,
      ...(condition ? { condition } : {}),
      group,
      range,
    };
  }


}

/** Parses a `.tf` file (HCL native syntax). Never throws on input; syntax errors are in `diagnostics`. */
/** Parses a file; a leading byte order mark is no part of it (columns count from after it, as editors show them). */
export function parseHcl(text: string, options: HclOptions = {}): ParsedFile {
  const parser = new Parser(withoutBom(text), options.maxDepth);
  const body = parser.parseFile();
  return { body, comments: parser.comments, diagnostics: parser.diagnostics };
}

/** Parses a standalone expression (for tests and tools). */
export function parseHclExpression(text: string, options: HclOptions = {}): { expr: Expression; diagnostics: Diagnostic[] } {
  const parser = new Parser(withoutBom(text), options.maxDepth);
  return { expr: parser.parseStandaloneExpression(), diagnostics: parser.diagnostics };
}
