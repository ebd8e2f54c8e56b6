import { inputCodes } from '../../issues/codes.js';
import type { FileFinding, FoundTask, ListedReadResult, Reader, ReadResult } from '../reader.js';
import { makeIssue } from '../../validate/validate.js';
import { withoutBom } from '../../parse/document.js';
import { DEFAULT_LIMITS } from '../../parse/limits.js';
import { evaluate, isStatic, references, unwrap, type Env, type Value } from './evaluate.js';
import type { Block, Diagnostic, Expression } from '../../parse/hcl/ast.js';
import { parseHcl, type HclOptions } from '../../parse/hcl/parser.js';
import { attributeOf, location, lowerBody } from './lower.js';
import { print } from '../../parse/hcl/print.js';
import { locator, mapResource } from './mapping.js';
import { acrossFindings } from '../across/check.js';
import { configurationModel } from './across.js';
import { spanLocator } from '../span-locator.js';
import { terraformPathIn } from './names.js';
import { TERRAFORM_TYPES } from './schema.js';
import { suppressionsFor } from './suppress.js';
import { conditionsOf, variantsOf } from './variants.js';

/*
 * `.tf` files: every `resource "aws_ssm_maintenance_window_task"` block (and the window targets'
 * and windows'), read with the HCL parser, evaluated statically (evaluate.ts), once per variant of
 * its literal-branched conditionals (variants.ts) and once per instance when a literal `for_each`
 * map gives `each` different values, and mapped to the request the provider would send
 * (RegisterTaskWithMaintenanceWindow, ...). How they refer to each other is checked across them
 * (./across.ts).
 */

const META = new Set(['count', 'for_each']);

/** A task of a `.tf` file or a plan: FoundTask already has what lint's engine reads beyond the payload (assumptions, condition, names). */
export type TerraformTask = FoundTask;

/** A literal for_each map with more keys than this is checked once, with `each` unknown. */
const MAX_INSTANCES = 32;

function syntaxFinding(d: Diagnostic): FileFinding {
  return {
    issue: makeIssue('syntax_error', inputCodes.syntax_error.severity, [], { format: 'HCL', reason: `${d.summary}: ${d.detail.replace(/\.$/, '')}` }),
    location: location(d.range),
  };
}

/** A finding about one resource that was not checked; `resource` names it for lint's report. */
function notChecked(what: string, reason: string, block: Block): FileFinding & { resource: string } {
  return { issue: makeIssue('not_checked', inputCodes.not_checked.severity, [], { what, reason }), location: location(block.typeRange), resource: what };
}

interface Instance {
  address: string;
  env: Env;
}

/** The instances a variant of the resource has: none for `count = 0`, one per key of a literal `for_each` map that the body uses. */
function instancesOf(block: Block, address: string, env: Env): Instance[] {
  const count = attributeOf(block.body, 'count');
  if (count) {
    const n = evaluate(count.expr, env);
    return n === 0 ? [] : [{ address, env }];
  }
  const forEach = attributeOf(block.body, 'for_each');
  if (!forEach) return [{ address, env }];
  const value = evaluate(forEach.expr, env);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ address, env }];
  const keys = Object.keys(value).sort();
  if (keys.length === 0) return [];
  const usesEach = block.body.items.some((i) => (i.type === 'Attribute' ? i.name !== 'for_each' && references(i.expr).has('each') : bodyUses(i.body.items, 'each')));
  if (!usesEach || keys.length > MAX_INSTANCES) return [{ address, env }];
  return keys.map((key) => {
    const scope = new Map(env.scope);
    scope.set('each', { key, value: (value as Record<string, Value>)[key]! });
    return { address: `${address}[${JSON.stringify(key)}]`, env: { ...env, scope } };
  });
}

/**
 * The condition under which `count = cond ? 1 : 0` (or `cond ? 0 : 1`) creates the resource, as
 * lint's report names it ("only when condition var.enabled is true"); undefined for other counts.
 */
