import { defineRule, SOURCES, type Finding } from './types.js';
import { TAG_PREFIX, targetEntries, VALUE_COUNT } from './window-target-keys.js';

/** The model's own limit on Target.Values; beyond it the model check already reports the same bound. */
const MODEL_MAXIMUM = 50;

/** The JSON Schema that picks each form's targets by their Key. */
const KEY_IS = {
  InstanceIds: { const: 'InstanceIds' },
  tag: { type: 'string', pattern: `^${TAG_PREFIX}.` },
  'tag-key': { const: 'tag-key' },
  'resource-groups:Name': { const: 'resource-groups:Name' },
  'resource-groups:ResourceTypeFilters': { const: 'resource-groups:ResourceTypeFilters' },
} as const satisfies Record<keyof typeof VALUE_COUNT, Record<string, unknown>>;

export default defineRule({
  id: 'MW064',
  code: 'window_target_value_count',
  severity: 'error',
  title: 'A window target gives 1 to 50 instance IDs, 1 to 5 tag values or tag keys, one resource group, and at least one resource type',
  description:
    'The model allows 0 to 50 values for any key. The service refuses a target without values ("Filter values can\'t be null"), more than 5 values for a tag:<tag-key> or tag-key target, and more than one resource group name. Values are counted as written: a value given twice counts twice (and is MW065).',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.targetFormats,
      quote:
        'ValidationException: Targets must be specified in one of the following formats: 1) 1 target with "Key=InstanceIds" and "Values=" a list of up to 50 instance IDs, or 2) Up to 5 targets, each of which can be either "Key=tag:<key>,Values=<tag_values>" or "Key=tag-key,Values=<tag_keys>", and each with up to 5 unique tag keys/values.',
    },
    {
      document: 'Service ValidationException for RegisterTargetWithMaintenanceWindow, as reported in jparnaudeau/terraform-aws-ssm-patch-management issue 14',
      url: 'https://github.com/jparnaudeau/terraform-aws-ssm-patch-management/issues/14',
      quote: "ValidationException: Please specify at least one target.  Filter values can't be null and tag:Patch Group is.",
    },
    { ...SOURCES.targetExamples, quote: 'Quotas: You can specify only one resource group as a target.' },
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
            allOf: Object.entries(VALUE_COUNT).map(([form, count]) => ({
              if: { properties: { Key: KEY_IS[form as keyof typeof KEY_IS] }, required: ['Key'] },
              then: { required: ['Values'], properties: { Values: { type: 'array', minItems: count.minimum, ...('maximum' in count ? { maxItems: count.maximum } : {}) } } },
            })),
          },
        },
      },
    },
  },
  check(payload) {
    const findings: Finding<'window_target_value_count'>[] = [];
    for (const { index, target, form } of targetEntries(payload)) {
      if (!form) continue;
      const count = VALUE_COUNT[form];
      const maximum = 'maximum' in count ? count.maximum : undefined;
      const actual = target.Values === undefined ? 0 : Array.isArray(target.Values) ? target.Values.length : undefined;
      if (actual === undefined || (actual >= count.minimum && (maximum === undefined || actual <= maximum))) continue;
      if (actual > MODEL_MAXIMUM && maximum === MODEL_MAXIMUM) continue;
      findings.push({ path: ['Targets', index, 'Values'], params: { key: target.Key, form, minimum: count.minimum, ...(maximum !== undefined ? { maximum } : {}), actual } });
    }
    return findings;
  },
});
