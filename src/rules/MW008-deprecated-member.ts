import { regionLeadingTo, walkShapes, type Region } from '../compiled/plain.js';
import { OPERATIONS } from '../compiled/shapes.js';
import type { Deprecation } from '../shapes/meta.js';
import { isRecord } from '../shapes/values.js';
import { defineRule, SOURCES, type Finding } from './types.js';

/** The structures that have deprecated members, and those that lead to them: all the walk visits. */
let region: Region | undefined;
/** Each structure's deprecated members. */
const deprecatedOf = new Map<string, (readonly [string, Deprecation])[]>();

export default defineRule({
  id: 'MW008',
  code: 'deprecated_member',
  severity: 'warning',
  title: 'LoggingInfo and TaskParameters are deprecated',
  description:
    'The model carries no deprecated trait; the documentation deprecates both members and names their replacements. The members that are deprecated, and what replaces them, are declared on the schema (src/operations).',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
  sources: [
    {
      ...SOURCES.register,
      quote:
        'LoggingInfo has been deprecated. To specify an Amazon Simple Storage Service (Amazon S3) bucket to contain logs, instead use the OutputS3BucketName and OutputS3KeyPrefix options in the TaskInvocationParameters structure.',
    },
    {
      ...SOURCES.register,
      quote:
        'TaskParameters has been deprecated. To specify parameters to pass to a task when it runs, instead use the Parameters option in the TaskInvocationParameters structure.',
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding[] = [];
    walkShapes(
      OPERATIONS.RegisterTaskWithMaintenanceWindow.request,
      payload,
      (shape, value, path) => {
        if (shape.type !== 'structure' || !isRecord(value)) return;
        let deprecated = deprecatedOf.get(shape.shape);
        if (!deprecated) deprecatedOf.set(shape.shape, (deprecated = Object.entries(shape.members).flatMap(([key, m]) => (m.deprecated ? [[key, m.deprecated] as const] : []))));
        for (const [key, deprecation] of deprecated) {
          if (value[key] !== undefined && Object.prototype.hasOwnProperty.call(value, key)) findings.push({ path: [...path, key], params: { replacement: deprecation.replacement } });
        }
      },
      (region ??= regionLeadingTo((s) => s.type === 'structure' && Object.values(s.members).some((m) => m.deprecated))),
    );
    return findings;
  },
});
