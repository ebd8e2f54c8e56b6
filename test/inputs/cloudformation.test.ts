import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, lintFile } from '../../src/lint/engine.js';
import { CFN_FIXTURES, convertibleFixtures, generateAll, loadTemplateFixtures, type ExpectedIssue, type TemplateFixture } from '../support/cloudformation.js';
import { ROOT } from '../support/spec.js';

function lintFixture(f: TemplateFixture) {
  const result = lintFile({ file: relative(ROOT, f.file), text: readFileSync(f.file, 'utf8'), explicit: true })!;
  return { result, findings: findingsOf(result) };
}

const shape = (i: { code: string; severity: string; rule?: string; path: unknown[]; sourcePath?: unknown[]; variant?: string; resource?: string }, at: [number, number] | undefined) => ({
  code: i.code,
  severity: i.severity,
  ...(i.rule ? { rule: i.rule } : {}),
  path: i.path,
  sourcePath: i.sourcePath ?? i.path,
  at,
  ...(i.variant ? { variant: i.variant } : {}),
});

const order = (a: { at?: [number, number]; code: string }, b: { at?: [number, number]; code: string }) =>
  (a.at?.[0] ?? 0) - (b.at?.[0] ?? 0) || (a.at?.[1] ?? 0) - (b.at?.[1] ?? 0) || a.code.localeCompare(b.code);

describe('the contract’s fixtures as CloudFormation templates', () => {
  it('are generated from every RegisterTaskWithMaintenanceWindow request fixture, and up to date', () => {
    const generated = generateAll();
    expect(generated.map((g) => `${g.dir}/${g.name}`).sort()).toEqual(
      (['good', 'bad'] as const).flatMap((dir) => convertibleFixtures(dir).map((f) => `${dir}/${f.name}`)).sort(),
    );
    for (const g of generated) {
      const base = join(CFN_FIXTURES, g.dir, g.name);
      expect(readFileSync(`${base}.yaml`, 'utf8'), `${base}.yaml`).toBe(g.yaml);
      expect(readFileSync(`${base}.json`, 'utf8'), `${base}.json`).toBe(g.json);
      expect(JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')), `${base}.expected.json`).toEqual(g.expected);
    }
  });

  it('report the same rules as the payloads they come from', () => {
    for (const g of generateAll().filter((g) => g.dir === 'bad')) {
      const payload = convertibleFixtures('bad').find((f) => f.name === g.name)!;
      expect(g.expected.issues.map((i) => [i.code, i.rule, i.path])).toEqual(payload.issues.map((i) => [i.code, i.rule, i.path]));
    }
  });
});

describe.each(['bad', 'good'] as const)('lint on test/fixtures/cloudformation/%s', (dir) => {
  const fixtures = loadTemplateFixtures(dir);

  it('has both formats of every generated fixture', () => {
    const generated = fixtures.filter((f) => f.expected.source !== 'hand-written');
    for (const f of generated) expect(generated.filter((g) => g.name === f.name).map((g) => g.format).sort()).toEqual(['json', 'yaml']);
    expect(generated.length).toBe(2 * convertibleFixtures(dir).length);
  });

  it.each(fixtures.map((f) => [`${f.name}.${f.format}`, f] as const))('%s', (_, f) => {
    const { result, findings } = lintFixture(f);
    expect(result.reader).toBe('cloudformation');
    expect(result.inputProblem).toBeUndefined();
    if (dir === 'good') expect(findings).toEqual([]);
    const actual = findings.map((i) => shape(i, i.line ? [i.line, i.column!] : undefined)).sort(order);
    const expected = f.expected.issues.map((i: ExpectedIssue) => shape(i, i[f.format])).sort(order);
    expect(actual).toEqual(expected);
  });
});

describe('a template that does not parse', () => {
  it('names the format it was read as: the file name decides, as it decides the parser', () => {
    const text = '{ "AWSTemplateFormatVersion": "2010-09-09", "Resources": { "T": { "Type": "AWS::SSM::MaintenanceWindowTask" }\n';
    const asYaml = lintFile({ file: 'template.yaml', text, explicit: true })!;
    expect(asYaml.issues.map((i) => [i.code, i.params.format])).toEqual([['syntax_error', 'YAML']]);
    const asJson = lintFile({ file: 'template.json', text, explicit: true })!;
    expect(asJson.issues.map((i) => [i.code, i.params.format])).toEqual([['syntax_error', 'JSON']]);
  });
});

describe('findings in CloudFormation’s names', () => {
  it('names MW004’s members and MW008’s replacement by their property names (issue 13)', () => {
    const lintNamed = (name: string) => findingsOf(lintFile({ file: `test/fixtures/cloudformation/bad/${name}`, text: readFileSync(join(CFN_FIXTURES, 'bad', name), 'utf8'), explicit: true })!);
    expect(lintNamed('MW004.run-command-parameters-on-automation.yaml').find((i) => i.rule === 'MW004')).toMatchObject({
      message: 'TaskInvocationParameters.MaintenanceWindowRunCommandParameters does not match TaskType AUTOMATION; only MaintenanceWindowAutomationParameters may be given.',
      hint: 'Move these parameters to TaskInvocationParameters.MaintenanceWindowAutomationParameters, or remove them.',
    });
    expect(lintNamed('MW009.task-parameters-on-lambda.yaml').find((i) => i.rule === 'MW009')!.hint).toBe('Use TaskInvocationParameters.MaintenanceWindowLambdaParameters.Payload instead, or remove it.');
  });
});
