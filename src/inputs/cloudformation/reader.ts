import { nearestLocated, type Issue, type Path, type PathSegment } from '../../issues/issue.js';
import { descriptors, isRuleOrCode } from '../../lint/rules.js';
import type { FileFinding, FoundTask, Reader, ReadResult, SourceLocation } from '../../lint/types.js';
import { metaOf } from '../../shapes/meta.js';
import { isRecord, schemaAt } from '../../shapes/walk.js';
import { makeIssue } from '../../validate.js';
import { detectFormat, DocumentError, type ParsedDocument } from '../document.js';
import { duplicateFindings } from '../duplicates.js';
import { explore } from './choices.js';
import { cfnPath, RESOURCE_TYPE, request, toApi, type ApiOrigin, type Mapped } from './properties.js';
import { NO_VALUE, Resolver, type Note } from './resolve.js';
import MW101 from './rules/MW101-required-property.js';
import { looksLikeTemplate, parseTemplate } from './template.js';

/*
 * CloudFormation templates, JSON or YAML, hand-written or synthesized by the CDK (cdk.out): every
 * AWS::SSM::MaintenanceWindowTask resource becomes the RegisterTaskWithMaintenanceWindow request
 * it stands for, once per combination of the parameter values and conditions it depends on.
 */

/** The Metadata key of inline suppressions: `Metadata: { ssm-mw-contracts: { ignore: [MW003] } }`, on the template or a resource. */
export const SUPPRESSION_KEY = 'ssm-mw-contracts';

/** Combinations of parameter values and conditions checked per task, at most. */
export const VARIANT_LIMIT = 256;

/** Transforms that leave AWS::SSM::MaintenanceWindowTask resources as written. */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen']);

/** Where a finding goes when nothing nearer is written (a key the YAML reader cannot name, such as a mapping used as a key). */
const FIRST_LINE: SourceLocation = { line: 1, column: 1 };

function notChecked(doc: ParsedDocument, at: Path, what: string, reason: string, resource?: string): FileFinding {
  const location = locateNearest(doc, at);
  return { issue: makeIssue('not_checked', 'info', [], { what, reason }), ...(location ? { location } : {}), ...(resource ? { resource } : {}) };
}

function locateNearest(doc: ParsedDocument, at: Path, target: 'key' | 'value' = 'value') {
  return nearestLocated(at, target, doc.locate)?.found;
}

/** The rule ids and codes an `ssm-mw-contracts: { ignore: [...] }` entry names; unknown names are findings. */
function suppressions(doc: ParsedDocument, metadata: unknown, at: Path, findings: FileFinding[], resource?: string): string[] {
  const entry = isRecord(metadata) ? metadata[SUPPRESSION_KEY] : undefined;
  if (entry === undefined) return [];
  const ignore = isRecord(entry) ? entry.ignore : undefined;
  const list = typeof ignore === 'string' ? [ignore] : Array.isArray(ignore) ? ignore : undefined;
  const entryAt = [...at, SUPPRESSION_KEY];
  const where = `${resource ? `${resource}'s` : 'the template’s'} Metadata ${SUPPRESSION_KEY}`;
  const known = () => descriptors().map((d) => d.id);
  if (!list) {
    findings.push({ issue: makeIssue('unknown_suppression', 'warning', [], { actual: JSON.stringify(entry), where, known: known() }), location: locateNearest(doc, entryAt) ?? FIRST_LINE, ...(resource ? { resource } : {}) });
    return [];
  }
  const names: string[] = [];
  list.forEach((name, i) => {
    if (typeof name === 'string' && isRuleOrCode(name)) names.push(name);
    else {
      const location = locateNearest(doc, typeof ignore === 'string' ? [...entryAt, 'ignore'] : [...entryAt, 'ignore', i]);
      findings.push({ issue: makeIssue('unknown_suppression', 'warning', [], { actual: String(name), where, known: known() }), ...(location ? { location } : {}), ...(resource ? { resource } : {}) });
    }
  });
  return names;
}

