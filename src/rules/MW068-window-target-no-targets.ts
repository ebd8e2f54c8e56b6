import { defineRule, SOURCES } from './types.js';

export default defineRule({
  id: 'MW068',
  code: 'window_target_no_targets',
  severity: 'error',
  title: 'A window target has at least one target',
  description:
    'The model allows an empty Targets list (the shape is shared with tasks, which may be targetless). A window target is its targets: registering or updating one with an empty list is refused.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      document: 'Service ValidationException for RegisterTargetWithMaintenanceWindow, as reported in jparnaudeau/terraform-aws-ssm-patch-management issue 14',
      url: 'https://github.com/jparnaudeau/terraform-aws-ssm-patch-management/issues/14',
      quote: 'ValidationException: Please specify at least one target.',
    },
    {
      ...SOURCES.registerTarget,
      quote: 'The targets to register with the maintenance window. In other words, the managed nodes to run commands on when the maintenance window runs.',
    },
  ],
  jsonSchema: { form: 'schema', schema: { properties: { Targets: { type: 'array', minItems: 1 } } } },
  check(payload) {
    return Array.isArray(payload.Targets) && payload.Targets.length === 0 ? [{ path: ['Targets'] }] : [];
  },
});
