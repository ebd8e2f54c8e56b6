import { defineRule } from '../../../rules/types.js';
import { closest } from '../../../issues/format.js';
import { CFN_SOURCES } from './sources.js';

/** API members that the resource type does not have, by API shape. */
export const API_ONLY: Readonly<Record<string, readonly string[]>> = {
  RegisterTaskWithMaintenanceWindowRequest: ['ClientToken', 'AlarmConfiguration'],
  RegisterTargetWithMaintenanceWindowRequest: ['ClientToken'],
  CreateMaintenanceWindowRequest: ['ClientToken'],
};

/** Properties the resource type has that a template cannot set, by API shape. */
const READ_ONLY: Readonly<Record<string, readonly string[]>> = {
  RegisterTaskWithMaintenanceWindowRequest: ['WindowTaskId'],
  RegisterTargetWithMaintenanceWindowRequest: ['WindowTargetId'],
  CreateMaintenanceWindowRequest: ['WindowId'],
};

export default defineRule({
  id: 'MW100',
  code: 'cfn_unknown_property',
  severity: 'error',
  title: 'A property that AWS::SSM::MaintenanceWindowTask does not have',
  description:
    'CloudFormation rejects a property the resource type does not declare, at any level. This covers typos and the members of the API that the resource type lacks: ClientToken (CloudFormation makes its own idempotency token) and AlarmConfiguration (not settable from CloudFormation), and the read-only WindowTaskId. Raised while the template is mapped to the API, with the closest property name when there is one.',
  reader: 'cloudformation',
  at: 'key',
  sources: [
    {
      ...CFN_SOURCES.resource,
      quote:
        '{ "Type" : "AWS::SSM::MaintenanceWindowTask", "Properties" : { "CutoffBehavior" : String, "Description" : String, "LoggingInfo" : LoggingInfo, "MaxConcurrency" : String, "MaxErrors" : String, "Name" : String, "Priority" : Integer, "ServiceRoleArn" : String, "Targets" : [ Target, ... ], "TaskArn" : String, "TaskInvocationParameters" : TaskInvocationParameters, "TaskParameters" : Json, "TaskType" : String, "WindowId" : String } }',
    },
    { ...CFN_SOURCES.schema, quote: '"additionalProperties": false' },
  ],

  /**
   * A property written in a structure of the resource type (`shape`, the API shape it stands for):
   * reported unless it is one of `properties` (the structure's CloudFormation names). `apiSpelling`
   * is the CloudFormation name of the API member the property is named after, if it is one; `type`
   * the resource type.
   */
  check({ property, type, shape, properties, apiSpelling }: { property: string; type: string; shape: string; properties: readonly string[]; apiSpelling?: string }) {
    if (properties.includes(property)) return [];
    const reason = API_ONLY[shape]?.includes(property) ? 'api-only' : READ_ONLY[shape]?.includes(property) ? 'read-only' : undefined;
    // An API name that CloudFormation spells differently (S3BucketName for S3Bucket): say which.
    const suggestion = reason ? undefined : (apiSpelling ?? closest(property, properties));
    return [{ path: [], params: { property, type, ...(reason ? { reason } : { known: [...properties] }), ...(suggestion ? { closest: suggestion } : {}) } }];
  },
});
