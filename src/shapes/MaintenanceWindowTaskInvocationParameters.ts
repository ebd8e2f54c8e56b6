import { inputStructure, list, map, optional } from './build.js';
import {
  AutomationParameterKey,
  AutomationParameterValue,
  CloudWatchLogGroupName,
  CloudWatchOutputEnabled,
  Comment,
  DocumentHash,
  DocumentHashType,
  DocumentVersion,
  MaintenanceWindowLambdaClientContext,
  MaintenanceWindowLambdaPayload,
  MaintenanceWindowLambdaQualifier,
  MaintenanceWindowStepFunctionsInput,
  MaintenanceWindowStepFunctionsName,
  NotificationArn,
  NotificationEvent,
  NotificationType,
  ParameterName,
  ParameterValue,
  S3BucketName,
  S3KeyPrefix,
  ServiceRole,
  TimeoutSeconds,
} from './scalars.js';

// --- RUN_COMMAND ---------------------------------------------------------------------------------

export const CloudWatchOutputConfig = inputStructure(
  'CloudWatchOutputConfig',
  {
    CloudWatchLogGroupName: optional(
      CloudWatchLogGroupName,
      "The name of the CloudWatch Logs log group where you want to send command output. If you don't specify a group name, Systems Manager automatically creates a log group for you.",
    ),
    CloudWatchOutputEnabled: optional(CloudWatchOutputEnabled, 'Enables Systems Manager to send command output to CloudWatch Logs.'),
  },
  { doc: 'Configuration options for sending command output to Amazon CloudWatch Logs.' },
);

export const NotificationEventList = list('NotificationEventList', NotificationEvent);

export const NotificationConfig = inputStructure(
  'NotificationConfig',
  {
    NotificationArn: optional(
      NotificationArn,
      'An Amazon Resource Name (ARN) for an Amazon Simple Notification Service (Amazon SNS) topic. Run Command pushes notifications about command status changes to this topic.',
    ),
    NotificationEvents: optional(NotificationEventList, 'The different events for which you can receive notifications.'),
    NotificationType: optional(
      NotificationType,
      'The type of notification. Command: receive notification when the status of a command changes. Invocation: for commands sent to multiple managed nodes, receive notification on a per-node basis.',
    ),
  },
  { doc: 'Configurations for sending notifications.' },
);

export const ParameterValueList = list('ParameterValueList', ParameterValue);
export const Parameters = map('Parameters', ParameterName, ParameterValueList, { sensitive: true });

export const MaintenanceWindowRunCommandParameters = inputStructure(
  'MaintenanceWindowRunCommandParameters',
  {
    Comment: optional(Comment, 'Information about the commands to run.'),
    CloudWatchOutputConfig: optional(CloudWatchOutputConfig, 'Configuration options for sending command output to Amazon CloudWatch Logs.'),
    DocumentHash: optional(DocumentHash, 'The SHA-256 or SHA-1 hash created by the system when the document was created. SHA-1 hashes have been deprecated.'),
    DocumentHashType: optional(DocumentHashType, 'SHA-256 or SHA-1. SHA-1 hashes have been deprecated.'),
    DocumentVersion: optional(
      DocumentVersion,
      'The SSM document version to use in the request. You can specify $DEFAULT, $LATEST, or a specific version number.',
    ),
    NotificationConfig: optional(
      NotificationConfig,
      'Configurations for sending notifications about command status changes on a per-managed node basis.',
    ),
    OutputS3BucketName: optional(S3BucketName, 'The name of the Amazon Simple Storage Service (Amazon S3) bucket.'),
    OutputS3KeyPrefix: optional(S3KeyPrefix, 'The S3 bucket subfolder.'),
    Parameters: optional(Parameters, 'The parameters for the RUN_COMMAND task execution.'),
    ServiceRoleArn: optional(
      ServiceRole,
      'The Amazon Resource Name (ARN) of the IAM service role for Systems Manager to assume when running a maintenance window task.',
    ),
    TimeoutSeconds: optional(TimeoutSeconds, "If this time is reached and the command hasn't already started running, it doesn't run."),
  },
  { doc: 'The parameters for a RUN_COMMAND task type.' },
);

// --- AUTOMATION ----------------------------------------------------------------------------------

export const AutomationParameterValueList = list('AutomationParameterValueList', AutomationParameterValue, { min: 0, max: 50 });
export const AutomationParameterMap = map('AutomationParameterMap', AutomationParameterKey, AutomationParameterValueList, {
  min: 1,
  max: 200,
});

export const MaintenanceWindowAutomationParameters = inputStructure(
  'MaintenanceWindowAutomationParameters',
  {
    DocumentVersion: optional(DocumentVersion, 'The version of an Automation runbook to use during task execution.'),
    Parameters: optional(AutomationParameterMap, 'The parameters for the AUTOMATION task.'),
  },
  { doc: 'The parameters for an AUTOMATION task type.' },
);

// --- STEP_FUNCTIONS ------------------------------------------------------------------------------

export const MaintenanceWindowStepFunctionsParameters = inputStructure(
  'MaintenanceWindowStepFunctionsParameters',
  {
    Input: optional(MaintenanceWindowStepFunctionsInput, 'The inputs for the STEP_FUNCTIONS task.'),
    Name: optional(MaintenanceWindowStepFunctionsName, 'The name of the STEP_FUNCTIONS task.'),
  },
  { doc: 'The parameters for a STEP_FUNCTIONS task.' },
);

// --- LAMBDA --------------------------------------------------------------------------------------

export const MaintenanceWindowLambdaParameters = inputStructure(
  'MaintenanceWindowLambdaParameters',
  {
    ClientContext: optional(
      MaintenanceWindowLambdaClientContext,
      'Pass client-specific information to the Lambda function that you are invoking.',
    ),
    Qualifier: optional(MaintenanceWindowLambdaQualifier, '(Optional) Specify a Lambda function version or alias name.'),
    Payload: optional(MaintenanceWindowLambdaPayload, 'JSON to provide to your Lambda function as input.'),
  },
  { doc: 'The parameters for a LAMBDA task type.' },
);

// --- the union that is not a union ---------------------------------------------------------------

export const MaintenanceWindowTaskInvocationParameters = inputStructure(
  'MaintenanceWindowTaskInvocationParameters',
  {
    RunCommand: optional(MaintenanceWindowRunCommandParameters, 'The parameters for a RUN_COMMAND task type.'),
    Automation: optional(MaintenanceWindowAutomationParameters, 'The parameters for an AUTOMATION task type.'),
    StepFunctions: optional(MaintenanceWindowStepFunctionsParameters, 'The parameters for a STEP_FUNCTIONS task type.'),
    Lambda: optional(MaintenanceWindowLambdaParameters, 'The parameters for a LAMBDA task type.'),
  },
  { doc: 'The parameters for task execution.' },
);
