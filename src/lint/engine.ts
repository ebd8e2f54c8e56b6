import { byPosition, severityCounts, severityRank, type Severity } from '../issues/codes.js';
import { isShapePath, rootShape } from '../compiled/shape-lookup.js';
import type { Naming } from '../issues/format.js';
import { nearestLocated, type Issue, type IssueData, type Path } from '../issues/issue.js';
import type { LocatedFinding, Suppression } from '../issues/located.js';
import type { Kind, OperationName } from '../operations/index.js';
import { failedOnFile } from '../values/thrown.js';
import { aListOf, anObject, checkOptions } from '../validate/check-options.js';
import { checkPayload, makeIssue } from '../validate/validate.js';
import { wordIssue } from '../issues/make.js';
import { readers as defaultReaders } from './readers.js';
import { showSchedule, type ShowScheduleOptions, type ShownSchedule } from './schedules.js';
import { pointsAt } from '../readers/rule-catalog.js';
import { readersTaking, type Detection, type FileFinding, type FoundTask, type Reader, type ReaderContext, type SourceLocation } from '../readers/reader.js';

/*
 * The lint engine: files in, findings out. Each file goes to the first reader that recognizes it;
 * each task the reader finds is checked with validate(), and every finding is placed where the file
 * writes it and worded in the file's own names. Pure: reading files and printing are the CLI's.
 */

export interface LintInput {
  /** The file's name as the user should see it (relative to where lint runs). */
  file: string;
  text?: string;
  /** Set when the file could not be read: why. */
  error?: string;
  /** Where in the file reading stopped (bytes that are not UTF-8 text), when `error` says so. */
  errorLocation?: SourceLocation;
  /** Set for a file deliberately left unread (beyond the size limit): why. An info, not an error. */
  skipped?: string;
  /** Named on the command line (not found by a walk): a file no reader recognizes is then reported, not skipped. */
  explicit?: boolean;
}

export interface LintOptions {
  readers?: readonly Reader[];
  context?: ReaderContext;
  /** Rule ids or codes to leave out of the result (`--ignore`); they are kept as suppressed. */
  ignore?: readonly string[];
  /** `--show-schedule`: give each window's schedule in words and its next run times (TaskResult.schedules). */
  showSchedule?: ShowScheduleOptions;
}

export type { Suppression } from '../issues/located.js';

/** A finding of lint, at its line and column and in the file's own names. */
export type LintIssue = LocatedFinding;

export interface TaskResult {
  file: string;
  reader: string;
  resource: string;
  operation: OperationName;
  kind: Kind;
  /** Set when the task exists only under a condition. */
  condition?: string;
  /** How many variants (parameter values, condition outcomes) were checked. */
  variants: number;
  location: SourceLocation;
  /** False exactly when an issue that is not suppressed has severity error. */
  valid: boolean;
  /** `partly` when the reader could not read part of it (a not_checked finding concerns it): the rest was checked. */
  checked: 'fully' | 'partly';
  issues: LintIssue[];
  suppressed: LintIssue[];
  /**
   * With `showSchedule`, a window's schedule: one per schedule its variants have, labelled by variant when they
   * differ; variants whose schedule only a deployment knows are left out when another variant's is known.
   */
  schedules?: (ShownSchedule & { variant?: string })[];
}

export interface FileResult {
  file: string;
  /** The reader that read it; null when none recognized it. */
  reader: string | null;
  tasks: TaskResult[];
  /** Findings about the file itself: it cannot be parsed, a construct was not read. */
  issues: LintIssue[];
  suppressed: LintIssue[];
  /** Tasks the file declares that were not checked at all (each has a not_checked finding that says why). */
  unchecked: string[];
  /** Set when the file could not be checked at all: the CLI exits 2. */
  inputProblem?: 'unreadable' | 'syntax';
}

export interface LintReport {
  files: FileResult[];
}

