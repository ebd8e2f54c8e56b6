import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS, ROOT } from './support/spec.js';
const SHARED = [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')].map((d) => join(d, 'corpus', 'real-world')).find(existsSync);

it.each(['cloudformation', 'terraform', 'cli'])('the %s corpus has sources and licences for every file', (kind) => {
  const sources = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8');
  for (const file of readdirSync(join(CORPUS, kind))) expect(sources, file).toContain(`| ${kind} | \`${file}\` |`);
});

it.runIf(SHARED).each(['cloudformation', 'terraform', 'cli'])('the %s corpus is still a copy of ../shared', (kind) => {
  const files = readdirSync(join(CORPUS, kind)).sort();
  expect(readdirSync(join(SHARED!, kind)).sort()).toEqual(files);
  for (const file of files) expect(readFileSync(join(CORPUS, kind, file), 'utf8'), file).toBe(readFileSync(join(SHARED!, kind, file), 'utf8'));
});
