import { describe, expect, it } from 'vitest';
import { FILE_BUDGET, VARIANT_LIMIT } from '../../src/readers/cloudformation/reader.js';
import { lintFile } from '../../src/lint/engine.js';
import { variantsTemplate } from '../support/hostile.js';

/*
 * How much of a template lint checks (D36, issue 14 item 1): each task at most VARIANT_LIMIT
 * variants, all of a file's tasks within FILE_BUDGET resolved values, each task its share; what is
 * left is said. test/hostile.test.ts holds the time and memory; here, what is reported.
 */

const lint = (text: string) => lintFile({ file: 'template.yaml', text, explicit: true })!;

describe('a task with more combinations than it is checked in', () => {
  it('is checked in 256 variants that take every value of each parameter, and says so', () => {
    const result = lint(variantsTemplate(1).text);
    expect(result.tasks.map((t) => [t.resource, t.variants, t.checked])).toEqual([['Task0', VARIANT_LIMIT, 'partly']]);
    expect(result.issues.map((i) => [i.code, i.resource, i.message])).toEqual([
      ['not_checked', 'Task0', 'Task0 was not checked: it depends on more than 256 combinations of parameter values and conditions; 256 were checked, which take every value of each parameter and condition at least once.'],
    ]);
    // The task's own errors, in every variant, are reported once each and without a variant label.
    expect(result.tasks[0]!.issues.map((i) => [i.rule, i.path.join('.'), i.variant])).toEqual([
      ['MW003', 'MaxConcurrency', undefined],
      ['MW003', 'MaxErrors', undefined],
    ]);
  });
});

describe('a file of many such tasks', () => {
  const result = lint(variantsTemplate(1000).text);

  it('checks every task within the file’s budget, the last one too', () => {
    expect(result.tasks).toHaveLength(1000);
    expect(result.unchecked).toEqual([]);
    for (const task of result.tasks) expect(task.variants).toBeGreaterThan(1);
    // Each variant of these tasks resolves 10 values or more.
    expect(result.tasks.reduce((n, t) => n + t.variants, 0)).toBeLessThanOrEqual(FILE_BUDGET / 10);
    expect(result.tasks.at(-1)!.issues.map((i) => i.rule)).toEqual(['MW003', 'MW003']);
  });

  it('says of each task that its share of the budget did not cover its combinations', () => {
    const notChecked = result.issues.filter((i) => i.code === 'not_checked');
    expect(notChecked).toHaveLength(1000);
    expect(notChecked[0]!.message).toMatch(/^Task0 was not checked: it depends on more combinations of parameter values and conditions than its share of this file's budget for resolving templates allows; 8 were checked, which take every value of each parameter and condition at least once\.$/);
    for (const task of result.tasks) expect(task.checked).toBe('partly');
  });
});

describe('a file whose tasks spend the budget before the last', () => {
  it('names each task it could not check', () => {
    const mapping = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`p${i}`, { Values: [`v${i}`] }]));
    const task = (i: number) => ({
      [`Task${i}`]: {
        Type: 'AWS::SSM::MaintenanceWindowTask',
        Properties: { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RunShellScript', TaskType: 'AUTOMATION', Priority: 1, TaskParameters: { 'Fn::FindInMap': ['Big', 'All', 'Params'] } },
      },
    });
    const template = { Mappings: { Big: { All: { Params: mapping } } }, Resources: Object.assign({}, ...Array.from({ length: 100 }, (_, i) => task(i))) };
    const result = lintFile({ file: 'template.json', text: JSON.stringify(template), explicit: true })!;
    // Each task resolves 6,001 values: 16 fit in 100,000.
    expect(result.tasks).toHaveLength(16);
    expect(result.unchecked).toEqual(Array.from({ length: 84 }, (_, i) => `Task${i + 16}`));
    expect(result.issues.find((i) => i.resource === 'Task16')!.message).toBe("Task16 was not checked: this file's budget for resolving templates (100,000 values) was spent on the tasks before it.");
  });
});
