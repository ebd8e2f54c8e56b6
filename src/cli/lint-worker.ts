import { parentPort, workerData } from 'node:worker_threads';
import { lintOptions, lintWalked, readWalkedSync, type LintSettings } from './lint-files.js';
import type { Batch, BatchResult } from './lint-pool.js';

/** A worker thread of `lint` (src/cli/lint-pool.ts): lints each batch of files it is given and sends back their results. */
const settings = workerData as LintSettings;
const options = lintOptions(settings);
parentPort!.on('message', ({ start, files }: Batch) => {
  const results = files.map((walked) => lintWalked(walked, readWalkedSync(walked, settings.limits), settings, options));
  parentPort!.postMessage({ start, results } satisfies BatchResult);
});
