import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Fn, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import { CfnMaintenanceWindowTask } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { afterAll, describe, expect, it } from 'vitest';
import { MaintenanceWindowPolicyPlugin } from '../../src/cdk/index.js';
import { outdirOf, shownName } from '../../src/cdk/templates.js';
import type { PolicyValidationContextLike } from '../../src/cdk/types.js';
import { ROOT } from '../support/spec.js';
import { outdir, positionIn, removeOutdirs, ROLE, synthesize, validTask, violations, windowWithTarget, type Synthesis } from './synth.js';

afterAll(removeOutdirs);

const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:patch-report';

/**
 * The app of issue 17: a targetless task that sets MaxConcurrency (MW003), a Lambda task whose
 * Payload is JSON text where CloudFormation wants base64 (MW103, D34), a Lambda task that encodes
 * it with Fn::Base64, and a valid RUN_COMMAND task. Each L1 construct sits below a construct of its
 * own, so that a construct path is more than the logical id.
 */
function buildApp(stack: Stack) {
  const { window, target } = windowWithTarget(stack);
  const patching = new Construct(stack, 'Patching');
  new CfnMaintenanceWindowTask(patching, 'Targetless', {
    windowId: window.ref,
    taskArn: 'AWS-RestartEC2Instance',
    taskType: 'AUTOMATION',
    priority: 1,
    maxConcurrency: '1',
    serviceRoleArn: ROLE,
    taskInvocationParameters: { maintenanceWindowAutomationParameters: { documentVersion: '$DEFAULT' } },
  });
  const reports = new Construct(stack, 'Reports');
  new CfnMaintenanceWindowTask(reports, 'JsonPayload', {
    windowId: window.ref,
    taskArn: LAMBDA_ARN,
    taskType: 'LAMBDA',
    priority: 2,
    serviceRoleArn: ROLE,
    taskInvocationParameters: { maintenanceWindowLambdaParameters: { payload: JSON.stringify({ dryRun: false }) } },
  });
  new CfnMaintenanceWindowTask(reports, 'Base64Payload', {
    windowId: window.ref,
    taskArn: LAMBDA_ARN,
    taskType: 'LAMBDA',
    priority: 2,
    serviceRoleArn: ROLE,
    taskInvocationParameters: { maintenanceWindowLambdaParameters: { payload: Fn.base64(JSON.stringify({ dryRun: false })), qualifier: '$LATEST' } },
  });
  validTask(patching, 'Install', window.ref, target.ref);
}

const EXPECTED = [
  'MW003 error MwStack/Patching/Targetless Properties.MaxConcurrency',
  'MW103 error MwStack/Reports/JsonPayload Properties.TaskInvocationParameters.MaintenanceWindowLambdaParameters.Payload',
];

/** The report and the thrown message of the app above, whichever way the plugin is registered. */
function expectTheAppsViolations(synthesis: Synthesis) {
  const { report, error } = synthesis;
  expect(violations(report).sort()).toEqual(EXPECTED);
  expect(report.conclusion).toBe('failure');
  expect(error?.name).toBe('ValidationFailed');

  // The template location: where the template writes MaxConcurrency and the Payload.
  const file = join(synthesis.outdir, 'MwStack.template.json');
  const text = readFileSync(file, 'utf8');
  const mw003 = report.violations.find((v) => v.ruleName === 'MW003')!;
  const maxConcurrency = positionIn(text, '"PatchingTargetless', '"MaxConcurrency"');
  // Named from the cloud assembly's directory, since the test's outdir is outside the working directory.
  expect(mw003.ruleMetadata).toMatchObject({ code: 'targetless_task_forbids_rate_controls', file: 'MwStack.template.json', line: String(maxConcurrency.line), column: String(maxConcurrency.column) });
  expect(mw003.violatingConstructs[0]!.cloudFormationResource).toMatchObject({ templatePath: 'MwStack.template.json', logicalId: expect.stringMatching(/^PatchingTargetless/) });
  expect(mw003.suggestedFix).toBeTruthy();
  const mw103 = report.violations.find((v) => v.ruleName === 'MW103')!;
  const payload = positionIn(text, '"ReportsJsonPayload', '"{\\"dryRun');
  expect(mw103.ruleMetadata).toMatchObject({ code: 'cfn_payload_not_base64', line: String(payload.line), column: String(payload.column) });

  // What a person reads: the rule (in the acknowledgement id), the construct, the template location, the fix.
  const message = error!.message;
  expect(message).toContain(`[MwStack.template.json:${maxConcurrency.line}:${maxConcurrency.column}] (ssm-mw-contracts)`);
  expect(message).toMatch(/MwStack\/Patching\/Targetless \(PatchingTargetless\w+\) aws-cdk-lib\.aws_ssm\.CfnMaintenanceWindowTask/);
  expect(message).toContain(`Suggested fix: ${mw003.suggestedFix}`);
  expect(message).toContain("Acknowledge with 'ssm-mw-contracts::MW003'");
  expect(message).toContain("Acknowledge with 'ssm-mw-contracts::MW103'");
}

