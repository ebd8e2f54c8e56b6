import type { IdKind } from '../../across/rules/model.js';
import { defineRule } from '../../../rules/types.js';
import { CFN_SOURCES } from './sources.js';

/** The kind of ID each target key takes. */
export const TARGET_KEY_KINDS: Readonly<Record<string, IdKind>> = { InstanceIds: 'instance', WindowTargetIds: 'window-target' };

export default defineRule({
  id: 'MW105',
  code: 'cfn_target_reference_kind',
  severity: 'warning',
  title: 'A target refers to a resource whose ID is of the wrong kind',
  description:
    'A target value written as Ref or Fn::GetAtt of a resource of the template is not known before deployment, but what it gives is: Ref of an AWS::SSM::MaintenanceWindow is a window ID, of an AWS::SSM::MaintenanceWindowTarget a window target ID, of an AWS::SSM::MaintenanceWindowTask a task ID, of an AWS::EC2::Instance an instance ID. Key=InstanceIds takes instance IDs and Key=WindowTargetIds window target IDs; any other kind (most often the window’s own ID) is a mix-up. The CloudFormation counterpart of MW208, and of MW007 for literal values.',
  reader: 'cloudformation',
  sources: [
    {
      document: 'RegisterTaskWithMaintenanceWindow, AWS Systems Manager API Reference',
      url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTaskWithMaintenanceWindow.html',
      quote:
        'Specify managed nodes using the following format: Key=InstanceIds,Values=<instance-id-1>,<instance-id-2> Specify maintenance window targets using the following format: Key=WindowTargetIds,Values=<window-target-id-1>,<window-target-id-2>',
    },
    { ...CFN_SOURCES.sample, quote: 'SSMMaintenanceWindowTask: … Targets: - Key: "WindowTargetIds" Values: - !Ref SSMMaintenanceWindowTarget' },
  ],

  /** A target value that refers to a resource (`actual`, the kind of ID it gives) under a Key that takes IDs of another kind. */
  check({ key, reference, actual }: { key: string | undefined; reference: string; actual: IdKind }) {
    const expected = key !== undefined && Object.hasOwn(TARGET_KEY_KINDS, key) ? TARGET_KEY_KINDS[key] : undefined;
    return expected && actual !== expected ? [{ path: [], params: { key, reference, actual, expected } }] : [];
  },
});
