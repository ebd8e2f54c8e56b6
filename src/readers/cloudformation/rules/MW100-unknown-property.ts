import { defineReaderRule } from '../../reader-rule.js';
import { CFN_SOURCES } from './sources.js';

export default defineReaderRule({
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
});
