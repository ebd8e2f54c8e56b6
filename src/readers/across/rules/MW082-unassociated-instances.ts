import { sameWindow, valueKey, windowNamed, windowOf, written, type AcrossFinding, type ResourceModel, type TargetNode, type WindowIdentity } from './model.js';
import { ACROSS_OPERATIONS, ACROSS_READERS, ACROSS_SOURCES } from './types.js';
import { defineRule } from '../../../rules/types.js';

/**
 * The instance IDs the file registers with a window, or undefined when that cannot be told: a target
 * whose window may be this one, whose targets are not known, that selects nodes by tag or resource
 * group (the node may be among them), or whose instance is not a literal or a resource of the file.
 */
function registeredInstances(targets: readonly TargetNode[], windowOfTarget: (t: TargetNode) => WindowIdentity | undefined, window: WindowIdentity) {
  const ids = { keys: new Set<string>(), literal: new Set<boolean>() };
  for (const target of targets) {
    const same = sameWindow(windowOfTarget(target), window);
    if (same === false) continue;
    if (same === undefined || target.targets === undefined) return undefined;
    for (const entry of target.targets) {
      if (entry.key !== 'InstanceIds' || entry.values === undefined) return undefined;
      for (const value of entry.values) {
        const key = valueKey(value.reference);
        if (key === undefined) return undefined;
        ids.keys.add(key.key);
        ids.literal.add(key.literal);
      }
    }
  }
  return ids;
}

/** Each instance ID a task gives with Key=InstanceIds in a window of the file that does not allow unassociated targets and does not register it. */
export function unassociatedInstances(model: ResourceModel): AcrossFinding<'unassociated_instances'>[] {
  const found: AcrossFinding<'unassociated_instances'>[] = [];
  // The targets by the window they name, once; a target whose window the file does not decide may be any window's.
  const windows = new Map<TargetNode, WindowIdentity | undefined>(model.targets.map((t) => [t, windowOf(model, t.window.reference)]));
  if ([...windows.values()].some((w) => w === undefined || 'literal' in w)) return found;
  const byWindow = new Map<string, TargetNode[]>();
  for (const [target, w] of windows) {
    const name = (w as { resource: string }).resource;
    const list = byWindow.get(name);
    if (list) list.push(target);
    else byWindow.set(name, [target]);
  }
  const registeredOf = new Map<string, ReturnType<typeof registeredInstances>>();
  for (const task of model.tasks) {
    const window = windowOf(model, task.window.reference);
    if (!window || 'literal' in window) continue;
    const node = windowNamed(model, window.resource);
    if (node?.allowUnassociatedTargets?.value !== false || !(node.allTargetsInFile ?? model.complete)) continue;
    const entries = (task.targets ?? []).filter((e) => e.key === 'InstanceIds');
    if (entries.length === 0) continue;
    // Each window's registered instances, worked out once: a file may have many tasks per window.
    const windowKey = `${window.resource}[${window.instance ?? ''}]`;
    if (!registeredOf.has(windowKey)) registeredOf.set(windowKey, registeredInstances(byWindow.get(window.resource) ?? [], (t) => windows.get(t), window));
    const registered = registeredOf.get(windowKey);
    if (!registered) continue;
    for (const value of entries.flatMap((e) => e.values ?? [])) {
      const key = valueKey(value.reference);
      // A literal ID and a resource of the file are never compared: the literal may be that resource's ID.
      const comparable = key !== undefined && [...registered.literal].every((l) => l === key.literal);
      if (!comparable || registered.keys.has(key.key)) continue;
      found.push({ resource: task.name, path: value.path, place: value.place, params: { window: node.name, instance: written(value.reference) } });
    }
  }
  return found;
}

export default defineRule({
  id: 'MW082',
  code: 'unassociated_instances',
  severity: 'warning',
  reader: ACROSS_READERS,
  operations: ACROSS_OPERATIONS,
  title: 'A task runs on instances its window does not register, and the window does not allow unassociated targets',
  description:
    'A window created with AllowUnassociatedTargets false (Terraform’s default) runs its tasks on registered targets only: its tasks name them with Key=WindowTargetIds. A task of such a window that gives Key=InstanceIds with an instance no target of that window registers breaks the rule the API documents: register the instances as a window target and name the target, or allow unassociated targets. Checked only where the file holds every target of the window (a template, a plan; not one .tf file of a module), and only when those targets name instances by ID (a tag or a resource group may well select the instance). A warning: the service’s own response is not documented (spec/decisions.yaml D80). A targetless task is not concerned.',
  sources: [
    {
      ...ACROSS_SOURCES.createWindow,
      quote:
        "AllowUnassociatedTargets: Enables a maintenance window task to run on managed nodes, even if you haven't registered those nodes as targets. If enabled, then you must specify the unregistered managed nodes (by node ID) when you register a task with the maintenance window. If you don't enable this option, then you must specify previously-registered targets when you register a task with the maintenance window.",
    },
    { ...ACROSS_SOURCES.updateWindow, quote: 'AllowUnassociatedTargets: Whether targets must be registered with the maintenance window before tasks can be defined for those targets.' },
  ],
  check: unassociatedInstances,
});
