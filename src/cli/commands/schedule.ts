import { parseArgs } from 'node:util';
import { explainSchedule, type ScheduleExplanation, type ScheduleQuery } from '../../explain/schedule.js';
import { formatIssue, type Naming } from '../../issues/format.js';
import type { Issue } from '../../issues/issue.js';
import { paint } from '../../report/layout.js';
import { printable, printableJson } from '../../report/printable.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';

export const usage = `Usage: ssm-mw-contracts schedule EXPRESSION [options]

Reads a maintenance window's schedule as SSM does (cron, rate or at, with its time zone,
offset and active period), says it in words and prints its next run times in its time
zone, with the offset applied and daylight-saving changes resolved. EXPRESSION is one
argument: quote it, e.g. 'cron(30 23 ? * TUE#3 *)'.

Options:
  -z, --timezone ZONE    ScheduleTimezone, an IANA name (default UTC)
      --offset N         ScheduleOffset: days after each cron occurrence, 1 to 6
      --start-date DATE  StartDate, ISO 8601 (e.g. 2026-04-07T14:29:00-08:00)
      --end-date DATE    EndDate, ISO 8601
  -n, --count N          how many runs, 1 to 1000 (default 5)
      --from DATE        list the runs after this time, and check EndDate against it
                         (default: now)
  -f, --format FORMAT    text (default) or json
  -h, --help             show this help

Exit status: 0 the schedule is valid (warnings are printed), 2 usage error or a schedule
AWS would refuse (each error with its column in the expression or the option).
`;

/** The options that set each member, as messages name them. */
const OPTION_OF: Record<string, string> = { ScheduleTimezone: '--timezone', ScheduleOffset: '--offset', StartDate: '--start-date', EndDate: '--end-date' };
const CLI_NAMING: Naming = (path) => (path.length === 1 && typeof path[0] === 'string' ? [OPTION_OF[path[0]] ?? path[0]] : path);

function numberOption(name: string, text: string): number {
  if (!/^[+-]?\d+(\.\d+)?$/.test(text.trim())) throw new UsageError(`--${name} must be a number, not "${text}"`);
  return Number(text);
}

function dateOption(name: string, text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) throw new UsageError(`--${name} must be an ISO 8601 date and time, e.g. 2026-03-06T00:00:00Z, not "${text}"`);
  return date;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      timezone: { type: 'string', short: 'z' },
      offset: { type: 'string' },
      'start-date': { type: 'string' },
      'end-date': { type: 'string' },
      count: { type: 'string', short: 'n' },
      from: { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}"; use text or json`);
  if (positionals.length === 0) throw new UsageError("no schedule: give an expression such as 'cron(30 23 ? * TUE#3 *)'");
  if (positionals.length > 1) throw new UsageError(`give the expression as one argument, in quotes: '${positionals.join(' ')}'`);
  let count: number | undefined;
  if (values.count !== undefined) {
    count = Number(values.count);
    if (!/^\d+$/.test(values.count) || count < 1 || count > 1000) throw new UsageError(`--count must be a whole number from 1 to 1000, not "${values.count}"`);
  }
  const query: ScheduleQuery = {
    Schedule: positionals[0]!,
    ...(values.timezone !== undefined ? { ScheduleTimezone: values.timezone } : {}),
    ...(values.offset !== undefined ? { ScheduleOffset: numberOption('offset', values.offset) } : {}),
    ...(values['start-date'] !== undefined ? { StartDate: values['start-date'] } : {}),
    ...(values['end-date'] !== undefined ? { EndDate: values['end-date'] } : {}),
  };
  const from = values.from !== undefined ? dateOption('from', values.from) : new Date(io.now ? io.now() : Date.now());
  const explained = await explainSchedule(query, { from, ...(count === undefined ? {} : { count }) });

  if (values.format === 'json') {
    io.stdout(printableJson(toJson(explained)) + '\n');
  } else if (explained.valid) {
    io.stdout(renderText(explained, from, useColor(io)));
  } else {
    io.stderr(`ssm-mw-contracts: the schedule is not valid:\n${explained.issues.map((i) => issueText(i, explained.query)).join('')}`);
  }
  return explained.valid ? EXIT.clean : EXIT.usage;
}

function toJson(e: ScheduleExplanation) {
  return {
    schedule: e.query.Schedule,
    timezone: e.timezone,
    valid: e.valid,
    ...(e.description ? { description: e.description } : {}),
    runs: e.runs.map((r) => ({ time: r.time.toISOString(), local: r.iso, ...(r.scheduled ? { scheduled: r.scheduled } : {}) })),
    caveats: e.caveats,
    issues: e.issues,
  };
}

/** The value a member was given, as written on the command line. */
const written = (query: ScheduleQuery, member: string) => String((query as unknown as Record<string, unknown>)[member] ?? '');

/**
 * One finding: where (the expression or the option, and the column in it), what, and what to do,
 * then the value with a caret under the part it is about.
 */
function issueText(issue: Issue, query: ScheduleQuery): string {
  const member = String(issue.path[0] ?? 'Schedule');
  const value = written(query, member);
  const { message, hint } = formatIssue(issue.code, issue.params, [...(CLI_NAMING(issue.path) ?? issue.path)], CLI_NAMING);
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

function renderText(e: ScheduleExplanation, from: Date, color: boolean): string {
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
