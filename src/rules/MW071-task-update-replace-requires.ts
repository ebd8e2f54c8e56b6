import { defineRule, SOURCES, type Finding } from './types.js';
import { REGISTERED_BY, replaces, requiredByReplace } from './updates.js';

/** TaskArn: what RegisterTaskWithMaintenanceWindow requires and the update has (TaskType cannot change). */
const REQUIRED = requiredByReplace('UpdateMaintenanceWindowTask');

export default defineRule({
  id: 'MW071',
  code: 'task_replace_requires_member',
  severity: 'error',
  at: 'key',
  title: 'UpdateMaintenanceWindowTask with Replace gives TaskArn',
  description:
    'With Replace set to true, the members RegisterTaskWithMaintenanceWindow requires are required by the update too. Of WindowId, TaskArn and TaskType, the update has WindowId (always required) and TaskArn; the task type cannot be changed and is not a member.',
  appliesTo: { operations: ['UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      ...SOURCES.updateTask,
      quote:
        "If you set Replace to true, then all fields required by the RegisterTaskWithMaintenanceWindow operation are required for this request. Optional fields that aren't specified are set to null.",
    },
    { ...SOURCES.updateTask, quote: "You can't change the task type, but you can change the following values: TaskARN." },
  ],
  jsonSchema: { form: 'schema', schema: { if: { properties: { Replace: { const: true } }, required: ['Replace'] }, then: { required: REQUIRED, properties: Object.fromEntries(REQUIRED.map((m) => [m, true])) } } },
  check(payload) {
    const findings: Finding<'task_replace_requires_member'>[] = [];
    if (!replaces(payload)) return findings;
    for (const member of REQUIRED) if (payload[member] === undefined) findings.push({ path: [member], params: { member, operation: REGISTERED_BY.UpdateMaintenanceWindowTask } });
    return findings;
  },
});
