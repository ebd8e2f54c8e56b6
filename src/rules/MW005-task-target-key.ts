import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES, type Finding } from './types.js';

export const TASK_TARGET_KEYS = ['InstanceIds', 'WindowTargetIds'] as const;

export default defineRule({
  id: 'MW005',
  code: 'task_target_key',
  severity: 'error',
  title: 'A task target uses Key InstanceIds or WindowTargetIds',
  description:
    'The Target shape is shared with window targets and Run Command, whose keys (tag:<name>, tag-key, resource-groups:Name, ...) the model pattern accepts. A task rejects them: register such targets with the window and point the task at the window target. Keys are case-sensitive.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      document: 'Service ValidationException for RegisterTaskWithMaintenanceWindow, as reported in terraform-linters/tflint-ruleset-aws issue 524',
      url: 'https://github.com/terraform-linters/tflint-ruleset-aws/issues/524',
      quote:
        'ValidationException: target-ks-scan-patch is an invalid window task target type, use WindowTargetIds or InstanceIds. For Run Command tasks, you must specify at least one resource as the target of the task. You can specify between 1 and 50 instance IDs, or between 1 and 10 maintenance window target IDs',
    },
    {
      ...SOURCES.register,
      quote:
        'Specify managed nodes using the following format: Key=InstanceIds,Values=<instance-id-1>,<instance-id-2> Specify maintenance window targets using the following format: Key=WindowTargetIds,Values=<window-target-id-1>,<window-target-id-2>',
    },
    {
      document: 'awsdocs/aws-cloudformation-user-guide issue 728 (resource-groups:Name rejected as a task target)',
      url: 'https://github.com/awsdocs/aws-cloudformation-user-guide/issues/728',
      quote: 'This has led some users to believe they can directly specify a resource group (by name) in the Targets property of a AWS::SSM::MaintenanceWindowTask resource',
    },
    {
      document: 'awsdocs/aws-cloudformation-user-guide pull request 311 (key casing)',
      url: 'https://github.com/awsdocs/aws-cloudformation-user-guide/pull/311',
      quote: 'The Key value for Targets cannot be instanceids, instead, it must be InstanceIds.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      properties: { Targets: { type: 'array', items: { type: 'object', required: ['Key'], properties: { Key: { enum: [...TASK_TARGET_KEYS] } } } } },
    },
  },
  check(payload) {
    const findings: Finding<'task_target_key'>[] = [];
    const targets = payload.Targets;
    if (!Array.isArray(targets)) return findings;
    for (let i = 0; i < targets.length; i++) {
      const target: unknown = targets[i];
      if (!isRecord(target)) continue;
      const key = target.Key;
      if (key !== undefined && (typeof key !== 'string' || (TASK_TARGET_KEYS as readonly string[]).includes(key))) continue;
      findings.push({ path: ['Targets', i, 'Key'], params: { actual: key } });
    }
    return findings;
  },
});
