import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['at_format', 'at_invalid_date', 'at_undocumented_form'] as const;

export default defineRule({
  id: 'MW047',
  code: 'at_format',
  codes: CODES,
  severity: 'error',
  title: 'A one-off schedule is at(yyyy-mm-ddThh:mm:ss), a real date and time',
  description:
    'A date and time that is not of the form, or names no real day or time (30 February, 24:00), is an error; another ISO 8601 form (no seconds, a fraction, Z or an offset) is a warning: AWS documents only the form without them.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.cronReference,
      quote:
        'When you create an association or a maintenance window, you can specify a timestamp in Coordinated Universal Time (UTC) format so that it runs once at the specified time. For example: "at(2020-07-07T15:55:00)"',
    },
  ],
  jsonSchema: { form: 'validator-only', reason: 'Whether a date exists (29 February) depends on the year: JSON Schema cannot compute it.' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
