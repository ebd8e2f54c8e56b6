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
  lambda: {
    document: 'AWS::SSM::MaintenanceWindowTask MaintenanceWindowLambdaParameters, AWS CloudFormation Template Reference',
    url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ssm-maintenancewindowtask-maintenancewindowlambdaparameters.html',
  },
  handler: {
    document: 'AWS::SSM::MaintenanceWindowTask resource handler, aws-cloudformation/aws-cloudformation-resource-providers-ssm (aws-ssm-maintenancewindowtask, as of commit 5e900fd)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-ssm/blob/master/aws-ssm-maintenancewindowtask/src/main/java/software/amazon/ssm/maintenancewindowtask/util/ResourceRequestTranslator.java',
  },
  windowHandler: {
    document: 'AWS::SSM::MaintenanceWindow resource handler, aws-cloudformation/aws-cloudformation-resource-providers-ssm (aws-ssm-maintenancewindow, as of commit 5e900fd)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-ssm/blob/master/aws-ssm-maintenancewindow/src/main/java/software/amazon/ssm/maintenancewindow/translator/request/CreateMaintenanceWindowTranslator.java',
  },
  windowValidator: {
    document: 'AWS::SSM::MaintenanceWindow resource handler, aws-cloudformation/aws-cloudformation-resource-providers-ssm (aws-ssm-maintenancewindow, as of commit 5e900fd)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-ssm/blob/master/aws-ssm-maintenancewindow/src/main/java/software/amazon/ssm/maintenancewindow/util/SimpleTypeValidator.java',
  },
  targetHandler: {
    document: 'AWS::SSM::MaintenanceWindowTarget resource handler, aws-cloudformation/aws-cloudformation-resource-providers-ssm (aws-ssm-maintenancewindowtarget, as of commit 5e900fd)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-ssm/blob/master/aws-ssm-maintenancewindowtarget/src/main/java/software/amazon/ssm/maintenancewindowtarget/translator/request/RegisterTargetWithMaintenanceWindowTranslator.java',
  },
  targetsTranslator: {
    document: 'AWS::SSM::MaintenanceWindowTarget resource handler, aws-cloudformation/aws-cloudformation-resource-providers-ssm (aws-ssm-maintenancewindowtarget, as of commit 5e900fd)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-resource-providers-ssm/blob/master/aws-ssm-maintenancewindowtarget/src/main/java/software/amazon/ssm/maintenancewindowtarget/translator/property/TargetsListTranslator.java',
  },
  sample: {
    document: 'aws-cloudformation/aws-cloudformation-templates, aws/services/SystemsManager/MaintenanceWindowWithPatchBaseline.yml (AWS’s sample template)',
    url: 'https://github.com/aws-cloudformation/aws-cloudformation-templates/blob/fb0216c4d0e7682da80ad20051f001cedb9b7fff/aws/services/SystemsManager/MaintenanceWindowWithPatchBaseline.yml',
  },
  schemas: {
    document: 'AWS::SSM::MaintenanceWindow, AWS::SSM::MaintenanceWindowTarget and AWS::SSM::MaintenanceWindowTask resource schemas, as bundled with cfn-lint 1.51.0 (data/schemas/resources), and cfn-lint 1.51.0 on them',
    url: 'https://github.com/aws-cloudformation/cfn-lint/tree/main/src/cfnlint/data/schemas',
  },
  schema: {
    document: 'AWS::SSM::MaintenanceWindowTask resource schema, as bundled with cfn-lint 1.51.0 (data/schemas/resources)',
    url: 'https://github.com/aws-cloudformation/cfn-lint/tree/main/src/cfnlint/data/schemas',
  },
} as const;
