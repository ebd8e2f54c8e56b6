import { nearestLocated, type IssueData, type Path, type PathSegment } from '../../issues/issue.js';
import { descriptors, isRuleOrCode } from '../rule-catalog.js';
import type { FileFinding, FoundTask, Reader, ReadResult, SourceLocation } from '../reader.js';
import { isRecord } from '../../values/value-facts.js';
import { makeIssue } from '../../validate/validate.js';
import { findingIssue } from '../../rules/finding-issue.js';
import { detectFormat, DocumentError, withoutBom, type ParsedDocument } from '../../parse/document.js';
import { duplicateFindings } from '../../parse/duplicate-keys.js';
import { explore } from './choices.js';
import { spanLocator } from '../span-locator.js';
import { acrossFindings } from '../across/check.js';
import { templateModel, TemplateReferences, windowGetAtts } from './across.js';
import MW105 from './rules/MW105-target-reference-kind.js';
import MW106 from './rules/MW106-unknown-attribute.js';
import { CFN_TYPES, cfnPath, toApi, type ApiOrigin, type CfnResourceType, type Mapped } from './properties.js';
import { Budget, BudgetSpent, NO_VALUE, Resolver, type Resolved } from './resolve.js';
import MW101 from './rules/MW101-required-property.js';
import { looksLikeTemplate, parseTemplate, TEMPLATE_WORDS } from './template.js';

/*
 * CloudFormation templates, JSON or YAML, hand-written or synthesized by the CDK (cdk.out): every
 * maintenance-window resource (AWS::SSM::MaintenanceWindowTask, ...Target, ...Window) becomes the
 * request it stands for (RegisterTaskWithMaintenanceWindow, ...) once per combination of the
 * parameter values and conditions it depends on; how they refer to each other is checked across
 * them (./across.ts).
 */

/** The Metadata key of inline suppressions: `Metadata: { ssm-mw-contracts: { ignore: [MW003] } }`, on the template or a resource. */
export const SUPPRESSION_KEY = 'ssm-mw-contracts';

/** Combinations of parameter values and conditions checked per task, at most. */
export const VARIANT_LIMIT = 256;

/**
 * Template values a file may resolve for its tasks, all variants together (mapping and checking
 * them costs in proportion): under a second's work, and 400 times what the largest template of the
 * corpus uses (240), so that only a hostile file meets it. Each task may spend its share of what
 * the tasks before it left; a task gets its first variant whenever anything is left. Spec:
 * spec/decisions.yaml D36.
 */
export const FILE_BUDGET = 100_000;

/** Transforms that leave AWS::SSM::MaintenanceWindowTask resources as written. */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen']);

/** The types this reader reads. */
const READ_TYPES = Object.keys(CFN_TYPES);
const isRead = (type: unknown) => typeof type === 'string' && READ_TYPES.includes(type);

