import type * as z from 'zod';
import { AlarmConfiguration } from '../shapes/AlarmConfiguration.js';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import { DoesNotExistException, InternalServerError } from '../shapes/errors.js';
import { LoggingInfo, LoggingInfoDeprecation } from '../shapes/LoggingInfo.js';
import { MaintenanceWindowTaskInvocationParameters } from '../shapes/MaintenanceWindowTaskInvocationParameters.js';
import { MaintenanceWindowTaskParameters, TaskParametersDeprecation } from '../shapes/MaintenanceWindowTaskParameters.js';
import {
  Boolean,
  MaintenanceWindowDescription,
  MaintenanceWindowId,
  MaintenanceWindowName,
  MaintenanceWindowTaskArn,
  MaintenanceWindowTaskCutoffBehavior,
  MaintenanceWindowTaskId,
  MaintenanceWindowTaskPriority,
  MaxConcurrency,
  MaxErrors,
  ServiceRole,
} from '../shapes/scalars.js';
import { Targets } from '../shapes/Target.js';

const SERVICE_ROLE =
  'The Amazon Resource Name (ARN) of the IAM service role for Systems Manager to assume when running a maintenance window task. If you do not specify a service role ARN, Systems Manager uses a service-linked role in your account. However, for an improved security posture, we strongly recommend creating a custom policy and custom service role for running your maintenance window tasks.';
const RATE_NOTE =
  'Although this element is listed as "Required: No", a value can be omitted only when you are registering or updating a targetless task You must provide a value in all other cases. For maintenance window tasks without a target specified, you can\'t supply a value for this option. Instead, the system inserts a placeholder value of 1.';

/*
 * An update names the task (WindowId, WindowTaskId) and gives what changes: a member left out is
 * not modified, unless Replace is true, when every member Register requires is required and every
 * optional member left out is set to null. TaskType cannot change and is not a member.
 */
export const UpdateMaintenanceWindowTaskRequest = inputStructure('UpdateMaintenanceWindowTaskRequest', {
  WindowId: required(MaintenanceWindowId, 'The maintenance window ID that contains the task to modify.'),
  WindowTaskId: required(MaintenanceWindowTaskId, 'The task ID to modify.'),
  Targets: optional(
    Targets,
    'The targets (either managed nodes or tags) to modify. One or more targets must be specified for maintenance window Run Command-type tasks. Depending on the task, targets are optional for other maintenance window task types (Automation, Lambda, and Step Functions).',
  ),
  TaskArn: optional(MaintenanceWindowTaskArn, 'The task ARN to modify.'),
  ServiceRoleArn: optional(ServiceRole, SERVICE_ROLE),
  TaskParameters: optional(MaintenanceWindowTaskParameters, 'The parameters to modify.', { deprecated: TaskParametersDeprecation }),
  TaskInvocationParameters: optional(
    MaintenanceWindowTaskInvocationParameters,
    "The parameters that the task should use during execution. Populate only the fields that match the task type. All other fields should be empty. When you update a maintenance window task that has options specified in TaskInvocationParameters, you must provide again all the TaskInvocationParameters values that you want to retain. The values you don't specify again are removed.",
  ),
  Priority: optional(
    MaintenanceWindowTaskPriority,
    'The new task priority to specify. The lower the number, the higher the priority. Tasks that have the same priority are scheduled in parallel.',
  ),
  MaxConcurrency: optional(MaxConcurrency, `The new MaxConcurrency value you want to specify: the number of targets that are allowed to run this task, in parallel. ${RATE_NOTE}`),
  MaxErrors: optional(MaxErrors, `The new MaxErrors value to specify: the maximum number of errors that are allowed before the task stops being scheduled. ${RATE_NOTE}`),
  LoggingInfo: optional(LoggingInfo, 'The new logging location in Amazon S3 to specify.', { deprecated: LoggingInfoDeprecation }),
  Name: optional(MaintenanceWindowName, 'The new task name to specify.'),
  Description: optional(MaintenanceWindowDescription, 'The new task description to specify.'),
  Replace: optional(
    Boolean,
    "If True, then all fields that are required by the RegisterTaskWithMaintenanceWindow operation are also required for this API request. Optional fields that aren't specified are set to null.",
  ),
  CutoffBehavior: optional(
    MaintenanceWindowTaskCutoffBehavior,
    'Indicates whether tasks should continue to run after the cutoff time specified in the maintenance windows is reached. CONTINUE_TASK (the default): tasks that are running continue. CANCEL_TASK: for Automation, Lambda and Step Functions tasks, running invocations continue but no new ones start; for Run Command tasks, the system sends a CancelCommand operation. The status for tasks that are not completed is TIMED_OUT.',
  ),
  AlarmConfiguration: optional(AlarmConfiguration, 'The CloudWatch alarm you want to apply to your maintenance window task.'),
});

export const UpdateMaintenanceWindowTaskResult = outputStructure('UpdateMaintenanceWindowTaskResult', {
  WindowId: optional(MaintenanceWindowId, 'The ID of the maintenance window that was updated.'),
  WindowTaskId: optional(MaintenanceWindowTaskId, 'The task ID of the maintenance window that was updated.'),
  Targets: optional(Targets, 'The updated target values.'),
  TaskArn: optional(MaintenanceWindowTaskArn, 'The updated task ARN value.'),
  ServiceRoleArn: optional(ServiceRole, SERVICE_ROLE),
  TaskParameters: optional(MaintenanceWindowTaskParameters, 'The updated parameter values.', { deprecated: TaskParametersDeprecation }),
  TaskInvocationParameters: optional(MaintenanceWindowTaskInvocationParameters, 'The updated parameter values.'),
  Priority: optional(MaintenanceWindowTaskPriority, 'The updated priority value.'),
  MaxConcurrency: optional(MaxConcurrency, 'The updated MaxConcurrency value.'),
  MaxErrors: optional(MaxErrors, 'The updated MaxErrors value.'),
  LoggingInfo: optional(LoggingInfo, 'The updated logging information in Amazon S3.', { deprecated: LoggingInfoDeprecation }),
  Name: optional(MaintenanceWindowName, 'The updated task name.'),
  Description: optional(MaintenanceWindowDescription, 'The updated task description.'),
  CutoffBehavior: optional(
    MaintenanceWindowTaskCutoffBehavior,
    'The specification for whether tasks should continue to run after the cutoff time specified in the maintenance windows is reached.',
  ),
  AlarmConfiguration: optional(AlarmConfiguration, 'The details for the CloudWatch alarm you applied to your maintenance window task.'),
});

export const UpdateMaintenanceWindowTaskErrors = [DoesNotExistException, InternalServerError] as const;

export type UpdateMaintenanceWindowTaskRequest = z.input<typeof UpdateMaintenanceWindowTaskRequest>;
export type UpdateMaintenanceWindowTaskResult = z.output<typeof UpdateMaintenanceWindowTaskResult>;
