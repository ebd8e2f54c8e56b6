import { defineRule, SOURCES, type Finding } from './types.js';
import { resourceTypeOf, targetEntries, type KeyForm } from './window-target-keys.js';

const holding = (key: KeyForm) => ({ type: 'array', contains: { type: 'object', required: ['Key'], properties: { Key: { const: key } } } });

export default defineRule({
  id: 'MW066',
  code: 'window_target_one_resource_group',
  severity: 'error',
  title: 'A window target names one resource group, narrowed by at most one list of resource types',
  description:
    'A RESOURCE_GROUP target is one resource group: one resource-groups:Name target (with one value, MW064), optionally narrowed by one resource-groups:ResourceTypeFilters target. A second resource-groups:Name target is refused; register each group as its own window target. A second list of resource types beside the group is not documented: give all the types in one.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    { ...SOURCES.targetExamples, quote: 'Quotas: You can specify only one resource group as a target.' },
    {
      ...SOURCES.targetExamples,
      quote:
        'aws ssm register-target-with-maintenance-window --window-id "mw-ab12cd34ef56gh78" --resource-type "RESOURCE_GROUP" --target "Key=resource-groups:Name,Values=MyResourceGroup" "Key=resource-groups:ResourceTypeFilters,Values=AWS::EC2::Instance,AWS::ECS::Cluster"',
    },
  ],
  jsonSchema: {
    form: 'schema',
    // With a resource group, the list is the group alone or the group and one filter list: anything else beside it
    // is a second group (this rule), a second filter list (this rule), or a key MW060, MW061 or MW062 refuses.
    schema: {
      properties: {
        Targets: {
          if: holding('resource-groups:Name'),
          then: { anyOf: [{ type: 'array', maxItems: 1 }, { maxItems: 2, ...holding('resource-groups:ResourceTypeFilters') }] },
        },
      },
    },
  },
  check(payload) {
    const findings: Finding<'window_target_one_resource_group'>[] = [];
    const entries = targetEntries(payload);
    // For INSTANCE targets every resource-groups key is already MW062.
    if (resourceTypeOf(payload, entries) === 'INSTANCE') return findings;
    const named = entries.filter((e) => e.form === 'resource-groups:Name');
    if (named.length === 0) return findings;
    for (const { index } of named.slice(1)) findings.push({ path: ['Targets', index, 'Key'], params: { form: 'resource-groups:Name' } });
    const filters = entries.filter((e) => e.form === 'resource-groups:ResourceTypeFilters');
    for (const { index } of filters.slice(1)) findings.push({ path: ['Targets', index, 'Key'], params: { form: 'resource-groups:ResourceTypeFilters' } });
    return findings;
  },
});
