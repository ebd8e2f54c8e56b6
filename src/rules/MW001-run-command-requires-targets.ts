import { defineRule, SOURCES } from './types.js';

export default defineRule({
  id: 'MW001',
  code: 'run_command_requires_targets',
  severity: 'error',
  at: 'key',
  title: 'A RUN_COMMAND task needs at least one target',
  description:
    'The model allows an empty or absent Targets list because Automation, Lambda and Step Functions tasks may be targetless; a Run Command task may not.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [
    { ...SOURCES.register, quote: 'One or more targets must be specified for maintenance window Run Command-type tasks.' },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      if: { properties: { TaskType: { const: 'RUN_COMMAND' } }, required: ['TaskType'] },
      then: { required: ['Targets'], properties: { Targets: { type: 'array', minItems: 1 } } },
    },
  },
  check(payload) {
    if (payload.TaskType !== 'RUN_COMMAND') return [];
    if (payload.Targets === undefined) return [{ path: ['Targets'], params: { actual: 'missing' } }];
    if (Array.isArray(payload.Targets) && payload.Targets.length === 0) return [{ path: ['Targets'], params: { actual: 'empty' } }];
    return [];
  },
});
