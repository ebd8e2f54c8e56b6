import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/issues/format.js';
import { checkWindowSchedule, describeSchedule, firstRun, nextRuns, parseSchedule, type ScheduleFinding, type WindowSchedule } from '../../src/schedule/index.js';
import { inspect } from '../../src/schedule/window.js';
import { cpuMs } from '../support/cpu.js';
import { check, ran, summary, timeoutFor } from '../support/property.js';
import { validCron, validSchedule, ZONES } from '../support/schedules.js';

/*
 * Maintenance-window schedules: any schedule AWS documents as valid raises no finding at all, and
 * its description and run times come out; anything else (valid schedules with random edits, random
 * text, random members) is answered with findings inside the text they point at, never a throw, in
 * bounded CPU time.
 */

const RUNS = 300;
/** Far beyond the CPU time of any of these (a few milliseconds): a case over it is a hang in the making. */
const SLOW_MS = 2000;
const NOW = new Date('2026-03-06T00:00:00Z');

function quick<T>(what: string, f: () => T): T {
  let out!: T;
  expect(cpuMs(() => (out = f())), what).toBeLessThan(SLOW_MS);
  return out;
}

const TOKENS = ['cron(', 'rate(', 'at(', ')', '(', ' ', '  ', '\t', '*', '?', ',', '-', '/', '#', 'L', 'W', 'LW', 'L-', '0', '5', '59', '60', '99999999999999999999', '7', '2199', 'MON', 'mon', 'JAN', 'THU#3', '6L', 'minute', 'hours', 'day', 'T', ':', 'Z', '+02:00', '\u0000', '😀'];
const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 6 }), insert: fc.oneof(fc.constantFrom(...TOKENS, ''), fc.string({ unit: 'binary', maxLength: 3 })) });
const damaged = fc.tuple(validSchedule, fc.array(edit, { minLength: 1, maxLength: 4 })).map(([text, edits]) =>
  edits.reduce((t, e) => {
    const at = e.at % (t.length + 1);
    return t.slice(0, at) + e.insert + t.slice(at + e.cut);
  }, text),
);
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join('')), damaged);

const anyWindow: fc.Arbitrary<WindowSchedule> = fc.record(
  {
    Schedule: fc.oneof(validSchedule, anyText),
    ScheduleTimezone: fc.oneof(fc.constantFrom(...ZONES, 'america/los_angeles', 'US/Pacific', '', 'Mars/Olympus'), fc.string({ maxLength: 20 })),
    ScheduleOffset: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.double(), fc.constant(Number.NaN)) as fc.Arbitrary<number>,
    StartDate: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 }), fc.constantFrom('2026-03-01T00:00:00-08:00', '2026-13-01', '')),
    EndDate: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 }), fc.constantFrom('2027-03-01T00:00:00+09:00', '2020-01-01T00:00:00Z')),
  },
  { requiredKeys: [] },
);

function inside(window: WindowSchedule, f: ScheduleFinding): boolean {
  const text = f.member === 'ScheduleOffset' ? String(window.ScheduleOffset) : window[f.member];
  return typeof text === 'string' && f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length;
}

