import { defineRule, SOURCES } from './types.js';

export default defineRule({
  id: 'MW011',
  code: 'service_role_recommended',
  severity: 'info',
  at: 'key',
  title: 'Give the task its own service role',
  description:
    'Without ServiceRoleArn, Systems Manager runs the task with its service-linked role (and creates that role if needed). It works, but AWS recommends a custom role scoped to the task. An update that leaves it out keeps the task’s role, unless it sets Replace (which sets it to null).',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      ...SOURCES.register,
      quote:
        'However, for an improved security posture, we strongly recommend creating a custom policy and custom service role for running your maintenance window tasks. The policy can be crafted to provide only the permissions needed for your particular maintenance window tasks.',
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload, { operation }) {
    if (operation === 'UpdateMaintenanceWindowTask' && payload.Replace !== true) return [];
    return payload.ServiceRoleArn === undefined ? [{ path: ['ServiceRoleArn'] }] : [];
  },
});
