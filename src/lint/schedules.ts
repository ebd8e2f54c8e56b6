import { formatCaveat } from '../issues/format.js';
import { describeSchedule, nextRuns, parseSchedule } from '../schedule/index.js';
import { isRecord } from '../values/value-facts.js';

/*
 * `lint --show-schedule`: a window's schedule in words and its next run times, from the members of
 * the request the window stands for, as `ssm-mw-contracts schedule` prints them for an expression.
 * Only what the file decides is shown: a schedule, zone or date that only a deployment knows is said
 * to be unknown, and a schedule with errors has no run times (its findings say why).
 */

export interface ShownSchedule {
  /** The members as the file gives them. */
  schedule: string;
  timezone?: string;
  offset?: number;
  startDate?: string;
  endDate?: string;
  /** `at 23:30 on the third Tuesday of every month, moved 2 days later (America/Los_Angeles)`. */
  words?: string;
  /** The next runs, in the window's zone with its offset then. */
  runs: string[];
  /** What the run times rest on that AWS does not document (a daylight-saving gap, how a rate is anchored). */
  caveats: string[];
  /** Why no run times are shown, when there are none. */
  why?: string;
  /** The members only a deployment knows, when there are any (then there are no run times). */
  unknown?: string[];
}

export interface ShowScheduleOptions {
  /** How many runs (5 when not given). */
  count?: number;
  /** Runs after this instant (now when not given). */
  now?: Date;
}

/** The schedule of a window's request payload, or undefined when the payload holds no schedule at all. */
export function showSchedule(payload: unknown, options: ShowScheduleOptions = {}): ShownSchedule | undefined {
  if (!isRecord(payload) || payload.Schedule === undefined) return undefined;
  const members = { schedule: payload.Schedule, timezone: payload.ScheduleTimezone, offset: payload.ScheduleOffset, startDate: payload.StartDate, endDate: payload.EndDate };
  const unknown = Object.entries(members).filter(([, v]) => v !== undefined && typeof v !== 'string' && typeof v !== 'number').map(([k]) => k);
  const given = Object.fromEntries(Object.entries(members).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Partial<ShownSchedule>;
  const schedule = typeof members.schedule === 'string' ? members.schedule : '(known at deployment)';
  if (unknown.length > 0) return { ...given, schedule, runs: [], caveats: [], why: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} known only at deployment`, unknown };
  const window = {
    Schedule: schedule,
    ...(typeof members.timezone === 'string' ? { ScheduleTimezone: members.timezone } : {}),
    ...(typeof members.offset === 'number' ? { ScheduleOffset: members.offset } : {}),
    ...(typeof members.startDate === 'string' ? { StartDate: members.startDate } : {}),
    ...(typeof members.endDate === 'string' ? { EndDate: members.endDate } : {}),
  };
  const parsed = parseSchedule(schedule);
  const result = nextRuns(window, { count: options.count ?? 5, ...(options.now ? { from: options.now } : {}) });
  const errors = result.findings.filter((f) => f.severity === 'error');
  const words =
    parsed.schedule && errors.length === 0
      ? describeSchedule(parsed.schedule, { ...(window.ScheduleOffset ? { offsetDays: window.ScheduleOffset } : {}), ...(window.ScheduleTimezone ? { timezone: window.ScheduleTimezone } : {}) })
      : undefined;
  return {
    ...given,
    schedule,
    ...(words ? { words } : {}),
    runs: result.runs.map((r) => r.iso),
    caveats: result.caveats.map(formatCaveat),
    ...(errors.length > 0 ? { why: 'the schedule has errors (see the findings)' } : result.runs.length === 0 ? { why: 'it has no run left' } : {}),
  };
}
