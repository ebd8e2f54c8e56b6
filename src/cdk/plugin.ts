import { existsSync, readFileSync } from 'node:fs';
import { severityCounts, type Severity } from '../issues/codes.js';
import { findingsOf, lintFile, summarize, type FileResult, type LintInput, type LintIssue } from '../lint/engine.js';
import { readers } from '../lint/readers.js';
import { closest } from '../issues/format.js';
import { descriptors } from '../readers/rule-catalog.js';
import { aListOf, checkOptions, oneOf } from '../validate/check-options.js';
import { messageOf } from '../values/thrown.js';
import { makeIssue, wordIssue } from '../issues/make.js';
import { NESTED_STACK_TYPE, nestedStacksIn, outdirOf, resourcesOf, shownName, synthesizedTemplates, type SynthesizedTemplate } from './templates.js';
import type { PolicyValidationContextLike, PolicyValidationReport, Violation } from './types.js';

/*
 * The contract at `cdk synth`: an aws-cdk-lib policy-validation plugin that lints every template the
 * synthesis wrote with lint's own engine (lintFile, the CloudFormation reader) and reports each
 * finding as a violation of its rule at its construct. aws-cdk-lib prints the report, fails the
 * synthesis when the report says so, and applies `Validations.of(scope).acknowledge(...)`.
 * Severities and what fails: spec/decisions.yaml D53.
 */

declare const __VERSION__: string | undefined;
/** The package version, set by the build (tsup's define); aws-cdk-lib shows it in its report. */
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** The acknowledgement namespace aws-cdk-lib derives from the name: `ssm-mw-contracts::MW003`. No spaces, so it reads as written. */
export const PLUGIN_NAME = 'ssm-mw-contracts';

/** Every resource type lint reads starts so; a template without it has nothing to check and is not parsed. */
const MAINTENANCE_WINDOW_TYPES = 'AWS::SSM::MaintenanceWindow';

const RANK = { error: 3, warning: 2, info: 1 } as const satisfies Record<Severity, number>;

const cloudformation = readers.filter((r) => r.kind === 'cloudformation');

export interface MaintenanceWindowPolicyPluginOptions {
  /**
   * Findings at or above this severity fail the synthesis (the report's `success` is false): `error`
   * (the default), `warning` or `info`, as `lint --fail-on`. Findings below it are reported, and the
   * synthesis goes on.
   */
  failOn?: Severity;
  /** Rule ids (`MW011`) or codes (`too_long`) to leave out, as `lint --ignore`. */
  ignore?: readonly string[];
}

const OPTIONS = {
  failOn: oneOf('error', 'warning', 'info'),
  ignore: aListOf('strings (rule ids or codes)', (v) => typeof v === 'string'),
};

/**
 * Checks every maintenance-window resource of the synthesized templates, nested stacks' included.
 * Register it with `Validations.of(app).addPlugins(new MaintenanceWindowPolicyPlugin())`, or with
 * `new App({ policyValidationBeta1: [...] })` on older aws-cdk-lib versions.
 */
export class MaintenanceWindowPolicyPlugin {
  readonly name = PLUGIN_NAME;
  readonly version = VERSION;
  /** Every name a violation's rule can have: the rule ids, and the codes of the model's own constraints. */
  readonly ruleIds: string[] = descriptors().map((d) => d.id);
  private readonly failOn: Severity;
  private readonly ignore: readonly string[];

  constructor(options: MaintenanceWindowPolicyPluginOptions = {}) {
    checkOptions('MaintenanceWindowPolicyPlugin', options, OPTIONS);
    for (const name of options.ignore ?? []) {
      if (this.ruleIds.includes(name)) continue;
      const suggestion = closest(name, this.ruleIds);
      throw new TypeError(`MaintenanceWindowPolicyPlugin: ignore ${JSON.stringify(name)} names no rule or code${suggestion ? ` (did you mean ${suggestion}?)` : ''}`);
    }
    this.failOn = options.failOn ?? 'error';
    this.ignore = [...(options.ignore ?? [])];
  }

