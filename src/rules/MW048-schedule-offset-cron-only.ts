import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['schedule_offset_not_cron'] as const;

export default defineRule({
  id: 'MW048',
  code: 'schedule_offset_not_cron',
  codes: CODES,
  severity: 'error',
  title: 'ScheduleOffset only with a cron expression',
  description:
    'ScheduleOffset counts days after the date and time a cron expression names: with a rate or at() expression it is an error. An update that gives ScheduleOffset without Schedule is decided only when the window is replaced (Replace), since otherwise the stored schedule is not known.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    { ...SOURCES.model, quote: 'The number of days to wait after the date and time specified by a cron expression before running the maintenance window.' },
    { ...SOURCES.scheduleOptions, quote: 'Schedule offsets are supported for CRON expressions only.' },
    { ...SOURCES.cronReference, quote: 'Associations and maintenance windows support schedule offsets for cron expressions only.' },
  ],
  jsonSchema: { form: 'validator-only', reason: 'It applies only to a schedule that is otherwise valid (a rate or at() that the dialect accepts), which JSON Schema cannot tell.' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
