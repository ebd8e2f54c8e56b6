import type * as z from 'zod';
import { bounded, notCheckedIssue, type Truncation } from './bounded-payload.js';
import { CHECKS, VIEWS } from '../compiled/generated/check.js';
import { isOperation, rootShape } from '../compiled/shape-lookup.js';
import { newRun, type Representation } from '../compiled/runtime.js';
import { OPERATION_NAMES } from '../compiled/generated/shapes.js';
import { fieldCodes, scheduleCodes } from '../issues/codes.js';
import type { Issue, IssueData, Path, PathSegment } from '../issues/issue.js';
import { issueAt, makeIssue, wordIssue } from '../issues/make.js';
import type { operations, OperationName } from '../operations/index.js';
import { setOwn } from '../values/set-own.js';
import { aDate, checkOptions, integerIn, oneOf } from './check-options.js';
import { KINDS, type Kind } from '../operations/kinds.js';
import { rulesFor, type AnyRule, type RuleContext } from '../rules/index.js';
import type { ErrorBody } from '../shapes/errors.js';
import { errorTypeOf } from '../shapes/error-names.js';
import { isRecord } from '../values/value-facts.js';

export { makeIssue } from '../issues/make.js';
export type { Form, Representation } from '../compiled/runtime.js';

export interface ValidateOptions {
  /**
   * How to read blob members given as strings (Lambda `Payload`): `wire` (default) reads them as
   * base64 text, as in an AWS JSON 1.1 body; `sdk` reads them as raw text, as the AWS SDK for
   * JavaScript does before it base64-encodes them.
   */
  representation?: 'wire' | 'sdk';
  /** The HTTP status that came with an error body, checked against the error's documented status. */
  httpStatus?: number;
  /** The time to check a window at (an EndDate before it has passed, a schedule with no run left); the current time when not given. */
  now?: Date;
}

export interface ValidationResult<T = unknown> {
  /** False exactly when an issue has severity "error". */
  valid: boolean;
  issues: Issue[];
  /** Where the payload holds UNKNOWN (src/values/unknown-value.ts): nothing at or under these paths was checked. */
  unknown: Path[];
  /**
   * The payload, when valid, free of UNKNOWN and checked in full (see MAX_CHECKED_ITEMS in
   * src/validate/bounded-payload.ts): the caller's own object (not a copy), except that SDK text blobs
   * (`representation: 'sdk'`) are given as the bytes they stand for.
   */
  value?: T;
  representation: Representation;
}

export type PayloadOf<O extends OperationName, K extends Kind> = K extends 'request'
  ? z.output<(typeof operations)[O]['request']>
  : K extends 'response'
    ? z.output<(typeof operations)[O]['response']>
    : z.output<typeof ErrorBody>;

/** Copy-on-write set, so SDK-shaped input can be normalized without touching the caller's object. */
export function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const container = root as Record<PathSegment, unknown>;
  const copy = (Array.isArray(root) ? [...root] : { ...container }) as Record<PathSegment, unknown>;
  setOwn(copy, head, withValueAt(container[head], rest, value));
  return copy;
}

/**
 * withValueAt for many paths at once: each container on the paths is copied once, however many
 * paths cross it (a path per value would copy a file's top level once per value). A path under one
 * already set, or one the value does not have, changes nothing more.
 */
export function withValuesAt(root: unknown, paths: readonly Path[], value: unknown): unknown {
  const copies = new Set<unknown>();
  const copyOf = (v: object) => {
    const copy = Array.isArray(v) ? [...v] : { ...v };
    copies.add(copy);
    return copy as Record<PathSegment, unknown>;
  };
  let out = root;
  for (const path of paths) {
    if (path.length === 0) return value;
    if (typeof out !== 'object' || out === null) break;
    if (!copies.has(out)) out = copyOf(out);
    let node = out as Record<PathSegment, unknown>;
    for (let i = 0; ; i++) {
      const segment = path[i]!;
      if (!Object.hasOwn(node, segment)) break;
      if (i === path.length - 1) {
        setOwn(node, segment, value);
        break;
      }
      const child = node[segment];
      if (child === value || typeof child !== 'object' || child === null) break;
      const next = copies.has(child) ? (child as Record<PathSegment, unknown>) : copyOf(child);
      if (next !== child) setOwn(node, segment, next);
      node = next;
    }
  }
  return out;
}

/** validate()'s options, as checkOptions checks them (D51). */
export const VALIDATE_OPTIONS = { representation: oneOf('wire', 'sdk'), httpStatus: integerIn(100, 599), now: aDate };

/** The arguments that say what to check: a wrong one is the caller's mistake, thrown, never an issue of the payload. */
export function checkArguments(operation: unknown, kind: unknown, options?: unknown): void {
  if (!isOperation(operation)) throw new TypeError(`unknown operation ${String(operation)}; expected one of ${OPERATION_NAMES.join(', ')}`);
  if (!KINDS.includes(kind as Kind)) throw new TypeError(`unknown kind ${String(kind)}; expected one of ${KINDS.join(', ')}`);
  checkOptions('validate()', options, VALIDATE_OPTIONS);
}

/** validate()'s result with its issues as data, not yet worded (see checkPayload). */
export type CheckResult<T = unknown> = Omit<ValidationResult<T>, 'issues'> & { issues: IssueData[] };

