import { plainShape, rootShape } from '../compiled/shape-lookup.js';
import type { OperationName } from '../operations/index.js';

/*
 * What an update request means (UpdateMaintenanceWindowTarget, UpdateMaintenanceWindowTask), shared
 * by MW069–MW075. A member left out is not modified; with Replace set to true, "all fields that are
 * required by the <Register> operation are also required for this API request. Optional fields that
 * aren't specified are set to null." Read from the shape metadata, so that what Replace requires and
 * clears follows the model.
 */

/** Each update and the operation whose required members its Replace requires. */
export const REGISTERED_BY = {
  UpdateMaintenanceWindowTarget: 'RegisterTargetWithMaintenanceWindow',
  UpdateMaintenanceWindowTask: 'RegisterTaskWithMaintenanceWindow',
} as const satisfies Partial<Record<OperationName, OperationName>>;

export type Update = keyof typeof REGISTERED_BY;

/** Replace is true: every optional member left out is set to null. */
export const replaces = (payload: Record<string, unknown>) => payload.Replace === true;

function members(operation: OperationName) {
  const shape = plainShape(rootShape(operation, 'request'));
  if (shape.type !== 'structure') throw new Error(`${operation}'s request is not a structure`);
  return shape.members;
}

/**
 * The members Replace makes required: those Register requires that the update has and does not
 * itself require. Those Register requires that the update does not have (TaskType, ResourceType)
 * cannot be changed, and are not asked for.
 */
export function requiredByReplace(update: Update): string[] {
  const own = members(update);
  return Object.entries(members(REGISTERED_BY[update]))
    .filter(([name, m]) => m.required && Object.hasOwn(own, name) && !own[name]!.required)
    .map(([name]) => name);
}

/**
 * The members Replace sets to null when left out: the optional ones, but those it requires, Replace
 * itself and the deprecated ones (clearing those is what their documentation asks for).
 */
export function clearedByReplace(update: Update): string[] {
  const required = requiredByReplace(update);
  return Object.entries(members(update))
    .filter(([name, m]) => !m.required && !m.deprecated && name !== 'Replace' && !required.includes(name))
    .map(([name]) => name);
}

/** A task update that gives targets: the task has them afterwards. */
export const targetedAfterUpdate = (payload: Record<string, unknown>) => Array.isArray(payload.Targets) && payload.Targets.length > 0;

/**
 * A task update after which the task has no targets: it gives an empty list, or Replace without
 * Targets (set to null). Without Replace, a task update that leaves Targets out keeps the task's
 * targets, which the request does not show: neither targeted nor targetless.
 */
export const targetlessAfterUpdate = (payload: Record<string, unknown>) =>
  (Array.isArray(payload.Targets) && payload.Targets.length === 0) || (replaces(payload) && payload.Targets === undefined);
