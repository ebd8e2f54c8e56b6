import { defineRule, SOURCES, type Finding } from './types.js';
import { RESOURCE_TYPE_OF, resourceTypeOf, targetEntries } from './window-target-keys.js';

export default defineRule({
  id: 'MW063',
  code: 'window_target_instance_ids_alone',
  severity: 'error',
  title: 'A window target given by InstanceIds has that one target only',
  description:
    'Managed nodes are registered either by ID, in one target with Key=InstanceIds, or by tags, in up to five tag:<tag-key> and tag-key targets; the two cannot be combined, and the IDs cannot be split over two InstanceIds targets. Register the tagged nodes as a second window target instead.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.targetFormats,
      quote:
        'ValidationException: Targets must be specified in one of the following formats: 1) 1 target with "Key=InstanceIds" and "Values=" a list of up to 50 instance IDs, or 2) Up to 5 targets, each of which can be either "Key=tag:<key>,Values=<tag_values>" or "Key=tag-key,Values=<tag_keys>", and each with up to 5 unique tag keys/values.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    // Beside InstanceIds, a key of a resource group or no documented key at all is refused by MW062, MW060 or MW061: any second target is an error.
    schema: {
      properties: {
        Targets: {
          if: { type: 'array', contains: { type: 'object', required: ['Key'], properties: { Key: { const: 'InstanceIds' } } } },
          then: { type: 'array', maxItems: 1 },
        },
      },
    },
  },
  check(payload) {
    const findings: Finding<'window_target_instance_ids_alone'>[] = [];
    const entries = targetEntries(payload);
    if (resourceTypeOf(payload, entries) === 'RESOURCE_GROUP') return findings;
    const instance = entries.filter((e) => e.form !== undefined && RESOURCE_TYPE_OF[e.form] === 'INSTANCE');
    if (instance.length < 2) return findings;
    for (const { index, form } of instance) if (form === 'InstanceIds') findings.push({ path: ['Targets', index, 'Key'], params: { targets: instance.length } });
    return findings;
  },
});
