import { printable } from '../printable.js';
import { findingsOf, summarize, type LintReport } from '../../lint/engine.js';
import { context, summaryLine } from './text.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Workflow command escaping (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts),
 * of text already printable(): its controls are escapes, so the line breaks left are the ones written here.
 */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations (`::error file=...,line=...::message`), one per finding, then the summary. */
export function renderGithub(report: LintReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const issue of findingsOf(file)) {
      const props = [`file=${property(printable(file.file))}`, ...(issue.line ? [`line=${issue.line}`, `col=${issue.column}`] : []), `title=${property(`${issue.rule ?? issue.code}${context(issue)}`)}`];
      out.push(`::${LEVEL[issue.severity]} ${props.join(',')}::${data(printable(issue.message) + (issue.hint ? `\n${printable(issue.hint)}` : ''))}`);
    }
  }
  out.push(summaryLine(summarize(report)));
  return out.join('\n') + '\n';
}
