import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['rate_too_frequent'] as const;

export default defineRule({
  id: 'MW046',
  code: 'rate_too_frequent',
  codes: CODES,
  severity: 'warning',
  title: 'A rate of less than five minutes',
  description:
    "AWS's five-minute floor is written for cron expressions, and AWS's own create-maintenance-window example uses rate(5 minutes): a faster rate is a warning, not an error (decision S07).",
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [{ ...SOURCES.cronReference, quote: "Cron expressions that lead to rates faster than five (5) minute aren't supported." }],
  jsonSchema: { form: 'annotation' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
