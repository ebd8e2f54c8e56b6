import type * as z from 'zod';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import { DoesNotExistException, InternalServerError } from '../shapes/errors.js';
import {
  Boolean,
  MaintenanceWindowDescription,
  MaintenanceWindowId,
  MaintenanceWindowName,
  MaintenanceWindowTargetId,
  OwnerInformation,
} from '../shapes/scalars.js';
import { Targets } from '../shapes/Target.js';

const OWNER_INFORMATION =
  'User-provided value that will be included in any Amazon CloudWatch Events events raised while running tasks for these targets in this maintenance window.';

export const UpdateMaintenanceWindowTargetRequest = inputStructure('UpdateMaintenanceWindowTargetRequest', {
  WindowId: required(MaintenanceWindowId, 'The maintenance window ID with which to modify the target.'),
  WindowTargetId: required(MaintenanceWindowTargetId, 'The target ID to modify.'),
  Targets: optional(Targets, 'The targets to add or replace.'),
  OwnerInformation: optional(OwnerInformation, OWNER_INFORMATION),
  Name: optional(MaintenanceWindowName, 'A name for the update.'),
  Description: optional(MaintenanceWindowDescription, 'An optional description for the update.'),
  Replace: optional(
    Boolean,
    "If True, then all fields that are required by the RegisterTargetWithMaintenanceWindow operation are also required for this API request. Optional fields that aren't specified are set to null.",
  ),
});

export const UpdateMaintenanceWindowTargetResult = outputStructure('UpdateMaintenanceWindowTargetResult', {
  WindowId: optional(MaintenanceWindowId, 'The maintenance window ID specified in the update request.'),
  WindowTargetId: optional(MaintenanceWindowTargetId, 'The target ID specified in the update request.'),
  Targets: optional(Targets, 'The updated targets.'),
  OwnerInformation: optional(OwnerInformation, 'The updated owner.'),
  Name: optional(MaintenanceWindowName, 'The updated name.'),
  Description: optional(MaintenanceWindowDescription, 'The updated description.'),
});

export const UpdateMaintenanceWindowTargetErrors = [DoesNotExistException, InternalServerError] as const;

export type UpdateMaintenanceWindowTargetRequest = z.input<typeof UpdateMaintenanceWindowTargetRequest>;
export type UpdateMaintenanceWindowTargetResult = z.output<typeof UpdateMaintenanceWindowTargetResult>;
