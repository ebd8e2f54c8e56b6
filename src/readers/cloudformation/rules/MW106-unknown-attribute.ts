import { defineRule } from '../../../rules/types.js';
import { CFN_SOURCES } from './sources.js';

export default defineRule({
  id: 'MW106',
  code: 'cfn_unknown_attribute',
  severity: 'error',
  title: 'Fn::GetAtt of an attribute the maintenance-window resource type does not have',
  description:
    'Fn::GetAtt reads a resource type’s read-only properties: WindowId of an AWS::SSM::MaintenanceWindow, WindowTargetId of an AWS::SSM::MaintenanceWindowTarget, WindowTaskId of an AWS::SSM::MaintenanceWindowTask, and nothing else. CloudFormation refuses a template that asks for another attribute, wherever it is written; the usual one is Fn::GetAtt Target.WindowId for the target’s window, which is Ref of the window itself.',
  reader: 'cloudformation',
  sources: [
    {
      ...CFN_SOURCES.schemas,
      quote:
        "E1010 'WindowId' is not one of ['WindowTargetId'] in ['us-east-1']; E1010 'WindowId' is not one of ['WindowTaskId'] in ['us-east-1']; E1010 'Name' is not one of ['WindowId'] in ['us-east-1']",
    },
    {
      document: 'Fn::GetAtt, AWS CloudFormation Template Reference',
      url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html',
      quote: 'The Fn::GetAtt intrinsic function returns the value of an attribute from a resource in the template.',
    },
  ],

  /** Fn::GetAtt of `attribute` of `resource`, of resource type `type`, which has only the attributes `known`. */
  check({ resource, attribute, type, known }: { resource: string; attribute: string; type: string; known: readonly string[] }) {
    return known.includes(attribute) ? [] : [{ path: [], params: { resource, attribute, type, known: [...known] } }];
  },
});
