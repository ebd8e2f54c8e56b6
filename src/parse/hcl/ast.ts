/*
 * The syntax tree of HCL's native syntax (hashicorp/hcl, hclsyntax/spec.md): bodies of
 * attributes and blocks, and the expression and template sub-languages. Every node keeps its
 * range in the source, so findings can point at the line and column where a value is written.
 */

/** 1-based line and column (in UTF-16 code units, as editors count), 0-based offset into the text. */
export interface Pos {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Pos;
  end: Pos;
}

export interface Body {
  type: 'Body';
  /** Attributes and blocks in source order. */
  items: (Attribute | Block)[];
  range: Range;
}

export interface Attribute {
  type: 'Attribute';
  name: string;
  nameRange: Range;
  expr: Expression;
  range: Range;
}

export interface BlockLabel {
  value: string;
  range: Range;
  /** `"label"` rather than a naked identifier. */
  quoted: boolean;
}

export interface Block {
  type: 'Block';
  blockType: string;
  typeRange: Range;
  labels: BlockLabel[];
  body: Body;
  range: Range;
  /** A syntax error was found inside the block: its content is incomplete. */
  hasErrors: boolean;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

interface Node {
  range: Range;
}

/** A number, `true`, `false` or `null`. Numbers keep their source text (HCL numbers are arbitrary-precision). */
export interface LiteralExpr extends Node {
  kind: 'Literal';
  value: string | number | boolean | null;
  raw?: string;
}

/** A quoted string or a heredoc: literal text, interpolations and directives. */
export interface TemplateExpr extends Node {
  kind: 'Template';
  parts: TemplatePart[];
  /** Set for `<<EOT` (flush: `<<-EOT`) templates; absent for quoted ones. */
  heredoc?: { marker: string; flush: boolean };
}

export type TemplatePart = TemplateLiteral | TemplateInterpolation | TemplateIf | TemplateFor;

export interface TemplateLiteral extends Node {
  kind: 'TemplateLiteral';
  /** The text after escapes, strip markers and heredoc indentation are applied. */
  value: string;
}

/** `${ expr }`, with `~` strip markers on either side. */
export interface TemplateInterpolation extends Node {
  kind: 'TemplateInterpolation';
  expr: Expression;
  stripLeft: boolean;
  stripRight: boolean;
}

/** `%{ if cond }...%{ else }...%{ endif }`. */
export interface TemplateIf extends Node {
  kind: 'TemplateIf';
  condition: Expression;
  then: TemplatePart[];
  else?: TemplatePart[];
}

/** `%{ for k, v in coll }...%{ endfor }`. */
export interface TemplateFor extends Node {
  kind: 'TemplateFor';
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  body: TemplatePart[];
}

export interface VariableExpr extends Node {
  kind: 'Variable';
  name: string;
}

export interface GetAttrExpr extends Node {
  kind: 'GetAttr';
  object: Expression;
  name: string;
  nameRange: Range;
}

export interface IndexExpr extends Node {
  kind: 'Index';
  collection: Expression;
  key: Expression;
  /** The HIL-era `foo.0` form. */
  legacy: boolean;
}

/** `list[*].x` (full) or `list.*.x` (attribute-only); `each` is evaluated against the `AnonSymbol` item. */
export interface SplatExpr extends Node {
  kind: 'Splat';
  source: Expression;
  each: Expression;
  attrOnly: boolean;
}

/** The element placeholder inside a splat. */
export interface AnonSymbolExpr extends Node {
  kind: 'AnonSymbol';
}

export interface FunctionCallExpr extends Node {
  kind: 'FunctionCall';
  /** Namespaced functions keep their `::` separators: `provider::aws::arn_parse`. */
  name: string;
  nameRange: Range;
  args: Expression[];
  /** The last argument is followed by `...`. */
  expandFinal: boolean;
}

export interface TupleExpr extends Node {
  kind: 'Tuple';
  items: Expression[];
}

export interface ObjectItem {
  key: Expression;
  /** The key was written in parentheses: an expression even when it is a naked identifier. */
  forceNonLiteral: boolean;
  value: Expression;
}

export interface ObjectExpr extends Node {
  kind: 'Object';
  items: ObjectItem[];
}

export interface ForExpr extends Node {
  kind: 'For';
  /** `{ for ... : k => v }` builds an object; `[ for ... : v ]` a tuple. */
  object: boolean;
  keyVar?: string;
  valueVar: string;
  collection: Expression;
  keyExpr?: Expression;
  valueExpr: Expression;
  condition?: Expression;
  /** `...` after the value: group values by key. */
  group: boolean;
}

export interface UnaryExpr extends Node {
  kind: 'Unary';
  op: '-' | '!';
  operand: Expression;
}

export interface BinaryExpr extends Node {
  kind: 'Binary';
  op: BinaryOperator;
  left: Expression;
  right: Expression;
}

export interface ConditionalExpr extends Node {
  kind: 'Conditional';
  condition: Expression;
  trueExpr: Expression;
  falseExpr: Expression;
}

export interface ParensExpr extends Node {
  kind: 'Parens';
  expr: Expression;
}

/** A placeholder where the parser found no valid expression (a syntax error was reported). */
export interface InvalidExpr extends Node {
  kind: 'Invalid';
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | VariableExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | AnonSymbolExpr
  | FunctionCallExpr
  | TupleExpr
  | ObjectExpr
  | ForExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | ParensExpr
  | InvalidExpr;

export interface Comment {
  /** The text without its `#`, `//` or `/* *\/` delimiters. */
  text: string;
  range: Range;
  style: 'line' | 'inline';
}

export interface Diagnostic {
  /** A short statement of what is wrong, e.g. "Missing newline after argument". */
  summary: string;
  /** What the parser expected, in a sentence. */
  detail: string;
  range: Range;
}

export interface ParsedFile {
  body: Body;
  comments: Comment[];
  diagnostics: Diagnostic[];
}

/** A node of an expression tree: an expression, or a part of a template. */
export type ExpressionNode = Expression | TemplatePart;

/** A node's direct sub-expressions and template parts, in the order they are written. */
export function childrenOf(node: ExpressionNode): readonly ExpressionNode[] {
  switch (node.kind) {
    case 'Template':
      return node.parts;
    case 'TemplateInterpolation':
      return [node.expr];
    case 'TemplateIf':
      return [node.condition, ...node.then, ...(node.else ?? [])];
    case 'TemplateFor':
      return [node.collection, ...node.body];
    case 'GetAttr':
      return [node.object];
    case 'Index':
      return [node.collection, node.key];
    case 'Splat':
      return [node.source, node.each];
    case 'FunctionCall':
      return node.args;
    case 'Tuple':
      return node.items;
    case 'Object':
      return node.items.flatMap((item) => [item.key, item.value]);
    case 'For':
      return [node.collection, ...(node.keyExpr ? [node.keyExpr] : []), node.valueExpr, ...(node.condition ? [node.condition] : [])];
    case 'Unary':
      return [node.operand];
    case 'Binary':
      return [node.left, node.right];
    case 'Conditional':
      return [node.condition, node.trueExpr, node.falseExpr];
    case 'Parens':
      return [node.expr];
    case 'Literal':
    case 'Variable':
    case 'AnonSymbol':
    case 'Invalid':
    case 'TemplateLiteral':
      return [];
  }
}

/**
 * The first node, in the order they are written, that lies more than `levels` levels deep in `expr`
 * (`expr` itself is level 1), or undefined. Iterative, so that it measures any tree: a chain of
 * 10,000 `+` is one level per operator, and every later walk recurses once per level.
 */
export function deeperThan(expr: Expression, levels: number): ExpressionNode | undefined {
  const stack: [ExpressionNode, number][] = [[expr, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > levels) return node;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return undefined;
}
