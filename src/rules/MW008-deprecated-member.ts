import { plainShape, regionLeadingTo, walkShapes, type Region } from '../compiled/shape-lookup.js';
import { OPERATIONS } from '../compiled/generated/shapes.js';
import type { Deprecation } from '../shapes/meta.js';
import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES, type Finding } from './types.js';

interface Deprecated {
  /** The structures that have deprecated members, and those that lead to them: all the walk visits. */
  region: Region;
  /** Each structure's deprecated members, for every structure of the region. */
  deprecatedOf: ReadonlyMap<string, readonly (readonly [string, Deprecation])[]>;
}

let deprecated: Deprecated | undefined;

function findDeprecated(): Deprecated {
  const region = regionLeadingTo((s) => s.type === 'structure' && Object.values(s.members).some((m) => m.deprecated));
  const deprecatedOf = new Map<string, (readonly [string, Deprecation])[]>();
  for (const name of region.shapes) {
    const shape = plainShape(name);
    if (shape.type === 'structure') deprecatedOf.set(name, Object.entries(shape.members).flatMap(([key, m]) => (m.deprecated ? [[key, m.deprecated] as const] : [])));
  }
  return { region, deprecatedOf };
}

export default defineRule({
  id: 'MW008',
  code: 'deprecated_member',
  severity: 'warning',
  at: 'key',
  title: 'LoggingInfo and TaskParameters are deprecated',
  description:
    'The model carries no deprecated trait; the documentation deprecates both members and names their replacements. The members that are deprecated, and what replaces them, are declared on the schema (src/operations).',
  appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask'], kind: 'request' },
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
  check(payload, { operation }) {
    const findings: Finding<'deprecated_member'>[] = [];
    const { region, deprecatedOf } = (deprecated ??= findDeprecated());
    walkShapes(
      OPERATIONS[operation].request,
      payload,
      (shape, value, path) => {
        if (shape.type !== 'structure' || !isRecord(value)) return;
        for (const [key, deprecation] of deprecatedOf.get(shape.shape)!) {
          if (value[key] !== undefined && Object.prototype.hasOwnProperty.call(value, key)) findings.push({ path: [...path, key], params: { replacement: deprecation.replacement } });
        }
      },
      region,
    );
    return findings;
  },
});
