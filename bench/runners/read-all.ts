import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The floor of `lint .` on a repository-shaped tree (bench/repository.ts): a Node process that lists
 * every directory and reads every file once, skipping nothing, and does nothing with the bytes but
 * count them. Run as plain JavaScript (bench/compiled.ts).
 */

let files = 0;
let bytes = 0;
const visit = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) visit(path);
    else if (entry.isFile()) {
      files++;
      bytes += readFileSync(path).length;
    }
  }
};
const root = process.argv[2];
if (!root) throw new Error('usage: read-all.mjs DIR');
visit(root);
process.stdout.write(`${JSON.stringify({ files, bytes })}\n`);
