import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileAccess } from '../../src/readers/aws-cli/files.js';

/*
 * Runs the real AWS CLI, live, and captures the request it would send: every run points at a
 * local HTTP listener (127.0.0.1, an ephemeral port) that records the body and answers an error,
 * with dummy credentials and no config files, so nothing can leave the machine.
 */

export interface CliBinary {
  version: '1' | '2.9.19';
  /** The installed release the oracle expects. */
  release: string;
  /** The `aws` command, and the Python that runs it. */
  command: string;
  python: string;
}

export const CLIS: CliBinary[] = [
  { version: '1', release: '1.45.11', command: 'aws', python: 'python3' },
  { version: '2.9.19', release: '2.9.19', command: '/usr/bin/aws', python: '/usr/bin/python3' },
];

const FORK_SERVER = join(dirname(fileURLToPath(import.meta.url)), 'awscli_forkserver.py');

export interface ForkCase {
  id: string;
  argv: string[];
  cwd: string;
}

/**
 * Runs each case as its own AWS CLI process, `limit` at a time, through awscli_forkserver.py
 * (which builds the CLI's command tables once and forks a process per case from there).
 */
export function runCliCases(cli: CliBinary, cases: ForkCase[], env: Record<string, string>, limit: number): Promise<{ release: string; results: Map<string, Omit<CliRun, 'body' | 'target'>> }> {
  return new Promise((resolve, reject) => {
    const child = execFile(cli.python, [FORK_SERVER], { env, maxBuffer: 256 * 1024 * 1024, timeout: 600_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${cli.python} ${FORK_SERVER} failed: ${error.message}\n${stderr}`));
      const parsed = JSON.parse(stdout) as { version: string; results: { id: string; exit: number; stdout: string; stderr: string }[] };
      resolve({ release: parsed.version, results: new Map(parsed.results.map((r) => [r.id, { exit: r.exit, stdout: r.stdout, stderr: r.stderr }])) });
    });
    child.stdin!.end(JSON.stringify({ concurrency: limit, cases }));
  });
}

export interface CliRun {
  exit: number;
  stdout: string;
  stderr: string;
  /** The JSON body the CLI sent, if it sent one. */
  body?: Record<string, unknown>;
  target?: string;
}

export interface Capture {
  port: number;
  bodies: Map<string, { body: string; target: string }>;
  close(): Promise<void>;
}

export function startCapture(): Promise<Capture> {
  const bodies = new Map<string, { body: string; target: string }>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const id = (req.url ?? '/').split('/')[1] ?? '';
      // The paginated operation would ask again for the next page: keep the first request.
      if (!bodies.has(id)) bodies.set(id, { body, target: String(req.headers['x-amz-target'] ?? '') });
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'oracle' });
      res.end(JSON.stringify({ __type: 'DoesNotExistException', message: 'captured by the oracle test' }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ port, bodies, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

export function cliEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    AWS_ACCESS_KEY_ID: 'AKIDORACLETEST',
    AWS_SECRET_ACCESS_KEY: 'oracle-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    AWS_MAX_ATTEMPTS: '1',
    LC_ALL: 'C.UTF-8',
    ...(process.env.PYENV_ROOT ? { PYENV_ROOT: process.env.PYENV_ROOT } : {}),
    ...(process.env.PYENV_VERSION ? { PYENV_VERSION: process.env.PYENV_VERSION } : {}),
  };
}

export function runCliProcess(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Omit<CliRun, 'body' | 'target'>> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ exit, stdout, stderr });
    });
  });
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export function makeCaseDir(root: string, name: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    const path = join(dir, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export const tempRoot = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** Real files, as the reader's FileAccess. */
export const nodeFiles: FileAccess = {
  read(path) {
    try {
      if (statSync(path).isDirectory()) return { errno: 'EISDIR' };
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      return { errno: (e as NodeJS.ErrnoException).code ?? 'EIO' };
    }
  },
};

export const cliAvailable = (command: string) => (command.startsWith('/') ? existsSync(command) : true);
