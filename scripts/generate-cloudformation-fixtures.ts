/**
 * Writes the contract's request fixtures of tasks, window targets and windows as CloudFormation templates
 * (test/fixtures/cloudformation/{good,bad}/NAME.{yaml,json}, with NAME.expected.json for the bad
 * ones): `npx tsx scripts/generate-cloudformation-fixtures.ts`. test/inputs/cloudformation.test.ts
 * fails when the committed files differ from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CFN_FIXTURES, generateAll } from '../test/support/cloudformation.js';

for (const g of generateAll()) {
  const base = join(CFN_FIXTURES, g.dir, g.name);
  writeFileSync(`${base}.yaml`, g.yaml);
  writeFileSync(`${base}.json`, g.json);
  writeFileSync(`${base}.expected.json`, JSON.stringify(g.expected, null, 2) + '\n');
}
