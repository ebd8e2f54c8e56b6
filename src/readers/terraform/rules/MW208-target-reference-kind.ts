import { defineRule } from '../../../rules/types.js';
import { TARGET_KEY_KINDS, type IdReference } from '../references.js';


export default defineRule({
  id: 'MW208',
  code: 'terraform_target_reference_kind',
  severity: 'warning',
  reader: 'terraform',
  title: 'A task target refers to an ID of the wrong kind',
  description:
    'A target value that is a reference is not known before apply, but what it refers to is: aws_ssm_maintenance_window.x.id is a maintenance window ID, aws_ssm_maintenance_window_target.x.id a window target ID, aws_instance.x.id an instance ID. Key=InstanceIds takes managed node IDs and Key=WindowTargetIds takes window target IDs; any other kind of ID (most often the window’s own ID) is a mix-up, the reference counterpart of MW007.',
  sources: [
    {
      document: 'RegisterTaskWithMaintenanceWindow, AWS Systems Manager API Reference',
      url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTaskWithMaintenanceWindow.html',
      quote:
        'Specify managed nodes using the following format: Key=InstanceIds,Values=<instance-id-1>,<instance-id-2> Specify maintenance window targets using the following format: Key=WindowTargetIds,Values=<window-target-id-1>,<window-target-id-2>',
    },
    {
      document: 'Resource: aws_ssm_maintenance_window, Terraform AWS provider documentation',
      url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_maintenance_window',
      quote: '`id` - The ID of the maintenance window.',
    },
    {
      document: 'Resource: aws_ssm_maintenance_window_target, Terraform AWS provider documentation',
      url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_maintenance_window_target',
      quote: '`id` - The ID of the maintenance window target.',
    },
  ],

  /** A target's key and a reference written among its values: reported when the reference holds another kind of ID than the key takes. */
  check({ key, ref }: { key: unknown; ref: IdReference }) {
    if (typeof key !== 'string' || !Object.hasOwn(TARGET_KEY_KINDS, key)) return [];
    const expected = TARGET_KEY_KINDS[key]!;
    return ref.kind !== expected ? [{ path: [], params: { key, reference: ref.reference, actual: ref.kind, expected } }] : [];
  },
});
