import type * as z from 'zod';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import { DoesNotExistException, InternalServerError } from '../shapes/errors.js';
import { MaintenanceWindowExecutionTaskInvocationIdentityList } from '../shapes/MaintenanceWindowExecutionTaskInvocationIdentity.js';
import { MaintenanceWindowFilterList } from '../shapes/MaintenanceWindowFilter.js';
import {
  MaintenanceWindowExecutionId,
  MaintenanceWindowExecutionTaskId,
  MaintenanceWindowMaxResults,
  NextToken,
} from '../shapes/scalars.js';

export const DescribeMaintenanceWindowExecutionTaskInvocationsRequest = inputStructure(
  'DescribeMaintenanceWindowExecutionTaskInvocationsRequest',
  {
    WindowExecutionId: required(MaintenanceWindowExecutionId, 'The ID of the maintenance window execution the task is part of.'),
    TaskId: required(
      MaintenanceWindowExecutionTaskId,
      'The ID of the specific task in the maintenance window task that should be retrieved (the task execution ID, as returned in TaskExecutionId).',
    ),
    Filters: optional(
      MaintenanceWindowFilterList,
      'Optional filters used to scope down the returned task invocations. The supported filter key is STATUS with the corresponding values PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, and CANCELLED.',
    ),
    MaxResults: optional(
      MaintenanceWindowMaxResults,
      'The maximum number of items to return for this call. The call also returns a token that you can specify in a subsequent call to get the next set of results.',
    ),
    NextToken: optional(NextToken, 'The token for the next set of items to return. (You received this token from a previous call.)'),
  },
);

export const DescribeMaintenanceWindowExecutionTaskInvocationsResult = outputStructure(
  'DescribeMaintenanceWindowExecutionTaskInvocationsResult',
  {
    WindowExecutionTaskInvocationIdentities: optional(
      MaintenanceWindowExecutionTaskInvocationIdentityList,
      'Information about the task invocation results per invocation.',
    ),
    NextToken: optional(
      NextToken,
      'The token to use when requesting the next set of items. If there are no additional items to return, the string is empty.',
    ),
  },
);

export const DescribeMaintenanceWindowExecutionTaskInvocationsErrors = [DoesNotExistException, InternalServerError] as const;

export type DescribeMaintenanceWindowExecutionTaskInvocationsRequest = z.input<
  typeof DescribeMaintenanceWindowExecutionTaskInvocationsRequest
>;
export type DescribeMaintenanceWindowExecutionTaskInvocationsResult = z.output<
  typeof DescribeMaintenanceWindowExecutionTaskInvocationsResult
>;