/** How the task's file names the members of its payload's shape (see FoundTask.names); undefined for the API's own names. */
export function namingOf(task: FoundTask): Naming | undefined {
  const names = task.names;
  if (!names) return undefined;
  const root = rootShape(task.operation, task.kind);
  return (path) => (isShapePath(root, path) ? names(path) : undefined);
}

/** A finding in words, in the file's own names: `at` is its path as the file writes it, `naming` how it names the members the message names. */
const worded = (issue: IssueData, naming: Naming | undefined, at: Path): Issue => wordIssue(issue, naming, at, 'last');

/** Where an issue of a task is written, with its message in the file's own names. */
function place(task: FoundTask, issue: IssueData, naming: Naming | undefined): LintIssue {
  const own = task.placed?.get(issue);
  const { found, rest } = (own ? { found: own, rest: [] } : nearestLocated(issue.path, pointsAt(issue.code), task.locate)) ?? { found: undefined, rest: [] };
  // An issue about a part of a string (a schedule's field) goes where that part is, when the reader can tell.
  const location = found && !own && rest.length === 0 && issue.span ? (task.locateSpan?.(issue.path, issue.span, found.location) ?? found.location) : found?.location;
  const written = found?.sourcePath ? [...found.sourcePath, ...rest] : naming?.(issue.path);
  const sourcePath = written ? [...written] : undefined;
  return {
    ...worded(issue, naming, sourcePath ?? issue.path),
    ...(location ?? task.location),
    resource: task.resource,
    ...(sourcePath && sourcePath.join('\0') !== issue.path.join('\0') ? { sourcePath } : {}),
  };
}

/** What a finding's label needs of a variant: its facts, none of its payload. */
type VariantFacts = Pick<FoundTask, 'variant' | 'assumptions'>;

/** The facts that set the variants having a finding apart from those that do not. */
function variantLabel(having: readonly VariantFacts[], all: readonly VariantFacts[]): string | undefined {
  if (having.length === all.length) return undefined;
  const facts = (t: VariantFacts) => t.assumptions ?? (t.variant ? [t.variant] : []);
  const everywhere = all.map(facts).reduce((a, b) => a.filter((f) => b.includes(f)));
  const shared = having.map(facts).reduce((a, b) => a.filter((f) => b.includes(f))).filter((f) => !everywhere.includes(f));
  if (shared.length > 0) return shared.join(', ');
  const labels = having.map((t) => t.variant ?? '').filter(Boolean);
  return labels.length <= 2 ? labels.join('; or ') : `${labels[0]}; or ${labels.length - 1} other variants`;
}

function suppressionOf(issue: Issue, options: LintOptions, inline: readonly string[]): Suppression | undefined {
  const names = [issue.rule, issue.code].filter((n): n is NonNullable<typeof n> => n !== undefined);
  const option = options.ignore?.find((n) => names.includes(n as (typeof names)[number]));
  if (option) return { kind: 'option', by: option };
  const byFile = inline.find((n) => names.includes(n as (typeof names)[number]));
  return byFile ? { kind: 'inline', by: byFile } : undefined;
}

/** Findings kept and findings suppressed (by --ignore or by the names `inline` lists for each), each in the order they are written. */
function split(entries: readonly { issue: LintIssue; inline: readonly string[] }[], options: LintOptions): { issues: LintIssue[]; suppressed: LintIssue[] } {
  const kept: LintIssue[] = [];
  const suppressed: LintIssue[] = [];
  for (const { issue, inline } of entries) {
    const by = suppressionOf(issue, options, inline);
    if (by) suppressed.push({ ...issue, suppressed: by });
    else kept.push(issue);
  }
  return { issues: kept.sort(byPosition), suppressed: suppressed.sort(byPosition) };
}

/**
 * One task's findings, merged over its variants as each is checked: a variant is validated when it
 * comes and then dropped, so that a file's memory holds findings, never all its variants' payloads.
 */
