import type { ParamsOf } from '../../issues/params.js';
import { aDepth, checkOptions } from '../../validate/check-options.js';
import { inputCodes } from '../../issues/codes.js';
import type { Path } from '../../issues/issue.js';
import type { Finding } from '../../rules/types.js';
import type { FileFinding, FoundTask, ListedReadResult, Reader, ReadResult, SourceLocation } from '../reader.js';
import { isRecord } from '../../values/value-facts.js';
import { UNKNOWN } from '../../values/unknown-value.js';
import { makeIssue } from '../../validate/validate.js';
import { DocumentError, type ParsedDocument } from '../../parse/document.js';
import { duplicateFindings } from '../../parse/duplicate-keys.js';
import { parseJson, type JsonOptions } from '../../parse/json/parse-json.js';
import type { Value } from './evaluate.js';
import { locator, mapResource } from './mapping.js';
import { terraformPathIn } from './names.js';
import { ID_ATTRIBUTES, type IdReference } from './references.js';
import { MAINTENANCE_WINDOW_TYPES } from './reader.js';
import { acrossFindings } from '../across/check.js';
import { planModel, type PlanResource } from './plan-across.js';
import { spanLocator } from '../span-locator.js';
import MW207, { RATE_CONTROLS } from './rules/MW207-update-drops-rate-controls.js';
import { RESOURCE_TYPE, TERRAFORM_TYPES, type BodySpec, type TerraformType } from './schema.js';
import { emptyBody, type SourceAttribute, type SourceBody, type Written } from './source.js';

/*
 * Terraform plans as `terraform show -json plan.out` prints them (the JSON output format of
 * Terraform's internals documentation): each `resource_changes[]` entry of type
 * aws_ssm_maintenance_window_task (or window target, or window) that creates or updates an
 * instance, anywhere in the module tree, as the request it becomes (an update as the request that
 * creates it: the provider's updates send the same members).
 * `change.after` holds the arguments with Terraform's conversions done and dynamic blocks expanded;
 * `change.after_unknown` marks what is known only after apply, which becomes UNKNOWN. Findings are
 * reported at the resource's address, and `locate` gives their place in the plan file.
 */

type Json = unknown;


function at(doc: ParsedDocument, jsonPath: Path, sourcePath: Path, fallback: SourceLocation): Written {
  const value = doc.locate(jsonPath, 'value');
  const key = doc.locate(jsonPath, 'key');
  return { ...(key ? { key } : {}), value: value ?? fallback, sourcePath };
}

/** A plan value with UNKNOWN wherever `after_unknown` says so. */
function withUnknowns(value: Json, unknown: Json): Value {
  if (unknown === true) return UNKNOWN;
  if (Array.isArray(value)) return value.map((v, i) => withUnknowns(v, Array.isArray(unknown) ? unknown[i] : undefined));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withUnknowns(v, isRecord(unknown) ? unknown[k] : undefined)]));
  return value as Value;
}

