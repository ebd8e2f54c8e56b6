import { formatIssue } from '../../src/issues/format.js';
import type { IssueData, Path } from '../../src/issues/issue.js';
import type { ParamsOf } from '../../src/issues/params.js';
import { wordIssue } from '../../src/issues/make.js';
import { namingOf } from '../../src/lint/engine.js';
import { pointsAt } from '../../src/readers/rule-catalog.js';
import type { FoundTask, ReadResult } from '../../src/readers/reader.js';
import { validate } from '../../src/validate/validate.js';

/*
 * What `lint` will do with a reader's result (issue 4 builds the engine): validate each task,
 * add the reader's own findings, drop the suppressed ones, and place each finding where the file
 * writes its path or the nearest written parent.
 */

export interface Placed {
  rule?: string;
  code: IssueData['code'];
  severity: IssueData['severity'];
  path: Path;
  line?: number;
  column?: number;
  sourcePath?: Path;
  /** The message in the file's own names (its path and, where the reader gives them, its params). */
  message: string;
  hint?: string;
  resource: string;
  variant?: string;
}

export function place(task: FoundTask, issue: IssueData): Placed {
  const target = pointsAt(issue.code);
  for (let n = issue.path.length; n >= 0; n--) {
    const at = task.locate(issue.path.slice(0, n), target);
    if (at) {
      const sourcePath = at.sourcePath ? [...at.sourcePath, ...issue.path.slice(n)] : undefined;
      const text = formatIssue(issue.code, issue.params as ParamsOf<typeof issue.code>, sourcePath ?? issue.path, namingOf(task));
      return {
        ...(issue.rule ? { rule: issue.rule } : {}),
        code: issue.code,
        severity: issue.severity,
        path: issue.path,
        line: at.location.line,
        column: at.location.column,
        ...(sourcePath ? { sourcePath } : {}),
        message: text.message,
        ...(text.hint ? { hint: text.hint } : {}),
        resource: task.resource,
        ...(task.variant ? { variant: task.variant } : {}),
      };
    }
  }
  return { ...(issue.rule ? { rule: issue.rule } : {}), code: issue.code, severity: issue.severity, path: issue.path, message: wordIssue(issue).message, resource: task.resource };
}

/** Every finding of every task, as lint would report it. */
export function findingsOf(result: ReadResult): Placed[] {
  return [...result.tasks].flatMap((task) => {
    const issues = [...task.issues, ...validate(task.operation, task.kind, task.payload, task.validateOptions).issues];
    const suppressed = new Set(task.suppressed ?? []);
    return issues.filter((i) => !suppressed.has(i.code) && !(i.rule && suppressed.has(i.rule))).map((i) => place(task, i));
  });
}

/** Findings as `RULE-or-code@line` strings, sorted: short assertions on what was found and where. */
export function summary(result: ReadResult, severities: readonly IssueData['severity'][] = ['error', 'warning', 'info']): string[] {
  return findingsOf(result)
    .filter((f) => severities.includes(f.severity))
    .map((f) => `${f.rule ?? f.code}@${f.line}`)
    .sort();
}