class TaskChecker {
  private readonly merged = new Map<string, { issue: LintIssue; having: VariantFacts[] }>();
  private readonly all: VariantFacts[] = [];
  private readonly schedules = new Map<string, { shown: ShownSchedule; having: VariantFacts[] }>();
  readonly first: Pick<FoundTask, 'resource' | 'operation' | 'kind' | 'condition' | 'location' | 'suppressed'>;

  constructor(task: FoundTask) {
    const { resource, operation, kind, condition, location, suppressed } = task;
    this.first = { resource, operation, kind, condition, location, suppressed };
  }

  add(task: FoundTask, options: LintOptions): void {
    const facts: VariantFacts = { variant: task.variant, assumptions: task.assumptions };
    this.all.push(facts);
    const shown = options.showSchedule && resourceKind(task.operation) === 'window' ? showSchedule(task.payload, options.showSchedule) : undefined;
    if (shown) {
      const key = JSON.stringify(shown);
      const entry = this.schedules.get(key);
      if (entry) entry.having.push(facts);
      else this.schedules.set(key, { shown, having: [facts] });
    }
    const result = checkPayload(task.operation, task.kind, task.payload, task.validateOptions);
    const naming = namingOf(task);
    for (const issue of [...result.issues, ...task.issues]) {
      const placed = place(task, issue, naming);
      const key = JSON.stringify([placed.code, placed.rule, placed.severity, placed.message, placed.hint, placed.line, placed.column, placed.path]);
      const entry = this.merged.get(key);
      if (entry) entry.having.push(facts);
      else this.merged.set(key, { issue: placed, having: [facts] });
    }
  }

  result(file: string, reader: string, options: LintOptions, fileSuppressed: readonly string[]): TaskResult {
    const { first } = this;
    const issues = [...this.merged.values()].map(({ issue, having }) => {
      const variant = variantLabel(having, this.all);
      return variant ? { ...issue, variant } : issue;
    });
    const inline = [...fileSuppressed, ...(first.suppressed ?? [])];
    const { issues: kept, suppressed } = split(issues.map((issue) => ({ issue, inline })), options);
    // The variants whose schedule the file decides; one that a deployment decides only when no variant is decided.
    const entries = [...this.schedules.values()];
    const decided = entries.filter((e) => !e.shown.unknown);
    const schedules = (decided.length > 0 ? decided : entries.slice(0, 1)).map(({ shown, having }) => {
      const variant = variantLabel(having, this.all);
      return variant ? { ...shown, variant } : shown;
    });
    return {
      file,
      reader,
      resource: first.resource,
      operation: first.operation,
      kind: first.kind,
      ...(first.condition !== undefined ? { condition: first.condition } : {}),
      variants: this.all.length,
      location: first.location,
      valid: !kept.some((i) => i.severity === 'error'),
      checked: [...kept, ...suppressed].some((i) => i.code === 'not_checked') ? 'partly' : 'fully',
      issues: kept,
      suppressed,
      ...(schedules.length > 0 ? { schedules } : {}),
    };
  }
}

function fileIssue(finding: FileFinding): LintIssue {
  return {
    ...worded(finding.issue, undefined, finding.sourcePath ?? finding.issue.path),
    ...(finding.location ?? {}),
    ...(finding.resource !== undefined ? { resource: finding.resource } : {}),
    ...(finding.sourcePath ? { sourcePath: [...finding.sourcePath] } : {}),
  };
}

const INPUT_PROBLEMS: Partial<Record<string, FileResult['inputProblem']>> = { unreadable: 'unreadable', syntax_error: 'syntax' };

/** A reader's bug must not end the run: the file is reported as not checked, and lint exits 2. */
function readerFailed(file: string, kind: string | null, error: unknown): FileResult {
  const reason = failedOnFile(kind === null ? 'finding its reader' : `the ${kind} reader`, error);
  return { file, reader: kind, tasks: [], suppressed: [], unchecked: [], issues: [wordIssue(makeIssue('unreadable', 'error', [], { reason }))], inputProblem: 'unreadable' };
}

