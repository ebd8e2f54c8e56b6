import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES, type Finding } from './types.js';

/** EC2 instances (i- and 8 or 17 hex digits) and hybrid managed nodes (mi- and 17). */
export const MANAGED_NODE_ID = /^(?:i-(?:[0-9a-f]{8}|[0-9a-f]{17})|mi-[0-9a-f]{17})$/;
/** Window target IDs are UUIDs. */
export const WINDOW_TARGET_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const FORMATS = { InstanceIds: MANAGED_NODE_ID, WindowTargetIds: WINDOW_TARGET_ID } as const;

export default defineRule({
  id: 'MW007',
  code: 'task_target_value_format',
  severity: 'warning',
  title: 'Target values look like managed node IDs or window target IDs',
  description:
    'The model puts no format on target values. A value that does not look like an ID of the kind its key names is usually a mix-up (a window target ID under InstanceIds) or a placeholder copied from documentation (i-02573cafcfEXAMPLE). A warning, since AWS may issue IDs of new shapes. Checked for tasks (InstanceIds, WindowTargetIds) and window targets (InstanceIds, where * is not documented for maintenance windows).',
  appliesTo: {
    operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask', 'RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'],
    kind: 'request',
  },
  sources: [
    {
      ...SOURCES.register,
      quote:
        'Specify managed nodes using the following format: Key=InstanceIds,Values=<instance-id-1>,<instance-id-2> Specify maintenance window targets using the following format: Key=WindowTargetIds,Values=<window-target-id-1>,<window-target-id-2>',
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding<'task_target_value_format'>[] = [];
    const targets = payload.Targets;
    if (!Array.isArray(targets)) return findings;
    for (let i = 0; i < targets.length; i++) {
      const target: unknown = targets[i];
      if (!isRecord(target) || !Array.isArray(target.Values)) continue;
      const key = target.Key;
      if (key !== 'InstanceIds' && key !== 'WindowTargetIds') continue;
      const values: unknown[] = target.Values;
      for (let j = 0; j < values.length; j++) {
        const value = values[j];
        if (typeof value === 'string' && !FORMATS[key].test(value)) findings.push({ path: ['Targets', i, 'Values', j], params: { key, actual: value } });
      }
    }
    return findings;
  },
});
