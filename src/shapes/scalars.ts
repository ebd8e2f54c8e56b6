import { blob, boolean, enumeration, integer, string, timestamp } from './build.js';

/*
 * Scalar shapes of the two operations, named and constrained exactly as in AWS's SSM service
 * model (botocore data/ssm/2014-11-06/service-2.json). Structures live in their own files.
 */

const UUID = '^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$';

// --- identifiers --------------------------------------------------------------------------------
export const MaintenanceWindowId = string('MaintenanceWindowId', { min: 20, max: 20, pattern: '^mw-[0-9a-f]{17}$' });
export const MaintenanceWindowTaskId = string('MaintenanceWindowTaskId', { min: 36, max: 36, pattern: UUID });
export const MaintenanceWindowTargetId = string('MaintenanceWindowTargetId', { min: 36, max: 36, pattern: UUID });
export const MaintenanceWindowExecutionId = string('MaintenanceWindowExecutionId', { min: 36, max: 36, pattern: UUID });
export const MaintenanceWindowExecutionTaskId = string('MaintenanceWindowExecutionTaskId', { min: 36, max: 36, pattern: UUID });
export const MaintenanceWindowExecutionTaskInvocationId = string('MaintenanceWindowExecutionTaskInvocationId', {
  min: 36,
  max: 36,
  pattern: UUID,
});
export const MaintenanceWindowExecutionTaskExecutionId = string('MaintenanceWindowExecutionTaskExecutionId');
export const MaintenanceWindowTaskTargetId = string('MaintenanceWindowTaskTargetId', { max: 36 });
export const ClientToken = string('ClientToken', { min: 1, max: 64 });
export const NextToken = string('NextToken');

// --- task definition ---------------------------------------------------------------------------
export const MaintenanceWindowTaskArn = string('MaintenanceWindowTaskArn', { min: 1, max: 1600 });
export const ServiceRole = string('ServiceRole');
export const MaintenanceWindowTaskType = enumeration('MaintenanceWindowTaskType', [
  'RUN_COMMAND',
  'AUTOMATION',
  'STEP_FUNCTIONS',
  'LAMBDA',
]);
export const MaintenanceWindowTaskPriority = integer('MaintenanceWindowTaskPriority', { min: 0 });
export const MaxConcurrency = string('MaxConcurrency', { min: 1, max: 7, pattern: '^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$' });
export const MaxErrors = string('MaxErrors', { min: 1, max: 7, pattern: '^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$' });
export const MaintenanceWindowName = string('MaintenanceWindowName', { min: 3, max: 128, pattern: '^[a-zA-Z0-9_\\-.]{3,128}$' });
export const MaintenanceWindowDescription = string('MaintenanceWindowDescription', { min: 1, max: 128, sensitive: true });
export const MaintenanceWindowTaskCutoffBehavior = enumeration('MaintenanceWindowTaskCutoffBehavior', ['CONTINUE_TASK', 'CANCEL_TASK']);
export const Boolean = boolean('Boolean');