describe('MaintenanceWindowPolicyPlugin in a real CDK app (aws-cdk-lib 2.276.0)', () => {
  it('reports exactly the violations, at their construct paths, registered with Validations.of(app).addPlugins (IPolicyValidationPlugin)', () => {
    expectTheAppsViolations(synthesize(buildApp));
  });

  it('reports the same registered with new App({ policyValidationBeta1 }) (IPolicyValidationPluginBeta1)', () => {
    expectTheAppsViolations(synthesize(buildApp, { beta1: true }));
  });

  it('synthesizes a clean app without a report', () => {
    const synthesis = synthesize((stack) => {
      const { window, target } = windowWithTarget(stack);
      validTask(stack, 'Install', window.ref, target.ref);
      validTask(stack, 'Scan', window.ref, target.ref, { priority: 2, taskInvocationParameters: { maintenanceWindowRunCommandParameters: { parameters: { Operation: ['Scan'] } } } });
    });
    expect(synthesis.error).toBeUndefined();
    expect(synthesis.printed).toBe('');
    expect(synthesis.report).toMatchObject({ conclusion: 'success', violations: [] });
    // Checked, not passed over: both tasks were read.
    expect(synthesis.returned).toMatchObject({ success: true, violations: [], metadata: { templates: '1', tasks: '2', errors: '0', warnings: '0', infos: '0' } });
  });

  it('checks a task in a nested stack, whose template aws-cdk-lib does not hand to plugins', () => {
    const { report } = synthesize((stack) => {
      const { window } = windowWithTarget(stack);
      const nested = new NestedStack(stack, 'Inner');
      new CfnMaintenanceWindowTask(nested, 'Targetless', { windowId: window.ref, taskArn: LAMBDA_ARN, taskType: 'LAMBDA', priority: 1, maxErrors: '1', serviceRoleArn: ROLE });
    });
    expect(violations(report)).toEqual(['MW003 error MwStack/Inner/Targetless Properties.MaxErrors']);
    expect(report.violations[0]!.violatingConstructs[0]!.cloudFormationResource?.templatePath).toMatch(/^MwStackInner\w+\.nested\.template\.json$/);
  });

  it('checks the stacks of a Stage', () => {
    const { report } = synthesize((_stack, app) => {
      const stack = new Stack(new Stage(app, 'Prod'), 'Deep');
      const { window } = windowWithTarget(stack);
      new CfnMaintenanceWindowTask(stack, 'Targetless', { windowId: window.ref, taskArn: LAMBDA_ARN, taskType: 'LAMBDA', priority: 1, maxConcurrency: '1', serviceRoleArn: ROLE });
    });
    expect(violations(report)).toEqual(['MW003 error Prod/Deep/Targetless Properties.MaxConcurrency']);
  });
});

