import type { Block, Body, ConditionalExpr, Expression, TemplatePart } from '../../parse/hcl/ast.js';
import { conditionKey, evaluate, isStatic, NO_ENV, references, type Decide } from './evaluate.js';
import { dynamicIterator } from './lower.js';

/*
 * A conditional whose two branches are both known (`var.simple ? "RUN_COMMAND" : "AUTOMATION"`,
 * `for_each = var.simple ? [1] : []`) is checked in both branches, as CloudFormation's Fn::If is.
 * Conditionals with the same condition (the same text, or its negation with `!`) take the same
 * branch together, so a task type and the dynamic block that matches it are never checked apart.
 * Each combination of the resource's conditions is one variant.
 */

/** At most 2^4 = 16 variants per resource; further conditions are left undecided (their conditionals unknown). */
export const MAX_CONDITIONS = 4;

export interface Variant {
  /** The conditions and the branch taken, one fact per condition (`var.simple_patching is true`); none when there is only one variant. */
  facts: string[];
  decide: Decide;
}

/** Whether this conditional splits the resource into variants: its condition unknown, both branches known. */
function splits(e: ConditionalExpr, iterators: ReadonlySet<string>): boolean {
  if ([...references(e.condition)].some((name) => iterators.has(name))) return false;
  if (typeof evaluate(e.condition) === 'boolean') return false;
  return isStatic(evaluate(e.trueExpr, NO_ENV)) && isStatic(evaluate(e.falseExpr, NO_ENV));
}

/** The conditions of a resource's splitting conditionals, in the order they are written. */
export function conditionsOf(resource: Block): string[] {
  const keys: string[] = [];
  const visitParts = (parts: readonly TemplatePart[], iterators: ReadonlySet<string>) => {
    for (const part of parts) {
      if (part.kind === 'TemplateInterpolation') visit(part.expr, iterators);
      else if (part.kind === 'TemplateIf') {
        visitParts(part.then, iterators);
        visitParts(part.else ?? [], iterators);
      }
    }
  };
  const visit = (e: Expression, iterators: ReadonlySet<string>): void => {
    switch (e.kind) {
      case 'Conditional':
        if (splits(e, iterators)) {
          const { key } = conditionKey(e.condition);
          if (!keys.includes(key)) keys.push(key);
        }
        visit(e.trueExpr, iterators);
        visit(e.falseExpr, iterators);
        return;
      case 'Template':
        return visitParts(e.parts, iterators);
      case 'Tuple':
        return e.items.forEach((item) => visit(item, iterators));
      case 'Object':
        return e.items.forEach((item) => visit(item.value, iterators));
      case 'Parens':
        return visit(e.expr, iterators);
      default:
        // Function calls, operators, for expressions and splats are unknown whatever their operands.
        return;
    }
  };
  const visitBody = (body: Body, iterators: ReadonlySet<string>) => {
    for (const item of body.items) {
      if (item.type === 'Attribute') visit(item.expr, iterators);
      else if (item.blockType === 'dynamic') {
        const name = dynamicIterator(item);
        for (const inner of item.body.items) {
          if (inner.type === 'Attribute') visit(inner.expr, iterators);
          else if (inner.blockType === 'content') visitBody(inner.body, name ? new Set([...iterators, name]) : iterators);
        }
      } else visitBody(item.body, iterators);
    }
  };
  visitBody(resource.body, new Set());
  return keys;
}

/** Every combination of the first MAX_CONDITIONS conditions; a single variant when there are none. */
export function variantsOf(conditions: readonly string[]): Variant[] {
  const used = conditions.slice(0, MAX_CONDITIONS);
  if (used.length === 0) return [{ facts: [], decide: () => undefined }];
  const out: Variant[] = [];
  for (let mask = 0; mask < 1 << used.length; mask++) {
    const truth = new Map(used.map((key, i) => [key, (mask & (1 << i)) === 0]));
    const facts = used.map((key) => `${key} is ${truth.get(key)}`);
    out.push({
      facts,
      decide: (e) => {
        const { key, negated } = conditionKey(e.condition);
        const value = truth.get(key);
        return value === undefined ? undefined : value !== negated;
      },
    });
  }
  return out;
}
