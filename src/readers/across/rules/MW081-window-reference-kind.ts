import type { AcrossFinding, IdKind, ResourceModel } from './model.js';
import { ACROSS_OPERATIONS, ACROSS_READERS, ACROSS_SOURCES } from './types.js';
import { defineRule } from '../../../rules/types.js';

/** Each task's and target's WindowId that refers to an ID of another kind than a window's. */
export function windowReferencesOfOtherKinds(model: ResourceModel): AcrossFinding<'window_reference_kind'>[] {
  const found: AcrossFinding<'window_reference_kind'>[] = [];
  for (const resource of [...model.targets, ...model.tasks]) {
    const { reference, path, place } = resource.window;
    if (reference.to === 'literal') continue;
    const kind: IdKind | undefined = reference.kind;
    if (kind === undefined || kind === 'window') continue;
    found.push({ resource: resource.name, path, place, params: { reference: reference.written, actual: kind, expected: 'window' } });
  }
  return found;
}

export default defineRule({
  id: 'MW081',
  code: 'window_reference_kind',
  severity: 'error',
  reader: ACROSS_READERS,
  operations: ACROSS_OPERATIONS,
  title: 'A WindowId refers to a window target or a task instead of the window',
  description:
    'A task’s or a target’s WindowId must be a maintenance window ID (mw- and 17 hexadecimal digits). A reference to the file’s window target or task gives that resource’s own ID instead: in CloudFormation Ref of an AWS::SSM::MaintenanceWindowTarget is its window target ID and Ref of an AWS::SSM::MaintenanceWindowTask its window task ID; in Terraform aws_ssm_maintenance_window_target.x.id is the window target ID (its window_id is the window’s). The value is not known before deployment, but its kind is, and it can never be a window ID.',
  sources: [
    { ...ACROSS_SOURCES.registerTarget, quote: 'WindowId: The ID of the maintenance window the target should be registered with. Pattern: ^mw-[0-9a-f]{17}$' },
    {
      ...ACROSS_SOURCES.cfnSample,
      quote: 'SSMMaintenanceWindowTask: … Targets: - Key: "WindowTargetIds" Values: - !Ref SSMMaintenanceWindowTarget',
    },
    { ...ACROSS_SOURCES.cfnLint, quote: "E1010 'WindowId' is not one of ['WindowTargetId'] in ['us-east-1'] (for !GetAtt of an AWS::SSM::MaintenanceWindowTarget)" },
    { ...ACROSS_SOURCES.tfTarget, quote: '`id` - The ID of the maintenance window target.' },
  ],
  check: windowReferencesOfOtherKinds,
});
