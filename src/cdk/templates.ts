import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { PolicyValidationContextLike } from './types.js';

/*
 * Which templates a synthesis wrote: the ones aws-cdk-lib hands to plugins (one per top-level
 * stack), and the nested stacks' templates, which it does not (aws-cdk-lib 2.276.0 passes
 * `stackArtifacts`' templates only; a NestedStack's template is a file asset written beside its
 * top-level stack's template, named by its `templateFile`). They are found in the construct tree,
 * read structurally, so that no aws-cdk-lib code is needed.
 */

export interface SynthesizedTemplate {
  /** Absolute path of the template. */
  path: string;
  /** Construct path of the stack, when known: where findings about the template as a whole go. */
  stack?: string;
}

/** A property of something in the tree, or undefined when reading it throws (a construct's getter may). */
function read(value: unknown, key: string): unknown {
  try {
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** A NestedStack, as aws-cdk-lib's Stack describes one: `nested`, its `templateFile`, its parent stack. */
function isNestedStack(construct: unknown): boolean {
  return read(construct, 'nested') === true && typeof read(construct, 'templateFile') === 'string' && typeof read(construct, 'nestedStackParent') === 'object';
}

/** The top-level stack a nested stack belongs to (nested stacks nest). */
function topLevelStack(nested: unknown): unknown {
  let stack = nested;
  for (let depth = 0; read(stack, 'nested') === true && depth < 1000; depth++) stack = read(stack, 'nestedStackParent');
  return stack;
}

function constructPath(construct: unknown): string | undefined {
  const path = read(read(construct, 'node'), 'path');
  return typeof path === 'string' ? path : undefined;
}

export function synthesizedTemplates(context: PolicyValidationContextLike): SynthesizedTemplate[] {
  const stacks: SynthesizedTemplate[] = context.stackTemplates
    ? context.stackTemplates.map((s) => ({ path: s.templatePath, stack: s.stackConstructPath }))
    : context.templatePaths.map((path) => ({ path }));
  const templates = [...stacks];
  const seen = new Set(templates.map((t) => t.path));
  let all: readonly unknown[] = [];
  try {
    all = context.appConstruct?.node.findAll() ?? [];
  } catch {
    // No tree to read: the top-level templates are still checked.
  }
  for (const construct of all) {
    if (!isNestedStack(construct)) continue;
    const top = topLevelStack(construct);
    const topPath = constructPath(top);
    const topFile = read(top, 'templateFile');
    // The stack's own construct path identifies it; the template's name does where the context has no construct paths.
    const parent = stacks.find((s) => s.stack !== undefined && s.stack === topPath) ?? stacks.find((s) => basename(s.path) === topFile);
    if (!parent) continue; // a stack this plugin was not asked about (it is registered on another Stage)
    const path = join(dirname(parent.path), read(construct, 'templateFile') as string);
    if (seen.has(path)) continue;
    seen.add(path);
    templates.push({ path, ...(constructPath(construct) !== undefined ? { stack: constructPath(construct) } : {}) });
  }
  return templates;
}

/** The resources of a synthesized template (JSON), or undefined when it cannot be read as one. */
export function resourcesOf(text: string): Record<string, unknown> | undefined {
  let template: unknown;
  try {
    template = JSON.parse(text);
  } catch {
    return undefined; // a synthesis writes JSON; lint itself says what is wrong with the text
  }
  const resources = read(template, 'Resources');
  return typeof resources === 'object' && resources !== null && !Array.isArray(resources) ? (resources as Record<string, unknown>) : undefined;
}

export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/**
 * The nested stacks of a template, read from the template alone (for a context without the
 * construct tree, as aws-cdk-lib before the tree was added gives): a NestedStack's resource names
 * its template file in `aws:asset:path` metadata when asset metadata is on, as `cdk synth` has it
 * by default. Those whose template is not there are returned as `unknown`.
 */
export function nestedStacksIn(templatePath: string, resources: Record<string, unknown>, exists: (path: string) => boolean) {
  const found: SynthesizedTemplate[] = [];
  const unknown: string[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (read(resource, 'Type') !== NESTED_STACK_TYPE) continue;
    const asset = read(read(resource, 'Metadata'), 'aws:asset:path');
    const path = typeof asset === 'string' && asset.endsWith('.json') ? join(dirname(templatePath), asset) : undefined;
    if (path !== undefined && exists(path)) found.push({ path });
    else unknown.push(id);
  }
  return { found, unknown };
}

/** The cloud assembly's directory: the App's outdir, or else the directory the top-level templates share. */
export function outdirOf(context: PolicyValidationContextLike): string | undefined {
  const outdir = read(context.appConstruct, 'outdir');
  if (typeof outdir === 'string') return outdir;
  const dirs = context.templatePaths.map((p) => dirname(p).split(sep));
  if (dirs.length === 0) return undefined;
  const shared = dirs.reduce((a, b) => {
    let n = 0;
    while (n < a.length && a[n] === b[n]) n++;
    return a.slice(0, n);
  });
  return shared.join(sep) || undefined;
}

const below = (from: string, path: string) => {
  const r = relative(from, path);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r) ? r : undefined;
};

/**
 * A template's name as findings show it: from the working directory when the template is below it
 * (`cdk.out/PatchingStack.template.json`, as `cdk synth` has it), else from the cloud assembly's
 * directory, as aws-cdk-lib names templates in its report (a test's temporary outdir then gives
 * the same text on every run); the absolute path otherwise.
 */
export function shownName(path: string, outdir: string | undefined): string {
  return below(process.cwd(), path) ?? (outdir !== undefined ? below(outdir, path) : undefined) ?? path;
}
