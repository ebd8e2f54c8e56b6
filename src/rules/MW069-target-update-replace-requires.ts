import { defineRule, SOURCES, type Finding } from './types.js';
import { REGISTERED_BY, replaces, requiredByReplace } from './updates.js';

/** Targets: what RegisterTargetWithMaintenanceWindow requires and the update has (ResourceType cannot change). */
const REQUIRED = requiredByReplace('UpdateMaintenanceWindowTarget');

export default defineRule({
  id: 'MW069',
  code: 'target_replace_requires_member',
  severity: 'error',
  at: 'key',
  title: 'UpdateMaintenanceWindowTarget with Replace gives Targets',
  description:
    'With Replace set to true, the members RegisterTargetWithMaintenanceWindow requires are required by the update too. Of WindowId, ResourceType and Targets, the update has WindowId (always required) and Targets; ResourceType cannot be changed and is not a member.',
  appliesTo: { operations: ['UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.updateTarget,
      quote:
        "Replace: If True, then all fields that are required by the RegisterTargetWithMaintenanceWindow operation are also required for this API request. Optional fields that aren't specified are set to null.",
    },
  ],
  jsonSchema: { form: 'schema', schema: { if: { properties: { Replace: { const: true } }, required: ['Replace'] }, then: { required: REQUIRED, properties: Object.fromEntries(REQUIRED.map((m) => [m, true])) } } },
  check(payload) {
    const findings: Finding<'target_replace_requires_member'>[] = [];
    if (!replaces(payload)) return findings;
    for (const member of REQUIRED) if (payload[member] === undefined) findings.push({ path: [member], params: { member, operation: REGISTERED_BY.UpdateMaintenanceWindowTarget } });
    return findings;
  },
});
