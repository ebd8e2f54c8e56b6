import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/readers/rule-catalog.js';
import { runCli } from './support/cli.js';
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

it('the README names, where the test command is, every tool npm test runs and .ci/run checks', () => {
  const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## The command line'));
  for (const tool of ['Chromium', 'AWS CLI v2 2.9.19', 'botocore 1.43.11', 'AWS CLI v1 1.45.11', 'jsonschema', 'regex', 'moto 5.2.1', 'cfn-lint 1.51.0', '.ci/run']) expect(setUp).toContain(tool);
  // The pip command in the README is the one .ci/run prints.
  const pip = /`(python3 -m pip install [^`]+)`/.exec(setUp)![1]!.replace(/\s+/g, ' ');
  expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain(`echo "  ${pip}"`);
});

/** The options (long forms, --help left out) and the operands of a synopsis. */
function synopsisOf(text: string): { options: string[]; operands: string } {
  const options = [...text.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]).filter((o) => o !== '--help');
  const operands = text.replace(/\[[^\]]*\](\.\.\.)?/g, ' ').replace(/\s+/g, ' ').trim();
  return { options: [...new Set(options)].sort(), operands };
}

describe('the README’s synopses are those of each command’s --help', () => {
  const synopses = new Map<string, string>();
  for (const block of readme.matchAll(/```\n(ssm-mw-contracts ([a-z-]+) [\s\S]*?)```/g)) synopses.set(block[2]!, block[1]!);

  it('gives one for validate, lint, check-cli and check-model', () => {
    expect([...synopses.keys()].sort()).toEqual(expect.arrayContaining(['check-cli', 'check-model', 'lint', 'validate']));
  });

  it.each(['validate', 'lint', 'check-cli', 'check-model', 'exchange', 'generate', 'skeleton'])('%s', async (command) => {
    const readmeSynopsis = synopses.get(command);
    if (readmeSynopsis === undefined) return;
    const help = (await runCli([command, '--help'])).stdout;
    const usage = /^Usage: (ssm-mw-contracts .*)$/m.exec(help)![1]!.replace('[options]', '');
    const table = help.slice(help.indexOf('\nOptions:\n'), help.indexOf('\n\n', help.indexOf('\nOptions:\n') + 1));
    const fromHelp = synopsisOf(`${usage} ${[...table.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => `[${m[1]}]`).join(' ')}`);
    expect(synopsisOf(readmeSynopsis)).toEqual(fromHelp);
  });
});

it('the README shows the output of its validate example whole', async () => {
  const shown = /```sh\nnpx ssm-mw-contracts (validate examples\/register-task-with-mistakes\.yaml [^\n]+)\n```\n\n```\n([\s\S]*?)```/.exec(readme)!;
  const run = await runCli(shown[1]!.split(' '), { env: { NO_COLOR: '1' } });
  expect(run.code).toBe(1);
  expect(shown[2]).toBe(run.stdout);
});
