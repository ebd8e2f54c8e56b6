import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';

/*
 * A bench runner (bench/runners/*.ts, type-checked with the rest of the bench) as the plain
 * JavaScript that `node` runs without a loader: a peer's or a floor's time must include nothing of
 * tsx's. Written under node_modules/.cache, so that its imports resolve to this checkout's packages.
 */

const CACHE = join(import.meta.dirname, '..', 'node_modules', '.cache', 'ssm-mw-contracts-bench');

/** The path of the runner `name` (bench/runners/NAME.ts) as an ES module. */
export function compiledRunner(name: string): string {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, `${basename(name)}.mjs`);
  buildSync({ entryPoints: [join(import.meta.dirname, 'runners', `${name}.ts`)], outfile, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  return outfile;
}
