import type { Code, Severity } from './codes.js';
import { formatIssue } from './format.js';
import type { ParamsOf } from './params.js';
import { toPointer, type Issue, type Path, type PathSegment } from './issue.js';

/** An issue with its pointer, message and hint (src/issues/format.ts). */
export function makeIssue<C extends Code>(code: C, severity: Severity, path: Path, params: ParamsOf<C>, rule?: Issue['rule']): Issue {
  return issueAt(code, severity, [...path], params, rule);
}

/** makeIssue for a path array that is the caller's to give away (a fresh one): it becomes the issue's. */
export function issueAt<C extends Code>(code: C, severity: Severity, path: PathSegment[], params: ParamsOf<C>, rule?: Issue['rule']): Issue {
  const { message, hint } = formatIssue(code, params, path);
  const pointer = toPointer(path);
  const issue: Issue = hint ? { code, severity, path, pointer, message, hint, params } : { code, severity, path, pointer, message, params };
  if (rule) issue.rule = rule;
  return issue;
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
