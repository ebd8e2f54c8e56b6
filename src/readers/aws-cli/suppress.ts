import { DIRECTIVE, isRuleOrCode } from '../rule-catalog.js';

/*
 * Inline suppression of command lines, in the words of Terraform's (src/readers/terraform/suppress.ts):
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

/** What applies to one command line. */
export interface Applying {
  /** The rule ids and codes suppressed for it. */
  ids: string[];
  /** The directives that apply to it and to no command line asked about before: each is reported once. */
  fresh: Directive[];
}

/**
 * For each command line, the directives that apply to it: those on its own lines, then those upwards
 * from the line above it while the lines are not blank and belong to no other command line. Each
 * line is read once, and the walk upwards from a line is made once, however many command lines
 * start on it (20,000 joined by `;` on one line share one walk and one set of ids).
 */
export function directiveFinder(spans: readonly LineSpan[], lines: readonly string[]): (command: LineSpan) => Applying {
  // How many command lines cover each line (a difference array, then its running sum).
  const cover = new Int32Array(lines.length + 2);
  for (const s of spans) {
    cover[Math.min(Math.max(s.first, 1), lines.length + 1)]!++;
    cover[Math.min(s.last, lines.length) + 1]!--;
  }
  for (let line = 1; line < cover.length; line++) cover[line]! += cover[line - 1]!;
  const onLine = new Map<number, Directive | undefined>();
  const directive = (line: number): Directive | undefined => {
    if (!onLine.has(line)) onLine.set(line, directiveOn(lines[line - 1] ?? '', line));
    return onLine.get(line);
  };
  const upwards = new Map<number, { directives: Directive[]; ids: Set<string>; given: boolean }>();
  const above = (first: number) => {
    let found = upwards.get(first);
    if (!found) {
      found = { directives: [], ids: new Set(), given: false };
      for (let line = first - 1; line >= 1; line--) {
        if ((lines[line - 1] ?? '').trim() === '' || cover[line]! > 0) break;
        const d = directive(line);
        if (!d) continue;
        found.directives.push(d);
        for (const id of d.ids) found.ids.add(id);
      }
      upwards.set(first, found);
    }
    return found;
  };
  const given = new Set<Directive>();
  return (command) => {
    const ids = new Set<string>();
    const fresh: Directive[] = [];
    for (let line = command.first; line <= command.last; line++) {
      const d = directive(line);
      if (!d) continue;
      for (const id of d.ids) ids.add(id);
      if (!given.has(d)) {
        given.add(d);
        fresh.push(d);
      }
    }
    const up = above(command.first);
    for (const id of up.ids) ids.add(id);
    if (!up.given) {
      up.given = true;
      for (const d of up.directives) {
        if (given.has(d)) continue;
        given.add(d);
        fresh.push(d);
      }
    }
    return { ids: [...ids], fresh };
  };
}
