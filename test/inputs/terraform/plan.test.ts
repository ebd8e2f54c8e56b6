import { describe, expect, it } from 'vitest';
import { readTerraformPlan, terraformPlanReader } from '../../../src/readers/terraform/plan.js';
import { UNKNOWN } from '../../../src/values/unknown-value.js';
import { findingsOf, summary } from '../../support/lint.js';
import { toPlan } from '../../support/terraform.js';
import { wordIssue } from '../../../src/issues/make.js';

type Plan = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The line of the resource change (the line after `"resource_changes": [`). */
const changeLine = (text: string) => text.split('\n').findIndex((l) => l.includes('"resource_changes"')) + 2;

const TARGETED = {
  WindowId: 'mw-0123456789abcdef0',
  TaskArn: 'AWS-RunPatchBaseline',
  TaskType: 'RUN_COMMAND',
  ServiceRoleArn: 'arn:aws:iam::123456789012:role/MW',
  MaxConcurrency: '1',
  MaxErrors: '1',
  Targets: [{ Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fb1a2b3c4'] }],
};
const TARGETLESS = { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ServiceRoleArn: 'arn:aws:iam::123456789012:role/MW' };

/** A plan for the payload, changed by `edit` (the plan object, its one resource change). */
function plan(payload: Record<string, unknown>, edit: (plan: Plan, change: Plan) => void = () => {}, options: { module?: string } = {}): string {
  const p = JSON.parse(toPlan(payload, 'task', options).text) as Plan;
  edit(p, p.resource_changes[0]);
  return JSON.stringify(p, null, 2);
}

describe('reading resource_changes', () => {
  it('reads a create at its address, in a module, and locates findings in the plan file', () => {
    const text = plan({ ...TARGETED, Targets: [{ Key: 'InstanceIds', Values: ['i-02573cafcfEXAMPLE'] }] }, () => {}, { module: 'module.patching' });
    const result = readTerraformPlan(text);
    expect(result.tasks.map((t) => [t.resource, t.location.line])).toEqual([['module.patching.aws_ssm_maintenance_window_task.task', changeLine(text)]]);
    const line = text.split('\n').findIndex((l, i) => i > changeLine(text) && l.includes('"i-02573cafcfEXAMPLE"')) + 1;
    expect(findingsOf(result).map((f) => [f.rule, f.line, f.sourcePath])).toEqual([['MW007', line, ['targets', 0, 'values', 0]]]);
  });

  it('skips what sends no request: no-op, read, delete, deposed objects, other types', () => {
    for (const actions of [['no-op'], ['read'], ['delete'], ['forget']]) {
      expect(readTerraformPlan(plan(TARGETED, (_, c) => (c.change.actions = actions))).tasks).toEqual([]);
    }
    expect(readTerraformPlan(plan(TARGETED, (_, c) => (c.deposed = 'a1b2c3'))).tasks).toEqual([]);
    expect(readTerraformPlan(plan(TARGETED, (_, c) => (c.type = 'aws_instance'))).tasks).toEqual([]);
    expect(readTerraformPlan(plan(TARGETED, (_, c) => (c.change.actions = ['delete', 'create']))).tasks).toHaveLength(1);
  });

  it('makes values known only after apply UNKNOWN, with no finding caused by them', () => {
    const text = plan(TARGETED, (_, c) => {
      delete c.change.after.window_id;
      c.change.after.targets[0].values = [];
      c.change.after_unknown.window_id = true;
      c.change.after_unknown.targets = [{ values: true }];
    });
    const t = readTerraformPlan(text).tasks[0]!;
    expect(t.payload).toMatchObject({ WindowId: UNKNOWN, Targets: [{ Key: 'WindowTargetIds', Values: UNKNOWN }] });
    expect(summary(readTerraformPlan(text))).toEqual([]);
  });

  it('leaves out Optional+Computed arguments the configuration does not set, and keeps those it sets (unknown)', () => {
    const unset = plan(TARGETLESS);
    expect(readTerraformPlan(unset).tasks[0]!.payload).not.toHaveProperty('MaxConcurrency');
    expect(summary(readTerraformPlan(unset))).toEqual([]);
    const configured = plan(TARGETLESS, (p) => {
      p.configuration.root_module.resources[0].expressions.max_concurrency = { references: ['var.mc'] };
    });
    expect(readTerraformPlan(configured).tasks[0]!.payload).toMatchObject({ MaxConcurrency: UNKNOWN });
    expect(summary(readTerraformPlan(configured), ['error'])).toEqual([`MW003@${changeLine(configured)}`]);
    // Without a configuration to ask, the rate controls of a task without targets count as unset, the others as set.
    const bare = plan(TARGETLESS, (p) => delete p.configuration);
    expect(summary(readTerraformPlan(bare))).toEqual([]);
    const bareTargeted = plan({ ...TARGETED, MaxConcurrency: undefined, MaxErrors: undefined }, (p) => delete p.configuration);
    expect(readTerraformPlan(bareTargeted).tasks[0]!.payload).toMatchObject({ MaxConcurrency: UNKNOWN, MaxErrors: UNKNOWN });
    expect(summary(readTerraformPlan(bareTargeted))).toEqual([]);
  });

  it('follows the provider on update: no MaxConcurrency or MaxErrors for a task without targets (MW207 when configured)', () => {
    const update = (configured: boolean) =>
      plan({ ...TARGETLESS, MaxConcurrency: '1', MaxErrors: '1', Priority: 0 }, (p, c) => {
        c.change.actions = ['update'];
        c.change.before = c.change.after;
        c.change.after.priority = 0;
        if (!configured) {
          delete p.configuration.root_module.resources[0].expressions.max_concurrency;
          delete p.configuration.root_module.resources[0].expressions.max_errors;
        }
      });
    const fromState = readTerraformPlan(update(false));
    expect(fromState.tasks[0]!.payload).not.toHaveProperty('MaxConcurrency');
    expect(fromState.tasks[0]!.payload).toMatchObject({ Priority: 0 });
    expect(summary(fromState)).toEqual([]);
    const written = update(true);
    const line = (name: string) => written.split('\n').findIndex((l, i) => i > 60 && l.includes(`"${name}": "1"`)) + 1;
    expect(summary(readTerraformPlan(written))).toEqual([`MW207@${line('max_concurrency')}`, `MW207@${line('max_errors')}`].sort());
  });

  it('tells the kind of ID a target refers to from the configuration’s references (MW208)', () => {
    const text = plan({ ...TARGETED, Targets: [{ Key: 'InstanceIds', Values: ['x'] }] }, (p, c) => {
      c.change.after.targets[0].values = [];
      c.change.after_unknown.targets = [{ values: [true] }];
      c.change.after.targets[0].values = [null];
      p.configuration.root_module.resources[0].expressions.targets = [{ key: { constant_value: 'InstanceIds' }, values: { references: ['aws_ssm_maintenance_window.production.id', 'aws_ssm_maintenance_window.production'] } }];
    });
    expect(findingsOf(readTerraformPlan(text)).map((f) => [f.rule, f.path])).toEqual([['MW208', ['Targets', 0, 'Values']]]);
  });
});

describe('what is not a plan to check', () => {
  it('reports JSON that does not parse, where it stops', () => {
    const result = readTerraformPlan('{"format_version": "1.2", "terraform_version": "1.9.8",\n  "resource_changes": [}');
    expect(result.findings.map((f) => [f.issue.code, f.location?.line, f.location?.column])).toEqual([['syntax_error', 2, 24]]);
  });

  it('says why it checks nothing in a state file or a plan format it does not know', () => {
    const state = readTerraformPlan(JSON.stringify({ format_version: '1.0', terraform_version: '1.9.8', values: { root_module: { resources: [{ type: 'aws_ssm_maintenance_window_task' }] } } }));
    expect(state.findings.map((f) => f.issue.code)).toEqual(['not_checked']);
    const future = readTerraformPlan(JSON.stringify({ format_version: '2.0', terraform_version: '2.0.0', resource_changes: [] }));
    expect(future.findings.map((f) => [f.issue.code, wordIssue(f.issue).message])).toEqual([['not_checked', 'This plan was not checked: its format_version 2.0 is newer than the 1.x this reader knows.']]);
  });

  it('claims JSON files that Terraform wrote, and no others', () => {
    expect(terraformPlanReader.detect('plan.json', plan(TARGETED))).toBe(true);
    expect(terraformPlanReader.detect('payload.json', JSON.stringify(TARGETED))).toBe(false);
    expect(terraformPlanReader.detect('plan.tf', plan(TARGETED))).toBe(false);
    expect(terraformPlanReader.read('plan.json', plan(TARGETED), { cwd: '.', readFile: () => undefined }).tasks).toHaveLength(1);
  });
});
