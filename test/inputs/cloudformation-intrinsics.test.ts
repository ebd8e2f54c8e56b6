import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { explore, type Exploration } from '../../src/readers/cloudformation/choices.js';
import { NO_VALUE, Resolver } from '../../src/readers/cloudformation/resolve.js';
import { findingsOf, lintFile, type LintIssue } from '../../src/lint/engine.js';
import { UNKNOWN } from '../../src/values/unknown-value.js';
import { generateAll } from '../support/cloudformation.js';

type Json = Record<string, unknown>;

/** Every place of a value: object members and list items, as paths. */
function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...path, i], ...places(v, [...path, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...path, k], ...places(v, [...path, k])]);
  return [];
}

function setAt(root: Json, path: readonly (string | number)[], value: unknown): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const s of path.slice(0, -1)) node = node[s] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const lintTemplate = (template: Json, format: 'json' | 'yaml' = 'json') => {
  const text = format === 'json' ? JSON.stringify(template, null, 2) : stringify(template);
  return lintFile({ file: `t.${format}`, text, explicit: true })!;
};

const errors = (issues: LintIssue[]) => issues.filter((i) => i.severity === 'error').map((i) => `${i.rule ?? i.code} ${i.path.join('.')}: ${i.message}`);

describe('an intrinsic function never causes a false error', () => {
  const good = generateAll().filter((g) => g.dir === 'good');
  const cases = good.flatMap((g) => {
    const template = JSON.parse(g.json) as Json;
    const properties = (template.Resources as Json)[g.logicalId] as Json;
    return places(properties.Properties).map((p) => [`${g.name} ${p.join('.')}`, template, ['Resources', g.logicalId, 'Properties', ...p]] as const);
  });

  it(`covers every place of every valid template (${cases.length} cases)`, () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  // Values only a deployment knows, and the ways a template computes a value from them.
  const deployTime = [
    { 'Fn::GetAtt': ['Resource', 'Attribute'] },
    { 'Fn::ImportValue': 'exported' },
    { 'Fn::Sub': '${AWS::Region}' },
    { 'Fn::Join': ['', [{ Ref: 'AWS::AccountId' }]] },
    { 'Fn::If': ['Unknowable', { Ref: 'AWS::StackName' }, { 'Fn::GetAtt': ['Resource', 'Attribute'] }] },
  ];

  it.each(cases)('%s', (_, template, path) => {
    for (const intrinsic of deployTime) {
      const withConditions = { ...setAt(template, path, intrinsic), Conditions: { Unknowable: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] } } };
      const result = lintTemplate(withConditions);
      expect(errors(findingsOf(result)), JSON.stringify(intrinsic)).toEqual([]);
    }
  });
});

describe('what a template decides is checked', () => {
  const task = (properties: Json, extra: Json = {}): Json => ({
    AWSTemplateFormatVersion: '2010-09-09',
    ...extra,
    Resources: {
      Task: {
        Type: 'AWS::SSM::MaintenanceWindowTask',
        Properties: {
          WindowId: 'mw-0123456789abcdef0',
          TaskArn: 'AWS-RunPatchBaseline',
          TaskType: 'RUN_COMMAND',
          ServiceRoleArn: 'arn:aws:iam::123456789012:role/R',
          Priority: 1,
          Targets: [{ Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] }],
          MaxConcurrency: '1',
          MaxErrors: '1',
          ...properties,
        },
      },
    },
  });
  const found = (template: Json) => findingsOf(lintTemplate(template)).map((i) => [i.rule ?? i.code, i.path.join('.'), i.variant ?? null]);

  it('Fn::Sub of a parameter’s Default, Fn::Join and Fn::Select of literals', () => {
    const parameters = { Parameters: { Prefix: { Type: 'String', Default: 'bad name!' } } };
    expect(found(task({ Name: { 'Fn::Sub': '${Prefix}-task' } }, parameters))).toEqual([['pattern_mismatch', 'Name', 'parameter Prefix = "bad name!" (its Default)']]);
    expect(found(task({ MaxErrors: { 'Fn::Join': ['', ['1', '0', '0', '0', '%']] } }))).toEqual([['pattern_mismatch', 'MaxErrors', null]]);
    expect(found(task({ MaxConcurrency: { 'Fn::Select': [1, ['1', '0']] } }))).toEqual([['pattern_mismatch', 'MaxConcurrency', null]]);
  });

  it('Fn::FindInMap with literal keys, and a parameter’s AllowedValues one by one', () => {
    const template = task(
      { MaxConcurrency: { 'Fn::FindInMap': ['Rates', { Ref: 'Stage' }, 'Concurrency'] } },
      { Parameters: { Stage: { Type: 'String', AllowedValues: ['prod', 'dev'] } }, Mappings: { Rates: { prod: { Concurrency: '10%' }, dev: { Concurrency: '0' } } } },
    );
    expect(found(template)).toEqual([['pattern_mismatch', 'MaxConcurrency', 'parameter Stage = "dev"']]);
  });

  it('a condition that the template decides picks one branch; an open one checks both', () => {
    const conditions = (c: unknown) => ({ Conditions: { C: c } });
    const value = { MaxErrors: { 'Fn::If': ['C', '1', 'x'] } };
    expect(found(task(value, conditions({ 'Fn::Equals': ['a', 'a'] })))).toEqual([]);
    expect(found(task(value, conditions({ 'Fn::Equals': ['a', 'b'] })))).toEqual([['pattern_mismatch', 'MaxErrors', null]]);
    expect(found(task(value, conditions({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] })))).toEqual([
      ['pattern_mismatch', 'MaxErrors', 'condition C is false'],
    ]);
  });

  it('a resource Condition that never holds: the task is never created, and says so', () => {
    const template = task({ MaxErrors: 'x' }, { Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } } });
    (template.Resources as Json & { Task: Json }).Task.Condition = 'Never';
    const result = lintTemplate(template, 'yaml');
    expect(result.tasks).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.resource])).toEqual([['not_checked', 'Task']]);
  });
});

