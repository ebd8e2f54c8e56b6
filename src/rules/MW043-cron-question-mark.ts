import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['cron_question_mark'] as const;

export default defineRule({
  id: 'MW043',
  code: 'cron_question_mark',
  codes: CODES,
  severity: 'error',
  title: 'Exactly one of Day-of-month and Day-of-week is ?',
  description: 'A cron expression gives its days in one of the two day fields and ? in the other: both ?, or neither (a * counts as a value), is an error.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.cronReference,
      quote:
        "You can't specify a value in the day-of-month and in the day-of-week fields in the same cron expression. If you specify a value in one of the fields, use a ? (question mark) in the other field.",
    },
  ],
  jsonSchema: { form: 'validator-only', reason: "SSM's schedule dialect is read field by field (src/schedule/); a pattern for it would not say where it breaks." },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
