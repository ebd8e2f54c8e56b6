import { finding, ownCopy, type ScheduleFinding, type ScheduleMember } from './findings.js';
import { firstRun } from './first-run.js';
import { inspect, type WindowSchedule } from './window.js';

export interface CheckOptions {
  /** The time the window is checked at (the current time when not given): an EndDate before it has passed. */
  now?: Date;
  /**
   * Members whose value is not known (an update that leaves them as they are): a check that needs
   * one of them is not made. A StartDate, EndDate or ScheduleOffset not known only narrows the
   * runs, so "no run left" holds whatever they are; the zone moves them, so that check needs it.
   */
  unknown?: readonly ScheduleMember[];
}

/**
 * Everything the schedule members of a window say, checked: the expression, ScheduleTimezone,
 * ScheduleOffset, StartDate and EndDate, alone and together, and whether the window still has a run
 * to come at `now`. Members that are not given are not checked (an update may leave them as they are).
 */
export function checkWindowSchedule(window: WindowSchedule, options: CheckOptions = {}): ScheduleFinding[] {
  const inspected = inspect(window);
  const findings = inspected.findings.map(ownCopy);
  const now = options.now ?? new Date();
  if (inspected.end !== undefined && inspected.end <= now.getTime()) {
    findings.push(finding('end_date_passed', 'EndDate', 0, window.EndDate!.length, { EndDate: window.EndDate! }));
  } else if (inspected.schedule && !findings.some((f) => f.code === 'cron_never_runs') && !options.unknown?.includes('ScheduleTimezone')) {
    if (firstRun(inspected.schedule, inspected, now) === undefined) {
      // From StartDate when it is still to come, from the time of the check otherwise (not in the params: they say the same whenever they are read).
      const fromStart = inspected.start !== undefined && inspected.start > now.getTime();
      findings.push(finding('schedule_never_runs', 'Schedule', 0, window.Schedule!.length, { ...(fromStart ? { StartDate: window.StartDate } : {}), ...(window.EndDate ? { EndDate: window.EndDate } : {}) }));
    }
  }
  return findings;
}