describe('suppressions', () => {
  it('Validations.of(construct).acknowledge with the id the report prints suppresses that violation there only', () => {
    const synthesis = synthesize((stack) => {
      buildApp(stack);
      const targetless = stack.node.findChild('Patching').node.findChild('Targetless');
      Validations.of(targetless).acknowledge({ id: 'ssm-mw-contracts::MW003', reason: 'the service fills in 1 anyway' });
    });
    expect(violations(synthesis.report)).toEqual([EXPECTED[1]]);
    expect(synthesis.report.suppressedViolations).toMatchObject([
      { ruleName: 'MW003', acknowledgedId: 'ssm-mw-contracts::MW003', reason: 'the service fills in 1 anyway', violatingConstructs: [{ constructPath: 'MwStack/Patching/Targetless' }] },
    ]);
    expect(synthesis.error?.name).toBe('ValidationFailed'); // MW103 is still there
  });

  it('an acknowledgement on an ancestor covers the constructs below it, and the synthesis passes once no error is left', () => {
    const synthesis = synthesize((stack) => {
      buildApp(stack);
      Validations.of(stack).acknowledge({ id: 'ssm-mw-contracts::MW003', reason: 'accepted' });
      Validations.of(stack.node.findChild('Reports')).acknowledge({ id: 'ssm-mw-contracts::MW103', reason: 'accepted' });
    });
    expect(violations(synthesis.report)).toEqual([]);
    expect(synthesis.error).toBeUndefined();
    expect(synthesis.report.conclusion).toBe('success');
  });

  it('an acknowledgement of another rule or another plugin suppresses nothing', () => {
    const synthesis = synthesize((stack) => {
      buildApp(stack);
      Validations.of(stack).acknowledge({ id: 'ssm-mw-contracts::MW001', reason: 'another rule' });
      Validations.of(stack).acknowledge({ id: 'other-plugin::MW003', reason: 'another plugin' });
    });
    expect(violations(synthesis.report).sort()).toEqual(EXPECTED);
  });

  it('the template Metadata lint reads (cfnResource.addMetadata) suppresses too, as in lint', () => {
    const { report, error } = synthesize((stack) => {
      buildApp(stack);
      const targetless = stack.node.findChild('Patching').node.findChild('Targetless') as CfnMaintenanceWindowTask;
      targetless.addMetadata('ssm-mw-contracts', { ignore: ['MW003'] });
    });
    expect(violations(report)).toEqual([EXPECTED[1]]);
    expect(report.metadata).toMatchObject({ suppressed: '1' });
    expect(error?.name).toBe('ValidationFailed');
  });

  it('the plugin’s ignore option leaves a rule out, as lint --ignore', () => {
    const { report } = synthesize(buildApp, { plugin: new MaintenanceWindowPolicyPlugin({ ignore: ['MW103'] }) });
    expect(violations(report)).toEqual([EXPECTED[0]]);
  });
});

describe('severities (D53)', () => {
  /** A task whose only finding is a warning: MW007, the documentation's placeholder target ID. */
  function placeholderTarget(stack: Stack) {
    const { window } = windowWithTarget(stack);
    validTask(stack, 'Install', window.ref, 'e32eecb2-646c-4f4b-8ed1-205fbEXAMPLE');
  }

  it('reports warnings and infos without failing the synthesis', () => {
    const synthesis = synthesize((stack) => {
      placeholderTarget(stack);
      const { window, target } = windowWithTarget(new Construct(stack, 'Other'));
      validTask(stack, 'NoRole', window.ref, target.ref, { serviceRoleArn: undefined });
    });
    expect(violations(synthesis.report).sort()).toEqual([
      'MW007 warning MwStack/Install Properties.Targets.0.Values.0',
      'MW011 info MwStack/NoRole Properties.ServiceRoleArn',
    ]);
    expect(synthesis.error).toBeUndefined();
    expect(synthesis.report.conclusion).toBe('success');
    expect(synthesis.printed).toContain("WARNING \"e32eecb2-646c-4f4b-8ed1-205fbEXAMPLE\" does not look like a window target ID");
    expect(synthesis.printed).toContain("Acknowledge with 'ssm-mw-contracts::MW011'");
  });

  it('failOn: "warning" fails the synthesis on a warning, as lint --fail-on warning', () => {
    const synthesis = synthesize(placeholderTarget, { plugin: new MaintenanceWindowPolicyPlugin({ failOn: 'warning' }) });
    expect(violations(synthesis.report)).toEqual(['MW007 warning MwStack/Install Properties.Targets.0.Values.0']);
    expect(synthesis.report.conclusion).toBe('failure');
    expect(synthesis.error?.name).toBe('ValidationFailed');
  });

  it('throws a TypeError for options it does not have or cannot use (D51)', () => {
    expect(() => new MaintenanceWindowPolicyPlugin({ failOn: 'fatal' as 'error' })).toThrow(/MaintenanceWindowPolicyPlugin: option failOn must be "error", "warning" or "info"/);
    expect(() => new MaintenanceWindowPolicyPlugin({ ignore: ['MW03'] })).toThrow(/ignore "MW03" names no rule or code \(did you mean MW003\?\)/);
    expect(() => new MaintenanceWindowPolicyPlugin({ failon: 'error' } as object)).toThrow(/unknown option "failon" \(did you mean failOn\?\)/);
  });
});

