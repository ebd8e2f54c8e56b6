import { exchangeSummary, type ExchangeFileResult } from '../exchange-files.js';
import { printableJson } from '../printable.js';

/** `exchange --format json`: one result per exchange, with the file it is in, then the counts. */
export function renderExchangeJson(results: readonly ExchangeFileResult[]): string {
  const out = results.flatMap(({ file, recorded }) => (recorded?.reports ?? []).map((report) => ({ file, ...report })));
  return printableJson({ results: out, summary: exchangeSummary(results) }) + '\n';
}
