import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FROMS } from '../support/schedules.js';
import { runCli, transcript } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

/*
 * `ssm-mw-contracts schedule`: the schedule in words and its next run times, and a clear error,
 * with its column, for a schedule AWS would refuse. Snapshots keep the command, its output and its
 * exit code together; the run times of AWS's documented examples are held to an independent
 * computation (test/support/schedule_oracle.py, Python's zoneinfo) in four zones, across
 * daylight-saving changes, with offsets and active periods.
 */

/** The tzdata version this Node carries is the machine's, not the command's: snapshots name it so. */
export const machineIndependent = (text: string) => text.replace(/tzdata \d{4}[a-z]+/g, 'tzdata <version>');

const FROM = ['--from', '2026-03-06T00:00:00Z'];

const cases: { name: string; argv: string[]; exit: number }[] = [
  { name: 'documented-offset-example', argv: ['schedule', 'cron(30 23 ? * TUE#3 *)', '--timezone', 'America/Los_Angeles', '--offset', '2', ...FROM, '--count', '3'], exit: 0 },
  { name: 'utc-by-default', argv: ['schedule', 'cron(15 10 ? * MON-FRI *)', ...FROM], exit: 0 },
  { name: 'numeric-day-of-week', argv: ['schedule', 'cron(0 10 ? * 5#3 *)', ...FROM, '-n', '2'], exit: 0 },
  { name: 'clocks-go-forward', argv: ['schedule', 'cron(30 2 * * ? *)', '-z', 'America/Los_Angeles', '--from', '2026-03-07T00:00:00Z', '-n', '4'], exit: 0 },
  { name: 'clocks-go-back', argv: ['schedule', 'cron(30 2 * * ? *)', '-z', 'Europe/Berlin', '--from', '2026-10-24T00:00:00Z', '-n', '3'], exit: 0 },
  { name: 'offset-across-a-clock-change', argv: ['schedule', 'cron(0 23 ? * SAT#4 *)', '-z', 'Europe/Berlin', '--offset', '6', ...FROM, '-n', '2'], exit: 0 },
  { name: 'rate-from-a-start-date', argv: ['schedule', 'rate(7 days)', '--start-date', '2019-01-01T00:03:15+09:00', '--end-date', '2019-06-30T00:06:15+09:00', '-z', 'Asia/Tokyo', '--from', '2018-12-01T00:00:00Z', '-n', '30'], exit: 0 },
  { name: 'at-in-a-time-zone', argv: ['schedule', 'at(2021-07-07T13:15:30)', '-z', 'America/Los_Angeles', '--from', '2021-01-01T00:00:00Z'], exit: 0 },
  { name: 'alias-time-zone', argv: ['schedule', 'cron(0 9 ? * WED *)', '-z', 'US/Pacific', ...FROM, '-n', '1'], exit: 0 },
  { name: 'one-off-in-the-past', argv: ['schedule', 'at(2020-07-07T15:55:00)', ...FROM], exit: 0 },
  { name: 'warnings-and-runs', argv: ['schedule', 'CRON(0 10 L-2 * ? *)', ...FROM, '-n', '2'], exit: 0 },
  { name: 'end-date-passed', argv: ['schedule', 'cron(0 2 ? * SUN *)', '--end-date', '2025-12-31T23:59:59Z', ...FROM], exit: 0 },
  { name: 'json', argv: ['schedule', 'cron(30 23 ? * TUE#3 *)', '--offset', '2', ...FROM, '-n', '2', '--format', 'json'], exit: 0 },
  { name: 'hour-out-of-range', argv: ['schedule', 'cron(0 24 ? * MON *)', ...FROM], exit: 2 },
  { name: 'both-day-fields', argv: ['schedule', 'cron(0 10 * * * *)', ...FROM], exit: 2 },
  { name: 'quartz-six-fields', argv: ['schedule', 'cron(0 15 10 ? * MON-FRI)', ...FROM], exit: 2 },
  { name: 'unix-five-fields', argv: ['schedule', 'cron(0 2 * * 1)', ...FROM], exit: 2 },
  { name: 'rate-unit-in-the-wrong-number', argv: ['schedule', 'rate(1 hours)', ...FROM], exit: 2 },
  { name: 'several-errors', argv: ['schedule', 'rate(5 minute)', '--timezone', 'Mars/Olympus', '--offset', '9', ...FROM], exit: 2 },
  { name: 'offset-with-a-rate', argv: ['schedule', 'rate(7 days)', '--offset', '2', ...FROM], exit: 2 },
  { name: 'end-before-start', argv: ['schedule', 'rate(1 day)', '--start-date', '2026-06-01T00:00:00Z', '--end-date', '2026-05-01T00:00:00Z', ...FROM], exit: 2 },
  { name: 'error-as-json', argv: ['schedule', 'cron(0 24 ? * MON *)', ...FROM, '--format', 'json'], exit: 2 },
  { name: 'no-expression', argv: ['schedule', '--timezone', 'UTC'], exit: 2 },
  { name: 'expression-not-quoted', argv: ['schedule', 'cron(0', '10', '*', '*', '?', '*)'], exit: 2 },
  { name: 'count-out-of-range', argv: ['schedule', 'rate(1 day)', '--count', '0'], exit: 2 },
  { name: 'offset-not-a-number', argv: ['schedule', 'cron(0 10 * * ? *)', '--offset', 'two'], exit: 2 },
  { name: 'from-not-a-date', argv: ['schedule', 'rate(1 day)', '--from', 'yesterday'], exit: 2 },
  { name: 'help', argv: ['schedule', '--help'], exit: 0 },
];

