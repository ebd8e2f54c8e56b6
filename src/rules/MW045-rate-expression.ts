import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['rate_unit_number', 'rate_field_count', 'rate_value', 'rate_unit'] as const;

export default defineRule({
  id: 'MW045',
  code: 'rate_unit_number',
  codes: CODES,
  severity: 'error',
  title: 'A rate is rate(N unit): a whole N from 1, minute(s), hour(s) or day(s), singular exactly for 1',
  description: 'rate(1 hours) and rate(5 hour) are the documented mistakes; a value that is not a whole number of at least 1, or another unit (week, seconds), is an error too.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.cronReference,
      quote:
        "If the value is equal to 1, then the unit must be singular. Similarly, for values greater than 1, the unit must be plural. For example, rate(1 hours) and rate(5 hour) aren't valid, but rate(1 hour) and rate(5 hours) are valid.",
    },
    { ...SOURCES.cronReference, quote: 'Value: positive number, such as 1 or 15. Unit: minute minutes hour hours day days' },
  ],
  jsonSchema: { form: 'validator-only', reason: "SSM's schedule dialect is read field by field (src/schedule/); a pattern for it would not say where it breaks." },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
