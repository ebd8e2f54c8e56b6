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

export interface Measured {
  /** Median wall time, ms. */
  ms: number;
  /** Median CPU time (user and system, every thread and waited-for child), ms. */
  cpuMs: number;
  /** Median peak resident set size, MiB. */
  rss: number;
  /** What the command printed on its last run. */
  stdout: string;
}

/**
 * Wall time and peak memory of each command over `runs` alternating runs (after a warm-up run each
 * unless `warmUp` is false), both taken by one small Python parent (bench/measure.py) from the kernel:
 * the time from fork to wait4, and wait4's peak resident set size. So a Node tool and a Python tool
 * are measured the same way, in the same runs. Python is there wherever the bench runs: cfn-lint is a
 * Python program.
 */
export function measureAlternating(commands: readonly Command[], runs: number, warmUp = true): Map<string, Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-bench-'));
  try {
    const once = (command: Command) => {
      const resultFile = join(dir, 'result.json');
      const stdoutFile = join(dir, 'stdout');
      const wrapper = spawnSync('python3', [join(import.meta.dirname, 'measure.py'), resultFile, stdoutFile, command.file, ...command.args], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (wrapper.error || wrapper.status !== 0) throw new Error(`${command.name}: python3 bench/measure.py failed: ${wrapper.error?.message ?? wrapper.stderr.toString().slice(0, 500)}`);
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { status: number; ms: number; cpuMs: number; rssKiB: number };
      if (!(command.ok ?? [0]).includes(result.status)) throw new Error(`${command.name} exited with ${result.status}: ${wrapper.stderr.toString().slice(0, 500)}`);
      return { ms: result.ms, cpuMs: result.cpuMs, rss: result.rssKiB / 1024, stdout: readFileSync(stdoutFile, 'utf8') };
    };
    if (warmUp) for (const c of commands) once(c);
    const all = new Map<string, Measured[]>(commands.map((c) => [c.name, []]));
    for (let i = 0; i < runs; i++) for (const c of commands) all.get(c.name)!.push(once(c));
    return new Map(
      [...all].map(([name, list]) => [
        name,
        { ms: median(list.map((r) => r.ms)), cpuMs: median(list.map((r) => r.cpuMs)), rss: median(list.map((r) => r.rss)), stdout: list.at(-1)!.stdout },
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
