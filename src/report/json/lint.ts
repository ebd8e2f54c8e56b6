import { printableJson } from '../printable.js';
import { summarize, type LintReport } from '../../lint/engine.js';

/**
 * The `validate --format json` shape, one result per task (and one per file for findings about the
 * file itself, with the tasks it declares that were not checked), each issue with its line, column
 * and resource; suppressed findings are listed apart, with what suppressed them. A task says whether
 * it was checked `fully` or `partly`; the summary counts both, and the tasks not checked.
 */
export function renderJson(report: LintReport): string {
  const results = report.files.flatMap((file) => [
    ...(file.issues.length > 0 || file.suppressed.length > 0 || file.tasks.length === 0
      ? [
          {
            file: file.file,
            reader: file.reader,
            resource: null,
            operation: null,
            kind: null,
            valid: !file.issues.some((i) => i.severity === 'error'),
            ...(file.unchecked.length > 0 ? { unchecked: file.unchecked } : {}),
            issues: file.issues,
            suppressed: file.suppressed,
          },
        ]
      : []),
    ...file.tasks.map((t) => ({
      file: t.file,
      reader: t.reader,
      resource: t.resource,
      operation: t.operation,
      kind: t.kind,
      ...(t.condition !== undefined ? { condition: t.condition } : {}),
      variants: t.variants,
      line: t.location.line,
      column: t.location.column,
      valid: t.valid,
      checked: t.checked,
      issues: t.issues,
      suppressed: t.suppressed,
      ...(t.schedules ? { schedules: t.schedules } : {}),
    })),
  ]);
  return printableJson({ results, summary: summarize(report) }) + '\n';
}
