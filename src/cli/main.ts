import { errorCode, messageOf, stackOf } from '../values/thrown.js';
import { EXIT, USAGE_ERROR, UsageError, type Io } from './io.js';
import { printable } from '../report/printable.js';
import { VERSION } from './version.js';

interface Command {
  summary: string;
  load(): Promise<{ run(argv: string[], io: Io): Promise<number> }>;
}

/** Subcommands are loaded on demand, so each one starts without the others' code. */
export const COMMANDS: Record<string, Command> = {
  validate: { summary: 'check API payload files (JSON or YAML)', load: () => import('./commands/validate.js') },
  generate: { summary: 'write the JSON Schema, OpenAPI, docs and skeletons', load: () => import('./commands/generate.js') },
  skeleton: { summary: 'print an input or output skeleton, like the AWS CLI', load: () => import('./commands/skeleton.js') },
  'check-model': { summary: "compare SSM's service model with the schemas (drift check)", load: () => import('./commands/check-model.js') },
  exchange: { summary: 'check recorded HTTP exchanges with SSM (HTTP text, HAR, JSON)', load: () => import('./commands/exchange.js') },
  lint: { summary: 'find and check every task in a repository (CloudFormation, CDK, payloads)', load: () => import('./commands/lint.js') },
  'check-cli': { summary: 'check one `aws ssm ...` command line, read as the AWS CLI reads it', load: () => import('./commands/check-cli.js') },
  schedule: { summary: "say a maintenance window's schedule in words, with its next run times", load: () => import('./commands/schedule.js') },
};

export function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: ssm-mw-contracts <command> [options]

Checks AWS Systems Manager maintenance-window task payloads against their contract.

Commands:
${lines.join('\n')}

Run 'ssm-mw-contracts <command> --help' for a command's options.
`;
}

/** Runs the CLI and returns its exit status. Never throws: every failure is a one-line message. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? EXIT.usage : EXIT.clean;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.clean;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const { run } = await command.load();
    return await run(rest, io);
  } catch (error) {
    return failed(error, command ? name : undefined, io);
  }
}

/** What a command that threw prints: a usage error with the way to help, anything else as an internal error. Any value may have been thrown. */
function failed(error: unknown, command: string | undefined, io: Io): number {
  const code = errorCode(error);
  if (code === USAGE_ERROR || code?.startsWith('ERR_PARSE_ARGS')) {
    io.stderr(`ssm-mw-contracts: ${printable(messageOf(error))}\nRun 'ssm-mw-contracts ${command ? printable(command) + ' ' : ''}--help' for usage.\n`);
    return EXIT.usage;
  }
  io.stderr(`ssm-mw-contracts: internal error: ${printable(messageOf(error))}. Please report it with the input that caused it.\n`);
  const stack = io.env.SSM_MW_CONTRACTS_DEBUG ? stackOf(error) : undefined;
  if (stack) io.stderr(`${stack}\n`);
  return EXIT.usage;
}
