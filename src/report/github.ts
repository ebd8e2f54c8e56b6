import type { FileFindings } from '../issues/located.js';
import { findingsOf, summarize as summarizeLint, type LintReport } from '../lint/engine.js';
import { context } from './layout.js';
import { summaryLine as lintSummaryLine } from './text/lint.js';
import { printable } from './printable.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Workflow command escaping (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts),
 * of text already printable(): its controls are escapes, so the line breaks left are the ones written here.
 */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions annotations (`::error file=...,line=...::message`), one per finding of each file
 * (in the order given: suppressed findings are the caller's to leave out), then the command's
 * summary line. Any command's findings, file by file (lint's today).
 */
export function renderGithub(files: readonly FileFindings[], summary: string): string {
  const out: string[] = [];
  for (const file of files) {
    for (const issue of file.findings) {
      const props = [`file=${property(printable(file.file))}`, ...(issue.line ? [`line=${issue.line}`, `col=${issue.column}`] : []), `title=${property(`${issue.rule ?? issue.code}${context(issue)}`)}`];
      out.push(`::${LEVEL[issue.severity]} ${props.join(',')}::${data(printable(issue.message) + (issue.hint ? `\n${printable(issue.hint)}` : ''))}`);
    }
  }
  out.push(summary);
  return out.join('\n') + '\n';
}

/** lint's findings as annotations: those not suppressed, in the order they are written. */
export function renderLintGithub(report: LintReport): string {
  return renderGithub(report.files.map((file) => ({ file: file.file, findings: findingsOf(file) })), lintSummaryLine(summarizeLint(report)));
}

