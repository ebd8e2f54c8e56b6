import { defineRule, SOURCES, type Finding } from './types.js';
import { targetEntries } from './window-target-keys.js';

export default defineRule({
  id: 'MW065',
  code: 'window_target_duplicate_value',
  severity: 'warning',
  title: 'A window target gives each value once',
  description:
    'A value given twice in one target selects nothing more, and counts against the target’s limit of values (MW064) as written. Usually a copy-and-paste slip, or two values meant to differ.',
  appliesTo: { operations: ['RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'], kind: 'request' },
  sources: [
    {
      ...SOURCES.targetFormats,
      quote: 'Up to 5 targets, each of which can be either "Key=tag:<key>,Values=<tag_values>" or "Key=tag-key,Values=<tag_keys>", and each with up to 5 unique tag keys/values.',
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding<'window_target_duplicate_value'>[] = [];
    for (const { index, target } of targetEntries(payload)) {
      if (!Array.isArray(target.Values)) continue;
      const values: unknown[] = target.Values;
      const first = new Map<string, number>();
      for (let j = 0; j < values.length; j++) {
        const value = values[j];
        if (typeof value !== 'string') continue;
        const earlier = first.get(value);
        if (earlier === undefined) first.set(value, j);
        else findings.push({ path: ['Targets', index, 'Values', j], params: { value, first: earlier } });
      }
    }
    return findings;
  },
});