/** What a resource is called in a message, by the operation it stands for. */
const NOUN: Partial<Record<string, string>> = {
  RegisterTaskWithMaintenanceWindow: 'task',
  RegisterTargetWithMaintenanceWindow: 'window target',
  CreateMaintenanceWindow: 'window',
};

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
function locator(doc: ParsedDocument, resourceAt: Path, payload: unknown, { origins, removed }: Pick<Mapped, 'origins' | 'removed'>, type: CfnResourceType): FoundTask['locate'] {
  const propertiesKey = doc.locate([...resourceAt, 'Properties'], 'key') ?? locateNearest(doc, resourceAt, 'key') ?? FIRST_LINE;
  return (path, target = 'value') => {
    const sourcePath: PathSegment[] = [];
    let container: unknown = payload;
    let last: ApiOrigin | undefined;
    let written = 0;
    let removedAt: ApiOrigin | undefined;
    for (const segment of path) {
      const parent = typeof container === 'object' && container !== null ? container : undefined;
      const origin = parent ? origins.of(parent, segment) : undefined;
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
    if (written < path.length) sourcePath.push(...cfnPath(path, type.request).slice(written));
    let location: SourceLocation | undefined;
    // A member written or missing (`key`) is placed at its own key or at its nearest written parent's.
    if (removedAt?.keyPath) location = doc.locate(removedAt.keyPath, 'key');
    else if (last && target === 'key' && last.keyPath) location = doc.locate(last.keyPath, 'key');
    else if (last?.valuePath) location = locateNearest(doc, last.valuePath);
    return { location: location ?? propertiesKey, sourcePath };
  };
}

/** Where each property the resource type lacks is written (MW100): its own key, named under its parent's CloudFormation path. */
function strayPlaces(doc: ParsedDocument, locate: FoundTask['locate'], strays: Mapped['strays']): FoundTask['placed'] {
  if (strays.size === 0) return undefined;
  const placed = new Map<IssueData, { location: SourceLocation; sourcePath?: Path }>();
  for (const [issue, origin] of strays) {
    const parent = locate(issue.path.slice(0, -1), 'key');
    const location = (origin.keyPath && doc.locate(origin.keyPath, 'key')) || parent?.location;
    if (location) placed.set(issue, { location, sourcePath: [...(parent?.sourcePath ?? issue.path.slice(0, -1)), origin.sourceKey] });
  }
  return placed;
}

/** One variant of a task as the engine checks it: the API payload its resolved properties stand for, placed in the template. */
function variantTask(
  doc: ParsedDocument,
  text: string,
  type: CfnResourceType,
  at: Path,
  id: string,
  resolver: Resolver,
  properties: Resolved,
  assumptions: readonly string[],
  shared: Pick<FoundTask, 'location' | 'condition' | 'suppressed'>,
): FoundTask {
  const value = properties.value === NO_VALUE ? {} : properties.value;
  const mapped = toApi(value, resolver.origins, resolver.removed, { keyPath: [...at, 'Properties'], valuePath: properties.at }, resolver.fixedText, type);
  const payload = mapped.payload;
  const locate = locator(doc, at, payload, mapped, type);
  const issues: IssueData[] = [...mapped.issues];
  if (isRecord(payload)) for (const f of MW101.check({ type: type.type, payload })) issues.push(findingIssue(MW101, f));
  const facts = [...new Set([...assumptions, ...resolver.facts])];
  // What a finding is labelled with: parameter values and condition outcomes. A parameter's "another
  // value" and an undecidable comparison only ever matter through a condition outcome, which is named.
  const telling = facts.filter((f) => !f.endsWith(' is another value') && !f.startsWith('{'));
  return {
    operation: type.operation,
    kind: 'request',
    payload,
    resource: id,
    ...(facts.length > 0 ? { variant: facts.join(', '), assumptions: telling } : {}),
    ...shared,
    locate,
    locateSpan: spanLocator(text, doc.format, payload),
    placed: strayPlaces(doc, locate, mapped.strays),
    names: (path) => cfnPath(path, type.request),
    issues,
    // The Lambda Payload is base64 text, as on the wire (toApi checked it as the handler decodes it).
  };
}

/**
 * The variants of one task, made one at a time as the engine checks them (none is kept): at most
 * VARIANT_LIMIT, and no more than the task's share of what is left of the file's budget, `share`
 * (resolved template values), beyond its first. What was not checked is said in `findings`.
 */
function* readTask(
  doc: ParsedDocument,
  text: string,
  template: Record<string, unknown>,
  id: string,
  resource: Record<string, unknown>,
  findings: FileFinding[],
  budget: Budget,
  share: number,
): Generator<FoundTask> {
  const type = CFN_TYPES[resource.Type as string]!;
  const at = ['Resources', id];
  const condition = typeof resource.Condition === 'string' ? resource.Condition : undefined;
  const suppressed = suppressions(doc, resource.Metadata, [...at, 'Metadata'], findings, id);
  const shared = {
    location: locateNearest(doc, at, 'key') ?? FIRST_LINE,
    ...(condition !== undefined ? { condition } : {}),
    ...(suppressed.length > 0 ? { suppressed } : {}),
  };
  const exploration = explore((choose) => {
    const resolver = new Resolver(template, choose, budget);
    if (condition !== undefined && !resolver.condition(condition, [...at, 'Condition'])) return { resolver, properties: undefined };
    const properties = resource.Properties === undefined ? { value: {}, at: [...at, 'Properties'] } : resolver.resolve(resource.Properties, [...at, 'Properties']);
    return { resolver, properties };
  }, VARIANT_LIMIT);

  const noted = new Set<string>();
  const before = budget.left;
  let existing = 0;
  let spent = false;
  const variants = exploration[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<(typeof exploration extends Iterable<infer O> ? O : never)>;
    try {
      next = variants.next();
    } catch (error) {
      // The file's budget ran out in the middle of a variant: it is not checked.
      if (!(error instanceof BudgetSpent)) throw error;
      spent = true;
      break;
    }
    if (next.done) break;
    const { result, assumptions } = next.value;
    for (const note of result.resolver.notes) {
      const key = `${note.reason}\0${note.templatePath.join('\0')}`;
      if (noted.has(key)) continue;
      noted.add(key);
      findings.push(notChecked(doc, note.templatePath, note.what, note.reason, id));
    }
    if (result.properties !== undefined) {
      existing++;
      yield variantTask(doc, text, type, at, id, result.resolver, result.properties, assumptions, shared);
    }
    if (before - budget.left >= share) {
      spent = !exploration.complete;
      break;
    }
  }

  const checked = `${exploration.count === 1 ? 'one was' : `${exploration.count} were`} checked${exploration.covered ? ', which take every value of each parameter and condition at least once' : ''}`;
  if (exploration.count === 0) {
    findings.push(notChecked(doc, at, id, `this file's budget for resolving templates (${FILE_BUDGET.toLocaleString('en-US')} values) was spent on the tasks before it`, id));
  } else if (spent) {
    findings.push(notChecked(doc, at, id, `it depends on more combinations of parameter values and conditions than its share of this file's budget for resolving templates allows; ${checked}`, id));
  } else if (!exploration.complete) {
    findings.push(notChecked(doc, at, id, `it depends on more than ${VARIANT_LIMIT} combinations of parameter values and conditions; ${checked}`, id));
  } else if (existing === 0) {
    findings.push(notChecked(doc, [...at, 'Condition'], id, `condition ${condition} never holds, so the ${NOUN[type.operation] ?? 'resource'} is never created`, id));
  }
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
    if (id !== undefined && !(isRecord(resources[id]) && isRead(resources[id].Type))) return [];
    return [{ issue, location, ...(id !== undefined ? { resource: id } : {}) }];
  });
}