const isReader = (r: unknown) => typeof r === 'object' && r !== null && typeof (r as Reader).detect === 'function' && typeof (r as Reader).read === 'function';
const LINT_OPTIONS = {
  readers: aListOf('readers (objects with detect and read functions)', isReader),
  context: { expected: 'a reader context (an object with cwd and readFile)', ok: (v: unknown) => anObject.ok(v) && typeof (v as ReaderContext).cwd === 'string' && typeof (v as ReaderContext).readFile === 'function' },
  ignore: aListOf('strings (rule ids or codes)', (v) => typeof v === 'string'),
  showSchedule: { expected: 'schedule options (an object with count and now)', ok: (v: unknown) => anObject.ok(v) },
};

/** Lints one file; undefined when no reader recognizes a file that a walk found. */
export function lintFile(input: LintInput, options: LintOptions = {}): FileResult | undefined {
  checkOptions('lintFile()', options, LINT_OPTIONS);
  // Whatever a reader throws (in detect, in read, or as it makes its tasks) ends this file's check, never the run.
  let kind: string | null = null;
  try {
    return lintChecked(input, options, (reader) => (kind = reader.kind));
  } catch (error) {
    return readerFailed(input.file, kind, error);
  }
}

function lintChecked(input: LintInput, options: LintOptions, chosen: (reader: Reader) => void): FileResult | undefined {
  const readers = options.readers ?? defaultReaders;
  const empty = { tasks: [], suppressed: [], unchecked: [] };
  if (input.skipped !== undefined) {
    const issue = wordIssue(makeIssue('not_checked', 'info', [], { what: input.file, reason: input.skipped }));
    return { file: input.file, reader: null, ...empty, issues: [issue] };
  }
  if (input.error !== undefined || input.text === undefined) {
    const issue = { ...wordIssue(makeIssue('unreadable', 'error', [], { reason: input.error ?? 'no text' })), ...input.errorLocation };
    return { file: input.file, reader: null, ...empty, issues: [issue], inputProblem: 'unreadable' };
  }
  const text = input.text;
  // The name narrows, the content decides: a file goes to the readers that accept its name, and
  // only a file named on the command line that none of them recognizes is offered to the others.
  const byName = readersTaking(readers, input.file);
  // What the reader that says yes parsed to recognize the file is read, not parsed again.
  let parsed: unknown;
  const detects = (r: Reader) => {
    const detection: Detection = r.detect(input.file, text);
    if (typeof detection === 'object') parsed = detection.parsed;
    return detection !== false;
  };
  const reader = byName.find(detects) ?? (input.explicit ? readers.find((r) => !byName.includes(r) && detects(r)) : undefined);
  if (!reader) {
    if (!input.explicit) return undefined;
    const kinds = readers.map((r) => r.kind).join(', ');
    const issue = wordIssue(makeIssue('not_checked', 'info', [], { what: input.file, reason: `no reader recognizes it (${kinds})` }));
    return { file: input.file, reader: null, ...empty, issues: [issue] };
  }
  chosen(reader);
  const context = options.context ?? { cwd: '.', readFile: () => undefined };
  const read = reader.read(input.file, text, context, parsed);
  const fileSuppressed = read.suppressed ?? [];

  // Each variant is checked as the reader makes it; the reader's findings are complete once all are made.
  const groups = new Map<string, TaskChecker>();
  for (const task of read.tasks) {
    const checker = groups.get(task.resource) ?? groups.set(task.resource, new TaskChecker(task)).get(task.resource)!;
    checker.add(task, options);
  }
  const tasks = [...groups.values()].map((checker) => checker.result(input.file, reader.kind, options, fileSuppressed));

  const inlineFor = (finding: FileFinding) => [
    ...fileSuppressed,
    ...((finding.resource !== undefined && groups.get(finding.resource)?.first.suppressed) || []),
    ...(finding.suppressed ?? []),
  ];
  const { issues, suppressed } = split(read.findings.map((finding) => ({ issue: fileIssue(finding), inline: inlineFor(finding) })), options);
  const problem = issues.map((i) => INPUT_PROBLEMS[i.code]).find(Boolean);
  // A construct not read concerns its task, or every task when the finding names none (a template's Transform).
  const notChecked = [...issues, ...suppressed].filter((i) => i.code === 'not_checked');
  const found = new Set(tasks.map((t) => t.resource));
  const unchecked = [...new Set(notChecked.map((i) => i.resource).filter((r): r is string => r !== undefined && !found.has(r)))];
  // A set, not a search per task: a file of thousands of tasks may have a not_checked finding for each.
  const unread = new Set(notChecked.map((i) => i.resource));
  const partly = (t: TaskResult) => unread.has(undefined) || unread.has(t.resource);
  return {
    file: input.file,
    reader: reader.kind,
    tasks: tasks.map((t) => (t.checked === 'fully' && partly(t) ? { ...t, checked: 'partly' as const } : t)),
    unchecked,
    issues,
    suppressed,
    ...(problem ? { inputProblem: problem } : {}),
  };
}

