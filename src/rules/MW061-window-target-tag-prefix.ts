import { defineRule, SOURCES, type Finding } from './types.js';
import { resourceTypeOf, targetEntries, undocumentedKey } from './window-target-keys.js';

export default defineRule({
  id: 'MW061',
  code: 'window_target_tag_prefix',
  severity: 'error',
  title: 'A tag key is written with tag: in front of it',
  description:
    'Key=Role,Values=Web reads as "nodes tagged Role=Web" but is no key a window target takes: the tag key needs the tag: prefix (Key=tag:Role). AWS’s own AWS CLI example for register-target-with-maintenance-window makes this mistake. A key that is no documented key, no spelling of one and no other tool’s key is read as a tag name; for a RESOURCE_GROUP target, which takes no tags, it is MW060 instead.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      document: 'awsdocs/aws-cloudformation-user-guide pull request 325',
      url: 'https://github.com/awsdocs/aws-cloudformation-user-guide/pull/325',
      quote:
        'The AWS::SSM::MaintenanceWindowTarget documentation points to an incorrect syntax on the use of the \'Targets\' property, which requires "Key" to be prefixed with "tag:".',
    },
    {
      ...SOURCES.targetFormats,
      quote: 'Up to 5 targets, each of which can be either "Key=tag:<key>,Values=<tag_values>" or "Key=tag-key,Values=<tag_keys>", and each with up to 5 unique tag keys/values.',
    },
    { ...SOURCES.registerTarget, quote: 'Example 2: Use tag key-pairs applied to managed nodes Key=tag:<my-tag-key>,Values=<my-tag-value-1>,<my-tag-value-2>' },
  ],
  jsonSchema: { form: 'validator-only', reason: 'Which undocumented keys read as tag names is decided by spelling; MW060’s schema already refuses every undocumented key.', coveredBy: 'MW060' },
  check(payload) {
    const findings: Finding<'window_target_tag_prefix'>[] = [];
    const entries = targetEntries(payload);
    if (resourceTypeOf(payload, entries) === 'RESOURCE_GROUP') return findings;
    for (const { index, target, form } of entries) {
      if (form || typeof target.Key !== 'string') continue;
      const found = undocumentedKey(target.Key);
      if (found.reason === 'bare-tag') findings.push({ path: ['Targets', index, 'Key'], params: { actual: target.Key, suggestion: found.suggestion } });
    }
    return findings;
  },
});
