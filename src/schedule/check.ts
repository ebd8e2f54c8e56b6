import { finding, type ScheduleFinding } from './findings.js';
import { computeRuns } from './occurrences.js';
import { inspect, type WindowSchedule } from './window.js';
import { isoIn } from './zone.js';

export interface CheckOptions {
  /** The time the window is checked at (the current time when not given): an EndDate before it has passed. */
  now?: Date;
}

/**
 * Everything the schedule members of a window say, checked: the expression, ScheduleTimezone,
 * ScheduleOffset, StartDate and EndDate, alone and together, and whether the window still has a run
 * to come at `now`. Members that are not given are not checked (an update may leave them as they are).
 */
export function checkWindowSchedule(window: WindowSchedule, options: CheckOptions = {}): ScheduleFinding[] {
  const inspected = inspect(window);
  const findings = [...inspected.findings];
  const now = options.now ?? new Date();
  if (inspected.end !== undefined && inspected.end <= now.getTime()) {
    findings.push(finding('end_date_passed', 'EndDate', 0, window.EndDate!.length, { EndDate: window.EndDate, now: now.toISOString() }));
  } else if (inspected.schedule && !findings.some((f) => f.code === 'cron_never_runs')) {
    const { runs } = computeRuns(inspected.schedule, inspected, now, 1);
    if (runs.length === 0) {
      const from = isoIn(Math.max(now.getTime(), inspected.start ?? -Infinity), inspected.zone);
      findings.push(finding('schedule_never_runs', 'Schedule', 0, window.Schedule!.length, { from, ...(window.EndDate ? { EndDate: window.EndDate } : {}) }));
    }
  }
  return findings;
}
