import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { benchCorpora, payloadSets } from './corpus.js';
import { median } from './section.js';

/*
 * Before-and-after figures of a change to validate(), finer than whole processes can give: two or
 * more builds of the package loaded into one process and timed in turn over both corpora (valid and
 * invalid payloads apart), each round starting with another build. The machine's speed drifts by
 * more than a few percent within minutes; in one process, each round's ratio has the same drift on
 * both sides. The first build is the base; keep it apart first (`cp -r dist OLD`; the copy must be
 * inside the checkout, e.g. node_modules/.dists/OLD, so that it finds its dependencies):
 *
 *   npx tsx bench/compare-validate.ts 50 node_modules/.dists/OLD/index.cjs dist/index.cjs
 *
 * Prints, for each build and set, the median microseconds per payload and the median of the
 * same-round ratios of the base's time to the build's (above 1: faster than the base).
 *
 * Run it twice, with the builds in both orders: which build a process loads first moves its
 * figures by a few percent either way (stop 29 saw up to 5%), so a change is measured when both
 * orders agree on it, and its size is about the mean of the two.
 */

const [rounds, ...builds] = process.argv.slice(2);
const runs = Number(rounds);
if (!Number.isInteger(runs) || runs < 1 || builds.length < 2) {
  console.error('usage: npx tsx bench/compare-validate.ts ROUNDS BASE/index.cjs OTHER/index.cjs [...]');
  process.exit(2);
}

type Validate = (operation: string, kind: string, payload: unknown) => unknown;
const require = createRequire(import.meta.url);
const libs = builds.map((path) => ({ path, validate: (require(resolve(path)) as { validate: Validate }).validate }));

const sets = payloadSets(benchCorpora(1000));

/** Microseconds per payload, by build and set, one entry per round. */
const times = new Map<string, number[]>();
const WARM_UP = 10;
for (let round = -WARM_UP; round < runs; round++) {
  for (const [set, payloads] of sets) {
    for (let i = 0; i < libs.length; i++) {
      const lib = libs[(i + round + WARM_UP) % libs.length]!;
      const start = process.hrtime.bigint();
      for (const p of payloads) lib.validate('RegisterTaskWithMaintenanceWindow', 'request', p);
      const us = Number(process.hrtime.bigint() - start) / 1000 / payloads.length;
      if (round < 0) continue;
      const key = `${lib.path}|${set}`;
      const list = times.get(key) ?? [];
      list.push(us);
      times.set(key, list);
    }
  }
}

const base = libs[0]!.path;
for (const { path } of libs) {
  const cells = sets.map(([set]) => {
    const mine = times.get(`${path}|${set}`)!;
    const theirs = times.get(`${base}|${set}`)!;
    return `${set} ${median(mine).toFixed(2)} us (${median(mine.map((t, round) => theirs[round]! / t)).toFixed(3)}x)`;
  });
  console.log(`${cells.join('  ')}  ${path}`);
}
