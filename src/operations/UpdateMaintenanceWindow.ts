import type * as z from 'zod';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import { DoesNotExistException, InternalServerError } from '../shapes/errors.js';
import {
  Boolean,
  MaintenanceWindowAllowUnassociatedTargets,
  MaintenanceWindowCutoff,
  MaintenanceWindowDescription,
  MaintenanceWindowDurationHours,
  MaintenanceWindowEnabled,
  MaintenanceWindowId,
  MaintenanceWindowName,
  MaintenanceWindowOffset,
  MaintenanceWindowSchedule,
  MaintenanceWindowStringDateTime,
  MaintenanceWindowTimezone,
} from '../shapes/scalars.js';
import { WINDOW_DOCS } from './CreateMaintenanceWindow.js';

const REPLACE_DOC =
  "If True, then all fields that are required by the CreateMaintenanceWindow operation are also required for this API request. Optional fields that aren't specified are set to null.";

export const UpdateMaintenanceWindowRequest = inputStructure('UpdateMaintenanceWindowRequest', {
  WindowId: required(MaintenanceWindowId, 'The ID of the maintenance window to update.'),
  Name: optional(MaintenanceWindowName, WINDOW_DOCS.Name),
  Description: optional(MaintenanceWindowDescription, 'An optional description for the update request.'),
  StartDate: optional(MaintenanceWindowStringDateTime, WINDOW_DOCS.StartDate),
  EndDate: optional(MaintenanceWindowStringDateTime, WINDOW_DOCS.EndDate),
  Schedule: optional(MaintenanceWindowSchedule, WINDOW_DOCS.Schedule),
  ScheduleTimezone: optional(MaintenanceWindowTimezone, WINDOW_DOCS.ScheduleTimezone),
  ScheduleOffset: optional(
    MaintenanceWindowOffset,
    "The number of days to wait after the date and time specified by a cron expression before running the maintenance window. For example, the following cron expression schedules a maintenance window to run the third Tuesday of every month at 11:30 PM. cron(30 23 ? * TUE#3 *) If the schedule offset is 2, the maintenance window won't run until two days later.",
  ),
  Duration: optional(MaintenanceWindowDurationHours, WINDOW_DOCS.Duration),
  Cutoff: optional(MaintenanceWindowCutoff, WINDOW_DOCS.Cutoff),
  AllowUnassociatedTargets: optional(
    MaintenanceWindowAllowUnassociatedTargets,
    'Whether targets must be registered with the maintenance window before tasks can be defined for those targets.',
  ),
  Enabled: optional(MaintenanceWindowEnabled, 'Whether the maintenance window is enabled.'),
  Replace: optional(Boolean, REPLACE_DOC),
});

export const UpdateMaintenanceWindowResult = outputStructure('UpdateMaintenanceWindowResult', {
  WindowId: optional(MaintenanceWindowId, 'The ID of the created maintenance window.'),
  Name: optional(MaintenanceWindowName, WINDOW_DOCS.Name),
  Description: optional(MaintenanceWindowDescription, 'An optional description of the update.'),
  StartDate: optional(
    MaintenanceWindowStringDateTime,
    "The date and time, in ISO-8601 Extended format, for when the maintenance window is scheduled to become active. The maintenance window won't run before this specified time.",
  ),
  EndDate: optional(
    MaintenanceWindowStringDateTime,
    "The date and time, in ISO-8601 Extended format, for when the maintenance window is scheduled to become inactive. The maintenance window won't run after this specified time.",
  ),
  Schedule: optional(MaintenanceWindowSchedule, WINDOW_DOCS.Schedule),
  ScheduleTimezone: optional(MaintenanceWindowTimezone, WINDOW_DOCS.ScheduleTimezone),
  ScheduleOffset: optional(
    MaintenanceWindowOffset,
    'The number of days to wait to run a maintenance window after the scheduled cron expression date and time.',
  ),
  Duration: optional(MaintenanceWindowDurationHours, WINDOW_DOCS.Duration),
  Cutoff: optional(MaintenanceWindowCutoff, WINDOW_DOCS.Cutoff),
  AllowUnassociatedTargets: optional(
    MaintenanceWindowAllowUnassociatedTargets,
    'Whether targets must be registered with the maintenance window before tasks can be defined for those targets.',
  ),
  Enabled: optional(MaintenanceWindowEnabled, 'Whether the maintenance window is enabled.'),
});

export const UpdateMaintenanceWindowErrors = [DoesNotExistException, InternalServerError] as const;

export type UpdateMaintenanceWindowRequest = z.input<typeof UpdateMaintenanceWindowRequest>;
export type UpdateMaintenanceWindowResult = z.output<typeof UpdateMaintenanceWindowResult>;