describe('the violations the plugin itself returns', () => {
  /** Synthesizes with a second plugin that keeps the context, then runs ours on it directly. */
  function contextOf(build: (stack: Stack) => void, context?: Record<string, unknown>): PolicyValidationContextLike {
    let kept: PolicyValidationContextLike | undefined;
    synthesize(
      (stack, app) => {
        build(stack);
        Validations.of(app).addPlugins({ name: 'keep', validate: (c) => ((kept = c), { success: true, violations: [] }) });
      },
      context ? { context } : {},
    );
    return kept!;
  }

  /** Two levels of nested stacks, the inner one with a targetless task that sets MaxErrors. */
  function nestedTwice(stack: Stack) {
    const { window } = windowWithTarget(stack);
    const inner = new NestedStack(new NestedStack(stack, 'Outer'), 'Inner');
    new CfnMaintenanceWindowTask(inner, 'Targetless', { windowId: window.ref, taskArn: LAMBDA_ARN, taskType: 'LAMBDA', priority: 1, maxErrors: '1', serviceRoleArn: ROLE });
  }

  it('carry the construct path from the resource’s aws:cdk:path metadata, which cdk synth writes', () => {
    const context = contextOf(buildApp, { 'aws:cdk:enable-path-metadata': true });
    const report = new MaintenanceWindowPolicyPlugin().validate(context);
    expect(report.violations.map((v) => v.violatingResources[0]!.constructPath).sort()).toEqual(['MwStack/Patching/Targetless', 'MwStack/Reports/JsonPayload']);
  });

  it('leave the construct path to aws-cdk-lib (from the logical id) where the template has no aws:cdk:path', () => {
    const report = new MaintenanceWindowPolicyPlugin().validate(contextOf(buildApp));
    expect(report.violations.map((v) => v.violatingResources[0]!.constructPath)).toEqual([undefined, undefined]);
    expect(report.violations.map((v) => v.violatingResources[0]!.resourceLogicalId).sort()).toEqual([expect.stringMatching(/^PatchingTargetless/), expect.stringMatching(/^ReportsJsonPayload/)]);
  });

  it('find nested stacks from an IPolicyValidationContextBeta1 too (template paths and the tree, no stack paths)', () => {
    const { templatePaths, appConstruct } = contextOf(nestedTwice);
    const report = new MaintenanceWindowPolicyPlugin().validate({ templatePaths, ...(appConstruct ? { appConstruct } : {}) });
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources[0]!.templatePath])).toEqual([['MW003', expect.stringMatching(/\/MwStackOuterInner\w+\.nested\.template\.json$/)]]);
  });

  it('without the construct tree (aws-cdk-lib before it gave one), find nested stacks by their aws:asset:path metadata, as cdk synth writes it', () => {
    const { templatePaths } = contextOf(nestedTwice, { 'aws:cdk:enable-asset-metadata': true });
    const report = new MaintenanceWindowPolicyPlugin().validate({ templatePaths });
    expect(report.violations.map((v) => [v.ruleName, v.violatingResources[0]!.templatePath])).toEqual([['MW003', expect.stringMatching(/\/MwStackOuterInner\w+\.nested\.template\.json$/)]]);
    expect(report.metadata).toMatchObject({ templates: '2', tasks: '1' }); // the stack's own template holds the window
  });

  it('without the construct tree or that metadata, say that a nested stack’s template was not checked', () => {
    const { templatePaths } = contextOf(nestedTwice);
    const report = new MaintenanceWindowPolicyPlugin().validate({ templatePaths });
    expect(report.success).toBe(true);
    expect(report.violations).toMatchObject([
      {
        ruleName: 'not_checked',
        severity: 'info',
        description: expect.stringMatching(/^The template of nested stack OuterNestedStackOuterNestedStackResource\w+ was not checked: .*aws:asset:path/),
        violatingResources: [{ resourceLogicalId: expect.stringMatching(/^OuterNestedStack/), templatePath: templatePaths[0], locations: [] }],
      },
    ]);
  });

  it('name a template from the working directory when it is below it, else from the cloud assembly', () => {
    expect(shownName(join(process.cwd(), 'cdk.out', 'MwStack.template.json'), undefined)).toBe(join('cdk.out', 'MwStack.template.json'));
    const dir = outdir();
    expect(shownName(join(dir, 'assembly-Prod', 'ProdDeep1A2B3C4D.template.json'), dir)).toBe(join('assembly-Prod', 'ProdDeep1A2B3C4D.template.json'));
    expect(shownName(join(dir, 'MwStack.template.json'), join(dir, 'other'))).toBe(join(dir, 'MwStack.template.json'));
    expect(outdirOf({ templatePaths: [join(dir, 'A.template.json'), join(dir, 'assembly-Prod', 'B.template.json')] })).toBe(dir);
  });

  it('report a template that cannot be read as an error, never as clean', () => {
    const report = new MaintenanceWindowPolicyPlugin().validate({ templatePaths: [join(outdir(), 'Missing.template.json')] });
    expect(report.success).toBe(false);
    expect(report.violations).toMatchObject([{ ruleName: 'unreadable', severity: 'error', violatingResources: [{ resourceLogicalId: '', locations: [] }] }]);
  });
});

