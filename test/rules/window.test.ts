import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleCodes } from '../../src/issues/codes.js';
import { rules } from '../../src/rules/index.js';
import { validate } from '../../src/validate/validate.js';
import { ROOT } from '../support/spec.js';
import { staticClosure } from '../support/static-closure.js';

/*
 * The window rules (MW040-MW055) over CreateMaintenanceWindow and UpdateMaintenanceWindow requests:
 * each schedule finding is an issue of its rule, with its own code and severity, pointing at the part
 * of the member's text it is about; "now" is the caller's; an update decides only what its members
 * decide.
 */

const NOW = new Date('2026-03-06T00:00:00Z');
const WINDOW = { Name: 'Patch-Window', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false };
const W = 'mw-0123456789abcdef0';

const create = (members: Record<string, unknown>, now = NOW) => validate('CreateMaintenanceWindow', 'request', { ...WINDOW, ...members }, { now });
const update = (members: Record<string, unknown>, now = NOW) => validate('UpdateMaintenanceWindow', 'request', { WindowId: W, ...members }, { now });

/** Each issue as rule, code, severity, member and the text its span covers. */
function located(result: ReturnType<typeof validate>, payload: Record<string, unknown>) {
  return result.issues.map((i) => {
    const value = payload[String(i.path[0])];
    const text = i.span ? String(value).slice(i.span.offset, i.span.offset + i.span.length) : undefined;
    return { rule: i.rule, code: i.code, severity: i.severity, member: i.path[0], ...(text !== undefined ? { text } : {}) };
  });
}

describe('schedule findings as issues', () => {
  it.each([
    ['cron(0 24 ? * MON *)', { rule: 'MW042', code: 'cron_value_range', severity: 'error', member: 'Schedule', text: '24' }],
    ['cron(0 10 ? * MON#6 *)', { rule: 'MW042', code: 'cron_nth', severity: 'error', member: 'Schedule', text: '6' }],
    ['cron(0 10 L-2 * ? *)', { rule: 'MW042', code: 'cron_undocumented_syntax', severity: 'warning', member: 'Schedule', text: 'L-2' }],
    ['cron(0 10 ? JUNE * *)', { rule: 'MW042', code: 'cron_name', severity: 'error', member: 'Schedule', text: 'JUNE' }],
    ['cron(0 10 * * * *)', { rule: 'MW043', code: 'cron_question_mark', severity: 'error', member: 'Schedule', text: '* * *' }],
    ['cron(0/2 * * * ? *)', { rule: 'MW044', code: 'cron_too_frequent', severity: 'error', member: 'Schedule', text: '0/2 *' }],
    ['rate(5 minute)', { rule: 'MW045', code: 'rate_unit_number', severity: 'error', member: 'Schedule', text: 'minute' }],
    ['at(2099-02-30T10:00:00)', { rule: 'MW047', code: 'at_invalid_date', severity: 'error', member: 'Schedule', text: '30' }],
    ['cron(0 10  * * ? *)', { rule: 'MW040', code: 'schedule_spacing', severity: 'warning', member: 'Schedule', text: '  ' }],
  ])('%s', (Schedule, expected) => {
    const payload = { ...WINDOW, Schedule };
    expect(located(create({ Schedule }), payload)).toEqual([expected]);
  });

  it('says what the cron field allows', () => {
    const [issue] = create({ Schedule: 'cron(0 10 ? * 8 *)' }).issues;
    expect(issue).toMatchObject({ code: 'cron_value_range', params: { field: 'Day-of-week', allows: '1-7 or SUN-SAT; wildcards , - * ? / L #' } });
    expect(issue!.hint).toBe('Day-of-week allows 1-7 or SUN-SAT; wildcards , - * ? / L #.');
  });

  it('points at the member each finding is about, and into a date at the part that is wrong', () => {
    const payload = { ...WINDOW, Schedule: 'rate(7 days)', ScheduleOffset: 2, ScheduleTimezone: 'Mars/Olympus', StartDate: '2026-04-01T25:00:00Z' };
    expect(located(validate('CreateMaintenanceWindow', 'request', payload, { now: NOW }), payload)).toEqual([
      { rule: 'MW048', code: 'schedule_offset_not_cron', severity: 'error', member: 'ScheduleOffset', text: '2' },
      { rule: 'MW050', code: 'timezone_unknown', severity: 'error', member: 'ScheduleTimezone', text: 'Mars/Olympus' },
      { rule: 'MW051', code: 'date_format', severity: 'error', member: 'StartDate', text: '25' },
    ]);
  });

  it('raises every schedule code from exactly one rule, with the code’s own severity', () => {
    const owners = new Map<string, string[]>();
    for (const r of rules) for (const code of 'codes' in r && r.codes ? r.codes : []) owners.set(code, [...(owners.get(code) ?? []), r.id]);
    expect([...owners.keys()].sort()).toEqual(Object.keys(scheduleCodes).sort());
    for (const [code, ids] of owners) expect(ids, code).toHaveLength(1);
    for (const r of rules) if ('codes' in r && r.codes) {
      expect(r.codes, r.id).toContain(r.code);
      expect(scheduleCodes[r.code as keyof typeof scheduleCodes].severity, r.id).toBe(r.severity);
    }
  });

  it('reads a Schedule of the model’s longest (256 characters, counted in code points), and leaves a longer one to the model', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => String(i % 60).padStart(2, '0')).join(',');
    const fits = `cron(${items(80)} 24 ? * 2 *)`;
    expect(fits).toHaveLength(256);
    expect(create({ Schedule: fits }).issues.map((i) => `${i.code} ${i.rule ?? ''}`.trim())).toEqual(['cron_value_range MW042']);
    expect(create({ Schedule: `cron(${items(81)} 24 ? * 2 *)` }).issues.map((i) => `${i.code} ${i.rule ?? ''}`.trim())).toEqual(['too_long']);
    // 256 code points of which one is astral: 257 UTF-16 units, still read.
    const astral = `${fits.slice(0, 3)}😀${fits.slice(4)}`;
    expect(create({ Schedule: astral }).issues.map((i) => i.code)).toEqual(['schedule_form']);
  });

  it('leaves a member of the wrong type to the model, and says nothing more of it', () => {
    const result = create({ Schedule: 5, ScheduleTimezone: null, StartDate: 20270101, ScheduleOffset: '2' });
    expect(result.issues.map((i) => `${i.code} ${i.path.join('.')} ${i.rule ?? ''}`.trim())).toEqual([
      'invalid_type Schedule',
      'invalid_type ScheduleTimezone',
      'invalid_type StartDate',
      'invalid_type ScheduleOffset',
    ]);
  });
});