/** The kind of ID a configuration expression refers to, from its `references` (`aws_x.name[0].id`). */
function referencedId(expression: Json): IdReference | undefined {
  if (!isRecord(expression) || !Array.isArray(expression.references)) return undefined;
  const kinds = new Set<string>();
  let found: IdReference | undefined;
  for (const reference of expression.references) {
    if (typeof reference !== 'string') continue;
    const m = /^((?:data\.)?[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.([A-Za-z0-9_]+)$/.exec(reference);
    const kind = m ? ID_ATTRIBUTES[`${m[1]}.${m[3]}`] : undefined;
    if (kind) {
      kinds.add(kind);
      found = { reference: `${m![1]}.${m![2]}.${m![3]}`, kind };
    } else if (m) return undefined;
  }
  return kinds.size === 1 ? found : undefined;
}

interface Context {
  doc: ParsedDocument;
  fallback: SourceLocation;
}

function planBody(after: Json, unknown: Json, spec: BodySpec | undefined, jsonPath: Path, sourcePath: Path, context: Context): SourceBody {
  const body = emptyBody();
  if (!isRecord(after)) return body;
  const unknownRecord = isRecord(unknown) ? unknown : {};
  const names = [...new Set([...Object.keys(after), ...Object.keys(unknownRecord).filter((k) => unknownRecord[k] === true)])];
  for (const name of names) {
    const s = spec && Object.hasOwn(spec, name) ? spec[name] : undefined;
    const path = [...jsonPath, name];
    const value = after[name];
    const u = unknownRecord[name];
    if (s?.kind === 'block') {
      if (u === true) {
        body.unknownBlocks.set(name, at(context.doc, path, [...sourcePath, name], context.fallback));
        continue;
      }
      if (!Array.isArray(value)) continue;
      value.forEach((element, i) => {
        const elementSource = s.nesting === 'single' ? [...sourcePath, name] : [...sourcePath, name, i];
        body.blocks.push({
          type: name,
          body: planBody(element, Array.isArray(u) ? u[i] : undefined, s.body, [...path, i], elementSource, context),
          at: at(context.doc, [...path, i], elementSource, context.fallback),
        });
      });
      continue;
    }
    const attribute: SourceAttribute = { name, value: withUnknowns(value, u), at: at(context.doc, path, [...sourcePath, name], context.fallback) };
    if (Array.isArray(value)) attribute.items = value.map((_, i) => at(context.doc, [...path, i], [...sourcePath, name, i], context.fallback));
    body.attributes.push(attribute);
  }
  return body;
}

/** The configuration of a resource (its `expressions`), found by its module path, type and name. */
function configurationOf(plan: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> | undefined {
  let module = isRecord(plan.configuration) ? plan.configuration.root_module : undefined;
  const moduleAddress = typeof change.module_address === 'string' ? change.module_address : '';
  for (const call of moduleAddress.matchAll(/module\.([^.[]+)(\[[^\]]*\])?/g)) {
    const calls = isRecord(module) ? module.module_calls : undefined;
    const next = isRecord(calls) ? calls[call[1]!] : undefined;
    module = isRecord(next) ? next.module : undefined;
  }
  if (!isRecord(module) || !Array.isArray(module.resources)) return undefined;
  const resource = module.resources.find((r) => isRecord(r) && r.mode === 'managed' && r.type === change.type && r.name === change.name);
  return isRecord(resource) && isRecord(resource.expressions) ? resource.expressions : undefined;
}

function isTargetless(body: SourceBody): boolean {
  return !body.unknownBlocks.has('targets') && !body.blocks.some((b) => b.type === 'targets');
}

function fileFinding<C extends 'syntax_error' | 'not_checked'>(code: C, params: ParamsOf<C>, location?: SourceLocation): FileFinding {
  return { issue: makeIssue(code, inputCodes[code].severity, [], params), ...(location ? { location } : {}) };
}

function taskOf(plan: Record<string, unknown>, change: Record<string, unknown>, index: number, doc: ParsedDocument, type: TerraformType, text: string): FoundTask | undefined {
  const details = change.change;
  if (!isRecord(details) || !Array.isArray(details.actions)) return undefined;
  const creates = details.actions.includes('create');
  const updates = !creates && details.actions.includes('update');
  if (!creates && !updates) return undefined;
  const base: Path = ['resource_changes', index, 'change', 'after'];
  const resourceAt = doc.locate(['resource_changes', index], 'value') ?? { line: 1, column: 1 };
  const schema = type.schema;
  const isTask = type.type === RESOURCE_TYPE;
  const body = planBody(details.after, details.after_unknown, schema, base, [], { doc, fallback: resourceAt });
  const expressions = configurationOf(plan, change);
  const configured = (name: string) => (expressions ? Object.hasOwn(expressions, name) : undefined);

  // Optional+Computed arguments the configuration does not set are unknown in a plan, but the
  // provider sends nothing for them (d.GetOk): they are absent, not unknown.
  const targetless = isTask && isTargetless(body);
  for (const attribute of body.attributes) {
    const s = Object.hasOwn(schema, attribute.name) ? schema[attribute.name] : undefined;
    if (s?.kind !== 'attribute' || !s.computed || attribute.value !== UNKNOWN) continue;
    const isSet = configured(attribute.name) ?? !(targetless && (RATE_CONTROLS as readonly string[]).includes(attribute.name));
    if (!isSet) attribute.value = null;
  }
  // Target values that refer to IDs, from the configuration (expressions of dynamic blocks are not in it).
  const targetExpressions = isTask && expressions && Array.isArray(expressions.targets) ? expressions.targets : [];
  const targets = body.blocks.filter((b) => b.type === 'targets');
  if (targetExpressions.length === targets.length) {
    targets.forEach((target, i) => {
      const values = target.body.attributes.find((a) => a.name === 'values');
      const expression = targetExpressions[i];
      const ref = isRecord(expression) ? referencedId(expression.values) : undefined;
      if (values && ref && Array.isArray(values.value) && values.value.every((v) => v === UNKNOWN)) values.ids = { all: ref };
    });
  }

  const dropped: { attribute: SourceAttribute; findings: Finding[] }[] = [];
  if (updates && targetless) {
    for (const name of RATE_CONTROLS) {
      const attribute = body.attributes.find((a) => a.name === name && a.value !== null);
      if (!attribute) continue;
      attribute.value = null;
      dropped.push({ attribute, findings: MW207.check({ argument: name, update: updates, targetless, configured: configured(name) === true }) });
    }
  }

  const mapped = mapResource(type, body, { value: resourceAt, sourcePath: [] }, { ignoreUnknownNames: true, ...(updates && isTask ? { overrides: { priority: { empty: 'sent' } } } : {}) });
  // Mapper.attribute recorded where each dropped attribute is written, at its API member.
  for (const { attribute, findings } of dropped) {
    for (const f of findings) mapped.issues.push(makeIssue(MW207.code, MW207.severity, [schema[attribute.name]!.api, ...f.path], f.params ?? {}, MW207.id));
  }
  return {
    operation: type.operation,
    kind: 'request',
    payload: mapped.payload,
    resource: typeof change.address === 'string' ? change.address : `${type.type}.${String(change.name)}`,
    location: resourceAt,
    locate: locator(mapped.written, schema),
    locateSpan: spanLocator(text, 'json', mapped.payload),
    issues: mapped.issues,
    validateOptions: { representation: 'sdk' },
    names: terraformPathIn(schema),
  };
}

/** Reads `terraform show -json` output. Never throws on input. */
export function readTerraformPlan(text: string, limits: JsonOptions = {}): ListedReadResult {
  checkOptions('readTerraformPlan()', limits, { maxDepth: aDepth });
  let doc: ParsedDocument;
  try {
    doc = parseJson(text, limits);
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    return { tasks: [], findings: [fileFinding('syntax_error', { format: 'JSON', reason: error.message }, error.position)] };
  }
  const plan = doc.value;
  if (!isRecord(plan)) {
    const notAnObject = fileFinding('not_checked', { what: 'This Terraform JSON', reason: 'it is not a JSON object, as a plan is' }, doc.locate([]));
    return { tasks: [], findings: MAINTENANCE_WINDOW_TYPES.test(text) ? [notAnObject] : [] };
  }
  // `terraform show -json` never writes a key twice: a duplicate was written by hand.
  const findings: FileFinding[] = duplicateFindings(doc, { uses: 'this reader' }).map(({ issue, location }) => ({ issue, location }));
  const major = typeof plan.format_version === 'string' ? Number(plan.format_version.split('.')[0]) : undefined;
  if (major !== undefined && major > 1) {
    return { tasks: [], findings: [fileFinding('not_checked', { what: 'This plan', reason: `its format_version ${plan.format_version} is newer than the 1.x this reader knows` }, doc.locate(['format_version']))] };
  }
  if (!Array.isArray(plan.resource_changes)) {
    if (MAINTENANCE_WINDOW_TYPES.test(text)) findings.push(fileFinding('not_checked', { what: 'This Terraform JSON', reason: 'it has no resource_changes: a state holds what AWS returned, not a request; check the plan instead' }, { line: 1, column: 1 }));
    return { tasks: [], findings };
  }
  const tasks: FoundTask[] = [];
  const resources: PlanResource[] = [];
  plan.resource_changes.forEach((change, i) => {
    const type = isRecord(change) && typeof change.type === 'string' && Object.hasOwn(TERRAFORM_TYPES, change.type) ? TERRAFORM_TYPES[change.type]! : undefined;
    if (!isRecord(change) || !type || change.mode !== 'managed' || change.deposed !== undefined) return;
    if (!isRecord(change.change) || !Array.isArray(change.change.actions)) {
      const what = typeof change.address === 'string' ? change.address : `resource_changes[${i}]`;
      findings.push({ ...fileFinding('not_checked', { what, reason: 'its change has no list of actions, as a plan writes' }, doc.locate(['resource_changes', i])), resource: what });
      return;
    }
    const expressions = configurationOf(plan, change);
    resources.push({ change, index: i, ...(expressions ? { expressions } : {}) });
    const task = taskOf(plan, change, i, doc, type, text);
    if (task) tasks.push(task);
  });
  findings.push(...acrossFindings(planModel(doc, resources)));
  return { tasks, findings };
}

/** The plan reader for `lint`: JSON files with Terraform's `format_version` and `terraform_version`. */
export const terraformPlanReader: Reader = {
  kind: 'terraform-plan',
  accepts: (file) => /\.json$/i.test(file),
  needs: ['terraform_version'],
  detect(file, text) {
    return /\.json$/i.test(file) && /"format_version"\s*:/.test(text) && /"terraform_version"\s*:/.test(text);
  },
  read(_file, text, context) {
    return readTerraformPlan(text, { maxDepth: context.limits?.maxDepth });
  },
};
