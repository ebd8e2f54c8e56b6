import { formatCaveat } from '../issues/format.js';
import type { IssueData } from '../issues/issue.js';
import { describeSchedule } from '../schedule/describe.js';
import type { Run } from '../schedule/occurrences.js';
import { parseSchedule } from '../schedule/parse.js';
import { inspect, type WindowSchedule } from '../schedule/window.js';
import { checkPayload } from '../validate/validate.js';

/*
 * A window's schedule explained: its members checked as validate() checks them, the schedule in
 * words, and its next run times in its zone (the offset applied, daylight-saving changes resolved),
 * with what those rest on that AWS does not document. What `ssm-mw-contracts schedule` prints.
 * croner, which the run times need, is loaded here and only here.
 */

/** The members of a window that make up its schedule, as CreateMaintenanceWindow names them. */
export interface ScheduleQuery extends WindowSchedule {
  Schedule: string;
}

export interface ExplainOptions {
  /** How many runs, 1 to 1000; 5 when not given. */
  count?: number;
  /** Runs after this time (and the time the window is checked at: an EndDate before it has passed); the current time when not given. */
  from?: Date;
}

export interface ScheduleExplanation {
  query: ScheduleQuery;
  /** What validate() reports of the members, as data (the report words them): errors leave the runs unknown, warnings do not. */
  issues: IssueData[];
  valid: boolean;
  /** The zone the runs are given in: ScheduleTimezone as this runtime's time-zone data names it, UTC without one. */
  timezone: string;
  /** The schedule in words, when it is valid. */
  description?: string;
  runs: Run[];
  /** What the run times rest on that AWS does not document, in words. */
  caveats: string[];
}

/**
 * The other members CreateMaintenanceWindow requires, so that the schedule's members are checked as
 * those of a request that creates a window (a member left out is none): values that raise nothing.
 */
const REST_OF_A_WINDOW = { Name: 'schedule', Duration: 1, Cutoff: 0, AllowUnassociatedTargets: false };

export async function explainSchedule(query: ScheduleQuery, options: ExplainOptions = {}): Promise<ScheduleExplanation> {
  const from = options.from ?? new Date();
  const { issues, valid } = checkPayload('CreateMaintenanceWindow', 'request', { ...REST_OF_A_WINDOW, ...query }, { now: from });
  const inspected = inspect(query);
  const base = { query, issues, valid, timezone: inspected.zone };
  if (!valid) return { ...base, runs: [], caveats: [] };
  const { nextRuns } = await import('../schedule/occurrences.js');
  const { runs, caveats } = nextRuns(query, { from, ...(options.count === undefined ? {} : { count: options.count }) });
  const schedule = parseSchedule(query.Schedule).schedule!;
  const description = describeSchedule(schedule, { offsetDays: inspected.offsetDays, timezone: inspected.zone });
  return { ...base, description, runs, caveats: caveats.map(formatCaveat) };
}