function existence(block: Block): string | undefined {
  const count = attributeOf(block.body, 'count');
  const e = count ? unwrap(count.expr) : undefined;
  if (e?.kind !== 'Conditional' || typeof evaluate(e.condition) === 'boolean') return undefined;
  const [whenTrue, whenFalse] = [evaluate(e.trueExpr), evaluate(e.falseExpr)];
  const text = print(unwrap(e.condition));
  if (whenFalse === 0 && typeof whenTrue === 'number' && whenTrue > 0) return text;
  if (whenTrue === 0 && typeof whenFalse === 'number' && whenFalse > 0) return `!(${text})`;
  return undefined;
}

function bodyUses(items: Block['body']['items'], name: string): boolean {
  return items.some((i) => (i.type === 'Attribute' ? references(i.expr).has(name) : bodyUses(i.body.items, name)));
}

/** What in an expression this reader does not evaluate (see evaluate.ts), by the name Terraform's documentation gives it. */
const UNEVALUATED: Partial<Record<Expression['kind'], (e: never) => string>> = {
  FunctionCall: (e: { name: string }) => `a call of ${e.name}()`,
  For: () => 'a for expression',
  Binary: (e: { op: string }) => `the ${e.op} operator`,
};

/** The first construct of `expr` this reader does not evaluate, in the order it is written. */
function firstUnevaluated(expr: Expression): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found !== undefined || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    const kind = (node as { kind?: string }).kind;
    if (kind === 'TemplateFor') found = 'a %{for} directive';
    else if (kind !== undefined && Object.hasOwn(UNEVALUATED, kind)) found = UNEVALUATED[kind as Expression['kind']]!(node as never);
    else for (const [key, value] of Object.entries(node)) if (key !== 'range') visit(value);
  };
  visit(expr);
  return found;
}

/** Blocks and arguments that shape no request: Terraform's own. */
const NOT_REQUEST = new Set(['lifecycle', 'provisioner', 'connection', 'depends_on', 'provider']);

/**
 * Arguments whose value the file alone decides (they refer to no variable, resource or iterator) but
 * that this reader cannot compute, because they use a function, an operator or a for expression:
 * what they hold was not checked. An argument that refers to anything is unknown by design, not
 * misread, and is not listed.
 */
function unevaluated(body: Block['body'], path: readonly string[] = []): FileFinding[] {
  const out: FileFinding[] = [];
  for (const item of body.items) {
    const name = item.type === 'Attribute' ? item.name : item.blockType;
    if (path.length === 0 && NOT_REQUEST.has(name)) continue;
    if (item.type === 'Block') {
      out.push(...unevaluated(item.body, [...path, item.blockType === 'dynamic' ? (item.labels[0]?.value ?? 'dynamic') : item.blockType]));
      continue;
    }
    if (references(item.expr).size > 0 || isStatic(evaluate(item.expr))) continue;
    const construct = firstUnevaluated(item.expr);
    if (construct === undefined) continue;
    const what = [...path, item.name].join('.');
    out.push({ issue: makeIssue('not_checked', inputCodes.not_checked.severity, [], { what, reason: `its value is computed with ${construct}, which this reader does not evaluate` }), location: location(item.expr.range) });
  }
  return out;
}

/** `override.tf` and `*_override.tf`: Terraform merges their blocks into those of the same name in other files. */
export function isOverrideFile(file: string): boolean {
  return /(^|[\\/])(override|[^\\/]*_override)\.(tf|tofu)$/i.test(file);
}

/**
 * Reads a `.tf` file: its maintenance-window tasks and its syntax errors. Never throws on input.
 * Resources of an override file are not checked alone: they only change a resource declared elsewhere.
 */
