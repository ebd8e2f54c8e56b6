import type { Code, Severity } from './codes.js';
import { formatIssue, type Naming } from './format.js';
import type { ParamsOf } from './params.js';
import { toPointer, type Issue, type IssueData, type Path, type PathSegment } from './issue.js';

/** A finding as data, with its pointer: worded only when a report is made (`wordIssue`). */
export function makeIssue<C extends Code>(code: C, severity: Severity, path: Path, params: ParamsOf<C>, rule?: IssueData['rule']): IssueData {
  return issueAt(code, severity, [...path], params, rule);
}

/** makeIssue for a path array that is the caller's to give away (a fresh one): it becomes the issue's. */
export function issueAt<C extends Code>(code: C, severity: Severity, path: PathSegment[], params: ParamsOf<C>, rule?: IssueData['rule']): IssueData {
  const issue: IssueData = { code, severity, path, pointer: toPointer(path), params };
  if (rule) issue.rule = rule;
  return issue;
}

/**
 * The issue in words: its message and hint, with its path (and every member its params name) in the
 * names `naming` gives, by default the API's own; `at` is the path to word it at when the file
 * names it otherwise. The one place where an issue gets its text, as a report is made.
 *
 * `hint` says where the hint goes in the issue's keys, as each report's JSON has had it since its
 * first release: beside the message (validate, exchange, the SDK plugin), or after the facts (lint,
 * check-cli).
 */
export function wordIssue(issue: IssueData, naming?: Naming, at: Path = issue.path, hint: 'with-message' | 'last' = 'with-message'): Issue {
  const text = formatIssue(issue.code, issue.params as ParamsOf<Code>, at, naming);
  const { code, severity, path, pointer, params, rule, span } = issue;
  const worded: Issue = text.hint && hint === 'with-message' ? { code, severity, path, pointer, message: text.message, hint: text.hint, params } : { code, severity, path, pointer, message: text.message, params };
  if (rule) worded.rule = rule;
  if (span) worded.span = span;
  if (text.hint && hint === 'last') worded.hint = text.hint;
  return worded;
}

/** A short type token for messages (see RECEIVED in src/issues/format.ts). */
export function typeToken(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof Uint8Array) return 'bytes';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : 'Infinity';
  return typeof value;
}
