import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRuns, type WindowSchedule } from '../../src/schedule/index.js';
import { SEED } from '../support/cases.js';
import { FROMS, validAt, validCron, validRate, ZONES } from '../support/schedules.js';
import { FIXTURES, readYaml, ROOT } from './support.js';

/*
 * Run times against two independent computations: the tables of the research notes for issue 16
 * (AWS's documented window expressions in five zones, daily schedules across every 2026 DST change
 * of four zones, offsets; a Python brute force written for the notes), and test/support/schedule_oracle.py,
 * a second Python implementation run here on random valid windows (ten zones, starts just before DST
 * changes, offsets, start and end dates).
 */

interface Independent {
  examples: { schedule: string; meaning: string; from: string; runs: Record<string, string[]> }[];
  dst: { timezone: string; from: string; schedule: string; runs: string[] }[];
  offset: { timezone: string; schedule: string; offset: number; from: string; scheduled: string[]; runs: string[] }[];
}
const independent = readYaml<Independent>(join(FIXTURES, 'independent-runs.json'));

const isos = (window: WindowSchedule & { Schedule: string }, from: string, count: number) => {
  const result = nextRuns(window, { from: new Date(from), count });
  expect(result.findings).toEqual([]);
  return result.runs.map((r) => r.iso);
};

describe("AWS's documented window expressions, against the notes' independent tables", () => {
  const cases = independent.examples.flatMap((e) => Object.entries(e.runs).map(([zone, runs]) => [`${e.schedule} in ${zone} (${e.meaning})`, e, zone, runs] as const));

  it('covers every documented window expression in at least three zones with DST, and UTC', () => {
    expect(independent.examples.length).toBeGreaterThanOrEqual(17);
    for (const e of independent.examples) expect(Object.keys(e.runs)).toEqual(expect.arrayContaining(['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney']));
  });

  it.each(cases)('%s', (_, e, zone, runs) => {
    expect(isos({ Schedule: e.schedule, ScheduleTimezone: zone }, e.from, runs.length)).toEqual(runs);
  });

  it.each(independent.dst.map((d) => [`${d.schedule} in ${d.timezone} from ${d.from}`, d] as const))('across a DST change: %s', (_, d) => {
    expect(isos({ Schedule: d.schedule, ScheduleTimezone: d.timezone }, d.from, d.runs.length)).toEqual(d.runs);
  });

  it.each(independent.offset.map((o) => [`${o.schedule} + ${o.offset} days in ${o.timezone}`, o] as const))('with an offset: %s', (_, o) => {
    const result = nextRuns({ Schedule: o.schedule, ScheduleTimezone: o.timezone, ScheduleOffset: o.offset }, { from: new Date(o.from), count: o.runs.length });
    expect(result.runs.map((r) => [r.scheduled, r.iso])).toEqual(o.scheduled.map((s, i) => [s, o.runs[i]]));
  });
});

describe('the scheduling page’s examples', () => {
  it('Example 1: cron(0 09 ? * WED *) from 2021-01-01 in Los Angeles first runs on Wednesday 6 January (the page says "Wednesday, January 4")', () => {
    expect(isos({ Schedule: 'cron(0 09 ? * WED *)', ScheduleTimezone: 'America/Los_Angeles', StartDate: '2021-01-01T00:00:00-08:00', EndDate: '2021-06-30T00:00:00-08:00' }, '2020-12-01T00:00:00Z', 3)).toEqual([
      '2021-01-06T09:00:00-08:00',
      '2021-01-13T09:00:00-08:00',
      '2021-01-20T09:00:00-08:00',
    ]);
  });

  it('Example 2: rate(7 days) from StartDate in Tokyo runs every Tuesday, the last on 25 June 2019 (26 runs)', () => {
    const runs = isos({ Schedule: 'rate(7 days)', ScheduleTimezone: 'Asia/Tokyo', StartDate: '2019-01-01T00:03:15+09:00', EndDate: '2019-06-30T00:06:15+09:00' }, '2018-12-01T00:00:00Z', 100);
    expect([runs.length, runs[0], runs[runs.length - 1]]).toEqual([26, '2019-01-01T00:03:15+09:00', '2019-06-25T00:03:15+09:00']);
  });

  it('Example 3: at(2020-07-07T15:55:00) runs once, at 15:55 UTC', () => {
    expect(isos({ Schedule: 'at(2020-07-07T15:55:00)' }, '2020-01-01T00:00:00Z', 5)).toEqual(['2020-07-07T15:55:00+00:00']);
  });
});