describe('ssm-mw-contracts schedule', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCli(c.argv);
    expect(run.code).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(machineIndependent(transcript(c.argv, run))).toMatchFileSnapshot(`snapshots/schedule/${name}.txt`);
  });

  it('lists its runs from the current time when --from is not given', async () => {
    const now = Date.parse('2026-03-06T00:00:00Z');
    const run = await runCli(['schedule', 'rate(1 day)', '-n', '1'], { now: () => now });
    expect(run.stdout).toContain('Next run after 2026-03-06T00:00:00Z, in UTC:\n  2026-03-07T00:00:00+00:00  Saturday');
  });

  it('gives each error the column of the field it is about', async () => {
    const run = await runCli(['schedule', 'cron(0 10 ? * MON#6 *)', ...FROM, '--format', 'json']);
    const [issue] = JSON.parse(run.stdout).issues;
    expect(issue).toMatchObject({ code: 'cron_nth', rule: 'MW042', path: ['Schedule'], span: { offset: 18, length: 1 } });
    expect('cron(0 10 ? * MON#6 *)'.slice(18, 19)).toBe('6');
  });
});

/** AWS's documented window examples (research notes §2.3; the scheduling page's examples 1 and 2). */
const DOCUMENTED = [
  'cron(0 2 ? * THU#3 *)',
  'cron(15 10 ? * * *)',
  'cron(15 10 ? * MON-FRI *)',
  'cron(0 2 L * ? *)',
  'cron(15 10 ? * 6L *)',
  'cron(30 09 ? * * *)',
  'cron(24 30 09 ? * * *)',
  'cron(30 23 ? * TUE#3 *)',
  'cron(0 16 ? * TUE *)',
  'cron(0 09 ? * WED *)',
  'cron(0 10 * * ? *)',
  'cron(0 18 ? * MON-FRI *)',
  'cron(0 8 1 * ? *)',
  'cron(0/5 8-17 ? * MON-FRI *)',
  'rate(30 minutes)',
  'rate(1 hour)',
  'rate(7 days)',
];
const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney'];

interface OracleCase {
  schedule: string;
  timezone: string;
  from: string;
  count: number;
  offset?: number;
  start?: string;
  end?: string;
}

const oracleCases: OracleCase[] = [
  ...DOCUMENTED.flatMap((schedule, i) =>
    ZONES.map((timezone, j) => ({
      schedule,
      timezone,
      from: FROMS[(i + j) % FROMS.length]!,
      count: 8,
      // Every other cron example with a ScheduleOffset, as the documented TUE#3 one has.
      ...(schedule.startsWith('cron') && (i + j) % 2 === 0 ? { offset: ((i + j) % 6) + 1 } : {}),
    })),
  ),
  { schedule: 'cron(0 09 ? * WED *)', timezone: 'America/Los_Angeles', from: '2020-12-01T00:00:00Z', count: 3, start: '2021-01-01T00:00:00-08:00', end: '2021-06-30T00:00:00-08:00' },
  { schedule: 'rate(7 days)', timezone: 'Asia/Tokyo', from: '2018-12-01T00:00:00Z', count: 30, start: '2019-01-01T00:03:15+09:00', end: '2019-06-30T00:06:15+09:00' },
];

describe("AWS's documented examples, against an independent computation (Python zoneinfo)", () => {
  const expected = JSON.parse(execFileSync('python3', [join(ROOT, 'test', 'support', 'schedule_oracle.py')], { input: JSON.stringify(oracleCases), encoding: 'utf8' })) as string[][];

  it.each(oracleCases.map((c, i) => [`${c.schedule} in ${c.timezone} from ${c.from}${c.offset ? ` with offset ${c.offset}` : ''}`, c, i] as const))('%s', async (_, c, i) => {
    const argv = ['schedule', c.schedule, '--timezone', c.timezone, '--from', c.from, '--count', String(c.count), '--format', 'json'];
    if (c.offset) argv.push('--offset', String(c.offset));
    if (c.start) argv.push('--start-date', c.start);
    if (c.end) argv.push('--end-date', c.end);
    const run = await runCli(argv);
    expect(run.code, run.stderr).toBe(0);
    const runs = (JSON.parse(run.stdout) as { runs: { local: string }[] }).runs.map((r) => r.local);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs).toEqual(expected[i]);
  });

  it('crosses daylight-saving changes, in three zones or more, and applies offsets', () => {
    const offsetsOf = (runs: readonly string[]) => new Set(runs.map((r) => r.slice(-6)));
    const crossing = oracleCases.filter((c, i) => offsetsOf(expected[i]!).size > 1);
    expect(new Set(crossing.map((c) => c.timezone)).size).toBeGreaterThanOrEqual(3);
    expect(crossing.some((c) => c.offset)).toBe(true);
    expect(oracleCases.filter((c) => c.offset).length).toBeGreaterThan(10);
  });

  it('matches the scheduling page: example 1 first runs on Wednesday 6 January 2021, example 2 last on Tuesday 25 June 2019', () => {
    expect(expected.at(-2)![0]).toBe('2021-01-06T09:00:00-08:00');
    expect(expected.at(-1)).toHaveLength(26);
    expect(expected.at(-1)!.at(-1)).toBe('2019-06-25T00:03:15+09:00');
  });
});