// --- maintenance windows (CreateMaintenanceWindow, UpdateMaintenanceWindow) ---------------------
export const MaintenanceWindowSchedule = string('MaintenanceWindowSchedule', { min: 1, max: 256 });
export const MaintenanceWindowTimezone = string('MaintenanceWindowTimezone');
export const MaintenanceWindowStringDateTime = string('MaintenanceWindowStringDateTime');
export const MaintenanceWindowOffset = integer('MaintenanceWindowOffset', { min: 1, max: 6 });
export const MaintenanceWindowDurationHours = integer('MaintenanceWindowDurationHours', { min: 1, max: 24 });
export const MaintenanceWindowCutoff = integer('MaintenanceWindowCutoff', { min: 0, max: 23 });
export const MaintenanceWindowAllowUnassociatedTargets = boolean('MaintenanceWindowAllowUnassociatedTargets');
export const MaintenanceWindowEnabled = boolean('MaintenanceWindowEnabled');
export const TagKey = string('TagKey', { min: 1, max: 128, pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$' });
export const TagValue = string('TagValue', { min: 0, max: 256, pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$' });

// --- S3 and logging ----------------------------------------------------------------------------
export const S3BucketName = string('S3BucketName', { min: 3, max: 63 });
export const S3KeyPrefix = string('S3KeyPrefix', { max: 500 });
export const S3Region = string('S3Region', { min: 3, max: 20 });

// --- Run Command -------------------------------------------------------------------------------
export const Comment = string('Comment', { max: 100 });
export const DocumentHash = string('DocumentHash', { max: 256 });
export const DocumentHashType = enumeration('DocumentHashType', ['Sha256', 'Sha1'], {
  deprecatedValues: {
    Sha1: { replacement: 'Sha256', quote: 'SHA-256 or SHA-1. SHA-1 hashes have been deprecated.' },
  },
});
export const DocumentVersion = string('DocumentVersion', { pattern: '([$]LATEST|[$]DEFAULT|^[1-9][0-9]*$)' });
export const TimeoutSeconds = integer('TimeoutSeconds', { min: 30, max: 2592000 });
export const ParameterName = string('ParameterName');
export const ParameterValue = string('ParameterValue');
export const CloudWatchLogGroupName = string('CloudWatchLogGroupName', { min: 1, max: 512 });
export const CloudWatchOutputEnabled = boolean('CloudWatchOutputEnabled');
export const NotificationArn = string('NotificationArn');
export const NotificationEvent = enumeration('NotificationEvent', ['All', 'InProgress', 'Success', 'TimedOut', 'Cancelled', 'Failed']);
export const NotificationType = enumeration('NotificationType', ['Command', 'Invocation']);

// --- Automation, Lambda, Step Functions ----------------------------------------------------------
export const AutomationParameterKey = string('AutomationParameterKey', { min: 1, max: 50 });
export const AutomationParameterValue = string('AutomationParameterValue', { min: 1, max: 512 });
export const MaintenanceWindowLambdaClientContext = string('MaintenanceWindowLambdaClientContext', { min: 1, max: 8000 });
export const MaintenanceWindowLambdaQualifier = string('MaintenanceWindowLambdaQualifier', { min: 1, max: 128 });
export const MaintenanceWindowLambdaPayload = blob('MaintenanceWindowLambdaPayload', { max: 4096, sensitive: true });
export const MaintenanceWindowStepFunctionsInput = string('MaintenanceWindowStepFunctionsInput', { max: 4096, sensitive: true });
export const MaintenanceWindowStepFunctionsName = string('MaintenanceWindowStepFunctionsName', { min: 1, max: 80 });

// --- legacy TaskParameters -----------------------------------------------------------------------
export const MaintenanceWindowTaskParameterName = string('MaintenanceWindowTaskParameterName', { min: 1, max: 255 });
export const MaintenanceWindowTaskParameterValue = string('MaintenanceWindowTaskParameterValue', {
  min: 1,
  max: 255,
  sensitive: true,
});

// --- targets and alarms --------------------------------------------------------------------------
export const TargetKey = string('TargetKey', {
  min: 1,
  max: 163,
  pattern: '^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name',
});
export const TargetValue = string('TargetValue');
export const MaintenanceWindowResourceType = enumeration('MaintenanceWindowResourceType', ['INSTANCE', 'RESOURCE_GROUP']);
export const AlarmName = string('AlarmName', { min: 1, max: 255, pattern: '^(?!\\s*$).+' });

// --- execution results ---------------------------------------------------------------------------
export const MaintenanceWindowFilterKey = string('MaintenanceWindowFilterKey', { min: 1, max: 128 });
export const MaintenanceWindowFilterValue = string('MaintenanceWindowFilterValue', { min: 1, max: 256 });
export const MaintenanceWindowMaxResults = integer('MaintenanceWindowMaxResults', { min: 10, max: 100 });
export const MaintenanceWindowExecutionStatus = enumeration('MaintenanceWindowExecutionStatus', [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESS',
  'FAILED',
  'TIMED_OUT',
  'CANCELLING',
  'CANCELLED',
  'SKIPPED_OVERLAPPING',
]);
export const MaintenanceWindowExecutionStatusDetails = string('MaintenanceWindowExecutionStatusDetails', { min: 0, max: 250 });
export const MaintenanceWindowExecutionTaskInvocationParameters = string('MaintenanceWindowExecutionTaskInvocationParameters', {
  sensitive: true,
});
export const OwnerInformation = string('OwnerInformation', { min: 1, max: 128, sensitive: true });
export const DateTime = timestamp('DateTime');
export const String = string('String');