describe('what the runs rest on', () => {
  it('says when a run time falls in a DST gap or overlap, and where it runs', () => {
    const gap = nextRuns({ Schedule: 'cron(30 2 * * ? *)', ScheduleTimezone: 'Europe/Berlin' }, { from: new Date('2026-03-28T12:00:00Z'), count: 2 });
    expect(gap.caveats).toEqual([
      { code: 'tzdata', params: { timezone: 'Europe/Berlin', tz: process.versions.tz } },
      { code: 'dst_gap', params: { scheduled: '2026-03-29T02:30:00', timezone: 'Europe/Berlin', runs: '2026-03-29T03:30:00+02:00' } },
    ]);
    const overlap = nextRuns({ Schedule: 'cron(30 2 * * ? *)', ScheduleTimezone: 'Europe/Berlin' }, { from: new Date('2026-10-24T12:00:00Z'), count: 2 });
    expect(overlap.runs.map((r) => r.iso)).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-26T02:30:00+01:00']);
    expect(overlap.caveats.map((c) => c.code)).toEqual(['tzdata', 'dst_overlap']);
  });

  it('runs an interval schedule once through a repeated hour, and not in a skipped one', () => {
    const back = nextRuns({ Schedule: 'cron(0/30 * * * ? *)', ScheduleTimezone: 'America/Los_Angeles' }, { from: new Date('2026-11-01T07:45:00Z'), count: 4 });
    expect(back.runs.map((r) => r.iso)).toEqual(['2026-11-01T01:00:00-07:00', '2026-11-01T01:30:00-07:00', '2026-11-01T02:00:00-08:00', '2026-11-01T02:30:00-08:00']);
    const forward = nextRuns({ Schedule: 'cron(0/30 * * * ? *)', ScheduleTimezone: 'America/Los_Angeles' }, { from: new Date('2026-03-08T09:15:00Z'), count: 4 });
    expect(forward.runs.map((r) => r.iso)).toEqual(['2026-03-08T01:30:00-08:00', '2026-03-08T03:00:00-07:00', '2026-03-08T03:30:00-07:00', '2026-03-08T04:00:00-07:00']);
  });

  it('counts a rate from StartDate, or else from `from`, and says which', () => {
    const started = nextRuns({ Schedule: 'rate(1 hour)', StartDate: '2026-03-06T09:00:00Z' }, { from: new Date('2026-03-06T00:00:00Z'), count: 2 });
    expect([started.runs.map((r) => r.iso), started.caveats]).toEqual([['2026-03-06T09:00:00+00:00', '2026-03-06T10:00:00+00:00'], [{ code: 'rate_anchor', params: { anchor: '2026-03-06T09:00:00+00:00', basis: 'StartDate' } }]]);
    const now = nextRuns({ Schedule: 'rate(1 hour)', StartDate: '2020-01-01T00:00:00Z' }, { from: new Date('2026-03-06T00:00:00Z'), count: 1 });
    expect([now.runs.map((r) => r.iso), now.caveats]).toEqual([['2026-03-06T01:00:00+00:00'], [{ code: 'rate_anchor', params: { anchor: '2026-03-06T00:00:00+00:00', basis: 'from' } }]]);
  });

  it('gives no runs, and the errors, when a member is wrong', () => {
    const result = nextRuns({ Schedule: 'cron(0 10 * * * *)', ScheduleTimezone: 'Mars/Olympus' }, { from: new Date('2026-03-06T00:00:00Z') });
    expect([result.runs, result.findings.map((f) => f.code)]).toEqual([[], ['cron_question_mark', 'timezone_unknown']]);
  });

  it('reads a time zone alias as its zone, and an at() with an offset as that instant', () => {
    expect(isos({ Schedule: 'cron(0 10 * * ? *)', ScheduleTimezone: 'US/Pacific' }, '2026-03-06T00:00:00Z', 1)).toEqual(['2026-03-06T10:00:00-08:00']);
    expect(isos({ Schedule: 'at(2026-07-07T15:55:00+02:00)', ScheduleTimezone: 'America/Los_Angeles' }, '2026-03-06T00:00:00Z', 1)).toEqual(['2026-07-07T06:55:00-07:00']);
  });

  it('clamps count to 1..1000', () => {
    expect(nextRuns({ Schedule: 'rate(5 minutes)' }, { from: new Date('2026-03-06T00:00:00Z'), count: 5000 }).runs).toHaveLength(1000);
    expect(nextRuns({ Schedule: 'rate(5 minutes)' }, { from: new Date('2026-03-06T00:00:00Z'), count: 0 }).runs).toHaveLength(1);
  });
});

