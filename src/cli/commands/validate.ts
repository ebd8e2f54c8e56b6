import { parseArgs } from 'node:util';
import { checkPayloadText, type PayloadFileReport } from '../../payload-files/check-payload-text.js';
import { OPERATION_NAMES, OPERATIONS } from '../../compiled/generated/shapes.js';
import { makeIssue, wordIssue } from '../../issues/make.js';
import type { OperationName } from '../../operations/index.js';
import { KINDS, type Kind } from '../../operations/kinds.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';
import { failedOnFile, messageOf } from '../../values/thrown.js';
import { LIMIT_OPTIONS, LIMITS_USAGE, limitsOf } from '../limit-options.js';
import { printable } from '../../report/printable.js';
import { InputFileError } from '../../parse/text/read-file.js';
import type { FileReport } from '../../report/file-report.js';
import { renderJson } from '../../report/json/validate.js';
import { renderText } from '../../report/text/validate.js';

export const usage = `Usage: ssm-mw-contracts validate [options] FILE...

Checks API payloads (JSON or YAML) of the maintenance-window operations against
their contract (an unknown --operation lists them). FILE may be - for standard input.

Options:
  -o, --operation NAME   the operation (its API name or AWS CLI command name);
                         inferred from the payload's members when omitted
  -k, --kind KIND        request, response or error; inferred when omitted
      --http-status N    the HTTP status that came with an error body
  -f, --format FORMAT    text (default) or json
${LIMITS_USAGE}
  -h, --help             show this help

Exit status: 0 no error, 1 an error was found, 2 usage error or unreadable input
(a missing file, one that is not UTF-8 text, not valid JSON or YAML, or beyond a limit).
`;

export function parseOperation(name: string): OperationName {
  const wanted = name.toLowerCase();
  const found = OPERATION_NAMES.find((op) => op.toLowerCase() === wanted || OPERATIONS[op].cliCommand === wanted);
  if (!found) throw new UsageError(`unknown operation "${name}"; use one of ${OPERATION_NAMES.join(', ')} (or the AWS CLI command name)`);
  return found;
}

export function parseKind(kind: string): Kind {
  if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown kind "${kind}"; use ${KINDS.join(', ')}`);
  return kind as Kind;
}

function toFileReport(r: PayloadFileReport): FileReport {
  return {
    file: r.file,
    operation: r.target?.operation ?? null,
    kind: r.target?.kind ?? null,
    valid: r.valid,
    issues: r.issues,
    ...(r.representation && Object.keys(r.representation).length > 0 ? { representation: r.representation } : {}),
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      operation: { type: 'string', short: 'o' },
      kind: { type: 'string', short: 'k' },
      'http-status': { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      ...LIMIT_OPTIONS,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}"; use text or json`);
  if (positionals.length === 0) throw new UsageError('no input: give a FILE, or - for standard input');
  const limits = limitsOf(values);
  const operation = values.operation === undefined ? undefined : parseOperation(values.operation);
  const kind = values.kind === undefined ? undefined : parseKind(values.kind);
  let httpStatus: number | undefined;
  if (values['http-status'] !== undefined) {
    httpStatus = Number(values['http-status']);
    if (!Number.isInteger(httpStatus) || httpStatus < 100 || httpStatus > 599) throw new UsageError(`--http-status must be an HTTP status code, not "${values['http-status']}"`);
  }

  const reports: PayloadFileReport[] = [];
  for (const file of positionals) {
    const name = file === '-' ? '<stdin>' : file;
    let text: string;
    try {
      text = file === '-' ? await io.readStdin(limits) : await io.readFile(file, limits);
    } catch (error) {
      const reason = messageOf(error);
      const issue = wordIssue(makeIssue('unreadable', 'error', [], { reason }));
      const at = error instanceof InputFileError && error.position ? error.position : {};
      reports.push({ file: name, target: null, valid: false, issues: [{ ...issue, ...at }], inputProblem: 'unreadable' });
      continue;
    }
    try {
      reports.push(checkPayloadText(text, { file: name, limits, ...(operation ? { operation } : {}), ...(kind ? { kind } : {}), ...(httpStatus !== undefined ? { httpStatus } : {}) }));
    } catch (error) {
      // A failure of this tool on one file must not hide the other files' results.
      const issue = wordIssue(makeIssue('unreadable', 'error', [], { reason: failedOnFile('checking it', error) }));
      reports.push({ file: name, target: null, valid: false, issues: [issue], inputProblem: 'unreadable' });
    }
  }

  const fileReports = reports.map(toFileReport);
  io.stdout(values.format === 'json' ? renderJson(fileReports) : renderText(fileReports, { color: useColor(io) }));
  for (const r of reports) {
    if (r.inputProblem) {
      const first = r.issues[0]!;
      const where = first.line ? `:${first.line}:${first.column}` : '';
      io.stderr(`ssm-mw-contracts: ${printable(r.file)}${where}: ${printable(first.message)}${first.hint ? ' ' + printable(first.hint) : ''}\n`);
    }
  }
  if (reports.some((r) => r.inputProblem)) return EXIT.usage;
  return reports.some((r) => !r.valid) ? EXIT.findings : EXIT.clean;
}
