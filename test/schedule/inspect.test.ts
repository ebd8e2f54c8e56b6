import { describe, expect, it } from 'vitest';
import { checkWindowSchedule } from '../../src/schedule/check.js';
import { nextRuns } from '../../src/schedule/occurrences.js';
import { inspect, type WindowSchedule } from '../../src/schedule/window.js';

/*
 * inspect keeps its answers by the members' values (src/schedule/window.ts). Windows that differ in
 * any member, even where their texts run together the same, get their own answers, and a caller
 * that changes what it was given changes nothing for the next caller.
 */

const codes = (window: WindowSchedule) => checkWindowSchedule(window, { now: new Date('2026-01-01T00:00:00Z') }).map((f) => `${f.member}:${f.code}`);

describe('inspect keeps one answer per set of member values', () => {
  it('tells apart members whose texts would run together', () => {
    expect(codes({ Schedule: 'rate(1 day)', ScheduleTimezone: 'x' })).toEqual(['ScheduleTimezone:timezone_unknown']);
    expect(codes({ Schedule: 'rate(1 day)', StartDate: 'x' })).toEqual(['StartDate:date_format']);
    expect(codes({ Schedule: 'rate(1 day)", "x', ScheduleTimezone: undefined })).toEqual(['Schedule:schedule_form']);
    expect(codes({ Schedule: 'cron(0 2 ? * SUN *)', ScheduleOffset: 2 })).toEqual([]);
    expect(codes({ Schedule: 'rate(1 day)', ScheduleOffset: 2 })).toEqual(['ScheduleOffset:schedule_offset_not_cron']);
  });

  it('gives the same answer again, whatever the last caller did with its findings', () => {
    const window = { Schedule: 'cron(0 2 ? * SUN *)', ScheduleTimezone: 'europe/paris' };
    const first = checkWindowSchedule(window);
    expect(first.map((f) => f.code)).toEqual(['timezone_case']);
    first.length = 0;
    expect(checkWindowSchedule(window).map((f) => f.code)).toEqual(['timezone_case']);
    expect(inspect(window)).toBe(inspect({ ...window }));
  });

  it('gives each caller findings of its own, which it may change', () => {
    const window = { Schedule: 'cron(0 2 ? * SUN *)', ScheduleTimezone: 'europe/paris' };
    const [first] = checkWindowSchedule(window);
    first!.offset += 100;
    (first!.params as { timezone: string }).timezone = 'changed';
    const [again] = checkWindowSchedule(window);
    expect(again).toMatchObject({ code: 'timezone_case', offset: 0, params: { timezone: 'europe/paris' } });

    const broken = { Schedule: 'cron(0 2 ? * SUN)' };
    const [error] = nextRuns(broken).findings;
    error!.length = 0;
    expect(nextRuns(broken).findings[0]!.length).toBeGreaterThan(0);
  });

  it('inspects a member of another type every time rather than keep it', () => {
    const window = { Schedule: 'rate(1 day)', ScheduleOffset: { n: 1 } as unknown as number };
    expect(inspect(window)).not.toBe(inspect(window));
  });

  it('keeps no answer for a Schedule far past the model\'s length', () => {
    const window = { Schedule: `cron(0 2 ? * SUN *)${' '.repeat(5000)}` };
    expect(inspect(window)).not.toBe(inspect(window));
    expect(inspect(window).findings.map((f) => f.code)).toEqual(['schedule_spacing']);
  });
});
