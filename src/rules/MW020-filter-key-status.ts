import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES } from './types.js';

export default defineRule({
  id: 'MW020',
  code: 'filter_key_not_status',
  severity: 'error',
  title: 'The only filter key is STATUS',
  description:
    'MaintenanceWindowFilter is shared by six operations and its Key is a free string in the model. For this operation the documentation names one key, STATUS. (The CLI page also says "Supported filter keys are Name and Enabled": stale text of the shared shape, see spec/decisions.)',
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
    schema: { properties: { Filters: { type: 'array', items: { type: 'object', required: ['Key'], properties: { Key: { const: 'STATUS' } } } } } },
  },
  check(payload) {
    if (!Array.isArray(payload.Filters)) return [];
    return payload.Filters.flatMap((filter, i) => {
      if (!isRecord(filter)) return [];
      const key = filter.Key;
      if (key === 'STATUS' || (key !== undefined && typeof key !== 'string')) return [];
      return [{ path: ['Filters', i, 'Key'], params: { actual: key } }];
    });
  },
});
