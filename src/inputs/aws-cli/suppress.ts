import { DIRECTIVE, isRuleOrCode } from '../../lint/rules.js';

/*
 * Inline suppression of command lines, in the words of Terraform's (src/inputs/terraform/suppress.ts):
 * a comment `# ssm-mw-contracts:ignore MW003 MW011 -- reason` (rule ids or codes, separated by spaces
 * or commas, then optionally `--` and a reason) suppresses those rules for one command line. It
 * applies to the command whose lines it is written on (a trailing comment), or to the command below
 * it in the same paragraph: no blank line and no other `aws` command between them. So it may stand
 * in the script above the command, in a YAML comment above the CI step whose `run:` holds it, or in
 * an HTML comment above a Markdown code block. Any comment syntax of these files introduces it:
 * `#`, `//`, `REM`, `::`, `<!--` and reStructuredText's `..`.
 */

/** A comment marker ending the text before the directive (`  # `, `REM `, `<!-- `, `.. `). */
const COMMENT_BEFORE = /(?:^|\s)(?:#|\/\/|<!--|::|rem|\.\.)\s*$/i;
/** Words that look like a rule id or a code, so that one that names nothing is a finding rather than the reason's start. */
const NAME_LIKE = /^(?:MW\d+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)$/i;

export interface Directive {
  line: number;
  /** The rule ids and codes it suppresses. */
  ids: string[];
  /** Names that are no rule id or code, each with its 1-based column. */
  unknown: { name: string; column: number }[];
}

/** The suppression comment on a line (1-based), if it holds one. */
export function directiveOn(text: string, line: number): Directive | undefined {
  const at = text.indexOf(DIRECTIVE);
  if (at < 0 || !COMMENT_BEFORE.test(text.slice(0, at))) return undefined;
  const after = at + DIRECTIVE.length;
  if (after < text.length && !/\s/.test(text[after]!)) return undefined;
  // What an HTML comment's `-->` closes is no part of the directive (found without a regex, which would look again from each space).
  const tail = text.slice(after);
  const close = tail.indexOf('-->');
  const rest = close < 0 ? tail : tail.slice(0, close).trimEnd();
  const separator = rest.search(/(^|\s)--(\s|$)/);
  const names = separator < 0 ? rest : rest.slice(0, separator);
  const directive: Directive = { line, ids: [], unknown: [] };
  for (const m of names.matchAll(/[^\s,]+/g)) {
    const name = m[0];
    if (isRuleOrCode(name)) directive.ids.push(name);
    // Before an explicit `--`, every word is a name; without one, the first word that is not name-like starts the reason.
    else if (separator >= 0 || NAME_LIKE.test(name)) directive.unknown.push({ name, column: after + m.index + 1 });
    else break;
  }
  return directive;
}

/** A command line's lines, first to last (1-based). */
export interface LineSpan {
  first: number;
  last: number;
}

/**
 * The directives that apply to `command`: on its own lines, then upwards from the line above it
 * while the lines are not blank and belong to no other command in `others`.
 */
export function directivesFor(command: LineSpan, others: readonly LineSpan[], lines: readonly string[]): Directive[] {
  const out: Directive[] = [];
  const taken = (line: number) => others.some((o) => o !== command && o.first <= line && line <= o.last);
  for (let line = command.first; line <= command.last; line++) {
    const d = directiveOn(lines[line - 1] ?? '', line);
    if (d) out.push(d);
  }
  for (let line = command.first - 1; line >= 1; line--) {
    const text = lines[line - 1] ?? '';
    if (text.trim() === '' || taken(line)) break;
    const d = directiveOn(text, line);
    if (d) out.push(d);
  }
  return out;
}
