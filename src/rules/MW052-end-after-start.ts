import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['date_order'] as const;

export default defineRule({
  id: 'MW052',
  code: 'date_order',
  codes: CODES,
  severity: 'error',
  title: 'EndDate is after StartDate',
  description:
    'The two dates bound the period in which the window may run, each on its own offset: an EndDate at or before the StartDate leaves no period (decision D65). Checked when both are given; an update that gives one leaves the other as it is, which is not known here.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.scheduleOptions,
      quote: 'Any start date and end date times that you specify (with or without an offset for your time zone) determine only the valid period during which the maintenance window can run on its schedule.',
    },
    { ...SOURCES.model, quote: 'The date and time, in ISO-8601 Extended format, for when you want the maintenance window to become inactive.' },
  ],
  jsonSchema: { form: 'validator-only', reason: 'Comparing two date-times on their own offsets is beyond JSON Schema.' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
