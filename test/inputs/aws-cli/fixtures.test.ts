import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommandLine } from '../../../src/readers/aws-cli/check-command-line.js';
import { findInScript } from '../../../src/readers/aws-cli/find.js';
import { rules } from '../../../src/rules/index.js';
import { loadFixtures } from '../../support/payloads.js';
import { ROOT } from '../../support/spec.js';

/*
 * Every request fixture of the contract core also exists as a command line
 * (test/fixtures/aws-cli, written by scripts/aws-cli-fixtures.ts): read as the AWS CLI reads it,
 * it must raise exactly the core fixture's issues, each at the line of the option it belongs to.
 */

const DIR = join(ROOT, 'test', 'fixtures', 'aws-cli');

interface Expected {
  issues: { code: string; severity: string; path: (string | number)[]; rule?: string; line: number }[];
}

function read(dir: 'good' | 'bad', name: string) {
  const text = readFileSync(join(DIR, dir, `${name}.sh`), 'utf8');
  const [line] = findInScript(text);
  const check = checkCommandLine(line!.words, { cwd: DIR });
  const issues = check.issues.map((i) => ({
    code: i.code,
    severity: i.severity,
    path: i.path,
    ...(i.rule ? { rule: i.rule } : {}),
    line: i.at ? line!.words[i.at.word]!.positions.at(i.at.offset)!.line : line!.position.line,
  }));
  return { check, issues };
}

const key = (i: Expected['issues'][number]) => JSON.stringify([i.code, i.severity, i.path, i.rule ?? null, i.line]);

for (const dir of ['good', 'bad'] as const) {
  describe(`${dir} fixtures as command lines`, () => {
    const names = readdirSync(join(DIR, dir)).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3));

    it('exist for every request fixture of the core', () => {
      expect(names.sort()).toEqual(loadFixtures(dir).filter((f) => f.kind === 'request').map((f) => f.name).sort());
    });

    it.each(names.map((n) => [n] as const))('%s', (name) => {
      const expected = JSON.parse(readFileSync(join(DIR, dir, `${name}.expected.json`), 'utf8')) as Expected;
      const { check, issues } = read(dir, name);
      expect(check.reading.outcome).toBe('request');
      expect(issues.map(key).sort()).toEqual(expected.issues.map(key).sort());
    });
  });
}

it('every request rule has a bad command-line fixture', () => {
  const bad = readdirSync(join(DIR, 'bad')).filter((f) => f.endsWith('.sh'));
  for (const rule of rules.filter((r) => r.appliesTo.kind === 'request')) expect(bad.some((f) => f.startsWith(`${rule.id}.`))).toBe(true);
});

describe('the bridge to lint', () => {
  it('turns a found command line into a FoundTask placed word by word', async () => {
    const { commandLineTask } = await import('../../../src/readers/aws-cli/task.js');
    const text = readFileSync(join(DIR, 'bad', 'MW005.tag-key.sh'), 'utf8');
    const { task, findings } = commandLineTask(findInScript(text)[0]!, { cwd: DIR });
    expect(findings).toEqual([]);
    expect(task).toMatchObject({ operation: 'RegisterTaskWithMaintenanceWindow', kind: 'request', resource: 'aws ssm register-task-with-maintenance-window', location: { line: 2, column: 1 }, issues: [] });
    expect(task!.locate(['Targets', 0, 'Key'])).toEqual({ location: { line: 7, column: 22 }, sourcePath: ['--targets', 0, 'Key'] });
    const refused = commandLineTask(findInScript('aws ssm register-task-with-maintenance-window \\\n  --window-id w --task-arn a --task-type LAMBDA --priority x\n')[0]!);
    expect(refused.task).toBeUndefined();
    expect(refused.findings.map((f) => [f.issue.code, f.location])).toEqual([['cli_refused', { line: 2, column: 60 }]]);
  });
});
