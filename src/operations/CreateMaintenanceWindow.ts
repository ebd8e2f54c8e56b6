import type * as z from 'zod';
import { inputStructure, optional, outputStructure, required } from '../shapes/build.js';
import { IdempotentParameterMismatch, InternalServerError, ResourceLimitExceededException } from '../shapes/errors.js';
import {
  ClientToken,
  MaintenanceWindowAllowUnassociatedTargets,
  MaintenanceWindowCutoff,
  MaintenanceWindowDescription,
  MaintenanceWindowDurationHours,
  MaintenanceWindowId,
  MaintenanceWindowName,
  MaintenanceWindowOffset,
  MaintenanceWindowSchedule,
  MaintenanceWindowStringDateTime,
  MaintenanceWindowTimezone,
} from '../shapes/scalars.js';
import { TagList } from '../shapes/Tag.js';

/*
 * The members both window operations share, with the model's documentation of each. The model
 * documents them almost alike in CreateMaintenanceWindowRequest and UpdateMaintenanceWindowRequest;
 * where the words differ, each operation keeps its own.
 */
export const WINDOW_DOCS = {
  Name: 'The name of the maintenance window.',
  StartDate:
    'The date and time, in ISO-8601 Extended format, for when you want the maintenance window to become active. StartDate allows you to delay activation of the maintenance window until the specified future date. When using a rate schedule, if you provide a start date that occurs in the past, the current date and time are used as the start date.',
  EndDate:
    'The date and time, in ISO-8601 Extended format, for when you want the maintenance window to become inactive. EndDate allows you to set a date and time in the future when the maintenance window will no longer run.',
  Schedule: 'The schedule of the maintenance window in the form of a cron or rate expression.',
  ScheduleTimezone:
    'The time zone that the scheduled maintenance window executions are based on, in Internet Assigned Numbers Authority (IANA) format. For example: "America/Los_Angeles", "UTC", or "Asia/Seoul". For more information, see the Time Zone Database on the IANA website.',
  Duration: 'The duration of the maintenance window in hours.',
  Cutoff:
    'The number of hours before the end of the maintenance window that Amazon Web Services Systems Manager stops scheduling new tasks for execution.',
} as const;

export const CreateMaintenanceWindowRequest = inputStructure('CreateMaintenanceWindowRequest', {
  Name: required(MaintenanceWindowName, WINDOW_DOCS.Name),
  Description: optional(
    MaintenanceWindowDescription,
    'An optional description for the maintenance window. We recommend specifying a description to help you organize your maintenance windows.',
  ),
  StartDate: optional(MaintenanceWindowStringDateTime, WINDOW_DOCS.StartDate),
  EndDate: optional(MaintenanceWindowStringDateTime, WINDOW_DOCS.EndDate),
  Schedule: required(MaintenanceWindowSchedule, WINDOW_DOCS.Schedule),
  ScheduleTimezone: optional(MaintenanceWindowTimezone, WINDOW_DOCS.ScheduleTimezone),
  ScheduleOffset: optional(
    MaintenanceWindowOffset,
    "The number of days to wait after the date and time specified by a cron expression before running the maintenance window. For example, the following cron expression schedules a maintenance window to run on the third Tuesday of every month at 11:30 PM. cron(30 23 ? * TUE#3 *) If the schedule offset is 2, the maintenance window won't run until two days later.",
  ),
  Duration: required(MaintenanceWindowDurationHours, WINDOW_DOCS.Duration),
  Cutoff: required(MaintenanceWindowCutoff, WINDOW_DOCS.Cutoff),
  AllowUnassociatedTargets: required(
    MaintenanceWindowAllowUnassociatedTargets,
    "Enables a maintenance window task to run on managed nodes, even if you haven't registered those nodes as targets. If enabled, then you must specify the unregistered managed nodes (by node ID) when you register a task with the maintenance window. If you don't enable this option, then you must specify previously-registered targets when you register a task with the maintenance window.",
  ),
  ClientToken: optional(ClientToken, 'User-provided idempotency token.', { idempotencyToken: true }),
  Tags: optional(
    TagList,
    'Optional metadata that you assign to a resource. Tags enable you to categorize a resource in different ways, such as by purpose, owner, or environment. For example, you might want to tag a maintenance window to identify the type of tasks it will run, the types of targets, and the environment it will run in. In this case, you could specify the following key-value pairs: Key=TaskType,Value=AgentUpdate Key=OS,Value=Windows Key=Environment,Value=Production To add tags to an existing maintenance window, use the AddTagsToResource operation.',
  ),
});

export const CreateMaintenanceWindowResult = outputStructure('CreateMaintenanceWindowResult', {
  WindowId: optional(MaintenanceWindowId, 'The ID of the created maintenance window.'),
});

export const CreateMaintenanceWindowErrors = [IdempotentParameterMismatch, ResourceLimitExceededException, InternalServerError] as const;

export type CreateMaintenanceWindowRequest = z.input<typeof CreateMaintenanceWindowRequest>;
export type CreateMaintenanceWindowResult = z.output<typeof CreateMaintenanceWindowResult>;
