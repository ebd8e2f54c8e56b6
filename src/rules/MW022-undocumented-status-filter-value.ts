import { isRecord } from '../values/value-facts.js';
import { UNDOCUMENTED_STATUS_FILTER_VALUES } from './MW021-status-filter-value.js';
import { defineRule, SOURCES } from './types.js';

export default defineRule({
  id: 'MW022',
  code: 'undocumented_status_filter_value',
  severity: 'warning',
  title: 'SKIPPED_OVERLAPPING is a status but not a documented filter value',
  description:
    'The response Status enum (MaintenanceWindowExecutionStatus) has SKIPPED_OVERLAPPING; the filter documentation lists the other seven statuses only. Whether the service accepts it as a filter value is undocumented, so it is a warning, not an error.',
  appliesTo: { operations: ['DescribeMaintenanceWindowExecutionTaskInvocations'], kind: 'request' },
  sources: [
    {
      ...SOURCES.describe,
      quote:
        'The supported filter key is STATUS with the corresponding values PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, and CANCELLED.',
    },
    { ...SOURCES.model, quote: 'MaintenanceWindowExecutionStatus: PENDING | IN_PROGRESS | SUCCESS | FAILED | TIMED_OUT | CANCELLING | CANCELLED | SKIPPED_OVERLAPPING' },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    if (!Array.isArray(payload.Filters)) return [];
    const undocumented: readonly unknown[] = UNDOCUMENTED_STATUS_FILTER_VALUES;
    return payload.Filters.flatMap((filter, i) => {
      if (!isRecord(filter) || filter.Key !== 'STATUS' || !Array.isArray(filter.Values)) return [];
      return filter.Values.flatMap((value, j) => (undocumented.includes(value) ? [{ path: ['Filters', i, 'Values', j], params: { actual: value } }] : []));
    });
  },
});
