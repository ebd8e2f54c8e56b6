import { byPosition } from '../../issues/codes.js';
import { exchangeLabel, exchangeSummary, exchangeSummaryLine, type ExchangeFileResult } from '../exchange-files.js';
import { lineColumn, paint } from '../layout.js';
import { printable } from '../printable.js';

/** People's format for `exchange`: each exchange with its verdict, then its findings with the part of the exchange they are in. */
export function renderExchangeText(results: readonly ExchangeFileResult[], color: boolean): string {
  const c = paint(color);
  const out: string[] = [];
  for (const { file, recorded } of results) {
    if (!recorded) continue;
    if (recorded.reports.length === 0) out.push(`${c('bold', printable(file))}: no call to SSM`);
    for (const report of recorded.reports) {
      const issues = [...report.issues].sort(byPosition);
      out.push(`${c('bold', exchangeLabel(file, recorded.format, report))}: ${report.valid ? 'valid' : 'invalid'}`);
      if (issues.length === 0) continue;
      const width = Math.max(...issues.map((i) => lineColumn(i).length));
      for (const issue of issues) {
        const where = lineColumn(issue).padEnd(width);
        out.push(`  ${where}  ${c(issue.severity, issue.severity.padEnd(7))}  ${issue.part.padEnd(8)}  ${printable(issue.message)}  ${c('dim', issue.rule ?? issue.code)}`);
        if (issue.hint) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${' '.repeat(8)}  ${c('dim', '↳')} ${printable(issue.hint)}`);
      }
    }
  }
  if (out.length > 0) out.push('');
  out.push(exchangeSummaryLine(exchangeSummary(results)));
  return out.join('\n') + '\n';
}
