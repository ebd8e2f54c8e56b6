import { severityCounts, severityRank } from '../../issues/codes.js';
import { awsCliName } from '../../issues/format.js';
import type { CliIssue } from '../../readers/aws-cli/check-command-line.js';
import { summaryLine } from '../file-report.js';
import { paint } from '../layout.js';
import { printable } from '../printable.js';

/**
 * People's format for `check-cli`: the command line and its verdict (with the AWS CLI's own refusal
 * first), then each finding at the argument it is in, with the AWS CLI's own words where it has them.
 */
export function renderCliText(command: string, operation: string | undefined, valid: boolean, refused: string | undefined, version: string, issues: readonly CliIssue[], color: boolean): string {
  const c = paint(color);
  const out: string[] = [];
  const order = (i: CliIssue) => i.at?.word ?? 0;
  const sorted = [...issues].sort((a, b) => order(a) - order(b) || (a.at?.offset ?? 0) - (b.at?.offset ?? 0) || severityRank[b.severity] - severityRank[a.severity]);
  // A line the AWS CLI refuses says so first, with the exit status a script would see.
  const verdict = sorted.length === 0 || valid ? 'valid' : 'invalid';
  out.push(`${c('bold', printable(command))}${operation ? ` (${operation} request)` : ''}: ${verdict}${refused ? `; ${refused}` : ''}`);
  const where = (i: CliIssue) => printable(i.argument ?? (i.at ? `word ${i.at.word}` : '(command)'));
  const width = Math.max(0, ...sorted.map((i) => where(i).length));
  for (const issue of sorted) {
    out.push(`  ${where(issue).padEnd(width)}  ${c(issue.severity, issue.severity.padEnd(7))}  ${printable(issue.message)}  ${c('dim', issue.rule ?? issue.code)}`);
    // The CLI's own rendering of a shorthand error: the value with a caret under the failing character.
    const detail = issue.code === 'cli_refused' ? String(issue.params.reason ?? '').split('\n').slice(1) : [];
    // botocore's own line, when the AWS CLI refuses the line for this finding's reason.
    if (typeof issue.params.awsCli === 'string') detail.push(`${awsCliName(version)}: ${issue.params.awsCli}`);
    for (const l of detail) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c('dim', '│')} ${printable(l)}`);
    if (issue.hint) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c('dim', '↳')} ${printable(issue.hint)}`);
  }
  out.push('', summaryLine({ files: 1, ...severityCounts(issues) }, 'command line'));
  return out.join('\n') + '\n';
}