describe('schedule properties', () => {
  it('raises no finding for any valid schedule, in any zone, with any offset, and gives its words and runs', { timeout: timeoutFor(RUNS) }, () => {
    const window = fc.record({ Schedule: validSchedule, ScheduleTimezone: fc.constantFrom(...ZONES), ScheduleOffset: fc.integer({ min: 1, max: 6 }) });
    check('valid schedules', window, (w) => {
      const members: WindowSchedule = w.Schedule.startsWith('cron') ? w : { Schedule: w.Schedule, ScheduleTimezone: w.ScheduleTimezone };
      const findings = quick(w.Schedule, () => checkWindowSchedule(members, { now: NOW }));
      expect(findings, w.Schedule).toEqual([]);
      const { schedule } = parseSchedule(w.Schedule);
      expect(describeSchedule(schedule!, { offsetDays: members.ScheduleOffset ?? 0, timezone: w.ScheduleTimezone })).not.toMatch(/undefined|NaN/);
      const runs = quick(w.Schedule, () => nextRuns({ ...members, Schedule: w.Schedule }, { from: NOW, count: 3 }));
      expect(runs.findings).toEqual([]);
      expect(runs.runs.length, w.Schedule).toBeGreaterThan(0);
      for (let i = 1; i < runs.runs.length; i++) expect(runs.runs[i]!.time > runs.runs[i - 1]!.time).toBe(true);
    }, RUNS);
  });

  it('answers any text with findings inside it, never a throw, and a schedule exactly when there is no error', { timeout: timeoutFor(RUNS) }, () => {
    check('any schedule text', anyText, (text) => {
      const { schedule, findings } = quick(JSON.stringify(text), () => parseSchedule(text));
      expect(schedule !== undefined).toBe(!findings.some((f) => f.severity === 'error'));
      for (const f of findings) {
        expect(inside({ Schedule: text }, f), JSON.stringify([text, f])).toBe(true);
        expect(formatIssue(f.code, f.params, [f.member]).message).not.toMatch(/undefined|NaN|\[object/);
      }
      if (schedule) expect(typeof describeSchedule(schedule)).toBe('string');
    }, RUNS * 2);
  });

  it('checks any members, and computes runs or says why not, within bounded time', { timeout: timeoutFor(RUNS) }, () => {
    check('any window', anyWindow, (w) => {
      const findings = quick(JSON.stringify(w), () => checkWindowSchedule(w, { now: NOW }));
      for (const f of findings) expect(inside(w, f), JSON.stringify([w, f])).toBe(true);
      const offset = w.ScheduleOffset;
      // An offset outside the model's 1 to 6 is validate()'s to report; nextRuns refuses it.
      if (offset !== undefined && !(Number.isInteger(offset) && offset >= 1 && offset <= 6)) {
        if (w.Schedule !== undefined) expect(() => nextRuns({ ...w, Schedule: w.Schedule! }, { from: NOW })).toThrow(RangeError);
      } else if (w.Schedule !== undefined) {
        const result = quick(JSON.stringify(w), () => nextRuns({ ...w, Schedule: w.Schedule! }, { from: NOW, count: 5 }));
        expect(result.findings.length === 0 || result.runs.length === 0).toBe(true);
        expect(result.findings).toEqual(findings.filter((f) => f.severity === 'error'));
      }
    }, RUNS);
  });

  it('finds the same first run from its own calendar (the checks, without croner) as nextRuns does', { timeout: timeoutFor(RUNS) }, () => {
    const instant = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    const window = fc.record(
      { Schedule: validSchedule, ScheduleTimezone: fc.constantFrom(...ZONES), ScheduleOffset: fc.integer({ min: 1, max: 6 }), StartDate: instant, EndDate: instant },
      { requiredKeys: ['Schedule'] },
    );
    const from = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true });
    check('first run', fc.tuple(window, from), ([w, at]) => {
      const inspected = inspect(w);
      if (!inspected.schedule) return;
      const [next] = nextRuns(w, { from: at, count: 1 }).runs;
      expect(firstRun(inspected.schedule, inspected, at), JSON.stringify([w, at])).toBe(next?.time.getTime());
    }, RUNS);
  });

  it('gives up to 1000 runs of a valid cron within bounded time', { timeout: timeoutFor(40) }, () => {
    check('many runs', fc.record({ Schedule: validCron, ScheduleTimezone: fc.constantFrom(...ZONES) }), (w) => {
      const result = quick(w.Schedule, () => nextRuns(w, { from: NOW, count: 1000 }));
      expect(result.findings).toEqual([]);
    }, 40);
  });
});

afterAll(() => console.log(summary(ran)));
