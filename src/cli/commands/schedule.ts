import { parseArgs } from 'node:util';
import { explainSchedule, type ScheduleQuery } from '../../explain/schedule.js';
import { renderScheduleJson } from '../../report/json/schedule.js';
import { renderScheduleRefusal, renderScheduleText } from '../../report/text/schedule.js';
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
    io.stdout(renderScheduleJson(explained));
  } else if (explained.valid) {
    io.stdout(renderScheduleText(explained, from, useColor(io)));
  } else {
    io.stderr(renderScheduleRefusal(explained));
  }
  return explained.valid ? EXIT.clean : EXIT.usage;
}
