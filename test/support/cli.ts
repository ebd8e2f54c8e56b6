import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from './spec.js';

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the CLI in-process from the repository root, colour off unless the env says otherwise. */
export async function runCli(argv: string[], options: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string; now?: () => number } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const cwd = options.cwd ?? ROOT;
  const io: Io = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
    readFile: (path) => readFile(resolve(cwd, path), 'utf8'),
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
