import { parseArgs } from 'node:util';
import { DocumentError } from '../../parse/document.js';
import { byPosition, type Severity } from '../../issues/codes.js';
import { checkRecordedText, type RecordedFile, type RecordedReport } from '../../exchange/recorded.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';
import { printable, printableJson } from '../../report/printable.js';
import { InputFileError } from '../../parse/text/read-file.js';
import { countsText, paint, plural } from '../../report/file-report.js';

export const usage = `Usage: ssm-mw-contracts exchange [options] FILE...

Checks recorded HTTP exchanges with SSM against the contract: routes each request by its
X-Amz-Target header, validates the request body, then the response or error body and its
HTTP status, and says which part of the exchange breaks the contract.
FILE may be - for standard input. It holds one of:
  - HTTP message text: the request, optionally followed by the response
  - a HAR file (browser, mitmproxy or Charles export): every call to SSM in it
  - JSON exchanges: {"target", "request", "status", "response"}, or a list of them

Options:
  -f, --format FORMAT    text (default) or json
  -h, --help             show this help

Exit status: 0 no error, 1 an error was found, 2 usage error or unreadable input.
`;

interface FileResult {
  file: string;
  recorded?: RecordedFile;
  /** Why the file could not be read as exchanges. */
  problem?: string;
}

function summary(results: FileResult[]) {
  const reports = results.flatMap((r) => r.recorded?.reports ?? []);
  const count = (s: Severity) => reports.reduce((n, r) => n + r.issues.filter((i) => i.severity === s).length, 0);
  const skipped = results.reduce((n, r) => n + (r.recorded?.skipped ?? 0), 0);
  return { exchanges: reports.length, errors: count('error'), warnings: count('warning'), infos: count('info'), skipped };
}

function label(file: string, format: RecordedFile['format'], report: RecordedReport): string {
  const where = report.entry === undefined ? file : `${file} ${format === 'har' ? 'log.entries' : ''}[${report.entry}]`;
  const status = report.status === undefined ? '' : ` → ${report.status}`;
  return printable(`${where} (${report.target ?? 'no X-Amz-Target'}${status})`);
}

function renderText(results: FileResult[], color: boolean): string {
  const c = paint(color);
  const out: string[] = [];
  for (const { file, recorded } of results) {
    if (!recorded) continue;
    if (recorded.reports.length === 0) out.push(`${c('bold', printable(file))}: no call to SSM`);
    for (const report of recorded.reports) {
      const issues = [...report.issues].sort(byPosition);
      out.push(`${c('bold', label(file, recorded.format, report))}: ${report.valid ? 'valid' : 'invalid'}`);
      if (issues.length === 0) continue;
      const width = Math.max(...issues.map((i) => (i.line ? `${i.line}:${i.column}`.length : 1)));
      for (const issue of issues) {
        const where = (issue.line ? `${issue.line}:${issue.column}` : '-').padEnd(width);
        out.push(`  ${where}  ${c(issue.severity, issue.severity.padEnd(7))}  ${issue.part.padEnd(8)}  ${printable(issue.message)}  ${c('dim', issue.rule ?? issue.code)}`);
        if (issue.hint) out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${' '.repeat(8)}  ${c('dim', '↳')} ${printable(issue.hint)}`);
      }
    }
  }
  const s = summary(results);
  const skipped = s.skipped > 0 ? ` (${s.skipped} other HAR ${s.skipped === 1 ? 'entry' : 'entries'} skipped)` : '';
  if (out.length > 0) out.push('');
  out.push(`${plural(s.exchanges, 'exchange')} checked${skipped}: ${countsText(s)}`);
  return out.join('\n') + '\n';
}

function renderJson(results: FileResult[]): string {
  const out = results.flatMap(({ file, recorded }) => (recorded?.reports ?? []).map((report) => ({ file, ...report })));
  return printableJson({ results: out, summary: summary(results) }) + '\n';
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}"; use text or json`);
  if (positionals.length === 0) throw new UsageError('no input: give a FILE, or - for standard input');

  const results: FileResult[] = [];
  for (const file of positionals) {
    const name = file === '-' ? '<stdin>' : file;
    try {
      const text = file === '-' ? await io.readStdin() : await io.readFile(file);
      results.push({ file: name, recorded: checkRecordedText(text) });
    } catch (error) {
      if (error instanceof DocumentError) results.push({ file: name, problem: `${name}:${error.position.line}:${error.position.column}: ${error.message}` });
      else if (error instanceof InputFileError) results.push({ file: name, problem: `${name}: cannot read the file: ${error.message}` });
      else throw error;
    }
  }

  io.stdout(values.format === 'json' ? renderJson(results) : renderText(results, useColor(io)));
  for (const r of results) if (r.problem) io.stderr(`ssm-mw-contracts: ${printable(r.problem)}\n`);
  if (results.some((r) => r.problem)) return EXIT.usage;
  return results.some((r) => r.recorded?.reports.some((report) => !report.valid)) ? EXIT.findings : EXIT.clean;
}
