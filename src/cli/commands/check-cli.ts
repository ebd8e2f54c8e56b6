import { parseArgs } from 'node:util';
import { checkCommandLine, printableRequest } from '../../readers/aws-cli/check-command-line.js';
import type { FileAccess } from '../../readers/aws-cli/files.js';
import { operations } from '../../operations/index.js';
import { CLI_PROFILES, type CliVersion } from '../../readers/aws-cli/versions.js';
import { errorCode } from '../../values/thrown.js';
import { EXIT, UsageError, useColor, type Io } from '../io.js';
import { printableJson } from '../../report/printable.js';
import { readFileBytesSync } from '../../parse/text/read-file.js';
import { wholeNumber } from '../limit-options.js';
import { DEFAULT_LIMITS } from '../../parse/limits.js';
import { cliRefusalVerdict } from '../../issues/format.js';
import { renderCliJson } from '../../report/json/check-cli.js';
import { renderCliText } from '../../report/text/check-cli.js';

/** The command lines this checks, one per operation of the contract. */
const COMMAND_LINES = Object.values(operations).map((o) => `aws ssm ${o.cliCommand}`);

export const usage = `Usage: ssm-mw-contracts check-cli [options] -- aws ssm <command> <args...>

Reads one AWS CLI command line exactly as the AWS CLI reads it (shorthand, JSON,
file://, --cli-input-json, pagination flags) and checks the request it would send:
${COMMAND_LINES.map((c) => `${c} ...`).join('\n')}
Give the command's words after --, as your shell passes them.

Options:
      --print-request        print the JSON request the AWS CLI would send
  -f, --format FORMAT        text (default) or json
      --aws-cli VERSION      read the line as AWS CLI 2 (default: v2 as of 2.36.7),
                             2.9.19 or 1
      --max-depth N          read shorthand, JSON and YAML values nested at most
                             N deep (default ${DEFAULT_LIMITS.maxDepth}); a line with a deeper one is
                             not checked
  -h, --help                 show this help

Exit status: 0 no error, 1 an error was found (including a command line the AWS CLI
refuses), 2 usage error.
`;

function nodeFiles(): FileAccess {
  return {
    read(path) {
      // Only a regular file within the size limit is read: a named pipe would make the check wait forever.
      try {
        return readFileBytesSync(path);
      } catch (e) {
        return { errno: errorCode(e) ?? 'EIO' };
      }
    },
  };
}

const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);

export async function run(argv: string[], io: Io): Promise<number> {
  const dash = argv.indexOf('--');
  const own = dash < 0 ? argv : argv.slice(0, dash);
  const line = dash < 0 ? [] : argv.slice(dash + 1);
  const { values, positionals } = parseArgs({
    args: own,
    allowPositionals: true,
    options: {
      'print-request': { type: 'boolean' },
      format: { type: 'string', short: 'f', default: 'text' },
      'aws-cli': { type: 'string', default: '2' },
      'max-depth': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}"; use text or json`);
  const version = values['aws-cli'] as string;
  if (!Object.hasOwn(CLI_PROFILES, version)) throw new UsageError(`unknown AWS CLI version "${version}"; use 2, 2.9.19 or 1`);
  if (positionals.length > 0) throw new UsageError(`put the command line after --, e.g. check-cli -- aws ssm ${operations.RegisterTaskWithMaintenanceWindow.cliCommand} ...`);
  if (line.length === 0) throw new UsageError('no command line: give it after --, e.g. check-cli -- aws ssm describe-maintenance-window-execution-task-invocations --window-execution-id ID --task-id ID');

  const maxDepth = values['max-depth'] === undefined ? DEFAULT_LIMITS.maxDepth : wholeNumber('max-depth', values['max-depth'], 1);
  const check = checkCommandLine(line, { version: version as CliVersion, cwd: io.cwd, files: nodeFiles(), env: io.env, maxDepth });
  if (check.reading.outcome === 'other') {
    throw new UsageError(`not a command line this checks: expected aws ssm and one of ${Object.values(operations).map((o) => o.cliCommand).join(', ')}`);
  }
  const command = line.map(quote).join(' ');
  const request = check.request === undefined ? undefined : printableRequest(check.request);
  const sends = check.reading.outcome === 'request';
  if (values.format === 'json') {
    io.stdout(renderCliJson({ command, version, check, request, printRequest: Boolean(values['print-request']) }));
  } else {
    const refused = check.reading.refusal ? cliRefusalVerdict(version, check.reading.refusal.exit) : undefined;
    io.stdout(renderCliText(command, check.operation, check.valid, refused, version, check.issues, useColor(io)));
    if (values['print-request']) {
      if (request === undefined) io.stdout('\nThe AWS CLI sends no request for this command line.\n');
      else {
        const what = sends ? 'The request the AWS CLI sends' : 'The request the AWS CLI builds, then refuses';
        const token = check.reading.notes.some((n) => n.kind === 'client-token') ? ' (plus a ClientToken that botocore fills with a random UUID)' : '';
        io.stdout(`\n${what}${token}:\n${printableJson(request)}\n`);
      }
    }
  }
  return check.valid ? EXIT.clean : EXIT.findings;
}
