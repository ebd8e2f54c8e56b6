import { dayTest, secondsOfDay, valuesOf } from './calendar.js';
import { daysInMonth, LAST_INSTANT, RATE_UNITS, utc } from './fields.js';
import type { CronSchedule, Schedule } from './types.js';
import type { Inspected } from './window.js';
import { instantOf, offsetAt, wallOf } from './zone.js';

/*
 * The first run of a schedule in its active period, from the module's own calendar (no croner):
 * what the checks need to know (whether a window has a run left) without loading croner on
 * validate()'s path. It reads runs as nextRuns does (src/schedule/occurrences.ts: wall-clock time in
 * the zone, daylight-saving changes resolved as java.time does, the offset added to the cron's own
 * occurrence), and test/schedule/first-run.test.ts holds the two to each other.
 */

const DAY = 86_400_000;
/** How far around an instant a change of offset is looked for, as in occurrences.ts. */
const SLACK = 26 * 3_600_000;

type Window = Pick<Inspected, 'zone' | 'offsetDays' | 'start' | 'end'>;

/** The instant of the schedule's first run after `from` (or from a later StartDate, inclusive) and before EndDate; undefined when there is none. */
export function firstRun(schedule: Schedule, window: Window, from: Date): number | undefined {
  const inclusive = window.start !== undefined && window.start > from.getTime();
  const lower = inclusive ? window.start! : from.getTime();
  const after = (ms: number) => (inclusive ? ms >= lower : ms > lower);
  const before = (ms: number) => window.end === undefined || ms < window.end;

  if (schedule.kind === 'rate') {
    const ms = inclusive ? lower : lower + schedule.value * RATE_UNITS[schedule.unit] * 1000;
    return Number.isSafeInteger(ms) && ms <= LAST_INSTANT && before(ms) ? ms : undefined;
  }
  if (schedule.kind === 'at') {
    const [y, mo, d, h, mi, s, ms] = schedule.wall;
    const wall = utc(y, mo, d, h, mi, s, ms);
    const at = schedule.utcOffsetMinutes !== undefined ? wall - schedule.utcOffsetMinutes * 60_000 : instantOf(wall, window.zone).ms;
    return after(at) && before(at) ? at : undefined;
  }
  return firstCronRun(schedule, window, lower, after, before);
}

function firstCronRun(schedule: CronSchedule, window: Window, lower: number, after: (ms: number) => boolean, before: (ms: number) => boolean): number | undefined {
  const zone = window.zone;
  const shift = window.offsetDays * DAY;
  // As in occurrences.ts: a wall time's instant moves by at most the change of offset around it, so
  // the search starts that much before the bound and stops that much after the best run found.
  const slack = (ms: number) => Math.abs(offsetAt(ms + SLACK, zone) - offsetAt(ms - SLACK, zone));
  const lastWall = (ms: number) => wallOf(ms, zone) + slack(ms);
  const stopAtEnd = window.end === undefined ? Infinity : lastWall(window.end);
  let stop = stopAtEnd;
  const startWall = wallOf(lower, zone) - slack(lower) - shift - 1000;
  const first = new Date(startWall);
  const [y0, m0, d0] = [first.getUTCFullYear(), first.getUTCMonth() + 1, first.getUTCDate()];
  const times = secondsOfDay(schedule);
  const isRunDay = dayTest(schedule);
  const months = valuesOf(schedule.month.items, 'month');
  let best: number | undefined;
  for (const year of valuesOf(schedule.year.items, 'year')) {
    if (year < y0) continue;
    for (const month of months) {
      if (year === y0 && month < m0) continue;
      for (let day = year === y0 && month === m0 ? d0 : 1, last = daysInMonth(year, month); day <= last; day++) {
        if (!isRunDay(year, month, day)) continue;
        const midnight = utc(year, month, day);
        if (midnight + shift > stop) return best;
        for (const seconds of times) {
          const wall = midnight + seconds * 1000;
          if (wall <= startWall) continue;
          if (wall + shift > stop) return best;
          const base = instantOf(wall, zone);
          // The cron's own occurrence must fall in the active period; the offset is added after (decision S14).
          if (!after(base.ms) || !before(base.ms)) continue;
          const run = shift ? instantOf(wall + shift, zone).ms : base.ms;
          if (!before(run) || (best !== undefined && run >= best)) continue;
          best = run;
          stop = Math.min(stopAtEnd, lastWall(best));
        }
      }
    }
  }
  return best;
}
