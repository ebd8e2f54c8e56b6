import type { Expression } from '../../parse/hcl/ast.js';
import { unwrap } from './evaluate.js';

/*
 * What kind of ID a reference holds, when the attribute it names says so: `aws_ssm_maintenance_window.x.id`
 * is a maintenance window ID whatever its value turns out to be. The value is unknown before apply;
 * its kind is enough to tell a window ID given as an instance ID (MW208).
 */

export type IdKind = 'window' | 'window-target' | 'task' | 'instance';

/** `resource type.attribute` (data sources prefixed with `data.`) to the kind of ID it holds. */
export const ID_ATTRIBUTES: Readonly<Record<string, IdKind>> = {
  'aws_ssm_maintenance_window.id': 'window',
  'aws_ssm_maintenance_window_target.id': 'window-target',
  'aws_ssm_maintenance_window_target.window_id': 'window',
  'aws_ssm_maintenance_window_task.id': 'task',
  'aws_ssm_maintenance_window_task.window_task_id': 'task',
  'aws_ssm_maintenance_window_task.window_id': 'window',
  'aws_instance.id': 'instance',
  'data.aws_instance.id': 'instance',
};

export interface IdReference {
  /** The reference as written, without instance keys: `aws_ssm_maintenance_window.production.id`. */
  reference: string;
  kind: IdKind;
}

/** `type.name` or `data.type.name`, with an optional instance key (`[0]`, `[each.key]`), as an address. */
function resourceAddress(e: Expression): { type: string; name: string } | undefined {
  const base = e.kind === 'Index' ? e.collection : e;
  if (base.kind !== 'GetAttr') return undefined;
  const owner = base.object;
  if (owner.kind === 'Variable' && owner.name !== 'data') return { type: owner.name, name: base.name };
  if (owner.kind === 'GetAttr' && owner.object.kind === 'Variable' && owner.object.name === 'data') return { type: `data.${owner.name}`, name: base.name };
  return undefined;
}

function attributeReference(e: Expression): IdReference | undefined {
  if (e.kind !== 'GetAttr') return undefined;
  const address = resourceAddress(e.object);
  if (!address) return undefined;
  const kind = ID_ATTRIBUTES[`${address.type}.${e.name}`];
  return kind ? { reference: `${address.type}.${address.name}.${e.name}`, kind } : undefined;
}

/** The kind of ID a single value refers to (`"${...}"` of Terraform 0.11 included). */
export function idReference(expr: Expression): IdReference | undefined {
  const e = unwrap(expr);
  if (e.kind === 'Template' && e.parts.length === 1 && e.parts[0]!.kind === 'TemplateInterpolation') return idReference(e.parts[0]!.expr);
  return attributeReference(e);
}

/** The kind of ID every element of a list refers to: `aws_ssm_maintenance_window_target.x[*].id`, `.*.id`. */
export function idListReference(expr: Expression): IdReference | undefined {
  const e = unwrap(expr);
  if (e.kind === 'Template' && e.parts.length === 1 && e.parts[0]!.kind === 'TemplateInterpolation') return idListReference(e.parts[0]!.expr);
  if (e.kind !== 'Splat' || e.each.kind !== 'GetAttr' || e.each.object.kind !== 'AnonSymbol') return undefined;
  const address = resourceAddress(e.source);
  if (!address) return undefined;
  const kind = ID_ATTRIBUTES[`${address.type}.${e.each.name}`];
  return kind ? { reference: `${address.type}.${address.name}[*].${e.each.name}`, kind } : undefined;
}

/** The kind each target key takes. */
export const TARGET_KEY_KINDS: Readonly<Record<string, IdKind>> = { InstanceIds: 'instance', WindowTargetIds: 'window-target' };
