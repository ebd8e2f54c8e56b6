import { fieldCodes, inputCodes } from '../../issues/codes.js';
import { DIRECTIVE } from '../rule-catalog.js';
import { rules } from '../../rules/index.js';
import type { Block, Comment } from '../../parse/hcl/ast.js';
import { terraformRules } from './rules/index.js';

/*
 * Inline suppression in `.tf` files: a comment `# ssm-mw-contracts:ignore MW003 MW011` (also with
 * `//` or `/* *\/`, rule ids or issue codes separated by spaces or commas, then optionally a reason)
 * on the resource's first line, on the lines just above it, or anywhere inside the resource (on or
 * above the argument it is about) suppresses those rules for the whole task.
 */

const RULE_ID = /^MW\d{3}$/;
const CODES: ReadonlySet<string> = new Set([...Object.keys(fieldCodes), ...Object.keys(inputCodes), ...rules.map((r) => r.code), ...terraformRules.map((r) => r.code)]);

/** The rule ids or codes a comment suppresses, or undefined when it is not a suppression comment. */
export function suppressedBy(comment: Comment): string[] | undefined {
  const text = comment.text.trim();
  if (!text.startsWith(DIRECTIVE)) return undefined;
  const ids: string[] = [];
  for (const token of text.slice(DIRECTIVE.length).split(/[\s,]+/)) {
    if (token === '') continue;
    // A rule id or a known code; the first other word starts the reason.
    if (!RULE_ID.test(token) && !CODES.has(token)) break;
    ids.push(token);
  }
  return ids;
}

/** The ids suppressed for a resource block by comments on, above or inside it. */
export function suppressionsFor(block: Block, comments: readonly Comment[], text: string): string[] {
  const start = block.range.start.line;
  const end = block.range.end.line;
  // Comments alone on the lines directly above the block, without a blank line between.
  const alone = new Set(
    comments
      .filter((c) => c.range.start.line === c.range.end.line && text.slice(c.range.start.offset - c.range.start.column + 1, c.range.start.offset).trim() === '')
      .map((c) => c.range.start.line),
  );
  let above = start;
  while (alone.has(above - 1)) above--;
  const ids = new Set<string>();
  for (const comment of comments) {
    const line = comment.range.start.line;
    if (line < above || line > end) continue;
    for (const id of suppressedBy(comment) ?? []) ids.add(id);
  }
  return [...ids];
}
