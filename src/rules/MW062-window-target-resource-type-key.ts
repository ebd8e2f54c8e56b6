import { defineRule, SOURCES, type Finding } from './types.js';
import { givesResourceType, KEYS_OF, RESOURCE_TYPE_OF, targetEntries, TAG_PREFIX, type KeyForm, type ResourceType } from './window-target-keys.js';

/** The JSON Schema of the keys that belong to each ResourceType. */
const KEY_OF = {
  INSTANCE: { anyOf: [{ enum: ['InstanceIds', 'tag-key'] }, { type: 'string', pattern: `^${TAG_PREFIX}.` }] },
  RESOURCE_GROUP: { enum: ['resource-groups:Name', 'resource-groups:ResourceTypeFilters'] },
} as const;
const OTHER = { INSTANCE: 'RESOURCE_GROUP', RESOURCE_GROUP: 'INSTANCE' } as const satisfies Record<ResourceType, ResourceType>;
const holding = (type: ResourceType) => ({ type: 'array', contains: { type: 'object', required: ['Key'], properties: { Key: KEY_OF[type] } } });

export default defineRule({
  id: 'MW062',
  code: 'window_target_resource_type_key',
  severity: 'error',
  title: 'A window target’s keys belong to its ResourceType',
  description:
    'INSTANCE targets are given with InstanceIds, tag:<tag-key> or tag-key; RESOURCE_GROUP targets with resource-groups:Name and resource-groups:ResourceTypeFilters. A key of the other kind is refused. UpdateMaintenanceWindowTarget has no ResourceType (it cannot be changed): there, keys of both kinds in one Targets list are wrong whichever type the target was registered as.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.targetFormats,
      quote:
        'ValidationException: Targets must be specified in one of the following formats: 1) 1 target with "Key=InstanceIds" and "Values=" a list of up to 50 instance IDs, or 2) Up to 5 targets, each of which can be either "Key=tag:<key>,Values=<tag_values>" or "Key=tag-key,Values=<tag_keys>", and each with up to 5 unique tag keys/values.',
    },
    { ...SOURCES.targetExamples, quote: 'aws ssm register-target-with-maintenance-window --window-id "mw-ab12cd34ef56gh78" --resource-type "RESOURCE_GROUP" --target "Key=resource-groups:Name,Values=MyResourceGroup"' },
  ],
  jsonSchema: {
    form: 'schema',
    schema: {
      allOf: [
        ...(['INSTANCE', 'RESOURCE_GROUP'] as const).map((type) => ({
          if: { properties: { ResourceType: { const: type } }, required: ['ResourceType'] },
          then: { properties: { Targets: { not: holding(OTHER[type]) } } },
        })),
        { properties: { Targets: { not: { allOf: [holding('INSTANCE'), holding('RESOURCE_GROUP')] } } } },
      ],
    },
  },
  check(payload) {
    const findings: Finding<'window_target_resource_type_key'>[] = [];
    const entries = targetEntries(payload).filter((e): e is typeof e & { form: KeyForm } => e.form !== undefined);
    if (givesResourceType(payload)) {
      const resourceType = payload.ResourceType as ResourceType;
      for (const { index, target, form } of entries) {
        if (RESOURCE_TYPE_OF[form] !== resourceType) findings.push({ path: ['Targets', index, 'Key'], params: { actual: target.Key, resourceType, allowed: KEYS_OF[resourceType] } });
      }
      return findings;
    }
    // No ResourceType to hold them to: keys of both kinds cannot all be right.
    const kinds = (type: ResourceType) => entries.filter((e) => RESOURCE_TYPE_OF[e.form] === type).map((e) => e.target.Key);
    const instance = kinds('INSTANCE');
    const group = kinds('RESOURCE_GROUP');
    if (instance.length > 0 && group.length > 0) findings.push({ path: ['Targets'], params: { mixed: true, instance, group } });
    return findings;
  },
});
