import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES, type Finding } from './types.js';

/** Values per task target key, as the service enforces them. */
export const TASK_TARGET_VALUE_COUNT = {
  InstanceIds: { minimum: 1, maximum: 50 },
  WindowTargetIds: { minimum: 1, maximum: 10 },
} as const;

/** The model's own limit on Target.Values; beyond it the model check already reports the same bound. */
const MODEL_MAXIMUM = 50;

export default defineRule({
  id: 'MW006',
  code: 'task_target_value_count',
  severity: 'error',
  title: 'A task target gives 1 to 50 instance IDs or 1 to 10 window target IDs',
  description:
    'The model allows 0 to 50 values for any key. For a task, the service answers with a ValidationException unless Key=InstanceIds has between 1 and 50 values or Key=WindowTargetIds between 1 and 10.',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [
    {
      document: 'Service ValidationException for RegisterTaskWithMaintenanceWindow, as reported in terraform-linters/tflint-ruleset-aws issue 524',
      url: 'https://github.com/terraform-linters/tflint-ruleset-aws/issues/524',
      quote:
        'ValidationException: target-ks-scan-patch is an invalid window task target type, use WindowTargetIds or InstanceIds. For Run Command tasks, you must specify at least one resource as the target of the task. You can specify between 1 and 50 instance IDs, or between 1 and 10 maintenance window target IDs',
    },
    {
      document: 'hashicorp/terraform-provider-aws issue 18372',
      url: 'https://github.com/hashicorp/terraform-provider-aws/issues/18372',
      quote: 'Error: ValidationException: The maximum number of window targets is 10',
    },
    { ...SOURCES.model, quote: 'Depending on the type of target, the maximum number of values for a key might be lower than the global maximum of 50.' },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      properties: {
        Targets: {
          type: 'array',
          items: {
            type: 'object',
            allOf: Object.entries(TASK_TARGET_VALUE_COUNT).map(([key, { minimum, maximum }]) => ({
              if: { properties: { Key: { const: key } }, required: ['Key'] },
              then: { required: ['Values'], properties: { Values: { type: 'array', minItems: minimum, maxItems: maximum } } },
            })),
          },
        },
      },
    },
  },
  check(payload) {
    const findings: Finding<'task_target_value_count'>[] = [];
    const targets = payload.Targets;
    if (!Array.isArray(targets)) return findings;
    for (let i = 0; i < targets.length; i++) {
      const target: unknown = targets[i];
      if (!isRecord(target) || (target.Key !== 'InstanceIds' && target.Key !== 'WindowTargetIds')) continue;
      const { minimum, maximum } = TASK_TARGET_VALUE_COUNT[target.Key];
      const actual = target.Values === undefined ? 0 : Array.isArray(target.Values) ? target.Values.length : undefined;
      if (actual === undefined || (actual >= minimum && actual <= maximum)) continue;
      if (actual > MODEL_MAXIMUM && maximum === MODEL_MAXIMUM) continue;
      findings.push({ path: ['Targets', i, 'Values'], params: { key: target.Key, minimum, maximum, actual } });
    }
    return findings;
  },
});
