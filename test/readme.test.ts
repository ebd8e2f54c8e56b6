import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { allRules } from '../src/lint/rules.js';
import { ROOT } from './support/spec.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

it('the README’s rules tables list every rule, the contract’s and the readers’, with its severity and title', () => {
  // Each table sits with what it is about (the contract's, CloudFormation's, Terraform's, ...): compared by id.
  const byId = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
  const rows = [...readme.matchAll(/^\| (MW\d{3}) \| (\w+) \| (.+) \|$/gm)].map((m) => [m[1]!, m[2]!, m[3]!]);
  expect(rows.sort(byId)).toEqual(allRules.map((r) => [r.id, r.severity, r.title]).sort(byId));
});

it('the README’s set-up and test commands are the ones CI runs', () => {
  expect(readme).toContain('npm ci && npx ssm-mw-contracts validate examples/register-patch-task.json');
  expect(readme).toContain('```sh\nnpm test\n```');
  expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci\nnpm test\n/);
});
