import { printableJson } from '../printable.js';
import { summarize, type FileReport } from '../file-report.js';

/** `validate --format json`: each file's result with its located issues, then the counts. */
export function renderJson(reports: readonly FileReport[]): string {
  return printableJson({ results: reports, summary: summarize(reports) }) + '\n';
}
