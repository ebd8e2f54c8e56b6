import { defineRule, SOURCES, type Finding } from './types.js';
import { KEYS_OF, resourceTypeOf, targetEntries, TAG_PREFIX, undocumentedKey } from './window-target-keys.js';

/** The documented keys, as JSON Schema states them: `tag:` needs a tag key after it. */
const DOCUMENTED = { anyOf: [{ enum: ['InstanceIds', 'tag-key', 'resource-groups:Name', 'resource-groups:ResourceTypeFilters'] }, { type: 'string', pattern: `^${TAG_PREFIX}.` }] };

export default defineRule({
  id: 'MW060',
  code: 'window_target_key',
  severity: 'error',
  title: 'A window target uses Key InstanceIds, tag:<tag-key>, tag-key, resource-groups:Name or resource-groups:ResourceTypeFilters',
  description:
    'The Target shape is shared with tasks, Run Command, Automation and State Manager, and its pattern lets their keys through (WindowTargetIds, ResourceGroup, ParameterValues, AWS::EC2::Instance). A window target takes five keys only, case-sensitive; a missing Key, another spelling (instanceids, Tag:Env, tag_key) or another tool’s key is refused. A key that reads as a tag name without tag: is MW061.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.targetFormats,
      quote:
        'ValidationException: Targets must be specified in one of the following formats: 1) 1 target with "Key=InstanceIds" and "Values=" a list of up to 50 instance IDs, or 2) Up to 5 targets, each of which can be either "Key=tag:<key>,Values=<tag_values>" or "Key=tag-key,Values=<tag_keys>", and each with up to 5 unique tag keys/values.',
    },
    {
      ...SOURCES.registerTarget,
      quote:
        'Example 1: Specify managed node IDs Key=InstanceIds,Values=<instance-id-1>,<instance-id-2>,<instance-id-3> Example 2: Use tag key-pairs applied to managed nodes Key=tag:<my-tag-key>,Values=<my-tag-value-1>,<my-tag-value-2> Example 3: Use tag-keys applied to managed nodes Key=tag-key,Values=<my-tag-key-1>,<my-tag-key-2> Example 4: Use resource group names Key=resource-groups:Name,Values=<resource-group-name> Example 5: Use filters for resource group types Key=resource-groups:ResourceTypeFilters,Values=<resource-type-1>,<resource-type-2>',
    },
    {
      document: 'awsdocs/aws-cloudformation-user-guide pull request 311 (key casing)',
      url: 'https://github.com/awsdocs/aws-cloudformation-user-guide/pull/311',
      quote: 'The Key value for Targets cannot be instanceids, instead, it must be InstanceIds.',
    },
  ],
  jsonSchema: {
    form: 'schema',
    // MW061's keys are not documented keys either: this schema expresses both rules.
    schema: { properties: { Targets: { type: 'array', items: { type: 'object', required: ['Key'], properties: { Key: DOCUMENTED } } } } },
  },
  check(payload) {
    const findings: Finding<'window_target_key'>[] = [];
    const entries = targetEntries(payload);
    const resourceType = resourceTypeOf(payload, entries);
    const allowed = resourceType ? KEYS_OF[resourceType] : [...KEYS_OF.INSTANCE, ...KEYS_OF.RESOURCE_GROUP];
    for (const { index, target, form } of entries) {
      if (form) continue;
      const key = target.Key;
      if (key === undefined) {
        findings.push({ path: ['Targets', index, 'Key'], params: { reason: 'missing', resourceType, allowed } });
        continue;
      }
      if (typeof key !== 'string') continue;
      const found = undocumentedKey(key);
      // A tag name without tag: (MW061), unless the targets are a resource group's, which takes no tags.
      if (found.reason === 'bare-tag' && resourceType !== 'RESOURCE_GROUP') continue;
      const reason = found.reason === 'bare-tag' ? 'unknown' : found.reason;
      const suggestion = found.reason === 'spelling' ? found.suggestion : undefined;
      findings.push({ path: ['Targets', index, 'Key'], params: { actual: key, reason, resourceType, allowed, ...(suggestion ? { suggestion } : {}) } });
    }
    return findings;
  },
});
