import { resolve } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { readTextFile, readTextStream } from '../../src/parse/text/read-file.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from './spec.js';

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the CLI in-process from the repository root, colour off unless the env says otherwise. */
export async function runCli(argv: string[], options: { stdin?: string | Uint8Array; env?: Record<string, string>; tty?: boolean; cwd?: string; now?: () => number } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const cwd = options.cwd ?? ROOT;
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: (limits) => readTextStream([Buffer.from(options.stdin ?? '')], limits),
    readFile: (path, limits) => readTextFile(resolve(cwd, path), limits),
    cwd,
    env: { ...options.env },
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    ...(options.now ? { now: options.now } : {}),
  };
  const code = await main(argv, io);
  return { stdout, stderr, code };
}

/** The command, its output and its exit code, as one snapshot. */
export function transcript(argv: string[], run: CliRun, stdin?: string): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [
    `$ ${stdin !== undefined ? 'cat <<EOF | ' : ''}ssm-mw-contracts ${argv.map(quote).join(' ')}`,
    ...(stdin !== undefined ? [stdin.trimEnd(), 'EOF'] : []),
    '--- stdout',
    run.stdout.trimEnd(),
    '--- stderr',
    run.stderr.trimEnd(),
    `--- exit ${run.code}`,
    '',
  ].join('\n');
}
