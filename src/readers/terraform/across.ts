import type { Path } from '../../issues/issue.js';
import type { Block, Body, Expression } from '../../parse/hcl/ast.js';
import { print } from '../../parse/hcl/print.js';
import type { Place, Reference, ReferenceAt, ResourceModel, TargetEntry } from '../across/rules/model.js';
import { evaluate, unwrap } from './evaluate.js';
import { attributeOf, location } from './lower.js';
import { ID_ATTRIBUTES } from './references.js';
import { RESOURCE_TYPE, TARGET_RESOURCE_TYPE, WINDOW_RESOURCE_TYPE } from './schema.js';

/*
 * A `.tf` file's maintenance windows, window targets and tasks, and how they refer to each other
 * (src/readers/across/rules/model.ts), read from the expressions as written: a reference to a
 * resource of the file (`aws_ssm_maintenance_window.w.id`, `aws_ssm_maintenance_window_target.t[0].id`),
 * with the kind of ID its attribute holds, or a literal. One file of a module is not the whole
 * configuration: another file may declare more targets, so the model is not complete.
 */

const TYPES = new Set([WINDOW_RESOURCE_TYPE, TARGET_RESOURCE_TYPE, RESOURCE_TYPE]);

/** `type.name` (or `data.type.name`) and the instance key of a reference's resource part. */
function resourcePart(e: Expression): { address: string; type: string; instance?: string; anyInstance?: boolean } | undefined {
  let base = e;
  let instance: string | undefined;
  let anyInstance = false;
  if (base.kind === 'Index') {
    const key = evaluate(base.key);
    if (typeof key === 'string' || typeof key === 'number') instance = JSON.stringify(key);
    else anyInstance = true;
    base = base.collection;
  }
  if (base.kind !== 'GetAttr') return undefined;
  const owner = base.object;
  if (owner.kind === 'Variable' && owner.name !== 'data') return { address: `${owner.name}.${base.name}`, type: owner.name, ...(instance !== undefined ? { instance } : {}), ...(anyInstance ? { anyInstance } : {}) };
  if (owner.kind === 'GetAttr' && owner.object.kind === 'Variable' && owner.object.name === 'data') return { address: `data.${owner.name}.${base.name}`, type: `data.${owner.name}` };
  return undefined;
}

/** What an expression refers to, given the resources the file declares. */
export function referenceOf(expr: Expression, declared: ReadonlySet<string>): Reference {
  let e = unwrap(expr);
  if (e.kind === 'Template' && e.parts.length === 1 && e.parts[0]!.kind === 'TemplateInterpolation') e = unwrap(e.parts[0]!.expr);
  const value = evaluate(e);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { to: 'literal', value: String(value) };
  const written = print(e);
  // `aws_ssm_maintenance_window_target.t[*].id`: every instance of the resource.
  const splat = e.kind === 'Splat' && e.each.kind === 'GetAttr' && e.each.object.kind === 'AnonSymbol' ? { part: resourcePart(e.source), attribute: e.each.name } : undefined;
  const direct = e.kind === 'GetAttr' ? { part: resourcePart(e.object), attribute: e.name } : undefined;
  const found = splat ?? direct;
  const part = found?.part;
  const kind = part ? ID_ATTRIBUTES[`${part.type}.${found!.attribute}`] : undefined;
  if (!part || !kind) return { to: 'elsewhere', written };
  if (!declared.has(part.address)) return { to: 'elsewhere', kind, written };
  return {
    to: 'resource',
    resource: part.address,
    kind,
    written,
    ...(part.instance !== undefined ? { instance: part.instance } : {}),
    ...(part.anyInstance || splat ? { anyInstance: true } : {}),
  };
}

function targetEntries(body: Body, declared: ReadonlySet<string>, placeOf: (e: Expression | undefined, path: Path) => Place): TargetEntry[] | undefined {
  const entries: TargetEntry[] = [];
  let i = 0;
  for (const item of body.items) {
    if (item.type !== 'Block') continue;
    // A dynamic block makes targets only Terraform counts: the list is not known.
    if (item.blockType === 'dynamic' && item.labels[0]?.value === 'targets') return undefined;
    if (item.blockType !== 'targets') continue;
    const key = attributeOf(item.body, 'key');
    const keyValue = key ? evaluate(key.expr) : undefined;
    const values = attributeOf(item.body, 'values');
    const e = values ? unwrap(values.expr) : undefined;
    const sourcePath = ['targets', i];
    let refs: ReferenceAt[] | undefined;
    if (e?.kind === 'Tuple') {
      refs = e.items.map((v, j) => ({ reference: referenceOf(v, declared), path: ['Targets', i, 'Values', j], place: placeOf(v, [...sourcePath, 'values', j]) }));
    } else if (e) {
      // A splat of a resource's IDs stands for every instance of it: one reference for the whole list.
      const reference = referenceOf(e, declared);
      if (reference.to === 'resource') refs = [{ reference, path: ['Targets', i, 'Values', 0], place: placeOf(e, [...sourcePath, 'values']) }];
    }
    entries.push({ ...(typeof keyValue === 'string' ? { key: keyValue } : {}), ...(refs ? { values: refs } : {}), place: placeOf(undefined, sourcePath) });
    i++;
  }
  return entries;
}

/** Builds the model of a parsed `.tf` file from its resource blocks (blocks with syntax errors left out). */
export function configurationModel(blocks: readonly Block[]): ResourceModel {
  const model: ResourceModel = { complete: false, windows: [], targets: [], tasks: [] };
  const ours = blocks.filter((b) => b.blockType === 'resource' && b.labels.length === 2 && TYPES.has(b.labels[0]!.value) && !b.hasErrors);
  const declared = new Set(ours.map((b) => `${b.labels[0]!.value}.${b.labels[1]!.value}`));
  for (const block of ours) {
    const type = block.labels[0]!.value;
    const name = `${type}.${block.labels[1]!.value}`;
    const place: Place = { location: location(block.typeRange), sourcePath: [] };
    const placeOf = (e: Expression | undefined, sourcePath: Path): Place => ({ location: e ? location(e.range) : place.location, sourcePath: [...sourcePath] });
    if (type === WINDOW_RESOURCE_TYPE) {
      const allow = attributeOf(block.body, 'allow_unassociated_targets');
      const value = allow ? evaluate(allow.expr) : false; // the provider's Default
      const allowed = typeof value === 'boolean' ? value : value === 'true' || value === 'false' ? value === 'true' : undefined;
      model.windows.push({ name, place, ...(allowed !== undefined ? { allowUnassociatedTargets: { value: allowed, place: placeOf(allow?.expr, ['allow_unassociated_targets']) } } : {}) });
      continue;
    }
    const windowId = attributeOf(block.body, 'window_id');
    const window: ReferenceAt = {
      reference: windowId ? referenceOf(windowId.expr, declared) : { to: 'elsewhere' },
      path: ['WindowId'],
      place: placeOf(windowId?.expr, ['window_id']),
    };
    const targets = targetEntries(block.body, declared, placeOf);
    const node = { name, place, window, ...(targets ? { targets } : {}) };
    if (type === TARGET_RESOURCE_TYPE) model.targets.push(node);
    else model.tasks.push(node);
  }
  return model;
}
