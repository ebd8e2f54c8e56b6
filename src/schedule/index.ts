/**
 * SSM maintenance-window schedules: reading and checking them, their next run times, and their
 * meaning in words. Nothing here depends on the rest of the package but the codes it raises and the
 * words for them (src/issues/codes.ts scheduleCodes, src/issues/format.ts). The contract's rules
 * MW040-MW054 (src/rules/) raise its findings as issues; `ssm-mw-contracts schedule` prints run times.
 *
 * - `parseSchedule(expression)` reads `cron(...)` (6 fields, or 7 with seconds first), `rate(N unit)`
 *   and `at(yyyy-mm-ddThh:mm:ss)` as AWS documents them, and returns the parsed schedule (when there is
 *   no error) and its findings. Never throws.
 * - `checkWindowSchedule(window, { now })` checks the members of CreateMaintenanceWindow /
 *   UpdateMaintenanceWindow that make up the schedule (Schedule, ScheduleTimezone, ScheduleOffset,
 *   StartDate, EndDate), alone and together, and whether the window has a run left at `now` (from the
 *   module's own calendar: croner is loaded only by nextRuns). ScheduleOffset's range (1 to 6) is the
 *   service model's and is checked with the model's other constraints, not here.
 * - `nextRuns(window, { count, from })`: the next run times in the window's zone, with the offset
 *   applied and daylight-saving changes resolved; `caveats` say what they rest on that AWS does not
 *   document; `findings` the errors that leave them unknown.
 * - `describeSchedule(schedule, { offsetDays, timezone })`: "at 23:30 on the third Tuesday of every month (UTC)".
 *
 * A finding is `{ code, severity, member, offset, length, params }`: `member` is the window member it
 * is about, and `offset`/`length` the part of that member's text (UTF-16 units), so that a caller who
 * knows where the value starts in a file can point at the column. Codes: `scheduleCodes`; words:
 * formatIssue and formatCaveat of src/issues/format.ts. Decisions
 * where AWS's sources disagree or are silent: spec/schedule-decisions.yaml. Documentation: docs/schedule.md.
 */

export { checkWindowSchedule, type CheckOptions } from './check.js';
export { describeSchedule, type DescribeOptions } from './describe.js';
export { CRON_FIELDS, type CronFieldName } from './fields.js';
export { scheduleCodes, type ScheduleCode, type ScheduleFinding, type ScheduleMember } from './findings.js';
export { firstRun } from './first-run.js';
export { nextRuns, type Caveat, type CaveatCode, type Run, type Runs, type RunsOptions } from './occurrences.js';
export { parseSchedule, type ParsedSchedule } from './parse.js';
export type { AtSchedule, CronField, CronItem, CronSchedule, RateSchedule, Schedule, Span } from './types.js';
export type { WindowSchedule } from './window.js';
