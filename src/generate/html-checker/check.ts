import { summarize, type FileReport } from '../../report/file-report.js';
import { countsText } from '../../report/layout.js';
import { renderText } from '../../report/text/validate.js';
import { printable } from '../../report/printable.js';
import { checkPayloadText } from '../../payload-files/check-payload-text.js';
import { byPosition, type Severity } from '../../issues/codes.js';
import { displayPath } from '../../issues/issue.js';
import type { OperationName } from '../../operations/index.js';
import type { Kind } from '../../operations/kinds.js';
import { PASTED_NAME } from './ids.js';

/*
 * What the reference page's checker does with a pasted payload, without the page: the same steps as
 * `ssm-mw-contracts validate -` (parse JSON or YAML with positions, infer the operation and kind
 * unless chosen, validate(), place each issue at its line and column), and the same text as its
 * output (src/issues/format.ts words the issues, src/report/file-report.ts and layout.ts the summary). Pure, so that it
 * is tested in Node as well as in the page.
 */

export interface Choice {
  /** Undefined: inferred from the payload's members, as the command line does without --operation. */
  operation?: OperationName;
  kind?: Kind;
  /** The HTTP status that came with an error body (--http-status). */
  httpStatus?: number;
}

/** One finding as the page shows it: every text as the command line prints it. */
export interface Finding {
  line?: number;
  column?: number;
  /** `1:15`, or `-` when the finding has no place in the text (as the command line writes it). */
  where: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** The rule id when a documented rule raised it, else the code: what the command line prints after the message. */
  label: string;
  code: string;
  /** The member, as AWS's messages write paths (`Targets[0].Key`); empty for the payload as a whole. */
  path: string;
}

export interface PastedCheck {
  /** What the payload was checked as; null when it could not be (not JSON or YAML, or not recognized). */
  operation: OperationName | null;
  kind: Kind | null;
  /** Whether the operation and kind were inferred (rather than both chosen). */
  inferred: boolean;
  valid: boolean;
  /** Ordered as the command line orders them: by line, column, then severity. */
  findings: Finding[];
  /** `1 error, 1 warning, 1 info`. */
  counts: string;
  /** The whole of `ssm-mw-contracts validate`'s text output for this payload, the file named PASTED_NAME. */
  cliText: string;
}

export function checkPasted(text: string, choice: Choice = {}): PastedCheck {
  const report = checkPayloadText(text, {
    file: PASTED_NAME,
    ...(choice.operation ? { operation: choice.operation } : {}),
    ...(choice.kind ? { kind: choice.kind } : {}),
    ...(choice.httpStatus !== undefined ? { httpStatus: choice.httpStatus } : {}),
  });
  const fileReport: FileReport = { file: report.file, operation: report.target?.operation ?? null, kind: report.target?.kind ?? null, valid: report.valid, issues: report.issues };
  const findings = [...report.issues].sort(byPosition).map((issue): Finding => ({
    ...(issue.line ? { line: issue.line, column: issue.column! } : {}),
    where: issue.line ? `${issue.line}:${issue.column}` : '-',
    severity: issue.severity,
    message: printable(issue.message),
    ...(issue.hint ? { hint: printable(issue.hint) } : {}),
    label: issue.rule ?? issue.code,
    code: issue.code,
    path: printable(displayPath(issue.path)),
  }));
  return {
    operation: fileReport.operation,
    kind: fileReport.kind,
    inferred: !(choice.operation && choice.kind),
    valid: report.valid,
    findings,
    counts: countsText(summarize([fileReport])),
    cliText: renderText([fileReport], { color: false }),
  };
}