/** What the member checks found, before the rules run. */
export interface MemberFindings {
  issues: IssueData[];
  representation: Representation;
  unknown: Path[];
  /** The payload as the member checks accepted it, or undefined when they did not. */
  accepted: { value: unknown } | undefined;
  /** What was too long to check in full (src/validate/bounded-payload.ts): reported after the rules, and then there is no `value`. */
  truncations: readonly Truncation[];
}

const byTarget: Partial<Record<OperationName, Partial<Record<Kind, { rules: readonly AnyRule[]; context: RuleContext }>>>> = {};

/** The rules of an operation's kind, and their context when there is no HTTP status: made once. */
function target(operation: OperationName, kind: Kind) {
  const byKind = (byTarget[operation] ??= {});
  return (byKind[kind] ??= { rules: rulesFor(operation, kind), context: Object.freeze({ operation, kind }) });
}

/**
 * Runs the documented rules after the member checks and puts the result together. The rules read
 * `subject`: the payload when it is an object (or a copy of its members, see VIEWS in
 * src/compiled/generated/check.ts), undefined when it is not (then no rule applies).
 */
export function withRules<T>(operation: OperationName, kind: Kind, subject: Record<string, unknown> | undefined, options: ValidateOptions, found: MemberFindings): CheckResult<T> {
  const issues = found.issues;
  if (subject) {
    const { rules, context: shared } = target(operation, kind);
    const context: RuleContext =
      options.httpStatus === undefined && options.now === undefined
        ? shared
        : { operation, kind, ...(options.httpStatus === undefined ? {} : { httpStatus: options.httpStatus }), ...(options.now === undefined ? {} : { now: options.now }) };
    for (const rule of rules) {
      for (const finding of rule.check(subject, context)) {
        // A finding's path is the rule's fresh array: it becomes the issue's.
        const code = finding.code ?? rule.code;
        const issue = issueAt(code, finding.code ? scheduleCodes[finding.code].severity : rule.severity, finding.path as PathSegment[], finding.params ?? {}, rule.id);
        if (finding.span) issue.span = finding.span;
        issues.push(issue);
      }
    }
  }
  for (const t of found.truncations) issues.push(notCheckedIssue(t));
  let valid = true;
  for (const issue of issues) if (issue.severity === 'error') valid = false;
  const result: CheckResult<T> = { valid, issues, representation: found.representation, unknown: found.unknown };
  if (valid && found.accepted && found.truncations.length === 0) result.value = found.accepted.value as T;
  return result;
}

/** A getter or proxy that throws while we read the payload: reported, never thrown. */
export function unreadable(error: unknown): CheckResult<never> {
  const reason = error instanceof Error ? error.message : String(error);
  return { valid: false, issues: [makeIssue('unreadable_value', fieldCodes.unreadable_value.severity, [], { reason })], representation: {}, unknown: [] };
}

/**
 * Checks a payload of `operation` against its contract: every constraint of AWS's service model
 * and every documented rule. All issues are reported; a field error never hides a rule. Each issue
 * is worded in the API's names; checkPayload gives them as data, for a report in a file's own names.
 */
export function validate<O extends OperationName, K extends Kind>(
  operation: O,
  kind: K,
  payload: unknown,
  options: ValidateOptions = {},
): ValidationResult<PayloadOf<O, K>> {
  return worded(checkPayload(operation, kind, payload, options));
}

/**
 * A check's result as validate() gives it, its issues worded in the API's names. The result must be
 * the caller's own (a fresh one): its issues are worded in place, as copying it measured 3-4% slower
 * on invalid payloads.
 */
export function worded<T>(result: CheckResult<T>): ValidationResult<T> {
  const issues: (IssueData | Issue)[] = result.issues;
  for (let i = 0; i < issues.length; i++) issues[i] = wordIssue(issues[i]!);
  return result as unknown as ValidationResult<T>;
}

/**
 * validate() with its issues as data: what lint and the other reports word once, in the names of
 * the file they are about.
 *
 * The member constraints run as code compiled from the Zod schemas (src/compiled/, regenerated by
 * `npm run generate`), which reports exactly what the schemas themselves report
 * (test/support/validate-zod.ts, checked case by case in test/compiled/).
 */
export function checkPayload<O extends OperationName, K extends Kind>(
  operation: O,
  kind: K,
  payload: unknown,
  options: ValidateOptions = {},
): CheckResult<PayloadOf<O, K>> {
  checkArguments(operation, kind, options);
  try {
    const run = newRun(options.representation === 'sdk');
    const root = rootShape(operation, kind, kind === 'error' ? errorTypeOf(payload) : undefined);
    CHECKS[root]!(payload, run);
    const truncations = run.truncations ?? [];
    const clean = run.issues.length === 0 && run.unknown.length === 0 && !run.rejected && truncations.length === 0;
    let value = payload;
    if (clean && run.textBlobs) for (const { path, text } of run.textBlobs) value = withValueAt(value, path, new TextEncoder().encode(text));
    const issues = run.later.length ? [...run.issues, ...run.later] : run.issues;
    // The rules read what the checks read: a payload too long to check in full, cut as they cut it.
    const read = truncations.length ? bounded(root, payload).payload : payload;
    // The rules read the root's members from a copy of one fixed shape: the same values, read faster.
    const subject = isRecord(read) ? VIEWS[root]!(read) : undefined;
    return withRules(operation, kind, subject, options, { issues, representation: run.representation, unknown: run.unknown, accepted: clean ? { value } : undefined, truncations });
  } catch (error) {
    return unreadable(error);
  }
}
