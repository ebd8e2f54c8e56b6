import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

/*
 * The two real Guard engines the generated rules are run in (D57), each given a whole directory
 * of templates at once:
 * - cfn-guard 3.1.1, AWS's Guard CLI, as shipped in npm @cdklabs/cdk-validator-cfnguard 0.0.62;
 * - @aws/cloudformation-validate 1.14.0, the WASM engine inside aws-cdk-lib 2.276.0, through the
 *   public CloudFormationValidatePlugin({ guardRules }), which also runs its built-in checks.
 */

const require = createRequire(import.meta.url);

export const CFN_GUARD_VERSION = '3.1.1';

/** The cfn-guard binary for this machine, from the npm package that ships it. */
export function cfnGuardBinary(): string {
  const pkg = join(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'), '..');
  const os = process.platform === 'darwin' ? 'macos' : process.platform === 'linux' ? 'ubuntu' : undefined;
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : undefined;
  const binary = os && arch ? join(pkg, 'bin', os, arch, 'cfn-guard') : undefined;
  if (!binary || !existsSync(binary)) throw new Error(`@cdklabs/cdk-validator-cfnguard has no cfn-guard binary for ${process.platform}/${process.arch}`);
  return binary;
}

/** A Guard rule that failed on a template, with where the engine says. */
export interface GuardFailure {
  rule: string;
  /** The failing value's path, as the engine gives it (cfn-guard: /Resources/Task/Properties/X; validate: Properties.X). */
  at?: string;
}

/** Template file name → the Guard rules that failed on it. */
export type GuardResults = Map<string, GuardFailure[]>;

interface CfnGuardFile {
  name: string;
  status: string;
  not_compliant: { Rule: { name: string; checks: unknown[] } }[];
}

/** Paths of failing values anywhere in a cfn-guard check tree. */
function failingPaths(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => failingPaths(n, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const key of ['from', 'value']) {
      const v = record[key] as { path?: unknown } | undefined;
      if (v && typeof v === 'object' && typeof v.path === 'string' && v.path) out.add(v.path);
    }
    Object.values(record).forEach((n) => failingPaths(n, out));
  }
  return out;
}

/** Runs cfn-guard once over a directory of templates; exit 0 (all pass) or 19 (some fail) are answers, anything else is an error. */
export function runCfnGuard(rulesFile: string, dir: string): GuardResults {
  const run = spawnSync(cfnGuardBinary(), ['validate', '--rules', rulesFile, '--data', dir, '--output-format', 'json', '--structured', '--show-summary', 'none'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status !== 0 && run.status !== 19) throw new Error(`cfn-guard exited ${run.status}: ${run.stderr.slice(0, 2000)}${run.stdout.slice(0, 2000)}`);
  const results: GuardResults = new Map();
  for (const file of JSON.parse(run.stdout) as CfnGuardFile[]) {
    results.set(
      basename(file.name),
      file.not_compliant.flatMap((n) => {
        const paths = [...failingPaths(n.Rule.checks, new Set())];
        return paths.length ? paths.map((at) => ({ rule: n.Rule.name, at })) : [{ rule: n.Rule.name }];
      }),
    );
  }
  return results;
}

export function cfnGuardVersion(): string {
  return spawnSync(cfnGuardBinary(), ['--version'], { encoding: 'utf8' }).stdout.trim();
}

interface Violation {
  ruleName: string;
  severity?: string;
  description: string;
  violatingResources: { resourceLogicalId?: string; templatePath?: string; locations: string[] }[];
}

export interface ValidateResults {
  /** Failures of the generated Guard rules. */
  guard: GuardResults;
  /** What the engine's built-in checks report on each template: `ruleId severity path`. */
  builtin: Map<string, string[]>;
  version: string;
}

/**
 * Runs @aws/cloudformation-validate (aws-cdk-lib's copy) once over the given JSON templates, with
 * its built-in checks and, when given, the Guard rules, as aws-cdk-lib's own plugin does at synthesis.
 */
export function runCloudFormationValidate(guardRules: string | undefined, templates: readonly string[], ruleNames: ReadonlySet<string>): ValidateResults {
  const cdk = require('aws-cdk-lib') as {
    CloudFormationValidatePlugin: new (props: object) => {
      version: string;
      validate(context: object): { violations: Violation[] };
      _dispose(): void;
    };
  };
  const plugin = new cdk.CloudFormationValidatePlugin({ ...(guardRules === undefined ? {} : { guardRules: [{ name: 'maintenance-window-task', content: guardRules }] }), includeDefaultRules: false });
  try {
    const stackTemplates = templates.map((templatePath) => ({ stackConstructPath: basename(templatePath), templatePath }));
    const { violations } = plugin.validate({ templatePaths: [...templates], stackTemplates, appConstruct: undefined });
    const guard: GuardResults = new Map(templates.map((t) => [basename(t), []]));
    const builtin = new Map<string, string[]>(templates.map((t) => [basename(t), []]));
    for (const v of violations) {
      for (const r of v.violatingResources) {
        const file = basename(r.templatePath ?? '');
        if (ruleNames.has(v.ruleName)) guard.get(file)?.push({ rule: v.ruleName, ...(r.locations[0] ? { at: r.locations[0] } : {}) });
        else builtin.get(file)?.push(`${v.ruleName} ${v.severity} ${r.locations.join(',')}`);
      }
    }
    return { guard, builtin, version: plugin.version };
  } finally {
    plugin._dispose();
  }
}

/** The version of a dev dependency as installed. */
export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}
