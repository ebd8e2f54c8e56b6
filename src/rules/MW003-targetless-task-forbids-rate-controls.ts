import { defineRule, isTargetless, RATE_CONTROLS, SOURCES, type Finding } from './types.js';

export default defineRule({
  id: 'MW003',
  code: 'targetless_task_forbids_rate_controls',
  severity: 'error',
  at: 'key',
  title: 'A task without targets must not give MaxConcurrency or MaxErrors',
  description:
    'For a targetless task (Targets absent or empty) the service inserts a placeholder value of 1 for both members; supplying a value is not allowed.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [
    {
      ...SOURCES.register,
      quote:
        "For maintenance window tasks without a target specified, you can't supply a value for this option. Instead, the system inserts a placeholder value of 1.",
    },
    {
      ...SOURCES.targetless,
      quote:
        "For maintenance window tasks without a target specified, you can't supply values for --max-errors and --max-concurrency.",
    },
    {
      document: 'Service ValidationException, as reported in hashicorp/terraform-provider-aws issue 19396',
      url: 'https://github.com/hashicorp/terraform-provider-aws/issues/19396',
      quote: 'ValidationException: Maintenance window tasks without targets do not support MaxErrors values. Maintenance window tasks without targets do not support MaxConcurrency values.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      if: { properties: { Targets: { type: 'array', maxItems: 0 } } },
      then: { not: { anyOf: [{ required: ['MaxConcurrency'] }, { required: ['MaxErrors'] }] } },
    },
  },
  check(payload) {
    const findings: Finding<'targetless_task_forbids_rate_controls'>[] = [];
    if (!isTargetless(payload)) return findings;
    for (const member of RATE_CONTROLS) if (payload[member] !== undefined) findings.push({ path: [member], params: { member } });
    return findings;
  },
});
