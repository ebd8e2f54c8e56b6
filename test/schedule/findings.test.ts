import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWindowSchedule, nextRuns, parseSchedule, scheduleCodes, type ScheduleCode, type WindowSchedule } from '../../src/schedule/index.js';
import { cpuMs } from '../support/cpu.js';
import { FIXTURES, located, NOW, readYaml, sortLocated, type Located } from './support.js';

/*
 * Every finding code has windows that must not raise it and windows that raise exactly the findings
 * listed, at the text they point at (test/fixtures/schedule/findings.yaml).
 */

type Fixtures = Record<ScheduleCode, { good: WindowSchedule[]; bad: { input: WindowSchedule; findings: Located[] }[] }>;
const fixtures = readYaml<Fixtures>(join(FIXTURES, 'findings.yaml'));

describe('schedule findings (test/fixtures/schedule/findings.yaml)', () => {
  it('has good and bad fixtures for every code, and for no other', () => {
    expect(Object.keys(fixtures).sort()).toEqual(Object.keys(scheduleCodes).sort());
    for (const [code, f] of Object.entries(fixtures)) {
      expect(f.good.length, code).toBeGreaterThan(0);
      expect(f.bad.length, code).toBeGreaterThan(0);
      for (const bad of f.bad) expect(bad.findings.map((x) => x.code), code).toContain(code);
    }
  });

  describe.each(Object.entries(fixtures))('%s', (code, f) => {
    it.each(f.good.map((g) => [JSON.stringify(g), g] as const))('no finding for %s', (_, window) => {
      expect(checkWindowSchedule(window, { now: NOW }).map((x) => located(window, x))).toEqual([]);
    });
    it.each(f.bad.map((b) => [JSON.stringify(b.input), b] as const))('exactly the findings listed for %s', (_, bad) => {
      const found = checkWindowSchedule(bad.input, { now: NOW });
      expect(sortLocated(found.map((x) => located(bad.input, x)))).toEqual(sortLocated(bad.findings));
      for (const x of found) expect(x.severity).toBe(scheduleCodes[x.code].severity);
      void code;
    });
  });
});

describe('parseSchedule', () => {
  it('gives the schedule exactly when there is no error, and never throws', () => {
    for (const text of ['cron(0 10 * * ? *)', 'cron(0 10 L-2 * ? *)', 'cron(0 24 * * ? *)', 'rate(1 hours)', '', ')(', 'cron(', 'at(', 'rate(', '\u0000', 'cron(🕐 * * * ? *)']) {
      const { schedule, findings } = parseSchedule(text);
      expect(schedule !== undefined, text).toBe(!findings.some((f) => f.severity === 'error'));
      for (const f of findings) {
        expect(f.offset, text).toBeGreaterThanOrEqual(0);
        expect(f.offset + f.length, text).toBeLessThanOrEqual(text.length);
      }
    }
  });

  it('reads 6 fields as Minutes to Year, and 7 with Seconds first', () => {
    const six = parseSchedule('cron(30 09 ? * * *)').schedule;
    const seven = parseSchedule('cron(24 30 09 ? * * *)').schedule;
    expect(six?.kind === 'cron' && [six.seconds, six.minutes.text, six.hours.text, six.year.text]).toEqual([undefined, '30', '09', '*']);
    expect(seven?.kind === 'cron' && [seven.seconds?.text, seven.minutes.text, seven.hours.text]).toEqual(['24', '30', '09']);
  });

  it('says what the field allows', () => {
    const [f] = parseSchedule('cron(0 10 ? * 8 *)').findings;
    expect(f).toMatchObject({ code: 'cron_value_range', params: { field: 'Day-of-week', minimum: 1, maximum: 7, allows: '1-7 or SUN-SAT; wildcards , - * ? / L #' } });
  });

  it('reads names and numbers alike (SUN = 1, JAN = 1)', () => {
    const a = parseSchedule('cron(0 10 ? JAN-MAR SUN,SAT *)').schedule;
    const b = parseSchedule('cron(0 10 ? 1-3 1,7 *)').schedule;
    const items = (s: typeof a) => (s?.kind === 'cron' ? [s.month.items, s.dayOfWeek.items].map((f) => f.map(({ offset: _o, length: _l, ...rest }) => rest)) : undefined);
    expect(items(a)).toEqual(items(b));
  });
});

describe('hostile input', () => {
  const NOW_ = new Date('2026-03-06T00:00:00Z');
  const long = [
    `cron(0 0 ${'31,'.repeat(40_000)}31 2 ? *)`,
    `cron(0,58 0,23 ${'L-1,'.repeat(20_000)}1 * ? *)`,
    // More findings (one warning per L-1) than a function call takes arguments: it overflowed the stack.
    `cron(0,58 0,23 ${'L-1,'.repeat(200_000)}1 * ? *)`,
    `cron(${'0,'.repeat(50_000)}0 10 * * ? *)`,
    `cron(0 10 ? * ${'MON#1,'.repeat(20_000)}MON#1 *)`,
    `rate(${'9'.repeat(100_000)} minutes)`,
    `at(${'2027-01-01T00:00:00'.repeat(5000)})`,
    `${'('.repeat(50_000)}${')'.repeat(50_000)}`,
    'cron(' + ' '.repeat(100_000) + ')',
  ];
  it.each(long.map((text) => [`${text.slice(0, 30)}… (${text.length} characters)`, text] as const))('answers %s within bounded CPU time', (_, text) => {
    const took = cpuMs(() => {
      checkWindowSchedule({ Schedule: text }, { now: NOW_ });
      nextRuns({ Schedule: text }, { from: NOW_, count: 5 });
    });
    expect(took).toBeLessThan(5000);
  });

  it('answers values of the wrong type with findings, never a throw', () => {
    const window = { Schedule: 5, ScheduleTimezone: null, StartDate: {}, EndDate: 20270101, ScheduleOffset: '2' } as unknown as WindowSchedule;
    expect(checkWindowSchedule(window, { now: NOW_ }).map((f) => [f.code, f.member, f.offset, f.length])).toEqual([
      ['schedule_form', 'Schedule', 0, 0],
      ['timezone_unknown', 'ScheduleTimezone', 0, 0],
      ['date_format', 'StartDate', 0, 0],
      ['date_format', 'EndDate', 0, 0],
    ]);
  });

  it('refuses an invalid `from` with a RangeError, and reads a count that is not a number as 5', () => {
    expect(() => nextRuns({ Schedule: 'rate(1 day)' }, { from: new Date(Number.NaN) })).toThrow(RangeError);
    expect(nextRuns({ Schedule: 'rate(1 day)' }, { from: NOW_, count: Number.NaN }).runs).toHaveLength(5);
  });
});
