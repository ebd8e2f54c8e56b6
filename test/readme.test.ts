import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/readers/rule-catalog.js';
import { runCli } from './support/cli.js';
import { allPages } from './support/docs.js';
import { ROOT } from './support/spec.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

it('the rules reference the README and docs link, generated/docs/rules.md, lists every rule, the contract’s and the readers’, with its severity and title', () => {
  // Hand-kept tables drifted; the docs link the generated reference instead, whose tables are read here by id.
  expect(readme).toContain('](generated/docs/rules.md)');
  const byId = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
  const reference = readFileSync(join(ROOT, 'generated', 'docs', 'rules.md'), 'utf8');
  const rows = [...reference.matchAll(/^\| \[(MW\d{3})\]\(#mw\d{3}\) \| (\w+) \|.* \| ([^|]+) \|$/gm)].map((m) => [m[1]!, m[2]!, m[3]!]);
  expect(rows.sort(byId)).toEqual(allRules.map((r) => [r.id, r.severity, r.title]).sort(byId));
});

it('the README’s set-up and test commands are the ones CI runs', () => {
  expect(readme).toContain('npm ci && npx ssm-mw-contracts validate examples/register-patch-task.json');
  expect(readme).toContain('```sh\nnpm test\n```');
  expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toMatch(/npm ci\nnpm test\n/);
});

it('the README names, where the test command is, every tool npm test runs and .ci/run checks', () => {
  const setUp = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## Examples'));
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

describe('the synopses of the README and docs/ are those of each command’s --help', () => {
  // A block of synopses: each starts a line with the command's name, continuation lines are indented.
  const synopses = allPages().flatMap(({ page, text }) =>
    [...text.matchAll(/```\n(ssm-mw-contracts [a-z-]+ [\s\S]*?)```/g)].flatMap((block) =>
      block[1]!.split(/\n(?=ssm-mw-contracts )/).map((synopsis) => ({ page, command: /^ssm-mw-contracts ([a-z-]+)/.exec(synopsis)![1]!, synopsis })),
    ),
  );

  it('the README gives one for every command', () => {
    expect(synopses.filter((s) => s.page === 'README.md').map((s) => s.command).sort()).toEqual(['check-cli', 'check-model', 'exchange', 'generate', 'lint', 'schedule', 'skeleton', 'validate']);
  });

  it.each(synopses.map((s) => [`${s.page}: ${s.command}`, s] as const))('%s', async (_, { command, synopsis }) => {
    const help = (await runCli([command, '--help'])).stdout;
    const usage = /^Usage: (ssm-mw-contracts .*)$/m.exec(help)![1]!.replace('[options]', '');
    const table = help.slice(help.indexOf('\nOptions:\n'), help.indexOf('\n\n', help.indexOf('\nOptions:\n') + 1));
    const fromHelp = synopsisOf(`${usage} ${[...table.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => `[${m[1]}]`).join(' ')}`);
    expect(synopsisOf(synopsis)).toEqual(fromHelp);
  });
});

it('the README shows the output of its validate example whole', async () => {
  const shown = /```sh\nnpx ssm-mw-contracts (validate examples\/register-task-with-mistakes\.yaml [^\n]+)\n```\n\n```\n([\s\S]*?)```/.exec(readme)!;
  const run = await runCli(shown[1]!.split(' '), { env: { NO_COLOR: '1' } });
  expect(run.code).toBe(1);
  expect(shown[2]).toBe(run.stdout);
});
