import { CONTRACT, type Contract } from './contract.js';
import { guardFiles } from './guard.js';
import { jsonSchemaFiles } from './json-schema.js';
import { htmlFiles } from './html.js';
import { markdownFiles } from './markdown.js';
import { openApiFiles } from './openapi.js';
import { skeletonFiles } from './skeleton.js';

/**
 * Every generated artifact, as a map from a path under generated/ to its content. Pure: the
 * same contract gives the same bytes (stable key order, no timestamps), which is what lets
 * `generate --check` compare the committed files with a fresh run.
 */
export function generateFiles(contract: Contract = CONTRACT): Map<string, string> {
  const files = new Map<string, string>([
    ...jsonSchemaFiles(contract),
    ...openApiFiles(contract),
    ...markdownFiles(contract),
    ...htmlFiles(contract),
    ...skeletonFiles(contract),
    ...guardFiles(contract),
  ]);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The committed files that differ from a fresh run, that it lacks, or that it no longer makes. */
export interface Staleness {
  changed: string[];
  missing: string[];
  extra: string[];
}

export function compareFiles(expected: ReadonlyMap<string, string>, actual: ReadonlyMap<string, string>): Staleness {
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of expected) {
    const found = actual.get(path);
    if (found === undefined) missing.push(path);
    else if (found !== content) changed.push(path);
  }
  const extra = [...actual.keys()].filter((path) => !expected.has(path)).sort();
  return { changed, missing, extra };
}

export { CONTRACT, GENERATED_NOTE, type Contract } from './contract.js';
