import type * as z from 'zod';
import {
  DescribeMaintenanceWindowExecutionTaskInvocationsErrors,
  DescribeMaintenanceWindowExecutionTaskInvocationsRequest,
  DescribeMaintenanceWindowExecutionTaskInvocationsResult,
} from './DescribeMaintenanceWindowExecutionTaskInvocations.js';
import {
  RegisterTaskWithMaintenanceWindowErrors,
  RegisterTaskWithMaintenanceWindowRequest,
  RegisterTaskWithMaintenanceWindowResult,
} from './RegisterTaskWithMaintenanceWindow.js';
import {
  RegisterTargetWithMaintenanceWindowErrors,
  RegisterTargetWithMaintenanceWindowRequest,
  RegisterTargetWithMaintenanceWindowResult,
} from './RegisterTargetWithMaintenanceWindow.js';
import {
  UpdateMaintenanceWindowTargetErrors,
  UpdateMaintenanceWindowTargetRequest,
  UpdateMaintenanceWindowTargetResult,
} from './UpdateMaintenanceWindowTarget.js';
import {
  UpdateMaintenanceWindowTaskErrors,
  UpdateMaintenanceWindowTaskRequest,
  UpdateMaintenanceWindowTaskResult,
} from './UpdateMaintenanceWindowTask.js';
import { CreateMaintenanceWindowErrors, CreateMaintenanceWindowRequest, CreateMaintenanceWindowResult } from './CreateMaintenanceWindow.js';
import { UpdateMaintenanceWindowErrors, UpdateMaintenanceWindowRequest, UpdateMaintenanceWindowResult } from './UpdateMaintenanceWindow.js';
import type { Kind } from './kinds.js';

export interface Paginator {
  inputToken: string;
  outputToken: string;
  limitKey: string;
  resultKey: string;
}

export interface Operation {
  name: string;
  doc: string;
  /** Where AWS documents it. */
  url: string;
  /** `aws ssm <command>` */
  cliCommand: string;
  request: z.ZodObject;
  response: z.ZodObject;
  errors: readonly z.ZodObject[];
  paginator?: Paginator;
}

/** The service's protocol facts (botocore metadata for ssm 2014-11-06). */
export const SERVICE = {
  targetPrefix: 'AmazonSSM',
  jsonVersion: '1.1',
  contentType: 'application/x-amz-json-1.1',
  apiVersion: '2014-11-06',
  endpointPrefix: 'ssm',
} as const;

export const operations = {
  RegisterTaskWithMaintenanceWindow: {
    name: 'RegisterTaskWithMaintenanceWindow',
    doc: 'Adds a new task to a maintenance window.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTaskWithMaintenanceWindow.html',
    cliCommand: 'register-task-with-maintenance-window',
    request: RegisterTaskWithMaintenanceWindowRequest,
    response: RegisterTaskWithMaintenanceWindowResult,
    errors: RegisterTaskWithMaintenanceWindowErrors,
  },
  DescribeMaintenanceWindowExecutionTaskInvocations: {
    name: 'DescribeMaintenanceWindowExecutionTaskInvocations',
    doc: 'Retrieves the individual task executions (one per target) for a particular task run as part of a maintenance window execution.',
    url: 'https://docs.aws.amazon.com/cli/latest/reference/ssm/describe-maintenance-window-execution-task-invocations.html',
    cliCommand: 'describe-maintenance-window-execution-task-invocations',
    request: DescribeMaintenanceWindowExecutionTaskInvocationsRequest,
    response: DescribeMaintenanceWindowExecutionTaskInvocationsResult,
    errors: DescribeMaintenanceWindowExecutionTaskInvocationsErrors,
    paginator: {
      inputToken: 'NextToken',
      outputToken: 'NextToken',
      limitKey: 'MaxResults',
      resultKey: 'WindowExecutionTaskInvocationIdentities',
    },
  },
  RegisterTargetWithMaintenanceWindow: {
    name: 'RegisterTargetWithMaintenanceWindow',
    doc: 'Registers a target with a maintenance window.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_RegisterTargetWithMaintenanceWindow.html',
    cliCommand: 'register-target-with-maintenance-window',
    request: RegisterTargetWithMaintenanceWindowRequest,
    response: RegisterTargetWithMaintenanceWindowResult,
    errors: RegisterTargetWithMaintenanceWindowErrors,
  },
  UpdateMaintenanceWindowTarget: {
    name: 'UpdateMaintenanceWindowTarget',
    doc: "Modifies the target of an existing maintenance window. If a parameter is null, then the corresponding field isn't modified.",
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindowTarget.html',
    cliCommand: 'update-maintenance-window-target',
    request: UpdateMaintenanceWindowTargetRequest,
    response: UpdateMaintenanceWindowTargetResult,
    errors: UpdateMaintenanceWindowTargetErrors,
  },
  UpdateMaintenanceWindowTask: {
    name: 'UpdateMaintenanceWindowTask',
    doc: "Modifies a task assigned to a maintenance window. You can't change the task type. If the value for a parameter is null, then the corresponding field isn't modified; with Replace, every field RegisterTaskWithMaintenanceWindow requires is required and optional fields that aren't specified are set to null.",
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindowTask.html',
    cliCommand: 'update-maintenance-window-task',
    request: UpdateMaintenanceWindowTaskRequest,
    response: UpdateMaintenanceWindowTaskResult,
    errors: UpdateMaintenanceWindowTaskErrors,
  },
  CreateMaintenanceWindow: {
    name: 'CreateMaintenanceWindow',
    doc: 'Creates a new maintenance window.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateMaintenanceWindow.html',
    cliCommand: 'create-maintenance-window',
    request: CreateMaintenanceWindowRequest,
    response: CreateMaintenanceWindowResult,
    errors: CreateMaintenanceWindowErrors,
  },
  UpdateMaintenanceWindow: {
    name: 'UpdateMaintenanceWindow',
    doc: 'Updates an existing maintenance window. Only specified parameters are modified.',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UpdateMaintenanceWindow.html',
    cliCommand: 'update-maintenance-window',
    request: UpdateMaintenanceWindowRequest,
    response: UpdateMaintenanceWindowResult,
    errors: UpdateMaintenanceWindowErrors,
  },
} as const satisfies Record<string, Operation>;

export type OperationName = keyof typeof operations;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];
export { KINDS, type Kind } from './kinds.js';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}