/**
 * How the template's windows, targets and tasks refer to each other: the rules across resources
 * (MW080-MW099) and CloudFormation's own (MW105, MW106), each at the resource it concerns.
 */
function across(doc: ParsedDocument, template: Record<string, unknown>, resources: Record<string, unknown>, ids: readonly string[]): FileFinding[] {
  const model = templateModel(doc, resources);
  const own = (id: string) => (ids.includes(id) ? { resource: id } : {});
  // Each target value of a task or a window target that refers to a resource (MW105 decides whether its ID is of the kind its Key takes).
  const kinds = [...model.tasks, ...model.targets].flatMap((resource) =>
    (resource.targets ?? []).flatMap((entry) =>
      (entry.values ?? []).flatMap(({ reference, path, place }) =>
        reference.to !== 'resource'
          ? []
          : MW105.check({ key: entry.key, reference: reference.written, actual: reference.kind }).map((f): FileFinding => ({
              issue: findingIssue(MW105, f, path),
              location: place.location,
              resource: resource.name,
              sourcePath: place.sourcePath,
            })),
      ),
    ),
  );
  const attributes = windowGetAtts(template, new TemplateReferences(resources)).flatMap((g) =>
    MW106.check(g).map((f): FileFinding => {
      // Inside a resource this reader reads, named from its Properties as its other findings are.
      const inRead = g.path[0] === 'Resources' && g.path[2] === 'Properties' && ids.includes(String(g.path[1]));
      return {
        issue: findingIssue(MW106, f, inRead ? g.path.slice(3) : g.path),
        location: locateNearest(doc, g.path) ?? FIRST_LINE,
        ...(g.path[0] === 'Resources' ? own(String(g.path[1])) : {}),
        sourcePath: inRead ? g.path.slice(3) : g.path,
      };
    }),
  );
  return [...acrossFindings(model), ...kinds, ...attributes];
}

function transforms(template: Record<string, unknown>): string[] {
  const t = template.Transform;
  return (Array.isArray(t) ? t : [t]).filter((n): n is string => typeof n === 'string');
}

export const cloudformationReader: Reader = {
  kind: 'cloudformation',
  accepts: (file) => /\.(json|ya?ml|template|cfn)$/i.test(file),
  needs: TEMPLATE_WORDS,
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
      const mentions = READ_TYPES.some((type) => text.includes(type));
      const why = !isRecord(template) ? 'it is not an object' : template.Resources === undefined ? 'it has no Resources section' : 'its Resources section is not an object';
      return { tasks: [], findings: mentions ? [notChecked(doc, isRecord(template) ? ['Resources'] : [], 'This template', `${why}, so no task in it can be read`)] : [] };
    }
    const findings: FileFinding[] = [];
    const suppressed = suppressions(doc, template.Metadata, ['Metadata'], findings);
    const ids: string[] = [];
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (id.startsWith('Fn::ForEach::') && READ_TYPES.some((type) => JSON.stringify(resource ?? null).includes(type))) {
        findings.push(notChecked(doc, ['Resources', id], id, 'Fn::ForEach (AWS::LanguageExtensions) makes its resources at deployment', id));
        continue;
      }
      if (isRecord(resource) && typeof resource.Type === 'string' && Object.hasOwn(CFN_TYPES, resource.Type)) ids.push(id);
    }
    findings.push(...duplicates(doc, template.Resources), ...across(doc, template, template.Resources, ids));
    const macros = transforms(template).filter((t) => !KNOWN_TRANSFORMS.has(t));
    if (macros.length > 0 && (ids.length > 0 || findings.length > 0)) {
      findings.push(notChecked(doc, ['Transform'], `Transform ${macros.join(', ')}`, 'a macro may rewrite the template at deployment; the template was checked as written'));
    }
    const resources = template.Resources;
    // The text the positions are in: without its byte order mark, as the parser read it.
    const source = withoutBom(text);
    // Made as the engine checks them; each task may spend its share of what the tasks before it left.
    function* tasks(): Generator<FoundTask> {
      const budget = new Budget(FILE_BUDGET);
      for (const [i, id] of ids.entries()) yield* readTask(doc, source, template as Record<string, unknown>, id, resources[id] as Record<string, unknown>, findings, budget, budget.left / (ids.length - i));
    }
    return { tasks: tasks(), findings, ...(suppressed.length > 0 ? { suppressed } : {}) };
  },
};
