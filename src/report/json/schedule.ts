import type { ScheduleExplanation } from '../../explain/schedule.js';
import { wordIssue } from '../../issues/make.js';
import { printableJson } from '../printable.js';

/** `schedule --format json`: the schedule, its zone, whether it is valid, its words, its next runs, the notes they rest on, and its findings (in the API's names). */
export function renderScheduleJson(e: ScheduleExplanation): string {
  return printableJson(toJson(e)) + '\n';
}

function toJson(e: ScheduleExplanation) {
  return {
    schedule: e.query.Schedule,
    timezone: e.timezone,
    valid: e.valid,
    ...(e.description ? { description: e.description } : {}),
    runs: e.runs.map((r) => ({ time: r.time.toISOString(), local: r.iso, ...(r.scheduled ? { scheduled: r.scheduled } : {}) })),
    caveats: e.caveats,
    issues: e.issues.map((issue) => wordIssue(issue)),
  };
}
