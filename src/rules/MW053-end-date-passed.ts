import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['end_date_passed'] as const;

export default defineRule({
  id: 'MW053',
  code: 'end_date_passed',
  codes: CODES,
  severity: 'warning',
  title: 'An EndDate that has passed: the window never runs',
  description:
    'AWS does not say it rejects an EndDate in the past, but such a window never runs again. Checked against the time of the check (validate\'s `now` option, the current time by default).',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [{ ...SOURCES.model, quote: 'EndDate allows you to set a date and time in the future when the maintenance window will no longer run.' }],
  jsonSchema: { form: 'annotation' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
