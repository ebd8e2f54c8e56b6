/*
 * How fast the Terraform reader is on the real-world corpus: `npx tsx bench/terraform.ts`.
 * Prints parse throughput, read+validate time per pass over the 13 files, and two stress cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl } from '../src/parse/hcl/parser.js';
import { readTerraform } from '../src/readers/terraform/reader.js';
import { validate } from '../src/validate/validate.js';

const dir = join(import.meta.dirname, '..', 'test', 'fixtures', 'corpus', 'terraform');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.tf'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0);
const RUNS = 200;

const time = (f: () => void) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

for (let i = 0; i < 20; i++) for (const t of texts) readTerraform(t); // warm up

const parse = time(() => {
  for (let i = 0; i < RUNS; i++) for (const t of texts) parseHcl(t);
});
console.log(`parse: ${(parse / RUNS).toFixed(2)} ms per pass over ${texts.length} files (${chars} characters), ${((chars * RUNS) / 1e6 / (parse / 1000)).toFixed(1)} M characters/s`);

const check = time(() => {
  for (let i = 0; i < RUNS; i++) for (const t of texts) for (const task of readTerraform(t).tasks) validate(task.operation, task.kind, task.payload, task.validateOptions);
});
console.log(`read + validate: ${(check / RUNS).toFixed(2)} ms per pass`);

const big = texts.join('\n').repeat(50);
console.log(`one ${(big.length / 1e6).toFixed(1)} M-character file: ${time(() => parseHcl(big)).toFixed(0)} ms`);
const deep = 'a = ' + '['.repeat(100_000);
console.log(`100 000 unclosed brackets: ${time(() => parseHcl(deep)).toFixed(0)} ms`);
