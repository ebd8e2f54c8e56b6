import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = [
  'cron_value_range',
  'cron_value_syntax',
  'cron_name',
  'cron_wildcard',
  'cron_step',
  'cron_year_range_reversed',
  'cron_nth',
  'cron_nth_not_alone',
  'cron_step_beyond_range',
  'cron_range_wraps',
  'cron_special_in_list',
  'cron_undocumented_syntax',
] as const;

export default defineRule({
  id: 'MW042',
  code: 'cron_value_range',
  codes: CODES,
  severity: 'error',
  title: "Each cron field holds its own values, names and wildcards",
  description:
    "Each field of a cron expression is read against AWS's table of supported values: its range (Hours 0-23, Day-of-week 1-7 with SUN = 1, Year 1970-2199), its names (JAN-DEC, SUN-SAT), its wildcards (L and W in Day-of-month, L and # in Day-of-week), increments, ranges and lists. Each finding points at the item inside the expression and says what the field allows. Quartz constructs AWS does not document (L-n, LW, a range that wraps, L or W in a list, an increment larger than the field) are warnings.",
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.cronReference,
      quote:
        'Minutes 0-59 , - * / | Hours 0-23 , - * / | Day-of-month 1-31 , - * ? / L W | Month 1-12 or JAN-DEC , - * / | Day-of-week 1-7 or SUN-SAT , - * ? / L | Year 1970-2199 , - * /',
    },
    {
      ...SOURCES.cronReference,
      quote: 'The # wildcard in the day-of-week field followed by a number between one and five specifies a given day of the month.',
    },
  ],
  jsonSchema: { form: 'validator-only', reason: "SSM's schedule dialect is read field by field (src/schedule/); a pattern for it would not say where it breaks." },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
