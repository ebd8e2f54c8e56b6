import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTRACT } from '../src/generate/contract.js';
import { compiledFiles } from '../src/generate/compiled.js';

/*
 * Writes src/compiled/ (the contract compiled for the hot path, src/generate/compiled.ts) from the
 * Zod schemas; with --check, writes nothing and exits 1 when a committed file differs. Run by
 * `npm run generate` and `npm run check:generated`.
 */

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];
const files = compiledFiles(CONTRACT);
for (const [path, content] of files) {
  const current = await readFile(join(root, path), 'utf8').catch(() => undefined);
  if (current === content) continue;
  stale.push(path);
  if (!check) await writeFile(join(root, path), content);
}
if (check && stale.length) {
  process.stdout.write(`src/compiled/ is out of date: it differs from what the schemas in src/ compile to.\n${stale.map((p) => `  changed  ${p}`).join('\n')}\nRun 'npm run generate' and commit the result.\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(check ? `src/compiled/ is up to date (${files.size} files).\n` : `Wrote ${stale.length} of ${files.size} files in src/compiled/.\n`);
}