describe('the built entry point ssm-mw-contracts/cdk, as the CDK CLI runs an app', () => {
  const dist = join(ROOT, 'dist');

  it.runIf(existsSync(join(dist, 'cdk.cjs')))('works from require and import alike: the report on stderr, exit status 1', () => {
    const app = (load: string, dir: string) => `
      ${load}
      const { App, Stack, Validations } = require('aws-cdk-lib');
      const { CfnMaintenanceWindowTask } = require('aws-cdk-lib/aws-ssm');
      const app = new App({ outdir: ${JSON.stringify(dir)}, builtinCloudFormationValidation: false });
      Validations.of(app).addPlugins(new m.MaintenanceWindowPolicyPlugin());
      new CfnMaintenanceWindowTask(new Stack(app, 'MwStack'), 'Targetless', {
        windowId: 'mw-0123456789abcdef0', taskArn: 'AWS-RestartEC2Instance', taskType: 'AUTOMATION', priority: 1,
        maxConcurrency: '1', serviceRoleArn: ${JSON.stringify(ROLE)},
      });
      app.synth();`;
    // CDK_APP_MODE=process is what the CDK CLI sets: the app prints the report and sets the exit status.
    const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CDK_APP_MODE: 'process' } });
    const cjs = run(['-e', app(`const m = require('ssm-mw-contracts/cdk');`, outdir())]);
    const esm = run(['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); ${app(`const m = await import('ssm-mw-contracts/cdk');`, outdir())}`]);
    for (const { status, stderr } of [cjs, esm]) {
      expect(stderr).toMatch(/ERROR MaxConcurrency cannot be given for a task without targets[^\n]*\[[^\]]*MwStack\.template\.json:\d+:\d+\] \(ssm-mw-contracts\)\n\s+MwStack\/Targetless \(Targetless\)/);
      expect(stderr).toContain("Acknowledge with 'ssm-mw-contracts::MW003'");
      expect(status).toBe(1);
    }
  });
});