  validate(context: PolicyValidationContextLike): PolicyValidationReport {
    const violations: Violation[] = [];
    const results: FileResult[] = [];
    const templates = synthesizedTemplates(context);
    const outdir = outdirOf(context);
    // Without the construct tree, nested stacks are found in the templates themselves, as they are read.
    const fromTemplates = context.appConstruct === undefined;
    for (let i = 0; i < templates.length; i++) {
      const template = templates[i]!;
      const input = readTemplate(template.path, shownName(template.path, outdir));
      const text = input.text ?? '';
      // Parsed once, and only when needed: most templates of an app hold no maintenance window.
      let parsed: { resources: Record<string, unknown> | undefined } | undefined;
      const resources = () => (parsed ??= { resources: resourcesOf(text) }).resources;
      const nestedIn = fromTemplates && text.includes(NESTED_STACK_TYPE) ? resources() : undefined;
      if (nestedIn) {
        const { found, unknown } = nestedStacksIn(template.path, nestedIn, existsSync);
        for (const nested of found) if (!templates.some((t) => t.path === nested.path)) templates.push(nested);
        for (const id of unknown) violations.push(violation(unknownNestedStack(id), template, input.file));
      }
      if (input.text !== undefined && !text.includes(MAINTENANCE_WINDOW_TYPES)) continue;
      const result = lintFile({ ...input, explicit: true }, { readers: cloudformation, ignore: this.ignore });
      if (!result) continue;
      results.push(result);
      const findings = findingsOf(result);
      const paths = findings.length > 0 ? constructPaths(resources()) : new Map<string, string>();
      for (const issue of findings) violations.push(violation(issue, template, input.file, paths));
    }
    const counts = severityCounts(violations as { severity: Severity }[]);
    const summary = summarize({ files: results });
    return {
      success: !violations.some((v) => RANK[v.severity as Severity] >= RANK[this.failOn]),
      violations,
      pluginVersion: VERSION,
      metadata: {
        templates: String(results.length),
        tasks: String(summary.tasks),
        ...(summary.windows ? { windows: String(summary.windows) } : {}),
        ...(summary.targets ? { targets: String(summary.targets) } : {}),
        errors: String(counts.errors),
        warnings: String(counts.warnings),
        infos: String(counts.infos),
        suppressed: String(summary.suppressed),
      },
    };
  }
}

/** A nested stack whose template could not be found: said, never passed over. */
function unknownNestedStack(id: string): LintIssue {
  const reason =
    'this aws-cdk-lib gives plugins no construct tree, and the resource has no aws:asset:path metadata naming the template (cdk synth writes it; app.synth() writes it with the context aws:cdk:enable-asset-metadata)';
  return { ...wordIssue(makeIssue('not_checked', 'info', [], { what: `The template of nested stack ${id}`, reason })), resource: id };
}

/** The template's text, or why it cannot be read. */
function readTemplate(path: string, file: string): LintInput & { file: string } {
  try {
    return { file, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { file, error: messageOf(error) };
  }
}

/** Each resource's `aws:cdk:path` metadata (written when path metadata is on, as `cdk synth` has it by default). */
function constructPaths(resources: Record<string, unknown> | undefined): ReadonlyMap<string, string> {
  const paths = new Map<string, string>();
  for (const [id, resource] of Object.entries(resources ?? {})) {
    const path = (resource as { Metadata?: Record<string, unknown> } | null)?.Metadata?.['aws:cdk:path'];
    if (typeof path === 'string') paths.set(id, path);
  }
  return paths;
}

/** A property path as aws-cdk-lib writes violation locations (and matches them to the code that set the property). */
function location(issue: LintIssue): string[] {
  const path = issue.sourcePath ?? issue.path;
  return issue.resource === undefined || path.length === 0 ? [] : [['Properties', ...path].join('.')];
}

function violation(issue: LintIssue, template: SynthesizedTemplate, file: string, paths: ReadonlyMap<string, string> = new Map()): Violation {
  const where = issue.line !== undefined ? `${file}:${issue.line}:${issue.column}` : file;
  const constructPath = issue.resource !== undefined ? paths.get(issue.resource) : template.stack;
  return {
    ruleName: issue.rule ?? issue.code,
    description: `${issue.message}${issue.variant ? ` (when ${issue.variant})` : ''} [${where}]`,
    ...(issue.hint ? { fix: issue.hint } : {}),
    severity: issue.severity,
    violatingResources: [
      {
        resourceLogicalId: issue.resource ?? '',
        templatePath: template.path,
        ...(constructPath !== undefined ? { constructPath } : {}),
        locations: location(issue),
      },
    ],
    ruleMetadata: {
      code: issue.code,
      file,
      ...(issue.line !== undefined ? { line: String(issue.line), column: String(issue.column) } : {}),
      ...(issue.variant ? { variant: issue.variant } : {}),
    },
  };
}
