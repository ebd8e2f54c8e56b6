import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { FILE_BUDGET, VARIANT_LIMIT } from '../../src/readers/cloudformation/reader.js';
import { lintFile } from '../../src/lint/engine.js';
import { check, timeoutFor } from '../support/property.js';

/*
 * The CloudFormation reader on generated hostile shapes (issue 14, item 1): many tasks whose
 * members refer to parameters with many AllowedValues, to conditions on them and to large
 * mappings. Whatever the shape, lint answers within a bound that does not grow with the number of
 * combinations, never throws, checks every task it can within the file's budget, and says which
 * tasks or combinations it did not check.
 */

const RUNS = 20;
/** Generous: the file's budget is under a second's work; a case over this is the budget not holding. */
const SLOW_MS = 15_000;

const MEMBERS = ['MaxConcurrency', 'MaxErrors', 'Description', 'Name', 'Priority'] as const;

const shape = fc.record({
  tasks: fc.integer({ min: 1, max: 300 }),
  parameters: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
  conditions: fc.integer({ min: 0, max: 3 }),
  mapping: fc.integer({ min: 0, max: 300 }),
  uses: fc.array(fc.record({ member: fc.constantFrom(...MEMBERS), form: fc.constantFrom('ref', 'sub', 'if') }), { minLength: 1, maxLength: 5 }),
  targeted: fc.boolean(),
  yaml: fc.boolean(),
});

type Shape = typeof shape extends fc.Arbitrary<infer S> ? S : never;

function template(s: Shape): { file: string; text: string } {
  const parameters = Object.fromEntries(
    s.parameters.map((count, p) => [`P${p}`, { Type: 'String', Default: `${p}0`, AllowedValues: Array.from({ length: count }, (_, v) => `${p}${v}`) }]),
  );
  const conditions = Object.fromEntries(Array.from({ length: s.conditions }, (_, c) => [`C${c}`, { 'Fn::Equals': [{ Ref: `P${c % s.parameters.length}` }, `${c % s.parameters.length}1`] }]));
  const value = (use: Shape['uses'][number], i: number) => {
    const p = `P${i % s.parameters.length}`;
    if (use.form === 'ref') return { Ref: p };
    if (use.form === 'sub') return { 'Fn::Sub': s.parameters.map((_, q) => `\${P${q}}`).join('-') };
    return s.conditions > 0 ? { 'Fn::If': [`C${i % s.conditions}`, { Ref: p }, '1'] } : { Ref: p };
  };
  const properties = (t: number) => ({
    WindowId: 'mw-0123456789abcdef0',
    TaskArn: 'AWS-RunShellScript',
    TaskType: s.targeted ? 'RUN_COMMAND' : 'AUTOMATION',
    ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
    ...(s.targeted ? { Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }] } : {}),
    ...Object.fromEntries(s.uses.map((use, i) => [use.member, value(use, i + t)])),
    ...(s.mapping > 0 ? { TaskParameters: { 'Fn::FindInMap': ['Big', 'All', 'Params'] } } : {}),
  });
  const mappings = s.mapping > 0 ? { Big: { All: { Params: Object.fromEntries(Array.from({ length: s.mapping }, (_, i) => [`p${i}`, { Values: [`v${i}`] }])) } } } : undefined;
  const t = {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: parameters,
    ...(s.conditions > 0 ? { Conditions: conditions } : {}),
    ...(mappings ? { Mappings: mappings } : {}),
    Resources: Object.fromEntries(Array.from({ length: s.tasks }, (_, t) => [`Task${t}`, { Type: 'AWS::SSM::MaintenanceWindowTask', Properties: properties(t) }])),
  };
  return s.yaml ? { file: 'template.yaml', text: stringify(t) } : { file: 'template.json', text: JSON.stringify(t) };
}

describe('the CloudFormation reader on generated hostile shapes', () => {
  it('answers within a bound, never throws, and says what it did not check', { timeout: timeoutFor(RUNS) + RUNS * SLOW_MS }, () => {
    check(
      'hostile CloudFormation shapes',
      shape,
      (s) => {
        const { file, text } = template(s);
        const start = performance.now();
        const result = lintFile({ file, text, explicit: true })!;
        expect(performance.now() - start, `${s.tasks} tasks`).toBeLessThan(SLOW_MS);
        expect(result.reader).toBe('cloudformation');
        expect(result.inputProblem).toBeUndefined();
        // Every task is checked, or named as not checked.
        expect(result.tasks.length + result.unchecked.length).toBe(s.tasks);
        const notChecked = result.issues.filter((i) => i.code === 'not_checked');
        for (const id of result.unchecked) expect(notChecked.some((i) => i.resource === id)).toBe(true);
        // No task goes beyond its limit, and all of them together within the file's budget (each variant resolves at least one value).
        const variants = result.tasks.reduce((n, t) => n + t.variants, 0);
        expect(variants).toBeLessThanOrEqual(FILE_BUDGET);
        for (const task of result.tasks) {
          expect(task.variants).toBeGreaterThan(0);
          expect(task.variants).toBeLessThanOrEqual(VARIANT_LIMIT);
          // A task checked in fewer combinations than it has says so (counted where no condition prunes them).
          if (s.conditions > 0) continue;
          const t = Number(task.resource.slice('Task'.length));
          const referenced = new Set(s.uses.flatMap((use, i) => (use.form === 'sub' ? s.parameters.map((_, q) => q) : [(i + t) % s.parameters.length])));
          const combinations = [...referenced].reduce((n, q) => n * s.parameters[q]!, 1);
          if (task.variants < combinations) expect(task.checked, task.resource).toBe('partly');
          else expect(task.variants).toBe(combinations);
        }
      },
      RUNS,
    );
  });
});
