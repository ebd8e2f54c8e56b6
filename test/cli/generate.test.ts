import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../../src/generate/index.js';
import { runCli, transcript } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

const work = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of generated/ in which one schema was edited by hand, and one stale file left behind. */
function staleCopy(): string {
  const dir = mkdtempSync(join(work, 'stale-'));
  cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  const schema = join(dir, 'generated/json-schema/2020-12/RegisterTaskWithMaintenanceWindow.request.schema.json');
  writeFileSync(schema, readFileSync(schema, 'utf8').replace('"maxLength": 128', '"maxLength": 129'));
  writeFileSync(join(dir, 'generated/docs/Old.md'), 'old\n');
  return dir;
}

const cases: { name: string; argv: string[]; cwd?: () => string; exit: number }[] = [
  { name: 'check-up-to-date', argv: ['generate', '--check'], exit: 0 },
  { name: 'check-stale', argv: ['generate', '--check'], cwd: staleCopy, exit: 1 },
  { name: 'generate-help', argv: ['generate', '--help'], exit: 0 },
  { name: 'generate-extra-argument', argv: ['generate', 'docs'], exit: 2 },
  { name: 'skeleton-input', argv: ['skeleton', 'DescribeMaintenanceWindowExecutionTaskInvocations'], exit: 0 },
  { name: 'skeleton-yaml-input', argv: ['skeleton', 'describe-maintenance-window-execution-task-invocations', 'yaml-input'], exit: 0 },
  { name: 'skeleton-output', argv: ['skeleton', 'RegisterTaskWithMaintenanceWindow', 'output'], exit: 0 },
  { name: 'skeleton-help', argv: ['skeleton', '--help'], exit: 0 },
  { name: 'skeleton-no-operation', argv: ['skeleton'], exit: 2 },
  { name: 'skeleton-unknown-operation', argv: ['skeleton', 'SendCommand'], exit: 2 },
  { name: 'skeleton-unknown-form', argv: ['skeleton', 'RegisterTaskWithMaintenanceWindow', 'xml'], exit: 2 },
];

describe('ssm-mw-contracts generate and skeleton', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCli(c.argv, c.cwd ? { cwd: c.cwd() } : {});
    expect(run.code).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(transcript(c.argv, run)).toMatchFileSnapshot(`snapshots/generate/${name}.txt`);
  });

  it('writes every artifact, then finds them up to date, and leaves files it does not own alone', async () => {
    const dir = mkdtempSync(join(work, 'out-'));
    writeFileSync(join(dir, 'mine.txt'), 'not generated\n');
    const first = await runCli(['generate', '--out', '.'], { cwd: dir });
    expect(first.code).toBe(0);
    for (const [path, content] of generateFiles()) expect(readFileSync(join(dir, path), 'utf8'), path).toBe(content);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('not generated\n');
    const check = await runCli(['generate', '--out', '.', '--check'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('repairs a stale copy: edited files rewritten, stale ones removed', async () => {
    const dir = staleCopy();
    expect((await runCli(['generate'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['generate', '--check'], { cwd: dir })).code).toBe(0);
  });
});
