import type { Path, PathSegment } from '../../issues/issue.js';
import type { ParsedDocument } from '../../parse/document.js';
import { isRecord } from '../../values/value-facts.js';
import type { Place, Reference, ReferenceAt, ResourceModel, TargetEntry } from '../across/rules/model.js';
import { BOOLEANS, CFN_IDS, WINDOW_TYPE } from './properties.js';
import { intrinsicOf, UNKNOWN_TAG_PREFIX } from './template.js';

/*
 * A template's maintenance windows, window targets and tasks, and how they refer to each other
 * (src/readers/across/rules/model.ts), read from the template as written: `Ref` and `Fn::GetAtt` of
 * the template's resources, with what each gives (spec/decisions.yaml D85), and literal values. A
 * value the template leaves to a parameter, a condition or another function is compared only with
 * the same expression, never resolved: every variant of a task refers to the same resources.
 */

const TASK_TYPE = 'AWS::SSM::MaintenanceWindowTask';
const TARGET_TYPE = 'AWS::SSM::MaintenanceWindowTarget';

const FIRST_LINE = { line: 1, column: 1 };

/** The resource and attribute of `Fn::GetAtt` (`[R, A]`, or `"R.A"` as JSON templates may write it). */
export function getAttArgs(args: unknown): [string, string] | undefined {
  if (typeof args === 'string') {
    const dot = args.indexOf('.');
    return dot > 0 ? [args.slice(0, dot), args.slice(dot + 1)] : undefined;
  }
  return Array.isArray(args) && args.length === 2 && typeof args[0] === 'string' && typeof args[1] === 'string' ? [args[0], args[1]] : undefined;
}

/** The intrinsic function an object calls, when it is one. */
const intrinsic = (node: Record<string, unknown>): string | undefined => intrinsicOf(Object.keys(node));

/** Whether anything inside a value is a tag CloudFormation does not have (a preprocessor's): then it cannot be compared. */
function hasUnknownTag(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasUnknownTag);
  if (!isRecord(node)) return false;
  return Object.entries(node).some(([k, v]) => k.startsWith(UNKNOWN_TAG_PREFIX) || hasUnknownTag(v));
}

export class TemplateReferences {
  constructor(private readonly resources: Record<string, unknown>) {}

  typeOf(id: string): string | undefined {
    const resource = Object.hasOwn(this.resources, id) ? this.resources[id] : undefined;
    return isRecord(resource) && typeof resource.Type === 'string' ? resource.Type : undefined;
  }

  private ref(id: string, written: string): Reference {
    const type = this.typeOf(id);
    const ids = type !== undefined && Object.hasOwn(CFN_IDS, type) ? CFN_IDS[type]! : undefined;
    return ids ? { to: 'resource', resource: id, kind: ids.ref, written } : { to: 'elsewhere', written };
  }

  private getAtt(id: string, attribute: string, written: string): Reference {
    const type = this.typeOf(id);
    const kind = type !== undefined && Object.hasOwn(CFN_IDS, type) ? CFN_IDS[type]!.attributes[attribute] : undefined;
    return kind ? { to: 'resource', resource: id, kind, written } : { to: 'elsewhere', written };
  }

  /** What a value as written refers to. */
  of(node: unknown): Reference {
    if (typeof node === 'string') return { to: 'literal', value: node };
    if (typeof node === 'number' || typeof node === 'boolean') return { to: 'literal', value: String(node) };
    if (!isRecord(node) || hasUnknownTag(node)) return { to: 'elsewhere' };
    const fn = intrinsic(node);
    if (fn === undefined) return { to: 'elsewhere' };
    const args = node[fn];
    if (fn === 'Ref' && typeof args === 'string') return this.ref(args, `Ref ${args}`);
    if (fn === 'Fn::GetAtt') {
      const parts = getAttArgs(args);
      if (parts) return this.getAtt(parts[0], parts[1], `GetAtt ${parts.join('.')}`);
    }
    // `!Sub '${Window}'`: the same as a Ref (or a GetAtt) of it.
    const sub = fn === 'Fn::Sub' && typeof args === 'string' ? /^\$\{([^}!.\s]+)(?:\.([^}\s]+))?\}$/.exec(args) : null;
    if (sub) return sub[2] === undefined ? this.ref(sub[1]!, `Ref ${sub[1]}`) : this.getAtt(sub[1]!, sub[2], `GetAtt ${sub[1]}.${sub[2]}`);
    // Any other function gives the same value wherever it is written the same way.
    return { to: 'elsewhere', written: JSON.stringify(node) };
  }
}

