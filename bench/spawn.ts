import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './section.js';

/*
 * Timing and peak memory of whole processes, for the measurements that start one (CLI cold start;
 * lint over a tree against cfn-lint). Runs alternate between the commands compared, so that a
 * change in the machine's load falls on all of them; figures are medians.
 */

export interface Command {
  name: string;
  file: string;
  args: string[];
  /** Exit statuses that mean the command did its job (a lint run with findings exits 1). */
  ok?: readonly number[];
}

function runOnce(command: Command, env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command.file, command.args, { env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw new Error(`${command.name}: ${result.error.message}`);
  if (!(command.ok ?? [0]).includes(result.status ?? -1)) throw new Error(`${command.name} exited with ${result.status}: ${result.stderr.toString().slice(0, 500)}`);
  return elapsed;
}

/**
 * Median wall time in ms of each command over `runs` alternating runs, after one warm-up run each
 * unless `warmUp` is false (--short: the CI mode, which checks that everything runs, not its speed).
 */
export function medianTimes(commands: readonly Command[], runs: number, warmUp = true): Map<string, number> {
  if (warmUp) for (const c of commands) runOnce(c);
  const times = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) for (const c of commands) times.get(c.name)!.push(runOnce(c));
  return new Map([...times].map(([name, list]) => [name, median(list)]));
}

/** Median peak resident set size in MiB of a Node command (its `file` must be node), over `runs` runs. */
export function medianPeakRss(command: Command, runs: number): number {
  if (command.file !== process.execPath) throw new Error(`${command.name}: peak memory is read from inside Node processes only`);
  const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-bench-'));
  try {
    const values: number[] = [];
    for (let i = 0; i < runs; i++) {
      const file = join(dir, `rss-${i}`);
      const preload = join(import.meta.dirname, 'peak-rss.cjs');
      runOnce({ ...command, args: ['--require', preload, ...command.args] }, { ...process.env, BENCH_PEAK_RSS_FILE: file });
      values.push(Number(readFileSync(file, 'utf8')) / 1024);
    }
    return median(values);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
