import { secondsOfDay, valuesOf } from './calendar.js';
import { CRON_FIELDS } from './fields.js';
import type { CronField, CronItem, CronSchedule, Schedule } from './types.js';

/*
 * A schedule in words, made from the parsed expression: "at 23:30 on the third Tuesday of every
 * month". Days of the week are always named, so that a numeric day reads as what it is (3L is the
 * last Tuesday: SUN = 1).
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'] as const;
/** Up to this many times of day are listed one by one. */
const LISTED_TIMES = 12;

export interface DescribeOptions {
  /** ScheduleOffset: days after each of the cron's occurrences. */
  offsetDays?: number;
  /** The zone the times are in; "UTC" when not given. */
  timezone?: string;
}

export function describeSchedule(schedule: Schedule, options: DescribeOptions = {}): string {
  const zone = ` (${options.timezone ?? 'UTC'})`;
  if (schedule.kind === 'rate') return `every ${schedule.value === 1 ? schedule.unit : `${schedule.value} ${schedule.unit}s`}`;
  if (schedule.kind === 'at') {
    const [y, mo, d, h, mi, s] = schedule.wall;
    const written = schedule.utcOffsetMinutes === undefined ? zone : ` (UTC${schedule.utcOffsetMinutes === 0 ? '' : offsetText(schedule.utcOffsetMinutes)})`;
    return `once, at ${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}${written}`;
  }
  const offset = options.offsetDays ? `, moved ${options.offsetDays} day${options.offsetDays === 1 ? '' : 's'} later` : '';
  return `${cronWords(schedule)}${offset}${zone}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const fieldValues = (field: CronField) => valuesOf(field.items, field.name);
/** A field that selects every value it can (`*`, `?`, or e.g. `1/1`). */
function isAll(field: CronField | undefined): boolean {
  if (!field || field.items.some((i) => i.kind === 'all' || i.kind === 'none')) return true;
  const { minimum, maximum } = CRON_FIELDS[field.name];
  return field.items.every((i) => i.kind === 'values') && fieldValues(field).length === maximum - minimum + 1;
}

/** Consecutive runs of values as "a through b" (three or more) or one by one. */
function runsOf(values: readonly number[], name: (v: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    if (j - i >= 2) out.push(`${name(values[i]!)} through ${name(values[j]!)}`);
    else for (let k = i; k <= j; k++) out.push(name(values[k]!));
    i = j + 1;
  }
  return list(out);
}

function cronWords(schedule: CronSchedule): string {
  const time = timeWords(schedule);
  const days = dayWords(schedule);
  const years = isAll(schedule.year) ? '' : ` in ${runsOf(fieldValues(schedule.year), String)}`;
  return `${time.text}${time.listed ? ' ' : ', '}${days}${years}`;
}

function clock(seconds: number, withSeconds: boolean): string {
  const text = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return withSeconds ? `${text}:${pad(seconds % 60)}` : text;
}

function timeWords(schedule: CronSchedule): { text: string; listed: boolean } {
  const times = secondsOfDay(schedule);
  const withSeconds = times.some((t) => t % 60 !== 0);
  if (times.length <= LISTED_TIMES) return { text: `at ${list(times.map((t) => clock(t, withSeconds)))}`, listed: true };
  const parts: string[] = [];
  if (schedule.seconds && !(fieldValues(schedule.seconds).length === 1 && fieldValues(schedule.seconds)[0] === 0)) parts.push(unitWords(schedule.seconds, 'second'));
  parts.push(unitWords(schedule.minutes, 'minute'));
  const hours = fieldValues(schedule.hours);
  const contiguous = hours[hours.length - 1]! - hours[0]! === hours.length - 1;
  if (!isAll(schedule.hours)) {
    if (contiguous) parts.push(`from ${clock(times[0]!, withSeconds)} through ${clock(times[times.length - 1]!, withSeconds)}`);
    else parts.push(`in the hours ${list(hours.map((h) => `${pad(h)}:00`))}`);
  }
  return { text: parts.join(' '), listed: false };
}

/** Seconds or minutes: "every 5 minutes", "every minute from minute 10 through 20", "at minutes 0, 15 and 45". */
function unitWords(field: CronField, unit: string): string {
  const only = field.items.length === 1 ? field.items[0]! : undefined;
  const { minimum, maximum } = CRON_FIELDS[field.name];
  if (only?.kind === 'all') return `every ${unit}`;
  if (only?.kind === 'values' && !only.wraps && only.from !== only.to) {
    const every = only.step === 1 ? `every ${unit}` : `every ${only.step} ${unit}s`;
    if (only.to === maximum || maximum - only.to < only.step) return only.from === minimum ? every : `${every} from ${unit} ${only.from}`;
    return `${every} from ${unit} ${only.from} through ${only.to}`;
  }
  const values = fieldValues(field);
  return `at ${unit}${values.length === 1 ? '' : 's'} ${list(values.map(String))}`;
}

function dayWords(schedule: CronSchedule): string {
  const byWeek = schedule.dayOfMonth.items[0]!.kind === 'none';
  const monthly = byWeek ? schedule.dayOfWeek.items.some((i) => i.kind === 'nth' || i.kind === 'lastWeekdayOfMonth') : !isAll(schedule.dayOfMonth);
  const months = isAll(schedule.month) ? (monthly ? ' of every month' : '') : `${monthly ? ' of' : ' in'} ${runsOf(fieldValues(schedule.month), (m) => MONTHS[m - 1]!)}`;
  const field = byWeek ? schedule.dayOfWeek : schedule.dayOfMonth;
  if (isAll(field)) return `every day${months}`;
  const plain = field.items.filter((i) => i.kind === 'values');
  const phrases: string[] = [];
  const only = field.items.length === 1 ? field.items[0]! : undefined;
  // A range that wraps round the week (FRI-MON) reads best as written.
  if (byWeek && only?.kind === 'values' && only.wraps && only.step === 1) return `every ${DAYS[only.from - 1]} through ${DAYS[only.to - 1]}${months}`;
  if (plain.length > 0) {
    const values = valuesOf(plain, field.name);
    if (byWeek) phrases.push(`every ${runsOf(values, (d) => DAYS[d - 1]!)}`);
    else phrases.push(`on day${values.length === 1 ? '' : 's'} ${runsOf(values, String)}`);
  }
  for (const item of field.items) if (item.kind !== 'values') phrases.push(specialWords(item));
  return `${list(phrases)}${months}`;
}

function specialWords(item: CronItem): string {
  switch (item.kind) {
    case 'lastDay':
      return 'on the last day';
    case 'lastDayMinus':
      return `on the ${item.weekday ? 'weekday (Monday to Friday) nearest to the day' : 'day'} ${item.days} day${item.days === 1 ? '' : 's'} before the last day`;
    case 'lastWeekday':
      return 'on the last weekday (Monday to Friday)';
    case 'nearestWeekday':
      return `on the weekday (Monday to Friday) nearest to day ${item.day}`;
    case 'lastOfWeek':
      return 'every Saturday';
    case 'lastWeekdayOfMonth':
      return `on the last ${DAYS[item.weekday - 1]}`;
    case 'nth':
      return `on the ${ORDINALS[item.n - 1]} ${DAYS[item.weekday - 1]}`;
    default:
      return 'every day';
  }
}
