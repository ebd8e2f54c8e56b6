import { severityCounts } from '../issues/codes.js';
import type { RecordedFile, RecordedReport } from '../exchange/recorded.js';
import { countsText, plural } from './layout.js';
import { printable } from './printable.js';

/*
 * What `exchange` reports of each recording file, and its counts: what its renderers
 * (text/exchange.ts, json/exchange.ts) show.
 */

export interface ExchangeFileResult {
  file: string;
  recorded?: RecordedFile;
  /** Why the file could not be read as exchanges. */
  problem?: string;
}

export interface ExchangeSummary {
  exchanges: number;
  errors: number;
  warnings: number;
  infos: number;
  /** HAR entries that are not calls to SSM. */
  skipped: number;
}

export function exchangeSummary(results: readonly ExchangeFileResult[]): ExchangeSummary {
  const reports = results.flatMap((r) => r.recorded?.reports ?? []);
  const skipped = results.reduce((n, r) => n + (r.recorded?.skipped ?? 0), 0);
  return { exchanges: reports.length, ...severityCounts(reports.flatMap((r) => r.issues)), skipped };
}

/** `2 exchanges checked (1 other HAR entry skipped): ...` */
export function exchangeSummaryLine(s: ExchangeSummary): string {
  const skipped = s.skipped > 0 ? ` (${s.skipped} other HAR ${s.skipped === 1 ? 'entry' : 'entries'} skipped)` : '';
  return `${plural(s.exchanges, 'exchange')} checked${skipped}: ${countsText(s)}`;
}

/** Which exchange of a file: its place in the file (a HAR entry, an item of a list), its target and HTTP status. */
export function exchangeLabel(file: string, format: RecordedFile['format'], report: RecordedReport): string {
  const where = report.entry === undefined ? file : `${file} ${format === 'har' ? 'log.entries' : ''}[${report.entry}]`;
  const status = report.status === undefined ? '' : ` → ${report.status}`;
  return printable(`${where} (${report.target ?? 'no X-Amz-Target'}${status})`);
}

