/*
 * Time and memory of `validate` and `lint` on each hostile file (test/support/hostile.ts):
 * `npx tsx bench/hostile.ts` runs each command on each file in a process of its own, with the V8
 * heap capped at HEAP_MB, and prints its exit status, wall time and peak resident memory.
 *
 * `--one DIR ARGV...` (what each process runs) runs one command line in DIR and prints its result as
 * the last line of stderr; `--all DIR` runs every case in one process, as test/hostile.test.ts does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIo } from '../src/cli/io.js';
import { printable } from '../src/report/printable.js';
import { main } from '../src/cli/main.js';
import { BAD, buildHostile, GOOD, HOSTILE, variantsTemplate } from '../test/support/hostile.js';

/** The heap the processes get: every hostile file must be handled within it. */
export const HEAP_MB = 256;
export const RESULT = 'HOSTILE-RESULT ';

export interface Measured {
  argv: string[];
  code: number;
  ms: number;
  /** CPU time (user + system) of the process while it ran: what tests bound, as it does not grow with the machine's load. */
  cpuMs: number;
  /** Peak resident set size of the whole process, in MB. */
  maxRssMb: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line in-process, capturing its output. */
async function runOne(dir: string, argv: string[]): Promise<Omit<Measured, 'maxRssMb'>> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), cwd: dir, env: { NO_COLOR: '1' }, stdoutIsTTY: false, stderrIsTTY: false, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  process.chdir(dir);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const code = await main(argv, io);
  const used = process.cpuUsage(cpu);
  return { argv, code, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, stdout, stderr };
}

/** The command lines of every case: each command on the file, beside a valid payload and a faulty one. */
export function commandLines(): { name: string; argv: string[] }[] {
  return HOSTILE.filter((c) => !c.skip).flatMap((c) =>
    (['validate', 'lint'] as const).map((command) => ({ name: `${printable(c.file)}${c.options ? ' ' + c.options.join(' ') : ''} (${command})`, argv: [command, '--format', 'json', ...(c.options ?? []), c.file, GOOD, BAD] })),
  );
}

/** Spawns this file with `args` under the heap cap; the result line of its stderr, parsed. */
export function spawnMeasured(args: string[]): { status: number | null; results: Measured[]; stderr: string } {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', import.meta.filename, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  const results = child.stderr
    .split('\n')
    .filter((l) => l.startsWith(RESULT))
    .map((l) => JSON.parse(l.slice(RESULT.length)) as Measured);
  return { status: child.status, results, stderr: child.stderr };
}

const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function cli(args: string[]): Promise<void> {
  const [mode, dir, ...rest] = args;
  if (mode === '--one') {
    const r = await runOne(dir!, rest);
    process.stderr.write(`\n${RESULT}${JSON.stringify({ ...r, maxRssMb: maxRssMb() })}\n`);
    return;
  }
  if (mode === '--all') {
    for (const { argv } of commandLines()) {
      const r = await runOne(dir!, argv);
      process.stderr.write(`\n${RESULT}${JSON.stringify({ ...r, stdout: r.stdout.slice(0, 2_000_000), maxRssMb: maxRssMb() })}\n`);
    }
    return;
  }
  // The table: each command line in a process of its own.
  const tmp = mkdtempSync(join(tmpdir(), 'hostile-'));
  try {
    buildHostile(tmp);
    console.log(`Each in its own process, heap capped at ${HEAP_MB} MB (node --max-old-space-size):\n`);
    console.log(['case', 'exit', 'time (ms)', 'peak RSS (MB)'].join(' | '));
    // Beyond the test's cases: issue 14's worst template, 2,300 tasks of 4,096 combinations each (1 MB), which the test holds at 1,000.
    writeFileSync(join(tmp, 'variants-2300.yaml'), variantsTemplate(2300).text);
    const worst = (['validate', 'lint'] as const).map((command) => ({ name: `variants-2300.yaml (${command})`, argv: [command, '--format', 'json', 'variants-2300.yaml', GOOD, BAD] }));
    for (const { name, argv } of [...commandLines(), ...worst]) {
      const { status, results } = spawnMeasured(['--one', tmp, ...argv]);
      const r = results[0];
      console.log(r ? [name, r.code, r.ms.toFixed(0), r.maxRssMb].join(' | ') : `${name} | crashed (status ${status})`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) await cli(process.argv.slice(2));
