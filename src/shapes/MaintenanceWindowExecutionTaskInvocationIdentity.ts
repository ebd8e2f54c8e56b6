import { list, optional, outputStructure } from './build.js';
import {
  DateTime,
  MaintenanceWindowExecutionId,
  MaintenanceWindowExecutionStatus,
  MaintenanceWindowExecutionStatusDetails,
  MaintenanceWindowExecutionTaskExecutionId,
  MaintenanceWindowExecutionTaskId,
  MaintenanceWindowExecutionTaskInvocationId,
  MaintenanceWindowExecutionTaskInvocationParameters,
  MaintenanceWindowTaskTargetId,
  MaintenanceWindowTaskType,
  OwnerInformation,
} from './scalars.js';

export const MaintenanceWindowExecutionTaskInvocationIdentity = outputStructure(
  'MaintenanceWindowExecutionTaskInvocationIdentity',
  {
    WindowExecutionId: optional(MaintenanceWindowExecutionId, 'The ID of the maintenance window execution that ran the task.'),
    TaskExecutionId: optional(MaintenanceWindowExecutionTaskId, 'The ID of the specific task execution in the maintenance window execution.'),
    InvocationId: optional(MaintenanceWindowExecutionTaskInvocationId, 'The ID of the task invocation.'),
    ExecutionId: optional(
      MaintenanceWindowExecutionTaskExecutionId,
      'The ID of the action performed in the service that actually handled the task invocation. If the task type is RUN_COMMAND, this value is the command ID.',
    ),
    TaskType: optional(MaintenanceWindowTaskType, 'The task type.'),
    Parameters: optional(
      MaintenanceWindowExecutionTaskInvocationParameters,
      'The parameters that were provided for the invocation when it was run.',
    ),
    Status: optional(MaintenanceWindowExecutionStatus, 'The status of the task invocation.'),
    StatusDetails: optional(
      MaintenanceWindowExecutionStatusDetails,
      'The details explaining the status of the task invocation. Not available for all status values.',
    ),
    StartTime: optional(DateTime, 'The time the invocation started.'),
    EndTime: optional(DateTime, 'The time the invocation finished.'),
    OwnerInformation: optional(
      OwnerInformation,
      'User-provided value that was specified when the target was registered with the maintenance window. This was also included in any Amazon CloudWatch Events events raised during the task invocation.',
    ),
    WindowTargetId: optional(
      MaintenanceWindowTaskTargetId,
      'The ID of the target definition in this maintenance window the invocation was performed for.',
    ),
  },
  {
    doc: 'Describes the information about a task invocation for a particular target as part of a task execution performed as part of a maintenance window execution.',
  },
);

export const MaintenanceWindowExecutionTaskInvocationIdentityList = list(
  'MaintenanceWindowExecutionTaskInvocationIdentityList',
  MaintenanceWindowExecutionTaskInvocationIdentity,
);