/** Builds the model of a template whose Resources section is an object. */
export function templateModel(doc: ParsedDocument, resources: Record<string, unknown>): ResourceModel {
  const references = new TemplateReferences(resources);
  const model: ResourceModel = { complete: true, windows: [], targets: [], tasks: [] };
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || typeof resource.Type !== 'string') continue;
    const type = resource.Type;
    if (type !== WINDOW_TYPE && type !== TARGET_TYPE && type !== TASK_TYPE) continue;
    const at: Path = ['Resources', id];
    const place: Place = { location: doc.locate(at, 'key') ?? FIRST_LINE, sourcePath: [] };
    const properties = isRecord(resource.Properties) && intrinsic(resource.Properties) === undefined ? resource.Properties : undefined;
    const placeOf = (path: Path): Place => ({ location: doc.locate([...at, 'Properties', ...path], 'value') ?? place.location, sourcePath: [...path] });
    const member = (name: string): ReferenceAt => ({
      reference: properties && Object.hasOwn(properties, name) ? references.of(properties[name]) : { to: 'elsewhere' },
      path: [name],
      place: properties && Object.hasOwn(properties, name) ? placeOf([name]) : place,
    });
    if (type === WINDOW_TYPE) {
      const allow = properties?.AllowUnassociatedTargets;
      const value = typeof allow === 'boolean' ? allow : typeof allow === 'string' && Object.hasOwn(BOOLEANS, allow.toLowerCase()) ? BOOLEANS[allow.toLowerCase()] : undefined;
      model.windows.push({ name: id, place, ...(value !== undefined ? { allowUnassociatedTargets: { value, place: placeOf(['AllowUnassociatedTargets']) } } : {}) });
      continue;
    }
    const written = properties && Object.hasOwn(properties, 'Targets') ? properties.Targets : undefined;
    // A task without Targets is targetless; a target without them is refused for lacking them (not known here).
    const targets = written === undefined ? (type === TASK_TYPE && properties ? [] : undefined) : targetEntries(written, references, placeOf);
    const node = { name: id, place, window: member('WindowId'), ...(targets ? { targets } : {}) };
    if (type === TARGET_TYPE) model.targets.push(node);
    else model.tasks.push(node);
  }
  return model;
}

function targetEntries(written: unknown, references: TemplateReferences, placeOf: (path: Path) => Place): TargetEntry[] | undefined {
  if (!Array.isArray(written)) return undefined;
  return written.map((item, i): TargetEntry => {
    const entryPath: PathSegment[] = ['Targets', i];
    if (!isRecord(item) || intrinsic(item) !== undefined) return { place: placeOf(entryPath) };
    const key = typeof item.Key === 'string' ? item.Key : undefined;
    const values = Array.isArray(item.Values)
      ? item.Values.map((v, j): ReferenceAt => ({ reference: references.of(v), path: [...entryPath, 'Values', j], place: placeOf([...entryPath, 'Values', j]) }))
      : undefined;
    return { ...(key !== undefined ? { key } : {}), ...(values ? { values } : {}), place: placeOf(entryPath) };
  });
}

/**
 * Every Fn::GetAtt of a maintenance-window resource of the template, wherever it is written, with the
 * attributes its type has (for MW106). Each object is visited once (YAML aliases share them), so the
 * walk is linear in the template.
 */
export function windowGetAtts(template: Record<string, unknown>, references: TemplateReferences): { path: Path; resource: string; attribute: string; type: string; known: string[] }[] {
  const found: { path: Path; resource: string; attribute: string; type: string; known: string[] }[] = [];
  const seen = new WeakSet<object>();
  // One path, grown and shrunk as the walk goes, copied only where a GetAtt is found: most nodes are not one.
  const path: PathSegment[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
      return;
    }
    const keys = Object.keys(node);
    const parts = intrinsicOf(keys) === 'Fn::GetAtt' ? getAttArgs((node as Record<string, unknown>)['Fn::GetAtt']) : undefined;
    const type = parts ? references.typeOf(parts[0]) : undefined;
    const attributes = type !== undefined && type !== 'AWS::EC2::Instance' && Object.hasOwn(CFN_IDS, type) ? CFN_IDS[type]!.attributes : undefined;
    if (parts && attributes) found.push({ path: [...path], resource: parts[0], attribute: parts[1], type: type!, known: Object.keys(attributes) });
    for (const key of keys) {
      path.push(key);
      visit((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(template);
  return found;
}