export function lint(inputs: Iterable<LintInput>, options: LintOptions = {}): LintReport {
  checkOptions('lint()', options, LINT_OPTIONS);
  const files: FileResult[] = [];
  for (const input of inputs) {
    const result = lintFile(input, options);
    if (result) files.push(result);
  }
  return { files };
}

export interface LintSummary {
  /** Files that a reader recognized (or that were named and could not be read). */
  files: number;
  /** Tasks checked (and the other API calls that are not windows or window targets: a payload file of DescribeMaintenanceWindowExecutionTaskInvocations). */
  tasks: number;
  /** Maintenance windows and window targets checked, when there are any. */
  windows?: number;
  targets?: number;
  /** Of all these, how many were checked only in part (a construct in them was not read). */
  partly: number;
  /** Resources found and not checked at all (a syntax error in them, a construct that makes them at deployment). */
  unchecked: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

/** Every finding that is not suppressed: the file's own, then each task's. */
/** A file's findings, its own and its tasks', in no particular order: for counting. */
export function allFindings(file: FileResult): LintIssue[] {
  return [...file.issues, ...file.tasks.flatMap((t) => t.issues)];
}

/** A file's findings in the order they are written. */
export function findingsOf(file: FileResult): LintIssue[] {
  return allFindings(file).sort(byPosition);
}

/** What a checked resource is, by the API call it stands for: the counts name each kind apart. */
export type ResourceKind = 'task' | 'window' | 'target';

const KIND_OF: Partial<Record<string, ResourceKind>> = {
  CreateMaintenanceWindow: 'window',
  UpdateMaintenanceWindow: 'window',
  RegisterTargetWithMaintenanceWindow: 'target',
  UpdateMaintenanceWindowTarget: 'target',
};

export function resourceKind(operation: OperationName): ResourceKind {
  return KIND_OF[operation] ?? 'task';
}

/** How many of `results` are of each kind. */
export function countKinds(results: readonly Pick<TaskResult, 'operation'>[]): Record<ResourceKind, number> {
  const counts = { task: 0, window: 0, target: 0 };
  for (const r of results) counts[resourceKind(r.operation)]++;
  return counts;
}

export function summarize(report: LintReport): LintSummary {
  const all = report.files.flatMap(allFindings);
  const kinds = countKinds(report.files.flatMap((f) => f.tasks));
  return {
    files: report.files.length,
    tasks: kinds.task,
    ...(kinds.window > 0 ? { windows: kinds.window } : {}),
    ...(kinds.target > 0 ? { targets: kinds.target } : {}),
    partly: report.files.reduce((n, f) => n + f.tasks.filter((t) => t.checked === 'partly').length, 0),
    unchecked: report.files.reduce((n, f) => n + f.unchecked.length, 0),
    ...severityCounts(all),
    suppressed: report.files.reduce((n, f) => n + f.suppressed.length + f.tasks.reduce((m, t) => m + t.suppressed.length, 0), 0),
  };
}
