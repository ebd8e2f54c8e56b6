import type { ScheduleExplanation, ScheduleQuery } from '../../explain/schedule.js';
import type { Naming } from '../../issues/format.js';
import type { IssueData } from '../../issues/issue.js';
import { wordIssue } from '../../issues/make.js';
import { paint } from '../layout.js';
import { printable } from '../printable.js';

/** The options that set each member, as messages name them. */
const OPTION_OF: Record<string, string> = { ScheduleTimezone: '--timezone', ScheduleOffset: '--offset', StartDate: '--start-date', EndDate: '--end-date' };
const CLI_NAMING: Naming = (path) => (path.length === 1 && typeof path[0] === 'string' ? [OPTION_OF[path[0]] ?? path[0]] : path);


/** The value a member was given, as written on the command line. */
const written = (query: ScheduleQuery, member: string) => String((query as unknown as Record<string, unknown>)[member] ?? '');

/**
 * One finding: where (the expression or the option, and the column in it), what, and what to do,
 * then the value with a caret under the part it is about.
 */
function issueText(issue: IssueData, query: ScheduleQuery): string {
  const member = String(issue.path[0] ?? 'Schedule');
  const value = written(query, member);
  const { message, hint } = wordIssue(issue, CLI_NAMING, [...(CLI_NAMING(issue.path) ?? issue.path)]);
  const where = `${member === 'Schedule' ? 'the expression' : OPTION_OF[member] ?? member}${issue.span ? `, column ${issue.span.offset + 1}` : ''}`;
  const label = issue.rule ? `${issue.rule} ${issue.code}` : issue.code;
  const lines = [`  ${issue.severity} (${where}): ${printable(message)}${hint ? ` ${printable(hint)}` : ''} [${label}]`];
  if (issue.span && value) {
    lines.push(`    ${printable(value)}`);
    lines.push(`    ${' '.repeat(printable(value.slice(0, issue.span.offset)).length)}${'^'.repeat(Math.max(1, printable(value.slice(issue.span.offset, issue.span.offset + issue.span.length)).length))}`);
  }
  return lines.join('\n') + '\n';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** The day of the week of a local time written as ISO 8601 (its own date, not UTC's). */
const weekdayOf = (iso: string) => WEEKDAYS[new Date(`${iso.slice(0, 10)}T00:00:00Z`).getUTCDay()]!;

/** An instant as ISO 8601 in UTC, without milliseconds when there are none. */
const utcText = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/** What `schedule` prints to standard error of a schedule AWS would refuse: each finding, with a caret under its part. */
export function renderScheduleRefusal(e: ScheduleExplanation): string {
  return `ssm-mw-contracts: the schedule is not valid:\n${e.issues.map((i) => issueText(i, e.query)).join('')}`;
}

/** People's format for `schedule`: the expression in words, its next runs in its zone, then its warnings and the notes the runs rest on. */
export function renderScheduleText(e: ScheduleExplanation, from: Date, color: boolean): string {
  const c = paint(color);
  const zone = e.query.ScheduleTimezone !== undefined && e.query.ScheduleTimezone !== e.timezone ? `${printable(e.query.ScheduleTimezone)} (${e.timezone})` : e.timezone;
  const out = [`${c('bold', printable(e.query.Schedule))}`, `  ${e.description}`, ''];
  const warnings = e.issues.filter((i) => i.severity !== 'error');
  if (e.runs.length === 0) out.push(`No run after ${utcText(from)}${e.query.EndDate ? ` and before ${printable(e.query.EndDate)}` : ''}.`);
  else {
    out.push(`Next ${e.runs.length === 1 ? 'run' : `${e.runs.length} runs`} after ${utcText(from)}, in ${zone}:`);
    const days = e.query.ScheduleOffset;
    for (const r of e.runs) out.push(`  ${r.iso}  ${weekdayOf(r.iso).padEnd(9)}${r.scheduled ? `  ${days} day${days === 1 ? '' : 's'} after ${r.scheduled}` : ''}`.trimEnd());
  }
  if (warnings.length > 0) out.push('', 'Warnings:', ...warnings.map((i) => issueText(i, e.query).trimEnd()));
  if (e.caveats.length > 0) out.push('', 'Notes:', ...e.caveats.map((t) => `  - ${printable(t)}`));
  return out.join('\n') + '\n';
}
