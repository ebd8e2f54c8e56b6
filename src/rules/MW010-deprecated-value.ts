import { operations } from '../operations/index.js';
import { walk } from '../shapes/walk.js';
import { defineRule, SOURCES, type Finding } from './types.js';

export default defineRule({
  id: 'MW010',
  code: 'deprecated_value',
  severity: 'warning',
  title: 'DocumentHashType Sha1 is deprecated',
  description:
    'Sha1 is still in the model’s enum but SHA-1 document hashes are deprecated. Deprecated values are declared on the enum shapes (src/shapes/scalars.ts).',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [{ ...SOURCES.model, quote: 'SHA-256 or SHA-1. SHA-1 hashes have been deprecated.' }],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding[] = [];
    walk(operations.RegisterTaskWithMaintenanceWindow.request, payload, ({ meta, value, path }) => {
      if (meta.type !== 'string' || !meta.deprecatedValues || typeof value !== 'string') return;
      const deprecation = Object.hasOwn(meta.deprecatedValues, value) ? meta.deprecatedValues[value] : undefined;
      if (deprecation) findings.push({ path, params: { value, replacement: deprecation.replacement } });
    });
    return findings;
  },
});
