import type * as z from 'zod';
import { AlarmConfiguration } from '../shapes/AlarmConfiguration.js';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import {
  DoesNotExistException,
  FeatureNotAvailableException,
  IdempotentParameterMismatch,
  InternalServerError,
  ResourceLimitExceededException,
} from '../shapes/errors.js';
import { LoggingInfo, LoggingInfoDeprecation } from '../shapes/LoggingInfo.js';
import { MaintenanceWindowTaskInvocationParameters } from '../shapes/MaintenanceWindowTaskInvocationParameters.js';
import { MaintenanceWindowTaskParameters, TaskParametersDeprecation } from '../shapes/MaintenanceWindowTaskParameters.js';
import {
  ClientToken,
  MaintenanceWindowDescription,
  MaintenanceWindowId,
  MaintenanceWindowName,
  MaintenanceWindowTaskArn,
  MaintenanceWindowTaskCutoffBehavior,
  MaintenanceWindowTaskId,
  MaintenanceWindowTaskPriority,
  MaintenanceWindowTaskType,
  MaxConcurrency,
  MaxErrors,
  ServiceRole,
} from '../shapes/scalars.js';
import { Targets } from '../shapes/Target.js';

const RATE_NOTE =
  'Although this element is listed as "Required: No", a value can be omitted only when you are registering or updating a targetless task. You must provide a value in all other cases. For maintenance window tasks without a target specified, you can\'t supply a value for this option. Instead, the system inserts a placeholder value of 1.';

export const RegisterTaskWithMaintenanceWindowRequest = inputStructure('RegisterTaskWithMaintenanceWindowRequest', {
  WindowId: required(MaintenanceWindowId, 'The ID of the maintenance window the task should be added to.'),
  Targets: optional(
    Targets,
    "The targets (either managed nodes or maintenance window targets). One or more targets must be specified for maintenance window Run Command-type tasks. Depending on the task, targets are optional for other maintenance window task types (Automation, Lambda, and Step Functions). Specify managed nodes using Key=InstanceIds,Values=<instance-id-1>,<instance-id-2>; specify maintenance window targets using Key=WindowTargetIds,Values=<window-target-id-1>,<window-target-id-2>.",
  ),
  TaskArn: required(MaintenanceWindowTaskArn, 'The ARN of the task to run.'),
  ServiceRoleArn: optional(
    ServiceRole,
    'The Amazon Resource Name (ARN) of the IAM service role for Systems Manager to assume when running a maintenance window task. If you do not specify a service role ARN, Systems Manager uses a service-linked role in your account. However, for an improved security posture, we strongly recommend creating a custom policy and custom service role for running your maintenance window tasks.',
  ),
  TaskType: required(MaintenanceWindowTaskType, 'The type of task being registered.'),
  TaskParameters: optional(MaintenanceWindowTaskParameters, 'The parameters that should be passed to the task when it is run.', {
    deprecated: TaskParametersDeprecation,
  }),
  TaskInvocationParameters: optional(
    MaintenanceWindowTaskInvocationParameters,
    'The parameters that the task should use during execution. Populate only the fields that match the task type. All other fields should be empty.',
  ),
  Priority: optional(
    MaintenanceWindowTaskPriority,
    'The priority of the task in the maintenance window, the lower the number the higher the priority. Tasks in a maintenance window are scheduled in priority order with tasks that have the same priority scheduled in parallel.',
  ),
  MaxConcurrency: optional(MaxConcurrency, `The maximum number of targets this task can be run for, in parallel. ${RATE_NOTE}`),
  MaxErrors: optional(MaxErrors, `The maximum number of errors allowed before this task stops being scheduled. ${RATE_NOTE}`),
  LoggingInfo: optional(
    LoggingInfo,
    'A structure containing information about an Amazon Simple Storage Service (Amazon S3) bucket to write managed node-level logs to.',
    { deprecated: LoggingInfoDeprecation },
  ),
  Name: optional(MaintenanceWindowName, 'An optional name for the task.'),
  Description: optional(MaintenanceWindowDescription, 'An optional description for the task.'),
  ClientToken: optional(ClientToken, 'User-provided idempotency token.', { idempotencyToken: true }),
  CutoffBehavior: optional(
    MaintenanceWindowTaskCutoffBehavior,
    'Indicates whether tasks should continue to run after the cutoff time specified in the maintenance windows is reached. CONTINUE_TASK (the default): tasks that are running continue. CANCEL_TASK: for Automation, Lambda and Step Functions tasks, running invocations continue but no new ones start; for Run Command tasks, the system sends a CancelCommand operation. The status for tasks that are not completed is TIMED_OUT.',
  ),
  AlarmConfiguration: optional(AlarmConfiguration, 'The CloudWatch alarm you want to apply to your maintenance window task.'),
});

export const RegisterTaskWithMaintenanceWindowResult = outputStructure('RegisterTaskWithMaintenanceWindowResult', {
  WindowTaskId: optional(MaintenanceWindowTaskId, 'The ID of the task in the maintenance window.'),
});

export const RegisterTaskWithMaintenanceWindowErrors = [
  IdempotentParameterMismatch,
  DoesNotExistException,
  ResourceLimitExceededException,
  FeatureNotAvailableException,
  InternalServerError,
] as const;

export type RegisterTaskWithMaintenanceWindowRequest = z.input<typeof RegisterTaskWithMaintenanceWindowRequest>;
export type RegisterTaskWithMaintenanceWindowResult = z.output<typeof RegisterTaskWithMaintenanceWindowResult>;
