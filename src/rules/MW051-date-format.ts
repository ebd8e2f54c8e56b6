import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['date_format', 'date_undocumented_form'] as const;

export default defineRule({
  id: 'MW051',
  code: 'date_format',
  codes: CODES,
  severity: 'error',
  title: 'StartDate and EndDate are ISO 8601 extended dates and times',
  description:
    'The model types them as any string. Text that is not an ISO 8601 extended date and time, or names no real one, is an error (the empty string too: the service answers it with a ValidationException); a date without a time, or a time without Z or an offset, is a warning (AWS documents none, and how it reads them is not known: here as UTC).',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    { ...SOURCES.model, quote: 'The date and time, in ISO-8601 Extended format, for when you want the maintenance window to become active.' },
    { ...SOURCES.scheduleOptions, quote: 'You specify start and end dates in ISO-8601 timestamp format. For example: 2021-04-07T14:29:00-08:00.' },
  ],
  jsonSchema: { form: 'validator-only', reason: 'Whether a date exists (29 February) depends on the year: JSON Schema cannot compute it.' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
