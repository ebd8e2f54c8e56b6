import { defineRule, hasTargets, RATE_CONTROLS, SOURCES, type Finding } from './types.js';

export default defineRule({
  id: 'MW002',
  code: 'targeted_task_requires_rate_controls',
  severity: 'error',
  at: 'key',
  title: 'A task with targets must give MaxConcurrency and MaxErrors',
  description: 'Both members are optional in the model, but only a targetless task may omit them.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [
    {
      ...SOURCES.register,
      quote:
        'Although this element is listed as "Required: No", a value can be omitted only when you are registering or updating a targetless task You must provide a value in all other cases.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      if: { properties: { Targets: { type: 'array', minItems: 1 } }, required: ['Targets'] },
      then: { required: ['MaxConcurrency', 'MaxErrors'], properties: { MaxConcurrency: true, MaxErrors: true } },
    },
  },
  check(payload) {
    const findings: Finding<'targeted_task_requires_rate_controls'>[] = [];
    if (!hasTargets(payload)) return findings;
    for (const member of RATE_CONTROLS) if (payload[member] === undefined) findings.push({ path: [member], params: { member } });
    return findings;
  },
});
