import type { Path } from '../../issues/issue.js';
import type { ParsedDocument } from '../../parse/document.js';
import { isRecord } from '../../values/value-facts.js';
import type { Place, Reference, ReferenceAt, ResourceModel, TargetEntry } from '../across/rules/model.js';
import { ID_ATTRIBUTES } from './references.js';
import { RESOURCE_TYPE, TARGET_RESOURCE_TYPE, WINDOW_RESOURCE_TYPE } from './schema.js';

/*
 * A plan's maintenance windows, window targets and tasks, and how they refer to each other
 * (src/readers/across/rules/model.ts). A plan holds the whole configuration: every resource of every
 * module, those it leaves as they are included. A value known in `change.after` is a literal (the
 * ID of a window that exists); one known only after apply is read from the configuration's
 * `references` of its expression, relative to the resource's module.
 */

const TYPES = new Set([WINDOW_RESOURCE_TYPE, TARGET_RESOURCE_TYPE, RESOURCE_TYPE]);
const REFERENCE = /^((?:data\.)?[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(\[[^\]]*\])?\.([A-Za-z0-9_]+)$/;

export interface PlanResource {
  change: Record<string, unknown>;
  index: number;
  /** The resource's configuration (its `expressions`), when the plan has it. */
  expressions?: Record<string, unknown>;
}

/** What the configuration's expression refers to: the one ID attribute of a resource its `references` name. */
function referenceOf(expression: unknown, modulePrefix: string, declared: ReadonlySet<string>): Reference {
  if (!isRecord(expression)) return { to: 'elsewhere' };
  if (typeof expression.constant_value === 'string') return { to: 'literal', value: expression.constant_value };
  const refs = Array.isArray(expression.references) ? expression.references.filter((r): r is string => typeof r === 'string') : [];
  const found = refs.map((r) => ({ r, m: REFERENCE.exec(r) })).filter((x) => x.m && ID_ATTRIBUTES[`${x.m[1]}.${x.m[4]}`]);
  if (found.length !== 1) return { to: 'elsewhere' };
  const { r, m } = found[0]!;
  const kind = ID_ATTRIBUTES[`${m![1]}.${m![4]}`]!;
  const address = `${modulePrefix}${m![1]}.${m![2]}${m![3] ?? ''}`;
  return declared.has(address) ? { to: 'resource', resource: address, kind, written: r } : { to: 'elsewhere', kind, written: r };
}

/** Builds the model from the plan's resource changes of the three types (none that only deletes). */
export function planModel(doc: ParsedDocument, resources: readonly PlanResource[]): ResourceModel {
  const model: ResourceModel = { complete: true, windows: [], targets: [], tasks: [] };
  const ours = resources.filter(({ change }) => typeof change.type === 'string' && TYPES.has(change.type) && typeof change.address === 'string');
  const declared = new Set(ours.map(({ change }) => change.address as string));
  for (const { change, index, expressions } of ours) {
    const details = isRecord(change.change) ? change.change : {};
    const actions = Array.isArray(details.actions) ? details.actions : [];
    if (actions.length === 1 && actions[0] === 'delete') continue;
    const after = isRecord(details.after) ? details.after : {};
    const unknown = isRecord(details.after_unknown) ? details.after_unknown : {};
    const name = change.address as string;
    const prefix = typeof change.module_address === 'string' && change.module_address !== '' ? `${change.module_address}.` : '';
    const base: Path = ['resource_changes', index, 'change', 'after'];
    const place: Place = { location: doc.locate(['resource_changes', index], 'value') ?? { line: 1, column: 1 }, sourcePath: [] };
    const placeOf = (path: Path): Place => ({ location: doc.locate([...base, ...path], 'value') ?? place.location, sourcePath: [...path] });
    const knownId = typeof after.id === 'string' && unknown.id !== true ? { knownId: after.id } : {};
    if (change.type === WINDOW_RESOURCE_TYPE) {
      const allow = after.allow_unassociated_targets;
      model.windows.push({
        name,
        place,
        ...knownId,
        ...(typeof allow === 'boolean' ? { allowUnassociatedTargets: { value: allow, place: placeOf(['allow_unassociated_targets']) } } : {}),
        // Targets may have been registered with a window that already exists, outside this configuration.
        allTargetsInFile: actions.includes('create'),
      });
      continue;
    }
    const window: ReferenceAt = {
      reference:
        typeof after.window_id === 'string' && unknown.window_id !== true ? { to: 'literal', value: after.window_id } : referenceOf(expressions?.window_id, prefix, declared),
      path: ['WindowId'],
      place: placeOf(['window_id']),
    };
    const targets = targetEntries(after.targets, unknown.targets, expressions?.targets, prefix, declared, placeOf);
    const node = { name, place, window, ...knownId, ...(targets ? { targets } : {}) };
    if (change.type === TARGET_RESOURCE_TYPE) model.targets.push(node);
    else model.tasks.push(node);
  }
  return model;
}

function targetEntries(
  after: unknown,
  unknown: unknown,
  configured: unknown,
  prefix: string,
  declared: ReadonlySet<string>,
  placeOf: (path: Path) => Place,
): TargetEntry[] | undefined {
  if (unknown === true) return undefined;
  if (after === undefined || after === null) return [];
  if (!Array.isArray(after)) return undefined;
  return after.map((target, i): TargetEntry => {
    const entry = isRecord(target) ? target : {};
    const u = Array.isArray(unknown) && isRecord(unknown[i]) ? (unknown[i] as Record<string, unknown>) : {};
    const key = typeof entry.key === 'string' && u.key !== true ? { key: entry.key } : {};
    const values = entry.values;
    const known = Array.isArray(values) && u.values !== true && !(Array.isArray(u.values) && u.values.includes(true));
    let refs: ReferenceAt[] | undefined;
    if (known) {
      refs = (values as unknown[]).map((v, j) => ({
        reference: typeof v === 'string' ? ({ to: 'literal', value: v } as const) : ({ to: 'elsewhere' } as const),
        path: ['Targets', i, 'Values', j],
        place: placeOf(['targets', i, 'values', j]),
      }));
    } else {
      // Known only after apply: what the configuration's expression refers to, when it is one resource's IDs.
      const expression = Array.isArray(configured) && (configured as unknown[]).length === after.length && isRecord(configured[i]) ? (configured[i] as Record<string, unknown>).values : undefined;
      const reference = referenceOf(expression, prefix, declared);
      if (reference.to === 'resource') refs = [{ reference, path: ['Targets', i, 'Values', 0], place: placeOf(['targets', i, 'values']) }];
    }
    return { ...key, ...(refs ? { values: refs } : {}), place: placeOf(['targets', i]) };
  });
}
