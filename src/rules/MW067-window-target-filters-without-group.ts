import { defineRule, SOURCES, type Finding } from './types.js';
import { resourceTypeOf, targetEntries } from './window-target-keys.js';

export default defineRule({
  id: 'MW067',
  code: 'window_target_filters_without_group',
  severity: 'warning',
  title: 'resource-groups:ResourceTypeFilters narrows a resource-groups:Name target',
  description:
    'Every documented use of resource-groups:ResourceTypeFilters filters the resources of a resource group named beside it (Key=resource-groups:Name). Whether the service accepts the filters alone is not documented; a warning, not an error.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.targetExamples,
      quote:
        'aws ssm register-target-with-maintenance-window --window-id "mw-ab12cd34ef56gh78" --resource-type "RESOURCE_GROUP" --target "Key=resource-groups:Name,Values=MyResourceGroup" "Key=resource-groups:ResourceTypeFilters,Values=AWS::EC2::Instance,AWS::ECS::Cluster"',
    },
    { ...SOURCES.registerTarget, quote: 'Example 5: Use filters for resource group types Key=resource-groups:ResourceTypeFilters,Values=<resource-type-1>,<resource-type-2>' },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding<'window_target_filters_without_group'>[] = [];
    const entries = targetEntries(payload);
    // For INSTANCE targets every resource-groups key is already MW062.
    if (resourceTypeOf(payload, entries) === 'INSTANCE' || entries.some((e) => e.form === 'resource-groups:Name')) return findings;
    // A target or a key only a deployment knows (a Terraform variable, a CloudFormation parameter) may be the group's.
    const targets = payload.Targets;
    if (Array.isArray(targets) && (targets.length !== entries.length || entries.some((e) => typeof e.target.Key !== 'string'))) return findings;
    for (const { index, form } of entries) if (form === 'resource-groups:ResourceTypeFilters') findings.push({ path: ['Targets', index, 'Key'] });
    return findings;
  },
});
