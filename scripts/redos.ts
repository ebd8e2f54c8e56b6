import { readFileSync, writeFileSync } from 'node:fs';
import { analyse, distinctPatterns, VERDICTS_FILE, verdictFile, type Verdict } from '../test/support/redos.js';

/*
 * recheck on every pattern the project runs, with the clock out of the analysis (test/support/redos.ts):
 * writes test/redos-verdicts.json, which test/redos.test.ts reads. With --check, writes nothing
 * and exits 1 when the file is not what the analysis gives now.
 */

const check = process.argv.includes('--check');
const verdicts = new Map<string, Verdict>();
const { distinct } = distinctPatterns();
const start = performance.now();
for (const p of distinct) verdicts.set(p.key, analyse(p));
const seconds = ((performance.now() - start) / 1000).toFixed(1);
const content = verdictFile(verdicts);
const unsafe = [...verdicts.entries()].filter(([, v]) => v.status !== 'safe');
for (const [key, v] of unsafe) process.stdout.write(`${v.status}: ${key} ${JSON.stringify(v)}\n`);
const current = (() => {
  try {
    return readFileSync(VERDICTS_FILE, 'utf8');
  } catch {
    return undefined;
  }
})();
if (check) {
  process.stdout.write(current === content ? `test/redos-verdicts.json is up to date (${distinct.length} patterns, ${seconds} s).\n` : `test/redos-verdicts.json is stale: run npx tsx scripts/redos.ts and commit it.\n`);
  if (current !== content) process.exitCode = 1;
} else {
  writeFileSync(VERDICTS_FILE, content);
  process.stdout.write(`Wrote test/redos-verdicts.json: ${distinct.length} patterns, ${unsafe.length} not safe, in ${seconds} s.\n`);
}
if (unsafe.length) process.exitCode = 1;
