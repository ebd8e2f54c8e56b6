import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES } from './types.js';

/** The documented STATUS filter values. */
export const STATUS_FILTER_VALUES = ['PENDING', 'IN_PROGRESS', 'SUCCESS', 'FAILED', 'TIMED_OUT', 'CANCELLING', 'CANCELLED'] as const;
/** A task invocation status (MaintenanceWindowExecutionStatus) that the filter documentation does not list. */
export const UNDOCUMENTED_STATUS_FILTER_VALUES = ['SKIPPED_OVERLAPPING'] as const;

export default defineRule({
  id: 'MW021',
  code: 'status_filter_value',
  severity: 'error',
  title: 'STATUS filter values come from the documented list',
  description:
    'The model puts no constraint on filter values. For STATUS the documentation lists seven; SKIPPED_OVERLAPPING, a status the response can carry, is handled by MW022.',
  appliesTo: { operations: ['DescribeMaintenanceWindowExecutionTaskInvocations'], kind: 'request' },
  sources: [
    {
      ...SOURCES.describe,
      quote:
        'The supported filter key is STATUS with the corresponding values PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, and CANCELLED.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      properties: {
        Filters: {
          type: 'array',
          items: {
            type: 'object',
            if: { properties: { Key: { const: 'STATUS' } }, required: ['Key'] },
            then: { properties: { Values: { type: 'array', items: { enum: [...STATUS_FILTER_VALUES, ...UNDOCUMENTED_STATUS_FILTER_VALUES] } } } },
          },
        },
      },
    },
  },
  check(payload) {
    if (!Array.isArray(payload.Filters)) return [];
    const allowed: readonly string[] = [...STATUS_FILTER_VALUES, ...UNDOCUMENTED_STATUS_FILTER_VALUES];
    return payload.Filters.flatMap((filter, i) => {
      if (!isRecord(filter) || filter.Key !== 'STATUS' || !Array.isArray(filter.Values)) return [];
      return filter.Values.flatMap((value, j) =>
        typeof value === 'string' && !allowed.includes(value)
          ? [{ path: ['Filters', i, 'Values', j], params: { actual: value, allowed: STATUS_FILTER_VALUES } }]
          : [],
      );
    });
  },
});
