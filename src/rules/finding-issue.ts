import type { Code, DocumentedRuleId, Severity } from '../issues/codes.js';
import type { IssueData, Path } from '../issues/issue.js';
import { makeIssue } from '../issues/make.js';
import type { ParamsOf } from '../issues/params.js';
import type { Finding } from './types.js';

/** The issue of a rule's finding at the finding's path below `at`: the rule's code, severity and id, the finding's params. */
export function findingIssue<C extends Code>(rule: { id: DocumentedRuleId; code: C; severity: Severity }, finding: Finding<C>, at: Path = []): IssueData {
  // A finding leaves out params only when its code has none to give (src/issues/params.ts).
  return makeIssue(rule.code, rule.severity, [...at, ...finding.path], finding.params ?? ({} as ParamsOf<C>), rule.id);
}
