import { CRON_FIELDS, type CronFieldName, daysInMonth } from './fields.js';
import type { CronItem, CronSchedule } from './types.js';
import { oncePer } from '../values/once.js';

/*
 * Which calendar days and times of day a cron expression selects, read the way Quartz (where the
 * dialect comes from) reads them. Used to check an expression (how close its runs come, whether its
 * days exist) and for the day forms that croner cannot take (L-n). Occurrences come from croner.
 */

/** The values a plain item selects (`*`, a, a-b, a/n, a-b/n, *\/n); a range that wraps goes round the field (FRI-MON). */
export function expand(item: CronItem, name: CronFieldName): number[] {
  const { minimum, maximum } = CRON_FIELDS[name];
  if (item.kind === 'all') return range(minimum, maximum, 1);
  if (item.kind !== 'values') return [];
  if (!item.wraps) return range(item.from, item.to, item.step);
  const size = maximum - minimum + 1;
  return range(item.from, item.to + size, item.step).map((v) => ((v - minimum) % size) + minimum);
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Every value of a field, once per field: `*` in Year is 230 values, asked for by every window. */
const every = new Map<CronFieldName, readonly number[]>();

/** valuesOf's answers by field: the checks of one window ask for each field's values several times. */
const expanded = new WeakMap<readonly CronItem[], readonly number[]>();

/** The values a field's items select, ascending, each once. */
export function valuesOf(items: readonly CronItem[], name: CronFieldName): readonly number[] {
  if (items.length === 1 && items[0]!.kind === 'all') {
    let all = every.get(name);
    if (!all) every.set(name, (all = expand(items[0]!, name)));
    return all;
  }
  let values = expanded.get(items);
  if (!values) {
    // Marked in a table over the field's range, then read in order: no set, no sort.
    const { minimum, maximum } = CRON_FIELDS[name];
    const marked = new Uint8Array(maximum - minimum + 1);
    for (const item of items) for (const v of expand(item, name)) marked[v - minimum] = 1;
    const out: number[] = [];
    for (let i = 0; i < marked.length; i++) if (marked[i]) out.push(i + minimum);
    values = out;
    expanded.set(items, values);
  }
  return values;
}

/**
 * The times of day (in seconds) at which the expression runs on the days it runs, ascending. Once per
 * schedule, as its day test: a window's checks and its first run ask again, and a parsed schedule is
 * shared by the windows that write it (src/schedule/window.ts).
 */
export const secondsOfDay: (schedule: CronSchedule) => readonly number[] = oncePer(timesOfDay);

function timesOfDay(schedule: CronSchedule): number[] {
  const seconds = schedule.seconds ? valuesOf(schedule.seconds.items, 'seconds') : [0];
  const minutes = valuesOf(schedule.minutes.items, 'minutes');
  const hours = valuesOf(schedule.hours.items, 'hours');
  const out: number[] = [];
  for (const h of hours) for (const m of minutes) for (const s of seconds) out.push(h * 3600 + m * 60 + s);
  return out;
}

/** 1 = Sunday ... 7 = Saturday, as the dialect numbers the days. */
export const weekdayOf = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;

/** Quartz's nW: the weekday nearest to `day` without leaving the month; undefined when the month is shorter. */
export function nearestWeekday(year: number, month: number, day: number): number | undefined {
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return undefined;
  const weekday = weekdayOf(year, month, day);
  if (weekday === 7) return day === 1 ? 3 : day - 1;
  if (weekday === 1) return day === last ? day - 2 : day + 1;
  return day;
}

type DayTest = (year: number, month: number, day: number) => boolean;

function dayOfMonthTest(item: CronItem): DayTest {
  switch (item.kind) {
    case 'all':
      return () => true;
    case 'values': {
      const days = new Set(expand(item, 'dayOfMonth'));
      return (_y, _m, day) => days.has(day);
    }
    case 'lastDay':
      return (year, month, day) => day === daysInMonth(year, month);
    case 'lastDayMinus':
      return (year, month, day) => {
        const target = daysInMonth(year, month) - item.days;
        return item.weekday ? nearestWeekday(year, month, target) === day : target === day;
      };
    case 'lastWeekday':
      return (year, month, day) => {
        const last = daysInMonth(year, month);
        const weekday = weekdayOf(year, month, last);
        return day === (weekday === 7 ? last - 1 : weekday === 1 ? last - 2 : last);
      };
    case 'nearestWeekday':
      return (year, month, day) => nearestWeekday(year, month, item.day) === day;
    default:
      return () => false;
  }
}

function dayOfWeekTest(item: CronItem): DayTest {
  switch (item.kind) {
    case 'all':
      return () => true;
    case 'values': {
      const weekdays = new Set(expand(item, 'dayOfWeek'));
      return (year, month, day) => weekdays.has(weekdayOf(year, month, day));
    }
    case 'lastOfWeek':
      return (year, month, day) => weekdayOf(year, month, day) === 7;
    case 'lastWeekdayOfMonth':
      return (year, month, day) => weekdayOf(year, month, day) === item.weekday && day + 7 > daysInMonth(year, month);
    case 'nth':
      return (year, month, day) => weekdayOf(year, month, day) === item.weekday && Math.ceil(day / 7) === item.n;
    default:
      return () => false;
  }
}

/** Whether the expression's day fields select a calendar day (exactly one of them is `?`); months and years aside. */
export const dayTest: (schedule: CronSchedule) => DayTest = oncePer(makeDayTest);

function makeDayTest(schedule: CronSchedule): DayTest {
  const byWeek = schedule.dayOfMonth.items[0]!.kind === 'none';
  const items = byWeek ? schedule.dayOfWeek.items : schedule.dayOfMonth.items;
  // One test per distinct item, however long the list: a field's items are at most its values and a few forms of each.
  const distinct = new Map<string, CronItem>();
  for (const item of items) {
    const { offset: _offset, length: _length, ...form } = item;
    distinct.set(JSON.stringify(form.kind === 'values' ? expand(item, byWeek ? 'dayOfWeek' : 'dayOfMonth') : form), item);
  }
  const each = [...distinct.values()].map(byWeek ? dayOfWeekTest : dayOfMonthTest);
  return (year, month, day) => each.some((t) => t(year, month, day));
}

/**
 * Visits, in order, the days on which the expression runs, with each day's number since 1970-01-01
 * (so that a caller can tell days in a row), until `visit` returns true; returns whether it did.
 */
export function someRunDay(schedule: CronSchedule, visit: (ordinal: number) => boolean): boolean {
  const months = valuesOf(schedule.month.items, 'month');
  const test = dayTest(schedule);
  for (const year of valuesOf(schedule.year.items, 'year')) {
    for (const month of months) {
      const start = Date.UTC(year, month - 1, 1) / 86_400_000;
      for (let day = 1, last = daysInMonth(year, month); day <= last; day++) if (test(year, month, day) && visit(start + day - 1)) return true;
    }
  }
  return false;
}
