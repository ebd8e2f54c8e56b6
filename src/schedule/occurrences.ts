import { Cron } from 'croner';
import type { CaveatCode } from '../issues/codes.js';
import type { CaveatOf } from '../issues/params.js';
import { dayTest, expand } from './calendar.js';
import { CRON_FIELDS, type CronFieldName, LAST_INSTANT, RATE_UNITS, SEVEN_FIELDS, utc } from './fields.js';
import { ownCopy, type ScheduleFinding } from './findings.js';
import type { CronField, CronItem, CronSchedule, Schedule } from './types.js';
import { inspect, type Inspected, type WindowSchedule } from './window.js';
import { instantOf, isoIn, offsetAt, type WallFit, wallOf } from './zone.js';

/*
 * The next run times of a window: its Schedule in its ScheduleTimezone, moved by its ScheduleOffset,
 * within its StartDate and EndDate. croner (pinned) finds the cron matches; it is given the
 * expression rewritten into its own syntax (SUN = 1 as AWS, `?` as `*`, every list spelled out) and
 * is run on wall-clock time, which this module then places in the zone itself, so that daylight-saving
 * changes are resolved one way, the way java.time does (decision S13).
 */

export type { CaveatCode };

/** Something the run times rest on that AWS does not document, or that may differ from AWS's own data. */
export type Caveat = CaveatOf;

export interface Run {
  time: Date;
  /** The run as wall time in the window's zone with the zone's offset then: `2026-03-19T23:30:00-07:00`. */
  iso: string;
  /** With a ScheduleOffset: the cron's own occurrence that the run is offset from. */
  scheduled?: string;
}

export interface Runs {
  runs: Run[];
  caveats: Caveat[];
  /** Errors in the members that leave the run times unknown; empty when they were computed. */
  findings: ScheduleFinding[];
}

export interface RunsOptions {
  /** How many runs, 1 to 1000 (clamped); 5 when not given or not a number. */
  count?: number;
  /** Runs after this instant (the current time when not given; an invalid Date is a RangeError); a StartDate after it is the start instead, inclusive. A ScheduleOffset outside 1 to 6 (the model's range, validate() reports it) is a RangeError too. */
  from?: Date;
}

const MAX_COUNT = 1000;
const DAY = 86_400_000;
/** Candidate matches examined at most per call: far beyond what 1000 runs of any valid expression take. */
const MAX_STEPS = 200_000;
/** How far around an instant a change of offset is looked for: more than any zone's largest change (a skipped day). */
const SLACK = 26 * 3_600_000;

/** The next run times of a window's schedule (see RunsOptions), or the errors that leave them unknown. */
export function nextRuns(window: WindowSchedule & { Schedule: string }, options: RunsOptions = {}): Runs {
  const offset = window.ScheduleOffset;
  if (offset !== undefined && !(typeof offset === 'number' && Number.isInteger(offset) && offset >= 1 && offset <= 6)) {
    // The service model's range, which validate() checks with the model's other constraints.
    throw new RangeError(`nextRuns: ScheduleOffset must be a whole number from 1 to 6, not ${String(offset)}`);
  }
  const inspected = inspect(window);
  const errors = inspected.findings.filter((f) => f.severity === 'error').map(ownCopy);
  if (errors.length > 0 || !inspected.schedule) return { runs: [], caveats: [], findings: errors };
  const from = options.from ?? new Date();
  if (Number.isNaN(from.getTime())) throw new RangeError('nextRuns: `from` is not a valid date');
  const count = Number.isFinite(options.count) ? Math.max(1, Math.min(MAX_COUNT, Math.floor(options.count!))) : 5;
  return { ...computeRuns(inspected.schedule, inspected, from, count), findings: [] };
}

interface Bound {
  ms: number;
  /** A StartDate is the first instant of the active period; `from` itself is excluded. */
  inclusive: boolean;
}

export function computeRuns(schedule: Schedule, window: Pick<Inspected, 'zone' | 'offsetDays' | 'start' | 'end'>, from: Date, count: number): Omit<Runs, 'findings'> {
  const lower: Bound = window.start !== undefined && window.start > from.getTime() ? { ms: window.start, inclusive: true } : { ms: from.getTime(), inclusive: false };
  const after = (ms: number) => (lower.inclusive ? ms >= lower.ms : ms > lower.ms);
  const before = (ms: number) => window.end === undefined || ms < window.end;
  const caveats: Caveat[] = [];
  if (window.zone !== 'UTC') caveats.push({ code: 'tzdata', params: { timezone: window.zone, tz: tzdataVersion() } });
  const zone = window.zone;

  if (schedule.kind === 'rate') {
    const interval = schedule.value * RATE_UNITS[schedule.unit] * 1000;
    const anchor = lower.ms;
    caveats.push({ code: 'rate_anchor', params: { anchor: isoIn(anchor, zone), basis: lower.inclusive ? 'StartDate' : 'from' } });
    const runs: Run[] = [];
    for (let k = lower.inclusive ? 0 : 1; runs.length < count; k++) {
      const ms = anchor + k * interval;
      if (!Number.isSafeInteger(ms) || ms > LAST_INSTANT || !before(ms)) break;
      runs.push({ time: new Date(ms), iso: isoIn(ms, zone) });
    }
    return { runs, caveats };
  }

  if (schedule.kind === 'at') {
    const [y, mo, d, h, mi, s, ms] = schedule.wall;
    const wall = utc(y, mo, d, h, mi, s, ms);
    let at: { ms: number; fit: WallFit };
    if (schedule.utcOffsetMinutes !== undefined) at = { ms: wall - schedule.utcOffsetMinutes * 60_000, fit: 'exact' };
    else {
      if (zone !== 'UTC') caveats.push({ code: 'at_timezone', params: { timezone: zone } });
      at = instantOf(wall, zone);
    }
    const runs = after(at.ms) && before(at.ms) ? [{ time: new Date(at.ms), iso: isoIn(at.ms, zone) }] : [];
    noteFit(at.fit, wall, at.ms, zone, caveats);
    return { runs, caveats };
  }

  return cronRuns(schedule, window.offsetDays, zone, lower, window.end, count, caveats);
}

