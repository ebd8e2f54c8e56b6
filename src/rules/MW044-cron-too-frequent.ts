import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['cron_too_frequent'] as const;

export default defineRule({
  id: 'MW044',
  code: 'cron_too_frequent',
  codes: CODES,
  severity: 'error',
  title: 'A cron expression runs at most every five minutes',
  description:
    'Two runs of a cron expression may not come less than five minutes apart: its seconds, minutes and hours are read together, and over midnight where it runs on two days in a row.',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [{ ...SOURCES.cronReference, quote: "Cron expressions that lead to rates faster than five (5) minute aren't supported." }],
  jsonSchema: { form: 'validator-only', reason: 'How close two runs come depends on the fields together: JSON Schema cannot compute it.' },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
