import { parseArgs } from 'node:util';
import { DocumentError } from '../../parse/document.js';
import { checkRecordedText } from '../../exchange/recorded.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';
import { printable } from '../../report/printable.js';
import { InputFileError } from '../../parse/text/read-file.js';
import type { ExchangeFileResult } from '../../report/exchange-files.js';
import { renderExchangeJson } from '../../report/json/exchange.js';
import { renderExchangeText } from '../../report/text/exchange.js';

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

  const results: ExchangeFileResult[] = [];
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

  io.stdout(values.format === 'json' ? renderExchangeJson(results) : renderExchangeText(results, useColor(io)));
  for (const r of results) if (r.problem) io.stderr(`ssm-mw-contracts: ${printable(r.problem)}\n`);
  if (results.some((r) => r.problem)) return EXIT.usage;
  return results.some((r) => r.recorded?.reports.some((report) => !report.valid)) ? EXIT.findings : EXIT.clean;
}
