/** The documents the CloudFormation rules cite. */
export const CFN_SOURCES = {
  resource: {
    document: 'AWS::SSM::MaintenanceWindowTask, AWS CloudFormation Template Reference',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ssm-maintenancewindowtask.html',
  },
  notificationConfig: {
    document: 'AWS::SSM::MaintenanceWindowTask NotificationConfig, AWS CloudFormation Template Reference',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ssm-maintenancewindowtask-notificationconfig.html',
  },
  runCommand: {
    document: 'AWS::SSM::MaintenanceWindowTask MaintenanceWindowRunCommandParameters, AWS CloudFormation Template Reference',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ssm-maintenancewindowtask-maintenancewindowruncommandparameters.html',
  },
  schema: {
    document: 'AWS::SSM::MaintenanceWindowTask resource schema, as bundled with cfn-lint 1.51.0 (data/schemas/resources)',
    url: 'https://github.com/aws-cloudformation/cfn-lint/tree/main/src/cfnlint/data/schemas',
  },
} as const;
