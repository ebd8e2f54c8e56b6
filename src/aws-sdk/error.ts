import { severityRank } from '../issues/codes.js';
import { displayPath, type Issue } from '../issues/issue.js';
import type { OperationName } from '../operations/index.js';

function describe(operation: OperationName, issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const sorted = [...issues].sort((a, b) => severityRank[b.severity] - severityRank[a.severity]);
  const lines = sorted.map((i) => {
    const where = displayPath(i.path);
    return `  ${i.severity.padEnd(7)} ${i.message}${i.hint ? ` ${i.hint}` : ''} (${i.rule ?? i.code}${where ? ` at ${where}` : ''})`;
  });
  return `${operation} request breaks its contract with ${errors} error${errors === 1 ? '' : 's'}; it was not sent:\n${lines.join('\n')}`;
}

/**
 * Thrown by the pre-flight middleware, before anything is serialized, signed or sent, when the
 * input of a command breaks the contract. `issues` holds every issue found, errors and the
 * warnings and infos that came with them; the message lists them all, errors first.
 */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  /** As on the SDK's own errors: the caller is at fault, and retrying cannot help. */
  readonly $fault = 'client';
  readonly operation: OperationName;
  readonly issues: readonly Issue[];

  constructor(operation: OperationName, issues: readonly Issue[]) {
    super(describe(operation, issues));
    this.operation = operation;
    this.issues = issues;
  }
}
