/*
 * `npm run fuzz`: the property tests (test/properties/) for longer than CI runs them, from a new
 * seed each time, and how many cases each property ran.
 *
 *   npm run fuzz                          each property for 30 seconds, from a random seed
 *   npm run fuzz -- --seconds 300         each for five minutes
 *   npm run fuzz -- --runs 20000          each for 20,000 cases
 *   npm run fuzz -- --seed 1234           replay a seed (a failure prints it)
 *
 * It exits with the tests' status; a failing property prints fast-check's counterexample, shrunk.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
  },
});
if (values.seconds !== undefined && values.runs !== undefined) throw new Error('give --seconds or --runs, not both');
const seconds = values.runs === undefined ? Number(values.seconds ?? 30) : undefined;
const seed = values.seed ?? String(Math.floor(Math.random() * 2 ** 31));

const tmp = mkdtempSync(join(tmpdir(), 'fuzz-'));
const report = join(tmp, 'runs.jsonl');
const env = {
  ...process.env,
  FUZZ: '1',
  FC_SEED: seed,
  FUZZ_REPORT: report,
  ...(seconds !== undefined ? { FUZZ_SECONDS: String(seconds) } : { FUZZ_RUNS: values.runs! }),
};
console.log(`fuzzing with seed ${seed}, each property for ${seconds !== undefined ? `${seconds} s` : `${values.runs} cases`} (replay: npm run fuzz -- --seed ${seed}${seconds !== undefined ? ` --seconds ${seconds}` : ` --runs ${values.runs}`})\n`);
const started = Date.now();
const vitest = spawnSync('npx', ['vitest', 'run', 'test/properties', '--reporter', 'verbose', '--typecheck.enabled=false'], { env, stdio: 'inherit' });

let total = 0;
try {
  const runs = readFileSync(report, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { name: string; runs: number });
  console.log('\ncases run per property:');
  for (const r of runs) {
    console.log(`  ${String(r.runs).padStart(9)}  ${r.name}`);
    total += r.runs;
  }
} catch {
  console.log('\nno property reported its cases (did the tests start?)');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`\n${total} cases in ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${seed}: ${vitest.status === 0 ? 'no failure' : 'FAILED (see above)'}`);
process.exit(vitest.status ?? 1);
