import { regionLeadingTo, walkShapes, type Region } from '../compiled/shape-lookup.js';
import { OPERATIONS } from '../compiled/generated/shapes.js';
import { defineRule, SOURCES, type Finding } from './types.js';

/** The shapes with deprecated values, and those that lead to them: all the walk visits. */
let region: Region | undefined;

export default defineRule({
  id: 'MW010',
  code: 'deprecated_value',
  severity: 'warning',
  title: 'DocumentHashType Sha1 is deprecated',
  description:
    'Sha1 is still in the model’s enum but SHA-1 document hashes are deprecated. Deprecated values are declared on the enum shapes (src/shapes/scalars.ts).',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask'], kind: 'request' },
  sources: [{ ...SOURCES.model, quote: 'SHA-256 or SHA-1. SHA-1 hashes have been deprecated.' }],
  jsonSchema: { form: 'annotation' },
  check(payload, { operation }) {
    const findings: Finding<'deprecated_value'>[] = [];
    walkShapes(
      OPERATIONS[operation].request,
      payload,
      (shape, value, path) => {
        if (shape.type !== 'string' || !shape.deprecatedValues || typeof value !== 'string') return;
        const deprecation = Object.hasOwn(shape.deprecatedValues, value) ? shape.deprecatedValues[value] : undefined;
        if (deprecation) findings.push({ path: [...path], params: { value, replacement: deprecation.replacement } });
      },
      (region ??= regionLeadingTo((s) => s.type === 'string' && s.deprecatedValues !== undefined)),
    );
    return findings;
  },
});