describe("Quartz's forms that AWS does not document (read with a warning), against the Python computation", () => {
  const expressions = ['cron(0 10 L-3 * ? *)', 'cron(0 10 L-2W * ? *)', 'cron(30 2 LW * ? *)', 'cron(0 22-2 ? * FRI-MON *)', 'cron(0 10 1,L * ? *)', 'cron(0 10 ? * 2,6L *)', 'cron(0 10 ? * FRIL *)', 'cron(0 10 * NOV-FEB ? *)', 'cron(0 10 28-3 * ? *)'];
  const cases = expressions.flatMap((schedule, i) => [ZONES[i % ZONES.length]!, 'Europe/Berlin'].map((timezone, j) => ({ schedule, timezone, from: FROMS[(i + j) % FROMS.length]!, count: 6 })));
  const expected = JSON.parse(execFileSync('python3', [join(ROOT, 'test', 'support', 'schedule_oracle.py')], { input: JSON.stringify(cases), encoding: 'utf8' })) as string[][];

  it.each(cases.map((c, i) => [`${c.schedule} in ${c.timezone} from ${c.from}`, c, i] as const))('%s', (_, c, i) => {
    expect(expected[i]).toHaveLength(6);
    expect(isos({ Schedule: c.schedule, ScheduleTimezone: c.timezone }, c.from, c.count)).toEqual(expected[i]);
  });
});

describe('random valid windows, against an independent Python computation (test/support/schedule_oracle.py)', () => {
  const window = fc.record({
    schedule: fc.oneof({ arbitrary: validCron, weight: 8 }, { arbitrary: validRate, weight: 1 }, { arbitrary: validAt, weight: 1 }),
    timezone: fc.constantFrom(...ZONES),
    from: fc.oneof(fc.constantFrom(...FROMS), fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString())),
    offset: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    start: fc.option(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-01-01T00:00:00Z'), noInvalidDate: true }), { nil: undefined }),
    end: fc.option(fc.date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), { nil: undefined }),
    count: fc.integer({ min: 1, max: 8 }),
  });
  const cases = fc.sample(window, { seed: SEED, numRuns: 150 }).map((c) => ({
    ...c,
    offset: c.schedule.startsWith('cron') ? c.offset : undefined,
    start: c.start ? new Date(Math.floor(c.start.getTime() / 1000) * 1000).toISOString() : undefined,
    end: c.end && (!c.start || c.end > c.start) ? new Date(Math.floor(c.end.getTime() / 1000) * 1000).toISOString() : undefined,
  }));
  const expected = JSON.parse(execFileSync('python3', [join(ROOT, 'test', 'support', 'schedule_oracle.py')], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 })) as string[][];

  it('draws cases of every form, in every zone, with and without offsets and dates', () => {
    for (const form of ['cron', 'rate', 'at']) expect(cases.some((c) => c.schedule.startsWith(form))).toBe(true);
    expect(new Set(cases.map((c) => c.timezone)).size).toBe(ZONES.length);
    expect(cases.filter((c) => c.offset).length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.start && c.end).length).toBeGreaterThan(10);
    expect(expected.filter((r) => r.length > 0).length).toBeGreaterThan(80);
  });

  it.each(cases.map((c, i) => [`${c.schedule} in ${c.timezone}${c.offset ? ` +${c.offset}d` : ''} from ${c.from}${c.start ? ` start ${c.start}` : ''}${c.end ? ` end ${c.end}` : ''}`, c, i] as const))('%s', (_, c, i) => {
    const window: WindowSchedule & { Schedule: string } = {
      Schedule: c.schedule,
      ScheduleTimezone: c.timezone,
      ...(c.offset ? { ScheduleOffset: c.offset } : {}),
      ...(c.start ? { StartDate: c.start } : {}),
      ...(c.end ? { EndDate: c.end } : {}),
    };
    expect(isos(window, c.from, c.count)).toEqual(expected[i]);
  });
});
