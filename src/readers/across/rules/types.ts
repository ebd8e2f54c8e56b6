import type { Code } from '../../../issues/codes.js';
import type { OperationName } from '../../../operations/index.js';
import type { ReaderRule } from '../../../rules/types.js';
import type { AcrossFinding, ResourceModel } from './model.js';

/**
 * A rule across the resources of one file: how its windows, window targets and tasks fit together.
 * Written once against the reader-neutral model (model.ts) that each reader of infrastructure code
 * builds; ids MW080-MW099. `across` finds, at each resource, what breaks the rule.
 */
export type AcrossRule<Id extends string = string, C extends Code = Code> = ReaderRule<Id, C, ResourceModel, AcrossFinding<C>> & {
  /** The requests of the resources it reads: the window's, the targets', the tasks'. */
  operations: readonly OperationName[];
};

/** Every rule across resources reads windows, targets and tasks. */
export const ACROSS_OPERATIONS = ['CreateMaintenanceWindow', 'RegisterTargetWithMaintenanceWindow', 'RegisterTaskWithMaintenanceWindow'] as const satisfies readonly OperationName[];

/** The readers that build the model, as a rule's `reader` names them. */
export const ACROSS_READERS = 'cloudformation, terraform, terraform-plan';

/** The documents the rules across resources cite. */
export const ACROSS_SOURCES = {
  registerTarget: {
    document: 'RegisterTargetWithMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTargetWithMaintenanceWindow.html',
  },
  registerTask: {
    document: 'RegisterTaskWithMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTaskWithMaintenanceWindow.html',
  },
  createWindow: {
    document: 'CreateMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateMaintenanceWindow.html',
  },
  updateWindow: {
    document: 'UpdateMaintenanceWindow, AWS Systems Manager API Reference',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindow.html',
  },
  cfnSample: {
    document: 'aws-cloudformation/aws-cloudformation-templates, aws/services/SystemsManager/MaintenanceWindowWithPatchBaseline.yml (AWS’s sample template)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-templates/blob/fb0216c4d0e7682da80ad20051f001cedb9b7fff/aws/services/SystemsManager/MaintenanceWindowWithPatchBaseline.yml',
  },
  cfnLint: {
    document: 'cfn-lint 1.51.0 on a template that reads Fn::GetAtt of the maintenance-window resource types (its resource schemas’ readOnlyProperties)',
    url: 'https://github.com/aws-cloudformation/cfn-lint/tree/main/src/cfnlint/data/schemas',
  },
  cfnTarget: {
    document: 'AWS::SSM::MaintenanceWindowTarget, AWS CloudFormation Template Reference',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ssm-maintenancewindowtarget.html',
  },
  tfTarget: {
    document: 'Resource: aws_ssm_maintenance_window_target, Terraform AWS provider documentation',
    url: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_maintenance_window_target',
  },
} as const;
