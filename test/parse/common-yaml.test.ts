import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommonYaml, type LocalTag } from '../../src/parse/yaml/common-yaml.js';
import { parseWithYaml, parseYaml } from '../../src/parse/yaml/parse-yaml.js';
import { templateTags } from '../../src/readers/cloudformation/template.js';
import { yamlDifference } from '../support/yaml-agreement.js';
import { mutate } from '../support/yaml-mutants.js';
import { random } from '../support/random.js';
import { DECLINED, READ } from './common-yaml.cases.js';

/*
 * The common reader (src/parse/yaml/common-yaml.ts) against the yaml package: wherever it reads a
 * document, it gives what the yaml package gives (values, duplicate keys, every place locate finds);
 * where it declines, the yaml package reads. On constructs one by one, on every YAML file of the
 * tests, and on near misses of them.
 */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** A few of CloudFormation's short forms, and no other tag. */
const SHORT_FORMS = new Map(['Ref', 'GetAtt', 'If'].map((name): [string, LocalTag] => [name, { key: `Fn::${name}`, scalar: (t) => ({ [`Fn::${name}`]: t }) }]));

/** What differs between the two readers on `text`; 'declined' when the common reader leaves it. */
function compare(text: string): string | undefined {
  // The tags as the template reader reads them.
  const localTags = templateTags(text);
  if (!readCommonYaml(text, localTags, 128)) return 'declined';
  let slow;
  try {
    slow = parseWithYaml(text, { localTags });
  } catch (error) {
    return `read a document the yaml package refuses: ${(error as Error).message}`;
  }
  return yamlDifference(parseYaml(text, { localTags }), slow);
}

describe('readCommonYaml', () => {
  it.each(READ.map((text) => [JSON.stringify(text), text]))('reads %s as the yaml package does', (_, text) => {
    expect(compare(text)).toBeUndefined();
  });

  it.each(DECLINED.map((text) => [JSON.stringify(text), text]))('leaves %s to the yaml package', (_, text) => {
    expect(readCommonYaml(text, SHORT_FORMS, 128)).toBeUndefined();
  });

  it('declines a collection nested as deep as the limit, which the yaml package then refuses', () => {
    expect(readCommonYaml('a:\n  b:\n    c: 1\n', undefined, 3)).toBeDefined();
    expect(readCommonYaml('a:\n  b:\n    c: 1\n', undefined, 2)).toBeUndefined();
    expect(() => parseYaml('a:\n  b:\n    c: 1\n', { maxDepth: 2 })).toThrow(/nesting deeper than 2 levels/);
  });

  const files = yamlFiles(FIXTURES);

  it('reads almost every YAML file of the tests, each as the yaml package does', () => {
    const results = files.map((file) => [file, compare(readFileSync(file, 'utf8'))] as const);
    const differing = results.filter(([, d]) => d !== undefined && d !== 'declined');
    expect(differing).toEqual([]);
    const declined = results.filter(([, d]) => d === 'declined').length;
    expect(files.length).toBeGreaterThan(100);
    expect(declined / files.length).toBeLessThan(0.1);
  });

  it('agrees with the yaml package on 40 near misses of each YAML file of the tests', () => {
    const next = random(20261205);
    const differing: string[] = [];
    let read = 0;
    for (const file of files) {
      const original = readFileSync(file, 'utf8');
      for (let m = 0; m < 40; m++) {
        // As parseYaml has it: a CR alone made a line feed.
        const text = mutate(original, next).replace(/\r(?!\n)/g, '\n');
        const d = compare(text);
        if (d === undefined) read++;
        else if (d !== 'declined') differing.push(`${file} #${m}: ${d}\n${text}`);
      }
    }
    expect(differing.slice(0, 3)).toEqual([]);
    // The near misses test the reader only where it reads them.
    expect(read).toBeGreaterThan(files.length * 10);
  });
});
