import { byPosition, type Severity } from '../issues/codes.js';
import type { LocatedIssue } from '../readers/payload/payload-document.js';
import type { Kind, OperationName } from '../operations/index.js';
import type { Representation } from '../validate/validate.js';
import { printable, printableJson } from './printable.js';

/** One checked file (or one task in it), as `validate --format json` prints it. */
export interface FileReport {
  file: string;
  operation: OperationName | null;
  kind: Kind | null;
  valid: boolean;
  issues: LocatedIssue[];
  representation?: Representation;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const count = (s: Severity) => reports.reduce((n, r) => n + r.issues.filter((i) => i.severity === s).length, 0);
  return { files: new Set(reports.map((r) => r.file)).size, errors: count('error'), warnings: count('warning'), infos: count('info') };
}

export function renderJson(reports: readonly FileReport[]): string {
  return printableJson({ results: reports, summary: summarize(reports) }) + '\n';
}

const COLORS = { error: 31, warning: 33, info: 36, bold: 1, dim: 2 } as const;

export function paint(on: boolean) {
  return (style: keyof typeof COLORS, text: string) => (on ? `\x1b[${COLORS[style]}m${text}\x1b[0m` : text);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `1 error, 0 warnings, 2 infos`: the end of every command's summary line. */
export function countsText(s: Pick<Summary, 'errors' | 'warnings' | 'infos'>): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
}

/** `2 files checked: ...`; `noun` names what was checked when it is not files. */
export function summaryLine(s: Summary, noun = 'file'): string {
  return `${plural(s.files, noun)} checked: ${countsText(s)}`;
}

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
    const width = Math.max(...sorted.map((i) => (i.line ? `${i.line}:${i.column}`.length : 1)));
    for (const issue of sorted) {
      const where = (issue.line ? `${issue.line}:${issue.column}` : '-').padEnd(width);
      const severity = c(issue.severity, issue.severity.padEnd(7));
      out.push(`  ${where}  ${severity}  ${printable(issue.message)}  ${c('dim', issue.rule ?? issue.code)}`);
      if (issue.hint) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${c('dim', '↳')} ${printable(issue.hint)}`);
    }
  }
  out.push('', summaryLine(summarize(reports)));
  return out.join('\n') + '\n';
}
