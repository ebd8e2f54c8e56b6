import { RATE_CONTROLS, defineRule, SOURCES } from './types.js';
import { clearedByReplace, replaces, type Update } from './updates.js';

/**
 * What each update's Replace clears when left out. A task's MaxConcurrency and MaxErrors are not
 * listed: with Replace they are required when the task has targets (MW072) and refused when it has
 * none (MW073), never merely cleared.
 */
const CLEARED = {
  UpdateMaintenanceWindowTarget: clearedByReplace('UpdateMaintenanceWindowTarget'),
  UpdateMaintenanceWindowTask: clearedByReplace('UpdateMaintenanceWindowTask').filter((m) => !(RATE_CONTROLS as readonly string[]).includes(m)),
} as const satisfies Record<Update, string[]>;

export default defineRule({
  id: 'MW070',
  code: 'replace_clears_members',
  severity: 'info',
  at: 'key',
  title: 'Replace clears the members the update leaves out',
  description:
    'Without Replace a member left out keeps its value; with Replace set to true it is set to null: the update is the whole target or task. Lists the members this request clears (not the deprecated ones, nor a task’s MaxConcurrency and MaxErrors, which Replace requires or refuses: MW072, MW073).',
  appliesTo: { operations: ['UpdateMaintenanceWindowTarget', 'UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    { ...SOURCES.updateTask, quote: "If you set Replace to true, then all fields required by the RegisterTaskWithMaintenanceWindow operation are required for this request. Optional fields that aren't specified are set to null." },
    { ...SOURCES.updateTarget, quote: "If True, then all fields that are required by the RegisterTargetWithMaintenanceWindow operation are also required for this API request. Optional fields that aren't specified are set to null." },
    {
      document: 'Update a maintenance window (AWS CLI), AWS Systems Manager User Guide',
      url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/maintenance-windows-cli-tutorials-update.html',
      quote: "The description field is removed, because the update doesn't include the field (a null value).",
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload, { operation }) {
    if (!replaces(payload) || (operation !== 'UpdateMaintenanceWindowTarget' && operation !== 'UpdateMaintenanceWindowTask')) return [];
    const members = CLEARED[operation].filter((m) => payload[m] === undefined);
    return members.length > 0 ? [{ path: ['Replace'], params: { members, of: operation === 'UpdateMaintenanceWindowTask' ? 'task' : 'target' } }] : [];
  },
});
