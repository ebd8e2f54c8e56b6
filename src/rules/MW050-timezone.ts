import { defineRule, SOURCES } from './types.js';
import { WINDOW_OPERATIONS, windowScheduleFindings } from './window-schedule.js';

const CODES = ['timezone_unknown', 'timezone_case'] as const;

export default defineRule({
  id: 'MW050',
  code: 'timezone_unknown',
  codes: CODES,
  severity: 'error',
  title: 'ScheduleTimezone is an IANA time zone name',
  description:
    'A name the time-zone database does not have (an offset such as +05:00, "Local", a typo) is an error. One in a letter case no IANA name has (etc/UTC) is a warning: Java, on which the service most likely runs, reads zone names as written. What can be known here is what this runtime\'s time-zone data (ICU) holds: whether AWS accepts an alias (US/Pacific) or a zone newer than its own data is not known (decision D63).',
  appliesTo: { operations: WINDOW_OPERATIONS, kind: 'request' },
  sources: [
    {
      ...SOURCES.model,
      quote:
        'The time zone that the scheduled maintenance window executions are based on, in Internet Assigned Numbers Authority (IANA) format. For example: "America/Los_Angeles", "UTC", or "Asia/Seoul".',
    },
  ],
  jsonSchema: { form: 'validator-only', reason: "The time-zone database's names (about 600 with their aliases) change with its releases: they are read from the runtime's, not fixed in a schema." },
  check: (payload, context) => windowScheduleFindings(payload, context, CODES),
});
