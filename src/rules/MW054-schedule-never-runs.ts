import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['schedule_never_runs', 'cron_never_runs'] as const;

export default defineRule({
  id: 'MW054',
  code: 'schedule_never_runs',
  codes: CODES,
  severity: 'warning',
  title: 'A schedule with no run left',
  description:
    'A cron expression whose days never occur (30 February), or a schedule with no run between the time of the check and EndDate (an at() or a Year in the past), is valid to AWS but never runs. An update that leaves ScheduleTimezone as it is is not checked for runs: the zone moves them.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    { ...SOURCES.cronReference, quote: 'you can specify a timestamp in Coordinated Universal Time (UTC) format so that it runs once at the specified time.' },
    { ...SOURCES.model, quote: "The date and time, in ISO-8601 Extended format, for when the maintenance window is scheduled to become inactive. The maintenance window won't run after this specified time." },
  ],
  jsonSchema: { form: 'annotation' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
