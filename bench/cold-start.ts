import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixed, type BenchOptions, type Section } from './section.js';
import { medianPeakRss, medianTimes, type Command } from './spawn.js';

/*
 * The command line's cold start: `validate` on one valid file, a new Node process each time,
 * against a bare `node -e 0`. It runs the built CLI (dist/, `npm run bench` builds it first).
 */

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const FILE = join(ROOT, 'examples', 'register-patch-task.json');

export const coldStart: Section = {
  title: 'CLI cold start: `validate` on one valid file',
  async run({ short, log }: BenchOptions) {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (npm run bench does)`);
    const bare: Command = { name: 'node -e 0', file: process.execPath, args: ['-e', '0'] };
    const validate: Command = { name: 'ssm-mw-contracts validate', file: process.execPath, args: [CLI, 'validate', FILE] };
    const runs = short ? 3 : 40;
    const times = medianTimes([bare, validate], runs, !short);
    log('  cold start timed');
    const rss = new Map([bare, validate].map((c) => [c.name, medianPeakRss(c, short ? 1 : 5)]));
    const base = times.get(bare.name)!;
    return {
      header: ['command', 'median ms', 'vs node -e 0', 'peak RSS MiB'],
      rows: [bare, validate].map((c) => [c.name === bare.name ? '`node -e 0`' : '`node dist/cli.cjs validate examples/register-patch-task.json`', fixed(times.get(c.name)!, 1), `${fixed(times.get(c.name)! / base)}x`, fixed(rss.get(c.name)!, 1)]),
      notes: [`Median of ${runs} alternating runs${short ? '' : ' after a warm-up run each'}; peak RSS from getrusage in the process (median of ${short ? 1 : 5} runs).`],
    };
  },
};
