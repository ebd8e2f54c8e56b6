import type { Code } from '../../../issues/codes.js';
import type { Finding } from '../../../rules/types.js';
import type { Path } from '../../../issues/issue.js';

/*
 * The maintenance windows, window targets and tasks of one file, and how they refer to each other,
 * as every reader of infrastructure code sees them: CloudFormation's Ref and Fn::GetAtt, Terraform's
 * references. Each reader builds this model from the file (src/readers/<kind>/across.ts); the rules
 * across resources (MW080-MW099) read only the model, so each rule is written once for every reader.
 */

/** The kind of ID a value holds: what a reference gives, whatever its value turns out to be. */
export type IdKind = 'window' | 'window-target' | 'task' | 'instance';

/** Where something is written (1-based, as src/readers/reader.ts SourceLocation), and its path in the file's own names. */
export interface Place {
  location: { line: number; column: number; endLine?: number; endColumn?: number };
  sourcePath: Path;
}

/**
 * What a value refers to:
 * - `resource`: a resource of this file, by the name the file gives it (a logical id, a Terraform
 *   address), and the kind of ID the reference gives. `window` on a target or a task (Terraform's
 *   `aws_ssm_maintenance_window_target.t.window_id`) is the ID of the window that resource names.
 *   `instance` is the instance key written (`[0]`, `["a"]`) when it is a literal; `anyInstance` when
 *   the key is an expression or a splat, so that the instance is not known.
 * - `literal`: a value written in the file (`mw-0123456789abcdef0`).
 * - `elsewhere`: a reference of a known kind to something this file does not define (another file of
 *   the module, a module output), or that the file does not decide (a parameter, a variable, a
 *   condition): never compared.
 */
export type Reference =
  | { to: 'resource'; resource: string; kind: IdKind; instance?: string; anyInstance?: boolean; written: string }
  | { to: 'literal'; value: string }
  | { to: 'elsewhere'; kind?: IdKind; written?: string };

/** A reference and where it is written: its API path in the resource's request, and its place in the file. */
export interface ReferenceAt {
  reference: Reference;
  path: Path;
  place: Place;
}

export interface WindowNode {
  /** The file's name for it: a logical id, a Terraform address. */
  name: string;
  place: Place;
  /** AllowUnassociatedTargets, when the file decides it (the value sent, defaults included). */
  allowUnassociatedTargets?: { value: boolean; place: Place };
  /** The window's ID when the file knows it (a Terraform plan of a window that exists). */
  knownId?: string;
  /**
   * Whether the file holds every target this window has: the model's `complete`, unless the file
   * says otherwise (a plan that does not create the window: targets may have been registered since).
   */
  allTargetsInFile?: boolean;
}

export interface TargetEntry {
  /** The Key, when known. */
  key?: string;
  /** Each value, as a reference or a literal; undefined when the list itself is not known. */
  values?: ReferenceAt[];
  place: Place;
}

export interface TargetNode {
  name: string;
  place: Place;
  window: ReferenceAt;
  /** The Targets entries; undefined when the list itself is not known. */
  targets?: TargetEntry[];
  knownId?: string;
}

export interface TaskNode {
  name: string;
  place: Place;
  window: ReferenceAt;
  /** The Targets entries: [] for a targetless task, undefined when not known (a dynamic block over a variable). */
  targets?: TargetEntry[];
}

/** One file's windows, targets and tasks. A resource that exists only in some variants is here all the same. */
export interface ResourceModel {
  /**
   * Whether the file holds every target its windows have when its tasks are registered: a template
   * or a plan does; one `.tf` file of a module does not (another file may register more targets).
   * Rules that rest on a target not being there run only on complete models.
   */
  complete: boolean;
  windows: WindowNode[];
  targets: TargetNode[];
  tasks: TaskNode[];
}

/** What a rule across resources finds: about which resource, where, at which API path of its request. */
export type AcrossFinding<C extends Code = Code> = Finding<C> & {
  resource: string;
  place: Place;
};

/** The window a reference names, followed through a target's or a task's own window: a resource name, a literal ID, or undefined when it cannot be told. */
export type WindowIdentity = { resource: string; instance?: string } | { literal: string };

