import { defineRule, RATE_CONTROLS, SOURCES, type Finding } from './types.js';
import { replaces, targetedAfterUpdate } from './updates.js';

export default defineRule({
  id: 'MW072',
  code: 'updated_task_requires_rate_controls',
  severity: 'error',
  at: 'key',
  title: 'UpdateMaintenanceWindowTask with Replace and targets gives MaxConcurrency and MaxErrors',
  description:
    'MW002 for updates. With Replace set to true a member left out is set to null, so a task given targets must give both, as when it is registered. Without Replace a member left out keeps its value, which the request does not show: not checked.',
  appliesTo: { operations: ['UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      ...SOURCES.updateTask,
      quote:
        'Although this element is listed as "Required: No", a value can be omitted only when you are registering or updating a targetless task You must provide a value in all other cases.',
    },
    { ...SOURCES.updateTask, quote: "If you set Replace to true, then all fields required by the RegisterTaskWithMaintenanceWindow operation are required for this request. Optional fields that aren't specified are set to null." },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      if: { properties: { Replace: { const: true }, Targets: { type: 'array', minItems: 1 } }, required: ['Replace', 'Targets'] },
      then: { required: [...RATE_CONTROLS], properties: { MaxConcurrency: true, MaxErrors: true } },
    },
  },
  check(payload) {
    const findings: Finding<'updated_task_requires_rate_controls'>[] = [];
    if (!replaces(payload) || !targetedAfterUpdate(payload)) return findings;
    for (const member of RATE_CONTROLS) if (payload[member] === undefined) findings.push({ path: [member], params: { member } });
    return findings;
  },
});
