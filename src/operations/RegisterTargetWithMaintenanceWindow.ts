import type * as z from 'zod';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import { DoesNotExistException, IdempotentParameterMismatch, InternalServerError, ResourceLimitExceededException } from '../shapes/errors.js';
import {
  ClientToken,
  MaintenanceWindowDescription,
  MaintenanceWindowId,
  MaintenanceWindowName,
  MaintenanceWindowResourceType,
  MaintenanceWindowTargetId,
  OwnerInformation,
} from '../shapes/scalars.js';
import { Targets } from '../shapes/Target.js';

export const RegisterTargetWithMaintenanceWindowRequest = inputStructure('RegisterTargetWithMaintenanceWindowRequest', {
  WindowId: required(MaintenanceWindowId, 'The ID of the maintenance window the target should be registered with.'),
  ResourceType: required(MaintenanceWindowResourceType, 'The type of target being registered with the maintenance window.'),
  Targets: required(
    Targets,
    'The targets to register with the maintenance window. In other words, the managed nodes to run commands on when the maintenance window runs. You can specify targets using managed node IDs, resource group names, or tags that have been applied to managed nodes. Example 1: Specify managed node IDs Key=InstanceIds,Values=<instance-id-1>,<instance-id-2>,<instance-id-3> Example 2: Use tag key-pairs applied to managed nodes Key=tag:<my-tag-key>,Values=<my-tag-value-1>,<my-tag-value-2> Example 3: Use tag-keys applied to managed nodes Key=tag-key,Values=<my-tag-key-1>,<my-tag-key-2> Example 4: Use resource group names Key=resource-groups:Name,Values=<resource-group-name> Example 5: Use filters for resource group types Key=resource-groups:ResourceTypeFilters,Values=<resource-type-1>,<resource-type-2>',
  ),
  OwnerInformation: optional(
    OwnerInformation,
    'User-provided value that will be included in any Amazon CloudWatch Events events raised while running tasks for these targets in this maintenance window.',
  ),
  Name: optional(MaintenanceWindowName, 'An optional name for the target.'),
  Description: optional(MaintenanceWindowDescription, 'An optional description for the target.'),
  ClientToken: optional(ClientToken, 'User-provided idempotency token.', { idempotencyToken: true }),
});

export const RegisterTargetWithMaintenanceWindowResult = outputStructure('RegisterTargetWithMaintenanceWindowResult', {
  WindowTargetId: optional(MaintenanceWindowTargetId, 'The ID of the target definition in this maintenance window.'),
});

export const RegisterTargetWithMaintenanceWindowErrors = [
  IdempotentParameterMismatch,
  DoesNotExistException,
  ResourceLimitExceededException,
  InternalServerError,
] as const;

export type RegisterTargetWithMaintenanceWindowRequest = z.input<typeof RegisterTargetWithMaintenanceWindowRequest>;
export type RegisterTargetWithMaintenanceWindowResult = z.output<typeof RegisterTargetWithMaintenanceWindowResult>;
