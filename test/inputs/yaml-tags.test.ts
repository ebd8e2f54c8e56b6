import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/parse/yaml/parse-yaml.js';
import { payloadTags } from '../../src/readers/payload/payload-document.js';
import { findingsOf, lintFile } from '../../src/lint/engine.js';
import { UNKNOWN } from '../../src/values/unknown-value.js';
import { cpuMs } from '../support/cpu.js';
import { runCli } from '../support/cli.js';

/*
 * YAML tags that nothing resolves (D37, issue 14 item 6): the yaml package only warns and reads the
 * value as if it had no tag, so `TaskArn: !Include x.txt` was a valid payload. A payload file with
 * one is an error (AWS CLI v2 refuses it: "Invalid YAML received"), the value unchecked; in a
 * template the value is unknown and not_checked, never the text after the tag.
 */

const PAYLOAD = `WindowId: mw-0123456789abcdef0
TaskArn: !Include x.txt
ServiceRoleArn: !!js/function 'function () { return "arn:aws:iam::123456789012:role/MW" }'
TaskType: AUTOMATION
Description: !!str 12
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yaml-tags-'));
  writeFileSync(join(dir, 'task.yaml'), PAYLOAD);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the yaml package’s warnings are read', () => {
  it('names each tag it could not resolve, with the path of what it tags and where the tag is', () => {
    const doc = parseYaml('a: !Include x\nb:\n  - !!js/function f\nc: !Foo\n  d: !Bar e\nf: !!str [1]\ng: !!int nope\nh: !!str 12\ni: !!binary aGk=\n');
    expect(doc.unknownTags).toEqual([
      { tag: '!Include', path: ['a'], position: { line: 1, column: 4 } },
      { tag: '!!js/function', path: ['b', 0], position: { line: 3, column: 5 } },
      { tag: '!Foo', path: ['c'], position: { line: 4, column: 4 } },
      { tag: '!Bar', path: ['c', 'd'], position: { line: 5, column: 6 } },
      { tag: '!!str', path: ['f'], position: { line: 6, column: 4 } },
      { tag: '!!int', path: ['g'], position: { line: 7, column: 4 } },
    ]);
    // Tags the YAML core schema resolves are not unknown.
    expect(parseYaml('h: !!str 12\n').unknownTags).toBeUndefined();
  });
});

describe('a payload file', () => {
  const expected = [
    ['yaml_unknown_tag', 'TaskArn', 2, 10],
    ['yaml_unknown_tag', 'ServiceRoleArn', 3, 17],
  ];

  it('validate: an error at each tag, exit 1, and the values behind them are not checked', async () => {
    const run = await runCli(['validate', '--format', 'json', 'task.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    const [result] = (JSON.parse(run.stdout) as { results: { valid: boolean; issues: { code: string; path: string[]; line: number; column: number; message: string }[] }[] }).results;
    expect(result!.valid).toBe(false);
    // "x.txt" would break TaskArn's pattern, and the function text ServiceRoleArn's: neither is reported.
    expect(result!.issues.map((i) => [i.code, i.path.join('.'), i.line, i.column])).toEqual(expected);
    expect(result!.issues[0]!.message).toMatch(/TaskArn is tagged !Include, a YAML tag the AWS CLI cannot read: AWS CLI v2 refuses the file/);
  });

  it('lint: the same findings', () => {
    const findings = findingsOf(lintFile({ file: 'task.yaml', text: PAYLOAD, explicit: true })!);
    expect(findings.filter((f) => f.severity === 'error').map((i) => [i.code, i.path.join('.'), i.line, i.column])).toEqual(expected);
  });

  it('check-cli: AWS CLI v2 refuses it as --cli-input-yaml, as the real one does (exit 252)', async () => {
    const run = await runCli(['check-cli', '--format', 'json', '--', 'aws', 'ssm', 'register-task-with-maintenance-window', '--cli-input-yaml', 'file://task.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"outcome": "refused"');
    expect(run.stdout).toContain("Error parsing parameter 'cli-input-yaml': Invalid YAML received.");
    expect(run.stdout).toMatch(/"exit": 252/);
  });
});

describe('a template', () => {
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: mw-0123456789abcdef0
      TaskArn: !!js/function "function () { return 'AWS-RunShellScript' }"
      ServiceRoleArn: !Include role.txt
      TaskType: AUTOMATION
      Priority: !!int nope
      Description: !!str 12
`;

  it('an unknown tag is not_checked and its value unknown, never the text after it', () => {
    const result = lintFile({ file: 'template.yaml', text: template, explicit: true })!;
    expect(result.tasks.map((t) => [t.resource, t.checked])).toEqual([['Task', 'partly']]);
    // The function's text is no TaskArn and "nope" no integer: neither is checked as such.
    expect(findingsOf(result).map((i) => [i.code, i.line, i.message])).toEqual([
      ['not_checked', 7, expect.stringMatching(/^The tag !!js\/function was not checked: !!js\/function is no tag CloudFormation's YAML reads/)],
      ['not_checked', 8, expect.stringMatching(/^The tag !Include was not checked: !Include is not a CloudFormation tag/)],
      ['not_checked', 10, expect.stringMatching(/^The tag !!int was not checked/)],
    ]);
  });
});

describe('a file of many tags', () => {
  it('sets every tagged value to unknown, a value under one already unknown once, leaving the parsed value untouched', () => {
    const doc = parseYaml('a: !X 1\nb:\n  c: !Y [1, !Z 2]\n  d: [!W 3, 4]\ne: 5\n');
    const before = JSON.stringify(doc.value);
    expect(payloadTags(doc).value).toEqual({ a: UNKNOWN, b: { c: UNKNOWN, d: [UNKNOWN, 4] }, e: 5 });
    expect(JSON.stringify(doc.value)).toBe(before);
  });

  it('copies the file once, not once per tag (20,000 tags: about 0.2 s of CPU; a copy per tag takes about a minute)', () => {
    const doc = parseYaml(Array.from({ length: 20_000 }, (_, i) => `k${i}: !Ref p${i}`).join('\n') + '\n');
    let tags: ReturnType<typeof payloadTags> | undefined;
    expect(cpuMs(() => (tags = payloadTags(doc)))).toBeLessThan(5_000);
    expect(tags!.findings).toHaveLength(20_000);
    expect(Object.values(tags!.value as object).every((v) => v === UNKNOWN)).toBe(true);
  });
});