describe('the time of the check', () => {
  const payload = { Schedule: 'cron(0 2 ? * SUN *)', EndDate: '2026-06-01T00:00:00Z' };

  it('is validate()’s `now`: an EndDate has passed from it on, and not before', () => {
    expect(create(payload, new Date('2026-05-31T00:00:00Z')).issues).toEqual([]);
    expect(create(payload, new Date('2026-06-01T00:00:00Z')).issues.map((i) => [i.rule, i.code, i.severity])).toEqual([['MW053', 'end_date_passed', 'warning']]);
  });

  it('decides whether a run is left before EndDate', () => {
    const saturday = { Schedule: 'cron(0 2 ? * SUN *)', EndDate: '2026-03-08T02:00:01Z' };
    expect(create(saturday, new Date('2026-03-07T00:00:00Z')).issues).toEqual([]);
    expect(create(saturday, new Date('2026-03-08T02:00:00Z')).issues.map((i) => i.code)).toEqual(['schedule_never_runs']);
  });

  it('is the current time when not given', () => {
    expect(validate('CreateMaintenanceWindow', 'request', { ...WINDOW, Schedule: 'at(2020-05-14T15:55:00)' }).issues.map((i) => i.code)).toEqual(['schedule_never_runs']);
  });

  it('must be a valid Date', () => {
    expect(() => validate('CreateMaintenanceWindow', 'request', WINDOW, { now: new Date(Number.NaN) })).toThrow(/option now must be a valid Date/);
    expect(() => validate('CreateMaintenanceWindow', 'request', WINDOW, { now: '2026-01-01' as unknown as Date })).toThrow(TypeError);
  });
});

describe('what an update decides', () => {
  const codes = (result: ReturnType<typeof validate>) => result.issues.map((i) => i.code);

  it('checks what it gives, alone', () => {
    expect(codes(update({ Schedule: 'rate(2 hour)' }))).toEqual(['rate_unit_number']);
    expect(codes(update({ ScheduleTimezone: 'Mars/Olympus' }))).toEqual(['timezone_unknown']);
    expect(codes(update({ EndDate: '2020-01-01T00:00:00Z' }))).toEqual(['end_date_passed']);
  });

  it('without Replace, leaves pairs with a member it does not give unchecked', () => {
    expect(codes(update({ ScheduleOffset: 2 }))).toEqual([]);
    expect(codes(update({ Cutoff: 5 }))).toEqual([]);
    expect(codes(update({ Duration: 1 }))).toEqual([]);
    expect(codes(update({ EndDate: '2026-04-01T00:00:00Z' }))).toEqual([]);
    expect(codes(update({ Schedule: 'at(2020-05-14T15:55:00)' }))).toEqual([]);
  });

  it('without Replace, checks the pairs it gives', () => {
    expect(codes(update({ Schedule: 'rate(1 day)', ScheduleOffset: 2 }))).toEqual(['schedule_offset_not_cron']);
    expect(codes(update({ Duration: 1, Cutoff: 1 }))).toEqual(['cutoff_not_below_duration']);
    expect(codes(update({ StartDate: '2026-05-01T00:00:00Z', EndDate: '2026-04-01T00:00:00Z' }))).toEqual(['date_order']);
    expect(codes(update({ Schedule: 'at(2020-05-14T15:55:00)', ScheduleTimezone: 'Asia/Tokyo' }))).toEqual(['schedule_never_runs']);
  });

  it('with Replace, reads members left out as none, as CreateMaintenanceWindow does', () => {
    const replaced = { Replace: true, ...WINDOW };
    expect(codes(update({ ...replaced, Schedule: 'at(2020-05-14T15:55:00)' }))).toEqual(['schedule_never_runs']);
    expect(codes(update({ ...replaced, Schedule: 'rate(1 day)' }))).toEqual([]);
    expect(codes(update({ Replace: true, Schedule: 'rate(1 day)' }))).toEqual(['replace_requires_member', 'replace_requires_member', 'replace_requires_member', 'replace_requires_member']);
    expect(codes(update({ Replace: false, Schedule: 'rate(1 day)' }))).toEqual([]);
  });
});

describe('validate() stays off croner', () => {
  it('loads neither croner nor the schedule’s run times, nor Zod, when it loads', () => {
    const loaded = staticClosure(join(ROOT, 'src', 'validate', 'validate.ts'));
    expect(loaded).toContain(join(ROOT, 'src', 'schedule', 'check.ts'));
    expect([...loaded].filter((m) => m === 'croner' || m === 'zod' || m.endsWith('occurrences.ts'))).toEqual([]);
  });
});
