import type { RuleId } from '../rules/index.js';
import type { Code, Severity } from './codes.js';
import { formatIssue } from './format.js';
import { toPointer, type Issue, type Path } from './issue.js';

/** An issue with its pointer, message and hint (src/issues/format.ts). */
export function makeIssue(code: Code, severity: Severity, path: Path, params: Record<string, unknown>, rule?: RuleId): Issue {
  const { message, hint } = formatIssue(code, params, path);
  return {
    code,
    severity,
    path: [...path],
    pointer: toPointer(path),
    message,
    ...(hint ? { hint } : {}),
    params,
    ...(rule ? { rule } : {}),
  };
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