/** Where an API path of the payload is written, and its CloudFormation path. */
function locator(doc: ParsedDocument, resourceAt: Path, payload: unknown, { origins, strays, removed }: Pick<Mapped, 'origins' | 'strays' | 'removed'>): FoundTask['locate'] {
  const propertiesKey = doc.locate([...resourceAt, 'Properties'], 'key') ?? locateNearest(doc, resourceAt, 'key') ?? FIRST_LINE;
  return (path, target = 'value') => {
    const sourcePath: PathSegment[] = [];
    let container: unknown = payload;
    let last: ApiOrigin | undefined;
    let written = 0;
    let removedAt: ApiOrigin | undefined;
    for (const [i, segment] of path.entries()) {
      const parent = typeof container === 'object' && container !== null ? container : undefined;
      // A property the resource type lacks is not in the payload; its name is where it is written.
      const stray = target === 'key' && i === path.length - 1 && parent ? strays.get(parent)?.get(segment) : undefined;
      const origin = stray ?? (parent ? origins.get(parent)?.get(segment) : undefined);
      if (!origin) {
        // A member that AWS::NoValue removed in this variant: point at where it is written.
        removedAt = parent ? removed.get(parent)?.get(segment) : undefined;
        break;
      }
      sourcePath.push(origin.sourceKey);
      last = origin;
      written++;
      container = (container as Record<PathSegment, unknown>)[segment];
    }
    // What the template does not write is named as CloudFormation would name it.
    if (written < path.length) sourcePath.push(...cfnPath(path).slice(written));
    let location: SourceLocation | undefined;
    if (removedAt?.keyPath) location = doc.locate(removedAt.keyPath, 'key');
    else if (last && written === path.length && target === 'key' && last.keyPath) location = doc.locate(last.keyPath, 'key');
    else if (last?.valuePath) location = locateNearest(doc, last.valuePath);
    return { location: location ?? propertiesKey, sourcePath };
  };
}

function readTask(doc: ParsedDocument, template: Record<string, unknown>, id: string, resource: Record<string, unknown>, findings: FileFinding[]): FoundTask[] {
  const at = ['Resources', id];
  const condition = typeof resource.Condition === 'string' ? resource.Condition : undefined;
  const { outcomes, truncated } = explore((choose) => {
    const resolver = new Resolver(template, choose);
    if (condition !== undefined && !resolver.condition(condition, [...at, 'Condition'])) return { resolver, properties: undefined };
    const properties = resource.Properties === undefined ? { value: {}, at: [...at, 'Properties'] } : resolver.resolve(resource.Properties, [...at, 'Properties']);
    return { resolver, properties };
  }, VARIANT_LIMIT);

  const notes: Note[] = [];
  for (const { result } of outcomes) {
    for (const note of result.resolver.notes) if (!notes.some((n) => n.reason === note.reason && n.templatePath.join('\0') === note.templatePath.join('\0'))) notes.push(note);
  }
  findings.push(...notes.map((n) => notChecked(doc, n.templatePath, n.what, n.reason, id)));
  if (truncated) {
    findings.push(notChecked(doc, at, id, `it depends on more than ${VARIANT_LIMIT} combinations of parameter values and conditions; the first ${VARIANT_LIMIT} were checked`, id));
  }
  const suppressed = suppressions(doc, resource.Metadata, [...at, 'Metadata'], findings, id);
  const existing = outcomes.filter((o) => o.result.properties !== undefined);
  if (existing.length === 0) {
    findings.push(notChecked(doc, [...at, 'Condition'], id, `condition ${condition} never holds, so the task is never created`, id));
    return [];
  }

  const location = locateNearest(doc, at, 'key') ?? FIRST_LINE;
  return existing.map(({ result, assumptions }) => {
    const { resolver } = result;
    const properties = result.properties!;
    const value = properties.value === NO_VALUE ? {} : properties.value;
    const mapped = toApi(value, resolver.origins, resolver.removed, { keyPath: [...at, 'Properties'], valuePath: properties.at });
    const payload = mapped.payload;
    const issues: Issue[] = [...mapped.issues];
    if (isRecord(payload)) for (const f of MW101.check(payload)) issues.push(makeIssue(MW101.code, MW101.severity, f.path, f.params ?? {}, MW101.id));
    const facts = [...new Set([...assumptions, ...resolver.facts])];
    // What a finding is labelled with: parameter values and condition outcomes. A parameter's "another
    // value" and an undecidable comparison only ever matter through a condition outcome, which is named.
    const telling = facts.filter((f) => !f.endsWith(' is another value') && !f.startsWith('{'));
    return {
      operation: 'RegisterTaskWithMaintenanceWindow',
      kind: 'request',
      payload,
      resource: id,
      ...(facts.length > 0 ? { variant: facts.join(', '), assumptions: telling } : {}),
      ...(condition !== undefined ? { condition } : {}),
      location,
      locate: locator(doc, at, payload, mapped),
      names: cfnPath,
      issues,
      ...(suppressed.length > 0 ? { suppressed } : {}),
      // CloudFormation's Lambda Payload is plain text; its UTF-8 bytes are what counts.
      validateOptions: { representation: 'sdk' },
    } satisfies FoundTask;
  });
}

