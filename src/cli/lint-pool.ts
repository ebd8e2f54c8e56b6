import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../lint/engine.js';
import type { WalkedFile } from '../lint/walk.js';
import type { LintSettings } from './lint-files.js';

/*
 * Bulk lint in worker threads: reading and parsing YAML is most of a large run's time, and every
 * file is independent. Each worker runs src/cli/lint-worker.ts on batches of files; results come
 * back in the walk's order, so the report is the same as a run in one thread, byte for byte.
 */

/** The worker's script, built beside the CLI's files (tsup.config.ts). Absent when the CLI runs from source: then lint runs in one thread. */
const WORKER = new URL('./lint-worker.cjs', import.meta.url);

/** Files per message: large enough that messages cost little, small enough that the workers finish together. */
const BATCH = 8;

/** Fewer files than this are linted in the CLI's own thread: starting workers would cost more than it saves. */
export const POOL_FROM_FILES = 64;

/**
 * Workers only from this many cores on: each worker loads and warms up its own copy of the code,
 * and on 2 cores, where V8's compiler and collector threads already use the second one, two workers
 * measured slower than one thread (1.9 s against 1.6 s for 1,000 templates, docs/performance.md).
 */
const MIN_AUTO_CORES = 4;
const MAX_AUTO_JOBS = 8;

export interface Batch {
  start: number;
  files: WalkedFile[];
}

export interface BatchResult {
  start: number;
  results: (FileResult | undefined)[];
}

function poolAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * How many worker threads lint `files` files in: `requested` (--jobs) when it is more than 1,
 * without it one per core up to 8 from MIN_AUTO_CORES cores and POOL_FROM_FILES files; 0 (the
 * CLI's own thread) otherwise, and always when the CLI runs from source.
 */
export function workerCount(requested: number | undefined, files: number): number {
  if (files < 2 || !poolAvailable()) return 0;
  if (requested !== undefined) return requested > 1 ? requested : 0;
  const cores = availableParallelism();
  return files >= POOL_FROM_FILES && cores >= MIN_AUTO_CORES ? Math.min(cores, MAX_AUTO_JOBS) : 0;
}

/** Each file's result, in the order of `files`, from `jobs` workers; `progress` after each batch. `script` is the worker's (tests give the built one). */
export function lintInWorkers(
  files: readonly WalkedFile[],
  settings: LintSettings,
  jobs: number,
  progress: (done: number, tasks: number) => void,
  script: URL = WORKER,
): Promise<(FileResult | undefined)[]> {
  return new Promise((resolvePool, rejectPool) => {
    const results: (FileResult | undefined)[] = new Array(files.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let tasks = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) rejectPool(error);
      else resolvePool(results);
    };
    const feed = (worker: Worker) => {
      if (next >= files.length) return;
      const batch: Batch = { start: next, files: files.slice(next, next + BATCH) };
      next += batch.files.length;
      worker.postMessage(batch);
    };
    for (let i = 0; i < Math.min(jobs, Math.ceil(files.length / BATCH)); i++) {
      const worker = new Worker(script, { workerData: settings });
      workers.push(worker);
      worker.on('message', ({ start, results: batch }: BatchResult) => {
        batch.forEach((result, k) => {
          results[start + k] = result;
          tasks += result?.tasks.length ?? 0;
        });
        done += batch.length;
        progress(done, tasks);
        if (done === files.length) settle();
        else feed(worker);
      });
      worker.on('error', (error) => settle(error));
      worker.on('exit', (code) => {
        if (done < files.length) settle(new Error(`a lint worker stopped (exit code ${code}) before its files were done`));
      });
      // Two batches each, so that a worker has the next one while its last result travels back.
      feed(worker);
      feed(worker);
    }
    if (files.length === 0) settle();
  });
}
