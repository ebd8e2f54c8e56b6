import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['schedule_form', 'schedule_spacing', 'undocumented_case'] as const;

export default defineRule({
  id: 'MW040',
  code: 'schedule_form',
  codes: CODES,
  severity: 'error',
  title: 'Schedule is a cron(...), rate(...) or at(...) expression, written as AWS writes it',
  description:
    'The model types Schedule as any string of 1 to 256 characters. AWS reads a cron, a rate or a one-off at() expression, its fields separated by single spaces. Anything else is an error; spacing or letter case other than AWS writes is a warning (AWS may accept it, and does not say).',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    { ...SOURCES.model, quote: 'The schedule of the maintenance window in the form of a cron or rate expression.' },
    {
      ...SOURCES.cronReference,
      quote:
        'When you create an association or a maintenance window, you can specify a timestamp in Coordinated Universal Time (UTC) format so that it runs once at the specified time. For example: "at(2020-07-07T15:55:00)"',
    },
    { ...SOURCES.cronReference, quote: 'Fields are separated by a space.' },
  ],
  jsonSchema: { form: 'validator-only', reason: "SSM's schedule dialect is read field by field (src/schedule/); a pattern for it would not say where it breaks." },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
