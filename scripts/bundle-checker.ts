import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED_FILE, bundledModule, bundleChecker } from '../src/generate/html-checker/build.js';

/*
 * Writes src/generate/html-checker/bundled.ts (the reference page's checker script, bundled from
 * src/ by esbuild); with --check, writes nothing and exits 1 when the committed file differs. Run by
 * `npm run generate` after src/compiled/ is written (the script bundles it) and before the HTML is
 * (which embeds the script), and by `npm run check:generated`.
 */

const root = join(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const content = bundledModule(await bundleChecker());
const current = await readFile(join(root, BUNDLED_FILE), 'utf8').catch(() => undefined);
if (current === content) process.stdout.write(`${BUNDLED_FILE} is up to date.\n`);
else if (check) {
  process.stdout.write(`${BUNDLED_FILE} is out of date: it differs from what src/ bundles to.\nRun 'npm run generate' and commit the result.\n`);
  process.exitCode = 1;
} else {
  await writeFile(join(root, BUNDLED_FILE), content);
  process.stdout.write(`Wrote ${BUNDLED_FILE}.\n`);
}