describe('explore', () => {
  const all = <R>(exploration: Exploration<R>) => {
    const outcomes = [...exploration];
    return { outcomes, complete: exploration.complete, covered: exploration.covered };
  };

  it('visits every combination of the choices a run meets, each once', () => {
    const { outcomes, complete } = all(
      explore((choose) => {
        const a = choose('a', [{ label: 'a1', value: 1 }, { label: 'a2', value: 2 }]);
        // A choice met only on one path is combined only there.
        const b = a === 2 ? choose('b', [{ label: 'b1', value: 10 }, { label: 'b2', value: 20 }, { label: 'b3', value: 30 }]) : 0;
        return a + b + choose('a', [{ label: 'never asked again', value: 100 }]);
      }, 100),
    );
    expect(complete).toBe(true);
    expect(outcomes.map((o) => [o.result, o.assumptions]).sort()).toEqual([
      [14, ['a2', 'b1']],
      [2, ['a1']],
      [24, ['a2', 'b2']],
      [34, ['a2', 'b3']],
    ]);
  });

  it('takes every option of every choice in its first runs, then the other combinations', () => {
    const options = (name: string) => [1, 2, 3, 4].map((i) => ({ label: `${name}${i}`, value: i }));
    const exploration = explore((choose) => ['a', 'b', 'c'].map((k) => choose(k, options(k))).join(''), 1000);
    const first = [];
    for (const outcome of exploration) {
      first.push(outcome.result);
      if (first.length === 4) break;
    }
    expect(first).toEqual(['111', '222', '333', '444']);
    expect(exploration.covered).toBe(true);
    const { outcomes, complete } = all(explore((choose) => ['a', 'b', 'c'].map((k) => choose(k, options(k))).join(''), 1000));
    expect(complete).toBe(true);
    expect(new Set(outcomes.map((o) => o.result)).size).toBe(64);
    expect(outcomes).toHaveLength(64);
  });

  it('a run that meets no choice is the only one', () => {
    let runs = 0;
    const { outcomes, complete } = all(explore(() => ++runs, 10));
    expect([outcomes.length, runs, complete]).toEqual([1, 1, true]);
  });

  it('stops at the limit and says so', () => {
    const { outcomes, complete, covered } = all(explore((choose) => [1, 2, 3].map((i) => choose(`c${i}`, [{ label: 'x', value: 0 }, { label: 'y', value: 1 }])), 5));
    expect([outcomes.length, complete, covered]).toEqual([5, false, true]);
  });

  it('makes each combination only when it is consumed', () => {
    let runs = 0;
    const exploration = explore((choose) => {
      runs++;
      return [1, 2, 3, 4, 5, 6, 7, 8].map((i) => choose(`c${i}`, [{ label: 'x', value: 0 }, { label: 'y', value: 1 }]));
    }, 256);
    const iterator = exploration[Symbol.iterator]();
    iterator.next();
    iterator.next();
    expect(runs).toBe(2);
  });
});

describe('Resolver', () => {
  const resolve = (node: unknown, template: Json = {}) => {
    return [...explore((choose) => new Resolver(template, choose).resolve(node, []).value, 10)].map((o) => o.result);
  };

  it('AWS::NoValue removes a member or an item', () => {
    expect(resolve({ a: { Ref: 'AWS::NoValue' }, b: [1, { Ref: 'AWS::NoValue' }, 2] })).toEqual([{ b: [1, 2] }]);
    expect(resolve({ Ref: 'AWS::NoValue' })).toEqual([NO_VALUE]);
  });

  it('a parameter from Parameter Store is unknown whatever its Default', () => {
    expect(resolve({ Ref: 'P' }, { Parameters: { P: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/name' } } })).toEqual([UNKNOWN]);
  });

  it('a list parameter splits its Default', () => {
    expect(resolve({ Ref: 'P' }, { Parameters: { P: { Type: 'CommaDelimitedList', Default: 'a,b' } } })).toEqual([['a', 'b'], UNKNOWN]);
  });

  it('Fn::Sub keeps ${!Literal} and resolves its own variables', () => {
    expect(resolve({ 'Fn::Sub': ['${!Kept}-${X}', { X: { 'Fn::Join': ['-', ['a', 'b']] } }] })).toEqual(['${Kept}-a-b']);
  });

  it('a parameter compared in a condition is checked at each value the template names, and at any other', () => {
    const template = { Parameters: { Env: { Type: 'String' } }, Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } } };
    expect(resolve({ 'Fn::If': ['Prod', 'p', 'other'] }, template)).toEqual(['p', 'other']);
  });
});
