import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations, type AppProps } from 'aws-cdk-lib';
import { CfnMaintenanceWindow, CfnMaintenanceWindowTarget, CfnMaintenanceWindowTask, type CfnMaintenanceWindowTaskProps } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { MaintenanceWindowPolicyPlugin, type PolicyValidationReport } from '../../src/cdk/index.js';

/*
 * Real CDK apps, synthesized offline with aws-cdk-lib (a dev dependency), and what their synthesis
 * reported. Vitest sets NODE_ENV=test, so aws-cdk-lib runs in its "inmemory" mode: a failing report
 * is thrown (ValidationFailed, the report's text in the message) instead of setting the exit code.
 * The built-in CloudFormation validation is off: it costs seconds per App and is not under test.
 */

const dirs: string[] = [];

export function outdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-cdk-'));
  dirs.push(dir);
  return dir;
}

export function removeOutdirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const ROLE = 'arn:aws:iam::123456789012:role/MaintenanceWindowRole';

/** A maintenance window with one registered target, for tasks to refer to. */
export function windowWithTarget(scope: Construct) {
  const window = new CfnMaintenanceWindow(scope, 'Window', { name: 'patching', schedule: 'cron(0 2 ? * SUN *)', duration: 3, cutoff: 1, allowUnassociatedTargets: false });
  const target = new CfnMaintenanceWindowTarget(scope, 'Target', {
    windowId: window.ref,
    resourceType: 'INSTANCE',
    targets: [{ key: 'tag:Patch', values: ['yes'] }],
  });
  return { window, target };
}

/** A RUN_COMMAND task that breaks nothing: targets, rate controls, a service role. */
export function validTask(scope: Construct, id: string, windowId: string, targetId: string, overrides: Partial<CfnMaintenanceWindowTaskProps> = {}) {
  return new CfnMaintenanceWindowTask(scope, id, {
    windowId,
    taskArn: 'AWS-RunPatchBaseline',
    taskType: 'RUN_COMMAND',
    priority: 1,
    maxConcurrency: '10%',
    maxErrors: '1',
    serviceRoleArn: ROLE,
    targets: [{ key: 'WindowTargetIds', values: [targetId] }],
    taskInvocationParameters: { maintenanceWindowRunCommandParameters: { parameters: { Operation: ['Install'] } } },
    ...overrides,
  });
}

export interface PluginReportJson {
  pluginName: string;
  conclusion: 'success' | 'failure';
  metadata?: Record<string, string>;
  violations: {
    ruleName: string;
    description: string;
    suggestedFix?: string;
    severity: string;
    ruleMetadata?: Record<string, string>;
    violatingConstructs: { constructPath: string; cloudFormationResource?: { templatePath: string; logicalId: string; propertyPaths?: string[] } }[];
  }[];
  suppressedViolations?: { ruleName: string; acknowledgedId: string; reason: string; violatingConstructs: { constructPath: string }[] }[];
}

export interface Synthesis {
  outdir: string;
  /** What synthesis threw: aws-cdk-lib's ValidationFailed when the report fails. */
  error?: Error;
  /** The plugin's report as aws-cdk-lib wrote it to validation-report.json (it leaves out a report without violations). */
  report: PluginReportJson;
  /** What the plugin's validate() returned to aws-cdk-lib. */
  returned: PolicyValidationReport;
  /** What aws-cdk-lib printed to stderr (console.error) during synthesis. */
  printed: string;
}

/** One violating construct per line, as the report says it: `MW003 error MwStack/Task Properties.MaxConcurrency`. */
export function violations(report: PluginReportJson): string[] {
  return report.violations.flatMap((v) =>
    v.violatingConstructs.map((c) => `${v.ruleName} ${v.severity} ${c.constructPath} ${(c.cloudFormationResource?.propertyPaths ?? []).join(',')}`.trim()),
  );
}

export interface AppOptions {
  /** Register the plugin with `new App({ policyValidationBeta1 })` instead of `Validations.of(app).addPlugins`. */
  beta1?: boolean;
  plugin?: MaintenanceWindowPolicyPlugin;
  /** App context, e.g. `aws:cdk:enable-path-metadata`, as `cdk synth` sets it. */
  context?: AppProps['context'];
}

/** Builds an app with one stack `MwStack`, lets `build` fill it, synthesizes it and reads the report. */
export function synthesize(build: (stack: Stack, app: App) => void, options: AppOptions = {}): Synthesis {
  const dir = outdir();
  const plugin = options.plugin ?? new MaintenanceWindowPolicyPlugin();
  const app = new App({
    outdir: dir,
    builtinCloudFormationValidation: false,
    ...(options.beta1 ? { policyValidationBeta1: [plugin] } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  if (!options.beta1) Validations.of(app).addPlugins(plugin);
  const returned: PolicyValidationReport[] = [];
  const validate = plugin.validate.bind(plugin);
  plugin.validate = (context) => {
    const report = validate(context);
    returned.push(report);
    return report;
  };
  build(new Stack(app, 'MwStack'), app);
  const printed: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => void printed.push(args.map(String).join(' '));
  let error: Error | undefined;
  try {
    app.synth();
  } catch (thrown) {
    error = thrown as Error;
  } finally {
    console.error = consoleError;
  }
  if (returned.length !== 1) throw new Error(`the plugin ran ${returned.length} times`);
  const json = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8')) as { pluginReports: PluginReportJson[] };
  const report = json.pluginReports.find((r) => r.pluginName === 'ssm-mw-contracts') ?? { pluginName: 'ssm-mw-contracts', conclusion: 'success', violations: [] };
  return { outdir: dir, ...(error ? { error } : {}), report, returned: returned[0]!, printed: printed.join('\n') };
}

/** 1-based line and column of the first `needle` after `after` in a template's text. */
export function positionIn(text: string, after: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle, text.indexOf(after));
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}
