import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

/** Where lint's page shows how to run it in CI and in pre-commit. */
const page = readFileSync(join(ROOT, 'docs', 'lint.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

/** The words of a command after the package's name, up to a redirection. */
function argsAfterBin(command: string): { args: string[]; output?: string } {
  const [cmd, output] = command.split('>').map((s) => s.trim());
  const words = cmd!.split(/\s+/);
  return { args: words.slice(words.indexOf('ssm-mw-contracts') + 1), ...(output ? { output } : {}) };
}

describe('the GitHub Actions example in docs/lint.md', () => {
  const block = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('upload-sarif'))!;
  const workflow = parse(block) as { permissions: Record<string, string>; jobs: { lint: { steps: { run?: string; uses?: string; if?: string; with?: Record<string, string> }[] } } };
  const steps = workflow.jobs.lint.steps;
  const lintStep = steps.find((s) => s.run?.includes('ssm-mw-contracts lint'))!;
  const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;

  it('uploads the file lint writes, even when lint fails, with the permission code scanning needs', () => {
    expect(argsAfterBin(lintStep.run!).output).toBe(upload.with!.sarif_file);
    expect(upload.if).toBe('always()');
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('runs a lint command that prints SARIF', async () => {
    const { args } = argsAfterBin(lintStep.run!);
    const run = await runCli([...args.slice(0, -1), 'test/fixtures/cloudformation/cdk.out']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'ssm-mw-contracts' } } }] });
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

  it('runs this package’s bin with Node', () => {
    expect(hook!.language).toBe('node');
    expect(Object.keys(pkg.bin)).toContain(hook!.entry.split(' ')[0]);
    expect(page).toContain(`id: ${hook!.id}`);
  });

  it('passes templates, payloads and scripts, and lint skips the other files it is given', async () => {
    const files = new RegExp(hook!.files);
    const script = 'test/fixtures/aws-cli/bad/MW003.targetless-with-rate-controls.sh';
    const staged = ['test/fixtures/cloudformation/cdk.out/PatchingStack.template.json', 'package.json', 'examples/register-patch-task.json', script, 'src/index.ts', '.gitignore'];
    const passed = staged.filter((f) => files.test(f));
    expect(passed).toEqual(['test/fixtures/cloudformation/cdk.out/PatchingStack.template.json', 'package.json', 'examples/register-patch-task.json', script]);
    const run = await runCli([...hook!.entry.split(' ').slice(1), ...passed]);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('package.json');
    expect(run.stdout).toContain('3 files, 4 tasks, 1 window checked: 3 errors');
  });
});