const MAX_HOPS = 4;

/** The model's resources by name and its windows by known ID, made once per model: a file may hold thousands. */
interface Index {
  windows: Map<string, WindowNode>;
  byKnownId: Map<string, WindowNode>;
  targets: Map<string, TargetNode>;
  targetsByKnownId: Map<string, TargetNode>;
  resources: Map<string, TargetNode | TaskNode>;
}

const indexes = new WeakMap<ResourceModel, Index>();

function indexOf(model: ResourceModel): Index {
  let index = indexes.get(model);
  if (!index) {
    const byName = <T extends { name: string }>(list: readonly T[]) => new Map(list.map((r) => [r.name, r] as const));
    const byId = <T extends { knownId?: string }>(list: readonly T[]) => new Map(list.flatMap((r) => (r.knownId !== undefined ? [[r.knownId, r] as const] : [])));
    index = {
      windows: byName(model.windows),
      byKnownId: byId(model.windows),
      targets: byName(model.targets),
      targetsByKnownId: byId(model.targets),
      resources: byName<TargetNode | TaskNode>([...model.tasks, ...model.targets]),
    };
    indexes.set(model, index);
  }
  return index;
}

export function windowOf(model: ResourceModel, reference: Reference, hops = 0): WindowIdentity | undefined {
  const index = indexOf(model);
  if (reference.to === 'literal') {
    const known = index.byKnownId.get(reference.value);
    return known ? { resource: known.name } : { literal: reference.value };
  }
  if (reference.to !== 'resource' || reference.kind !== 'window' || reference.anyInstance) return undefined;
  const window = index.windows.get(reference.resource);
  if (window) return { resource: window.name, ...(reference.instance !== undefined ? { instance: reference.instance } : {}) };
  // `window_id` of a target or a task: the window that one names (the same for each of its instances,
  // unless its own reference depends on the instance, and then it is not decided).
  const via = index.resources.get(reference.resource);
  if (!via || hops >= MAX_HOPS) return undefined;
  return windowOf(model, via.window.reference, hops + 1);
}

/**
 * Whether two references name the same window: true or false when the file decides it, undefined
 * when it does not. Two resources of the file are different windows (so are two instances with
 * different literal keys); two literal IDs are the same exactly when equal; a literal and a
 * resource are never compared (the literal may be the ID the resource was given by an earlier
 * deployment).
 */
export function sameWindow(a: WindowIdentity | undefined, b: WindowIdentity | undefined): boolean | undefined {
  if (!a || !b) return undefined;
  if ('literal' in a || 'literal' in b) return 'literal' in a && 'literal' in b ? a.literal === b.literal : undefined;
  if (a.resource !== b.resource) return false;
  if (a.instance === undefined || b.instance === undefined) return a.instance === b.instance ? true : undefined;
  return a.instance === b.instance;
}

/** The target a reference names, when it names one of the file's targets (every instance alike). */
/** The file's window of that name. */
export function windowNamed(model: ResourceModel, name: string): WindowNode | undefined {
  return indexOf(model).windows.get(name);
}

export function targetOf(model: ResourceModel, reference: Reference): TargetNode | undefined {
  const index = indexOf(model);
  if (reference.to === 'literal') return index.targetsByKnownId.get(reference.value);
  if (reference.to !== 'resource' || reference.kind !== 'window-target') return undefined;
  return index.targets.get(reference.resource);
}

/** The text a reference is written as, for messages. */
export function written(reference: Reference): string | undefined {
  return reference.to === 'literal' ? reference.value : reference.written;
}

/**
 * A value as something to compare: a literal, or a resource of the file (a resource's own ID, the
 * same for every reference to it). Undefined for anything else: two different parameters, variables
 * or expressions may hold the same value, so they are never told apart.
 */
export function valueKey(reference: Reference): { key: string; literal: boolean } | undefined {
  if (reference.to === 'literal') return { key: `literal:${reference.value}`, literal: true };
  if (reference.to === 'resource' && !reference.anyInstance) return { key: `resource:${reference.resource}[${reference.instance ?? ''}].${reference.kind}`, literal: false };
  return undefined;
}
