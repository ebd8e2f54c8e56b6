import { sameWindow, targetOf, windowOf, written, type AcrossFinding, type ResourceModel, type WindowIdentity } from './model.js';
import { ACROSS_OPERATIONS, ACROSS_READERS, ACROSS_SOURCES } from './types.js';
import { defineRule } from '../../../rules/types.js';

const nameOf = (w: WindowIdentity) => ('literal' in w ? w.literal : w.instance !== undefined ? `${w.resource}[${w.instance}]` : w.resource);

/** Each WindowTargetIds value of a task that names a target of the file registered with another window than the task's. */
export function targetsInOtherWindows(model: ResourceModel): AcrossFinding<'task_target_in_other_window'>[] {
  const found: AcrossFinding<'task_target_in_other_window'>[] = [];
  for (const task of model.tasks) {
    const window = windowOf(model, task.window.reference);
    if (!window) continue;
    for (const entry of task.targets ?? []) {
      if (entry.key !== 'WindowTargetIds') continue;
      for (const value of entry.values ?? []) {
        const target = targetOf(model, value.reference);
        const targetWindow = target && windowOf(model, target.window.reference);
        if (!target || sameWindow(window, targetWindow) !== false) continue;
        found.push({
          resource: task.name,
          path: value.path,
          place: value.place,
          params: { target: target.name, targetWindow: nameOf(targetWindow!), window: nameOf(window), reference: written(value.reference) },
        });
      }
    }
  }
  return found;
}

export default defineRule({
  id: 'MW080',
  code: 'task_target_in_other_window',
  severity: 'error',
  reader: ACROSS_READERS,
  operations: ACROSS_OPERATIONS,
  title: 'A task names a window target registered with another window',
  description:
    'A window target ID identifies a target in the window it was registered with, and a task registered with a window can only use targets of that window. When a task’s Key=WindowTargetIds value refers to a target that the same file registers with another window than the task’s WindowId (a copy-paste between two windows), the task cannot be registered. Checked where the file itself decides both windows: two resources of the file are different windows, two literal IDs are compared; a parameter, a variable, a module output or a literal compared with a resource is not checked (spec/decisions.yaml D81).',
  sources: [
    { ...ACROSS_SOURCES.registerTarget, quote: 'WindowTargetId: The ID of the target definition in this maintenance window.' },
    {
      ...ACROSS_SOURCES.createWindow,
      quote: "If you don't enable this option, then you must specify previously-registered targets when you register a task with the maintenance window.",
    },
    { ...ACROSS_SOURCES.updateWindow, quote: 'AllowUnassociatedTargets: Whether targets must be registered with the maintenance window before tasks can be defined for those targets.' },
  ],
  check: targetsInOtherWindows,
});
