import { byPosition } from '../../issues/codes.js';
import { summarize, summaryLine, type FileReport } from '../file-report.js';
import { lineColumn, paint } from '../layout.js';
import { printable } from '../printable.js';

/** People's format: grouped by file, each issue with its line:column, severity, message, label and fix. */
export function renderText(reports: readonly FileReport[], options: { color: boolean }): string {
  const c = paint(options.color);
  const out: string[] = [];
  for (const report of reports) {
    const what = report.operation ? ` (${report.operation} ${report.kind})` : '';
    const file = printable(report.file);
    const sorted = [...report.issues].sort(byPosition);
    if (sorted.length === 0) {
      out.push(`${c('bold', file)}${what}: valid`);
      continue;
    }
    out.push(`${c('bold', file)}${what}: ${report.valid ? 'valid' : 'invalid'}`);
    const width = Math.max(...sorted.map((i) => lineColumn(i).length));
    for (const issue of sorted) {
      const where = lineColumn(issue).padEnd(width);
      const severity = c(issue.severity, issue.severity.padEnd(7));
      out.push(`  ${where}  ${severity}  ${printable(issue.message)}  ${c('dim', issue.rule ?? issue.code)}`);
      if (issue.hint) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c('dim', '↳')} ${printable(issue.hint)}`);
    }
  }
  out.push('', summaryLine(summarize(reports)));
  return out.join('\n') + '\n';
}
