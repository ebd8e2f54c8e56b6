import { isUnknown, UNKNOWN, type Unknown } from '../../values/unknown-value.js';
import { setOwn } from '../../values/set-own.js';
import type { ConditionalExpr, Expression, TemplatePart } from '../../parse/hcl/ast.js';
import { print } from '../../parse/hcl/print.js';

/*
 * Static evaluation of Terraform expressions: what can be known from the file alone. Literals,
 * tuples and objects of them, templates whose parts are known, `-`/`!` on known values, and
 * references to values this reader binds itself (`each`, `count` and `dynamic` iterators over
 * literal collections) are evaluated. Everything else is UNKNOWN: locals, resource and data
 * references, function calls, operators, for expressions, and input variables.
 *
 * Input variables are never checked against their `default` or their `validation` blocks, by
 * decision. A default is only what applies when the caller passes nothing, and the files this reads
 * are mostly modules whose callers pass their own values (tfvars, -var, TF_VAR_, a module block);
 * a finding on the default would be a false alarm for every caller who overrides it. A validation
 * condition is an arbitrary expression that constrains the value without naming it; reading
 * `contains([...], var.x)` as a list of allowed values would make each of them a variant, and a
 * finding on one the caller never uses is again a false alarm. The provider's and the API's checks
 * run on the value at plan time, where `terraformPlanReader` sees it.
 *
 * A conditional is decided by the variant being checked when its condition is one of the
 * resource's conditions (see variants.ts).
 */

export type Value = string | number | boolean | null | Unknown | Value[] | { [key: string]: Value };

export type Scope = ReadonlyMap<string, Value>;

/** Decides a conditional for the variant being checked: true, false, or undefined (not decided). */
export type Decide = (conditional: ConditionalExpr) => boolean | undefined;

export interface Env {
  scope: Scope;
  decide: Decide;
}

export const NO_ENV: Env = { scope: new Map(), decide: () => undefined };

export function isRecordValue(v: Value): v is { [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Known all the way down: no UNKNOWN anywhere inside. */
export function isStatic(v: Value): boolean {
  if (isUnknown(v)) return false;
  if (Array.isArray(v)) return v.every(isStatic);
  if (isRecordValue(v)) return Object.values(v).every(isStatic);
  return true;
}

function equal(a: Value, b: Value): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  if (isRecordValue(a)) {
    if (!isRecordValue(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k]!, b[k]!));
  }
  return a === b;
}

/** A number as Terraform writes it in a string: decimal, without exponent. */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toFixed(20).replace(/(?<!0)0+$/, '').replace(/\.$/, '');
}

/** Terraform's conversion of a primitive to a string (as interpolated into a template), or undefined when it has none (null, collections). */
export function toText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

function evaluateParts(parts: readonly TemplatePart[], env: Env): Value {
  let out = '';
  for (const part of parts) {
    switch (part.kind) {
      case 'TemplateLiteral':
        out += part.value;
        break;
      case 'TemplateInterpolation': {
        const text = toText(evaluate(part.expr, env));
        if (text === undefined) return UNKNOWN;
        out += text;
        break;
      }
      case 'TemplateIf': {
        const condition = evaluate(part.condition, env);
        if (typeof condition !== 'boolean') return UNKNOWN;
        const chosen = evaluateParts(condition ? part.then : (part.else ?? []), env);
        if (typeof chosen !== 'string') return UNKNOWN;
        out += chosen;
        break;
      }
      case 'TemplateFor':
        return UNKNOWN;
    }
  }
  return out;
}

function index(collection: Value, key: Value): Value {
  if (Array.isArray(collection)) {
    const i = typeof key === 'number' ? key : typeof key === 'string' && /^\d+$/.test(key) ? Number(key) : undefined;
    return i !== undefined && Number.isInteger(i) && i >= 0 && i < collection.length ? collection[i]! : UNKNOWN;
  }
  if (isRecordValue(collection)) {
    const k = typeof key === 'string' ? key : typeof key === 'number' ? numberToString(key) : undefined;
    return k !== undefined && Object.hasOwn(collection, k) ? collection[k]! : UNKNOWN;
  }
  return UNKNOWN;
}

