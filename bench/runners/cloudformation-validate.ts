import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as CloudFormationValidate from '@aws/cloudformation-validate';

/*
 * AWS's CloudFormation validator (@aws/cloudformation-validate, its Rust engine built to WASM) over
 * every template of a tree, as bench/lint.ts times it: one engine, created once and reused for every
 * file (its best case), files in sorted order. Prints what it found as JSON: the time to create the
 * engine and to validate, and its diagnostics, so the bench can say it did its work. Run as plain
 * JavaScript (bench/compiled.ts), so that its time includes no TypeScript loader.
 */

const cfv = createRequire(import.meta.url)('@aws/cloudformation-validate') as typeof CloudFormationValidate;

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return templates(path);
    return /\.(ya?ml|json)$/.test(entry.name) ? [path] : [];
  });
}

const root = process.argv[2];
if (!root) throw new Error('usage: cloudformation-validate.mjs DIR');
const files = templates(root).sort();
const start = performance.now();
const engine = new cfv.RegoEngine();
const created = performance.now();
let diagnostics = 0;
let failed = 0;
for (const file of files) {
  const template = new cfv.TemplateFile(file);
  try {
    diagnostics += engine.validateStandard(template).diagnostics.length;
  } catch {
    failed++;
  }
}
const done = performance.now();
engine.free();
process.stdout.write(`${JSON.stringify({ version: cfv.version(), files: files.length, diagnostics, failed, engineMs: Math.round(created - start), validateMs: Math.round(done - created) })}\n`);