/**
 * Keys given twice where they can change a task: anywhere but inside a resource of another type and
 * the template's Outputs. CloudFormation keeps the last value (JSON and YAML alike); cfn-lint refuses
 * the template (E0000 "Duplicate found").
 */
function duplicates(doc: ParsedDocument, resources: Record<string, unknown>): FileFinding[] {
  const reading = { uses: 'CloudFormation', hint: 'cfn-lint refuses the template (E0000 "Duplicate found"): remove the one you do not mean.' };
  return duplicateFindings(doc, reading).flatMap(({ issue, location, duplicate: { path } }) => {
    if (path[0] === 'Outputs') return [];
    const id = path[0] === 'Resources' && path.length > 2 ? String(path[1]) : undefined;
    if (id !== undefined && !(isRecord(resources[id]) && resources[id].Type === RESOURCE_TYPE)) return [];
    return [{ issue, location, ...(id !== undefined ? { resource: id } : {}) }];
  });
}

function transforms(template: Record<string, unknown>): string[] {
  const t = template.Transform;
  return (Array.isArray(t) ? t : [t]).filter((n): n is string => typeof n === 'string');
}

export const cloudformationReader: Reader = {
  kind: 'cloudformation',
  accepts: (file) => /\.(json|ya?ml|template|cfn)$/i.test(file),
  detect: (_file, text) => looksLikeTemplate(text),
  read(file, text, context): ReadResult {
    let doc: ParsedDocument;
    try {
      doc = parseTemplate(text, file, { maxDepth: context.limits?.maxDepth, maxAliasCount: context.limits?.maxAliasCount });
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      const format = detectFormat(text, file).toUpperCase();
      return { tasks: [], findings: [{ issue: makeIssue('syntax_error', 'error', [], { reason: error.message, format }), location: error.position }] };
    }
    const template = doc.value;
    if (!isRecord(template) || !isRecord(template.Resources)) {
      // A template that names the task type but whose resources cannot be read: say so, never pass it as clean.
      const mentions = text.includes(RESOURCE_TYPE);
      const why = !isRecord(template) ? 'it is not an object' : template.Resources === undefined ? 'it has no Resources section' : 'its Resources section is not an object';
      return { tasks: [], findings: mentions ? [notChecked(doc, isRecord(template) ? ['Resources'] : [], 'This template', `${why}, so no task in it can be read`)] : [] };
    }
    const findings: FileFinding[] = [];
    const suppressed = suppressions(doc, template.Metadata, ['Metadata'], findings);
    const tasks: FoundTask[] = [];
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (id.startsWith('Fn::ForEach::') && JSON.stringify(resource ?? null).includes(RESOURCE_TYPE)) {
        findings.push(notChecked(doc, ['Resources', id], id, 'Fn::ForEach (AWS::LanguageExtensions) makes its resources at deployment', id));
        continue;
      }
      if (!isRecord(resource) || resource.Type !== RESOURCE_TYPE) continue;
      tasks.push(...readTask(doc, template, id, resource, findings));
    }
    findings.push(...duplicates(doc, template.Resources));
    const macros = transforms(template).filter((t) => !KNOWN_TRANSFORMS.has(t));
    if (macros.length > 0 && (tasks.length > 0 || findings.length > 0)) {
      findings.push(notChecked(doc, ['Transform'], `Transform ${macros.join(', ')}`, 'a macro may rewrite the template at deployment; the template was checked as written'));
    }
    return { tasks, findings, ...(suppressed.length > 0 ? { suppressed } : {}) };
  },
};
