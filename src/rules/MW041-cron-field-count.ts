import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['cron_field_count', 'cron_quartz_six_fields'] as const;

export default defineRule({
  id: 'MW041',
  code: 'cron_field_count',
  codes: CODES,
  severity: 'error',
  title: 'A cron expression has six fields, or seven with Seconds first',
  description:
    "Six fields are Minutes Hours Day-of-month Month Day-of-week Year; seven add Seconds first. Five fields (Unix cron) are an error, and six fields that are only valid read as Quartz's six (seconds first, no year), as AWS's own 2017 examples were, get one finding that gives the seven-field form.",
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.cronReference,
      quote:
        'Cron expressions for maintenance windows have six required fields. Cron expressions for associations have five. (State Manager doesn\'t currently support specifying months in cron expressions for associations.) An additional field, the Seconds field (the first in a cron expression), is optional.',
    },
  ],
  jsonSchema: { form: 'validator-only', reason: "SSM's schedule dialect is read field by field (src/schedule/); a pattern for it would not say where it breaks." },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
