/*
 * What the CDK plugin adds to a synthesis: `npx tsx bench/cdk.ts [STACKS] [TASKS_PER_STACK]`.
 * Synthesizes one app of STACKS stacks (20 by default), each with a window, a target, TASKS_PER_STACK
 * valid tasks (25) and as many SNS topics (templates hold other resources too), without the plugin
 * and with it (aws-cdk-lib's own CloudFormation validation off in both, so that only ours is
 * measured), then times the plugin's validate() alone on the same cloud assembly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { CfnMaintenanceWindow, CfnMaintenanceWindowTarget, CfnMaintenanceWindowTask } from 'aws-cdk-lib/aws-ssm';
import { CfnTopic } from 'aws-cdk-lib/aws-sns';
import { MaintenanceWindowPolicyPlugin } from '../src/cdk/index.js';
import type { PolicyValidationContextLike } from '../src/cdk/types.js';

const STACKS = Number(process.argv[2] ?? 20);
const TASKS = Number(process.argv[3] ?? 25);
const dirs: string[] = [];

function app(plugin?: MaintenanceWindowPolicyPlugin, keep?: (c: PolicyValidationContextLike) => void): App {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-cdk-'));
  dirs.push(outdir);
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  if (plugin) Validations.of(app).addPlugins(plugin);
  if (keep) Validations.of(app).addPlugins({ name: 'keep', validate: (c) => (keep(c), { success: true, violations: [] }) });
  for (let s = 0; s < STACKS; s++) {
    const stack = new Stack(app, `Stack${s}`);
    const window = new CfnMaintenanceWindow(stack, 'Window', { name: `window-${s}`, schedule: 'cron(0 2 ? * SUN *)', duration: 3, cutoff: 1, allowUnassociatedTargets: false });
    const target = new CfnMaintenanceWindowTarget(stack, 'Target', { windowId: window.ref, resourceType: 'INSTANCE', targets: [{ key: 'tag:Patch', values: ['yes'] }] });
    for (let t = 0; t < TASKS; t++) {
      new CfnMaintenanceWindowTask(stack, `Task${t}`, {
        windowId: window.ref,
        taskArn: 'AWS-RunPatchBaseline',
        taskType: 'RUN_COMMAND',
        priority: t,
        maxConcurrency: '10%',
        maxErrors: '1',
        serviceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole',
        targets: [{ key: 'WindowTargetIds', values: [target.ref] }],
        taskInvocationParameters: { maintenanceWindowRunCommandParameters: { parameters: { Operation: ['Install'] } } },
      });
      new CfnTopic(stack, `Topic${t}`, { displayName: `topic ${t}` });
    }
  }
  return app;
}

const time = (f: () => void) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

app().synth(); // warm up aws-cdk-lib
const without = time(() => app().synth());
const plugin = new MaintenanceWindowPolicyPlugin();
const withPlugin = time(() => app(plugin).synth());
let context: PolicyValidationContextLike | undefined;
app(undefined, (c) => (context = c)).synth();
const runs = 5;
const validate = time(() => {
  for (let i = 0; i < runs; i++) plugin.validate(context!);
}) / runs;
const report = plugin.validate(context!);
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

console.log(`${STACKS} stacks x ${TASKS} tasks (${report.metadata?.tasks} checked, ${report.violations.length} violations)`);
console.log(`synth without the plugin: ${without.toFixed(0)} ms; with it: ${withPlugin.toFixed(0)} ms`);
console.log(`validate() alone: ${validate.toFixed(0)} ms (${((validate / (STACKS * TASKS)) * 1000).toFixed(0)} µs per task)`);