export function readTerraform(written: string, file = '', options: HclOptions = {}): ListedReadResult {
  // Offsets (suppression comments) are into the text without its byte order mark, as parseHcl reads it.
  const text = withoutBom(written);
  const parsed = parseHcl(text, options);
  const override = isOverrideFile(file);
  const findings = parsed.diagnostics.map(syntaxFinding);
  const tasks: FoundTask[] = [];
  for (const item of parsed.body.items) {
    const typeName = item.type === 'Block' && item.blockType === 'resource' ? item.labels[0]?.value : undefined;
    const type = typeName !== undefined && Object.hasOwn(TERRAFORM_TYPES, typeName) ? TERRAFORM_TYPES[typeName]! : undefined;
    if (item.type !== 'Block' || !type) continue;
    if (item.labels.length !== 2) {
      findings.push(notChecked(type.type, `this resource block has ${item.labels.length} label${item.labels.length === 1 ? "" : "s"}; Terraform requires two, the type and a name`, item));
      continue;
    }
    const address = `${type.type}.${item.labels[1]!.value}`;
    if (item.hasErrors) {
      findings.push(notChecked(address, 'it contains a syntax error', item));
      continue;
    }
    if (override) {
      findings.push(notChecked(address, 'it is in an override file, which Terraform merges into the resource of the same name in another file', item));
      continue;
    }
    const suppressed = suppressionsFor(item, parsed.comments, text);
    const condition = existence(item);
    const resource = { key: location(item.typeRange), value: location(item.typeRange), sourcePath: [] };
    let found = 0;
    for (const variant of variantsOf(conditionsOf(item))) {
      // The variant's label (`var.a is true, var.b is false`); empty when there is only one variant.
      const label = variant.facts.join(', ');
      for (const instance of instancesOf(item, address, { scope: new Map(), decide: variant.decide })) {
        const body = lowerBody(item.body, instance.env, [], type.schema, META);
        const mapped = mapResource(type, body, resource);
        found++;
        tasks.push({
          operation: type.operation,
          kind: 'request',
          payload: mapped.payload,
          resource: instance.address,
          ...(label ? { variant: label, assumptions: variant.facts } : {}),
          ...(condition ? { condition } : {}),
          location: resource.value,
          locate: locator(mapped.written, type.schema),
          locateSpan: spanLocator(text, 'hcl', mapped.payload),
          issues: mapped.issues,
          ...(suppressed.length > 0 ? { suppressed } : {}),
          validateOptions: { representation: 'sdk' },
          names: terraformPathIn(type.schema),
        });
      }
    }
    if (found === 0) findings.push(notChecked(address, 'Terraform creates no instance of it (count or for_each is empty)', item));
    const instances = new Set(tasks.slice(tasks.length - found).map((t) => t.resource));
    for (const finding of unevaluated(item.body)) for (const resource of instances) findings.push({ ...finding, resource });
  }
  // How the windows, targets and tasks of the file refer to each other; an override file only changes resources declared elsewhere.
  if (!override) findings.push(...acrossFindings(configurationModel(parsed.body.items.filter((i): i is Block => i.type === 'Block'))));
  return { tasks, findings };
}

/** The resource types of the maintenance-window family, named anywhere in a text (not the data source aws_ssm_maintenance_windows). */
export const MAINTENANCE_WINDOW_TYPES = /\baws_ssm_maintenance_window(?:_task|_target)?\b/;

/** The `.tf` reader for `lint`: files named `*.tf` (or OpenTofu's `*.tofu`) that declare a maintenance window, target or task. */
export const terraformReader: Reader = {
  kind: 'terraform',
  accepts: (file) => /\.(tf|tofu)$/i.test(file),
  needs: ['aws_ssm_maintenance_window'],
  detect(file, text) {
    return /\.(tf|tofu)$/i.test(file) && MAINTENANCE_WINDOW_TYPES.test(text);
  },
  read(file, text, context) {
    return readTerraform(text, file, { maxDepth: context.limits?.maxDepth ?? DEFAULT_LIMITS.maxDepth });
  },
};