/** The value of `expr`, or UNKNOWN where it depends on anything but the file itself. */
export function evaluate(expr: Expression, env: Env = NO_ENV): Value {
  switch (expr.kind) {
    case 'Literal':
      return expr.value;
    case 'Template': {
      const only = expr.parts.length === 1 ? expr.parts[0]! : undefined;
      // A template that is a single interpolation is "unwrapped": its value, not a string.
      if (only?.kind === 'TemplateInterpolation') return evaluate(only.expr, env);
      return evaluateParts(expr.parts, env);
    }
    case 'Variable':
      return env.scope.has(expr.name) ? env.scope.get(expr.name)! : UNKNOWN;
    case 'GetAttr': {
      const object = evaluate(expr.object, env);
      return isRecordValue(object) && Object.hasOwn(object, expr.name) ? object[expr.name]! : UNKNOWN;
    }
    case 'Index':
      return index(evaluate(expr.collection, env), evaluate(expr.key, env));
    case 'Splat': {
      const source = evaluate(expr.source, env);
      if (source === null) return [];
      if (isUnknown(source)) return UNKNOWN;
      const items = Array.isArray(source) ? source : [source];
      return items.map((item) => evaluate(expr.each, { ...env, scope: new Map([...env.scope, [ANON, item]]) }));
    }
    case 'AnonSymbol':
      return env.scope.has(ANON) ? env.scope.get(ANON)! : UNKNOWN;
    case 'Tuple':
      return expr.items.map((item) => evaluate(item, env));
    case 'Object': {
      const out: { [key: string]: Value } = {};
      for (const item of expr.items) {
        const key = item.key.kind === 'Variable' && !item.forceNonLiteral ? item.key.name : toText(evaluate(item.key, env));
        if (key === undefined) return UNKNOWN;
        setOwn(out, key, evaluate(item.value, env));
      }
      return out;
    }
    case 'Unary': {
      const operand = evaluate(expr.operand, env);
      if (expr.op === '-' && typeof operand === 'number') return -operand;
      if (expr.op === '!' && typeof operand === 'boolean') return !operand;
      return UNKNOWN;
    }
    case 'Conditional': {
      const condition = evaluate(expr.condition, env);
      const decided = typeof condition === 'boolean' ? condition : env.decide(expr);
      if (decided !== undefined) return evaluate(decided ? expr.trueExpr : expr.falseExpr, env);
      const a = evaluate(expr.trueExpr, env);
      const b = evaluate(expr.falseExpr, env);
      return equal(a, b) ? a : UNKNOWN;
    }
    case 'Parens':
      return evaluate(expr.expr, env);
    case 'FunctionCall':
    case 'For':
    case 'Binary':
    case 'Invalid':
      return UNKNOWN;
  }
}

/** The scope name of a splat's current element (not an identifier, so no reference can clash with it). */
const ANON = '*';

/** `expr` without the parentheses around it. */
export function unwrap(expr: Expression): Expression {
  return expr.kind === 'Parens' ? unwrap(expr.expr) : expr;
}

/** The expression whose value `expr` has in this variant: through parentheses and decided conditionals. */
export function chosen(expr: Expression, env: Env): Expression {
  const e = unwrap(expr);
  if (e.kind !== 'Conditional') return e;
  const condition = evaluate(e.condition, env);
  const decided = typeof condition === 'boolean' ? condition : env.decide(e);
  return decided === undefined ? e : chosen(decided ? e.trueExpr : e.falseExpr, env);
}

/** The root names an expression refers to (`var`, `each`, an iterator), except names it binds itself. */
export function references(expr: Expression): Set<string> {
  const out = new Set<string>();
  const visit = (e: Expression, bound: ReadonlySet<string>) => {
    const sub = (x: Expression | undefined, more: readonly (string | undefined)[] = []) => {
      if (!x) return;
      const extra = more.filter((m): m is string => m !== undefined);
      visit(x, extra.length ? new Set([...bound, ...extra]) : bound);
    };
    const parts = (ps: readonly TemplatePart[], extra: readonly (string | undefined)[] = []) => {
      for (const p of ps) {
        if (p.kind === 'TemplateInterpolation') sub(p.expr, extra);
        else if (p.kind === 'TemplateIf') {
          sub(p.condition, extra);
          parts(p.then, extra);
          parts(p.else ?? [], extra);
        } else if (p.kind === 'TemplateFor') {
          sub(p.collection, extra);
          parts(p.body, [...extra, p.keyVar, p.valueVar]);
        }
      }
    };
    switch (e.kind) {
      case 'Variable':
        if (!bound.has(e.name)) out.add(e.name);
        break;
      case 'Template':
        parts(e.parts);
        break;
      case 'GetAttr':
        sub(e.object);
        break;
      case 'Index':
        sub(e.collection);
        sub(e.key);
        break;
      case 'Splat':
        sub(e.source);
        sub(e.each);
        break;
      case 'FunctionCall':
        e.args.forEach((a) => sub(a));
        break;
      case 'Tuple':
        e.items.forEach((a) => sub(a));
        break;
      case 'Object':
        for (const item of e.items) {
          if (item.forceNonLiteral || item.key.kind !== 'Variable') sub(item.key);
          sub(item.value);
        }
        break;
      case 'For':
        sub(e.collection);
        for (const x of [e.keyExpr, e.valueExpr, e.condition]) sub(x, [e.keyVar, e.valueVar]);
        break;
      case 'Unary':
        sub(e.operand);
        break;
      case 'Binary':
        sub(e.left);
        sub(e.right);
        break;
      case 'Conditional':
        sub(e.condition);
        sub(e.trueExpr);
        sub(e.falseExpr);
        break;
      case 'Parens':
        sub(e.expr);
        break;
      default:
        break;
    }
  };
  visit(expr, new Set());
  return out;
}

/** How a condition is named and compared: its text, without parentheses, and without a leading `!`. */
export function conditionKey(condition: Expression): { key: string; negated: boolean } {
  const e = unwrap(condition);
  if (e.kind === 'Unary' && e.op === '!') {
    const inner = conditionKey(e.operand);
    return { key: inner.key, negated: !inner.negated };
  }
  return { key: print(e), negated: false };
}
