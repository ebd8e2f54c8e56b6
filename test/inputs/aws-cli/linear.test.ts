import { describe, expect, it } from 'vitest';
import { lintFile } from '../../../src/lint/engine.js';
import { cpuMs } from '../../support/cpu.js';
import { COMMAND_LINE_SHAPES } from '../../support/hostile.js';

/*
 * Issue 14 item 2: lint reads command-line files in time linear in their size. Each shape of
 * test/support/hostile.ts is linted at size N and 4N; linear time makes the larger take about 4
 * times as long, the quadratic readers this replaced took 16 times as long and more. The bound is
 * 10 times (a linear shape measured up to 6.9 at a load average of 12), on the median CPU time
 * (this process's, which other processes' load moves far less than wall time) of
 * several interleaved runs after a warm-up, and a shape is measured again (up to three times) before
 * it fails. N is set so that one run takes some tens of milliseconds; the absolute times live in
 * bench/hostile.ts.
 */

const BOUND = 10;
const RUNS = 5;
const ATTEMPTS = 3;

/** N for each shape: large enough that a run is not lost in timer noise, small enough to keep the test quick. */
const SIZES: Record<keyof typeof COMMAND_LINE_SHAPES, number> = {
  lines: 40,
  priority: 2_500,
  semicolons: 60,
  oneWord: 1_000_000,
  longWord: 1_000_000,
  words: 20_000,
  targets: 300,
  substitutions: 20_000,
  expansions: 20_000,
  shorthand: 50_000,
  json: 50_000,
  shorthandKeys: 200,
  suppressions: 60,
  backticks: 100,
  heredocs: 10_000,
  unterminated: 60,
  ciYaml: 30,
  markdown: 60,
  makefile: 60,
  cmd: 60,
  cmdWord: 300_000,
  powershell: 2_000,
  rst: 30,
  flags: 2_500,
  windowTags: 300,
  windowTargets: 300,
  scheduleItems: 2_000,
};

const context = { cwd: '/nowhere', readFile: () => undefined };

const time = (file: string, text: string): number => cpuMs(() => lintFile({ file, text, explicit: true }, { context }));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The ratio of the median times at 4N and at N. */
function ratio(file: string, small: string, large: string): { ratio: number; small: number; large: number } {
  time(file, small);
  time(file, large);
  const a: number[] = [];
  const b: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    a.push(time(file, small));
    b.push(time(file, large));
  }
  // A run under a millisecond is timer noise: the floor keeps such a shape from failing on it.
  return { ratio: median(b) / Math.max(median(a), 1), small: median(a), large: median(b) };
}

describe('command-line files are read in linear time', () => {
  it.each(Object.entries(COMMAND_LINE_SHAPES).map(([name, shape]) => [name, shape] as const))('%s', { timeout: 300_000 }, (name, shape) => {
    const n = SIZES[name as keyof typeof COMMAND_LINE_SHAPES];
    const small = shape.build(n);
    const large = shape.build(4 * n);
    const measured: string[] = [];
    let best = Infinity;
    for (let attempt = 0; attempt < ATTEMPTS && best > BOUND; attempt++) {
      const m = ratio(shape.file, small, large);
      best = Math.min(best, m.ratio);
      measured.push(`${(small.length / 1024).toFixed(0)} KiB in ${m.small.toFixed(1)} ms, ${(large.length / 1024).toFixed(0)} KiB in ${m.large.toFixed(1)} ms`);
    }
    expect(best, `${shape.what}: ${measured.join('; ')}`).toBeLessThanOrEqual(BOUND);
  });
});