function cronRuns(schedule: CronSchedule, offsetDays: number, zone: string, lower: Bound, end: number | undefined, count: number, caveats: Caveat[]): Omit<Runs, 'findings'> {
  const { cron, filter } = toCroner(schedule);
  const shift = offsetDays * DAY;
  const after = (ms: number) => (lower.inclusive ? ms >= lower.ms : ms > lower.ms);
  const before = (ms: number) => end === undefined || ms < end;
  // A wall time's instant moves by at most the change of offset around it (a gap moves it later; an
  // overlap makes wall times come round again). So no wall time later than the last one needed plus
  // that change can come before it, and none earlier than the bound's less that change after it.
  const slack = (ms: number) => Math.abs(offsetAt(ms + SLACK, zone) - offsetAt(ms - SLACK, zone));
  const lastWall = (ms: number) => wallOf(ms, zone) + slack(ms);
  const stopAtEnd = end === undefined ? Infinity : lastWall(end);
  let stop = stopAtEnd;
  const found = new Map<number, { run: Run; fit: WallFit; wall: number }>();
  const sorted: number[] = [];
  let cursor = wallOf(lower.ms, zone) - slack(lower.ms) - shift - 1000;
  for (let steps = 0; ; steps++) {
    if (steps === MAX_STEPS) {
      caveats.push({ code: 'search_limit', params: { steps: MAX_STEPS } });
      break;
    }
    const next = cron.nextRun(new Date(cursor));
    if (!next) break;
    const wall = next.getTime();
    cursor = wall;
    const target = wall + shift;
    if (target > stop) break;
    if (filter && !filter(wall)) {
      cursor = Math.floor(wall / DAY) * DAY + DAY - 1000; // the next day's first second is the next candidate
      continue;
    }
    const base = instantOf(wall, zone);
    // The cron's own occurrence must fall in the active period; the offset is added after (decision S14).
    if (!after(base.ms) || !before(base.ms)) continue;
    const run = shift ? instantOf(target, zone) : base;
    if (!before(run.ms) || found.has(run.ms)) continue;
    found.set(run.ms, { run: { time: new Date(run.ms), iso: isoIn(run.ms, zone), ...(shift ? { scheduled: isoIn(base.ms, zone) } : {}) }, fit: run.fit, wall: target });
    sorted.splice(insertionPoint(sorted, run.ms), 0, run.ms);
    if (sorted.length > count) found.delete(sorted.pop()!);
    if (sorted.length === count) stop = Math.min(stopAtEnd, lastWall(sorted[count - 1]!));
  }
  const runs = sorted.map((ms) => found.get(ms)!);
  for (const r of runs) noteFit(r.fit, r.wall, r.run.time.getTime(), zone, caveats);
  return { runs: runs.map((r) => r.run), caveats };
}

function insertionPoint(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function noteFit(fit: WallFit, wall: number, ms: number, zone: string, caveats: Caveat[]) {
  if (fit === 'exact') return;
  caveats.push({ code: fit === 'gap' ? 'dst_gap' : 'dst_overlap', params: { scheduled: new Date(wall).toISOString().slice(0, 19), timezone: zone, runs: isoIn(ms, zone) } });
}

function tzdataVersion(): string | undefined {
  const versions = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process?.versions;
  return versions?.tz;
}

/**
 * The expression in croner's syntax (7 parts, SUN = 1 with alternativeWeekdays, day-of-month AND
 * day-of-week, every list spelled out so that no reading of ranges or steps is left to croner), plus
 * a day filter for what croner cannot express (L-n, or a list croner refuses): croner then runs on
 * every day and the filter keeps the schedule's days.
 */
function toCroner(schedule: CronSchedule): { cron: Cron; filter?: (wall: number) => boolean } {
  const part = (name: CronFieldName, field: CronField | undefined) => (field ? field.items.map((i) => itemText(i, name)).join(',') : '0');
  const parts = SEVEN_FIELDS.map((name) => part(name, schedule[name]));
  const options = { mode: '7-part', alternativeWeekdays: true, domAndDow: true, utcOffset: 0 } as const;
  const needsFilter = parts.some((p) => p.includes('?'));
  if (!needsFilter) {
    try {
      return { cron: new Cron(parts.join(' '), options) };
    } catch {
      // Fall through to the filter.
    }
  }
  const days = dayTest(schedule);
  parts[3] = '*';
  parts[5] = '*';
  const filter = (wall: number) => {
    const d = new Date(wall);
    return days(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  };
  return { cron: new Cron(parts.join(' '), options), filter };
}

/** One item in croner's syntax; `?` for a form croner has none for. */
function itemText(item: CronItem, name: CronFieldName): string {
  switch (item.kind) {
    case 'all':
    case 'none':
      return '*';
    case 'values':
      return expand(item, name).join(',');
    case 'lastDay':
      return 'L';
    case 'lastWeekday':
      return 'LW';
    case 'nearestWeekday':
      return `${item.day}W`;
    case 'lastOfWeek':
      return String(CRON_FIELDS.dayOfWeek.maximum);
    case 'lastWeekdayOfMonth':
      return `${item.weekday}L`;
    case 'nth':
      return `${item.weekday}#${item.n}`;
    case 'lastDayMinus':
      return '?';
  }
}
