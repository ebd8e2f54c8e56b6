import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Attribute, Block } from '../../../src/parse/hcl/ast.js';
import { parseHcl } from '../../../src/parse/hcl/parser.js';
import { readTerraformPlan } from '../../../src/readers/terraform/plan.js';
import { readTerraform } from '../../../src/readers/terraform/reader.js';
import { terraformRule } from '../../../src/readers/terraform/rules/index.js';
import type { ListedReadResult } from '../../../src/readers/reader.js';
import { findingsOf } from '../../support/lint.js';
import { loadFixtures, type Fixture } from '../../support/payloads.js';
import { ROOT } from '../../support/spec.js';
import { lineOf, terraformTypeOf, toPlan, toTerraform } from '../../support/terraform.js';

/*
 * Every fixture of the contract core (test/fixtures/payload) as a `.tf` file and as a plan, with the
 * findings expected at their lines (or the plan's lines) beside each. The files are generated from
 * the payload fixtures and committed; this test regenerates them in memory and fails when they
 * differ (UPDATE_TERRAFORM_FIXTURES=1 writes them). The expected findings are the payload fixture's,
 * plus what Terraform adds (MW200 for the 2.x provider's blocks), at the lines the writers recorded.
 */

const TF = join(ROOT, 'test', 'fixtures', 'terraform');
const PLAN = join(ROOT, 'test', 'fixtures', 'terraform-plan');
const UPDATE = process.env.UPDATE_TERRAFORM_FIXTURES === '1';

const NOT_EXPRESSIBLE: Record<string, string> = {
  'DescribeMaintenanceWindowExecutionTaskInvocations request':
    'DescribeMaintenanceWindowExecutionTaskInvocations is a read: no Terraform resource or data source of the AWS provider calls it, so its filters (MW020-MW022) cannot be written in Terraform.',
  response: 'A response is what AWS returns; Terraform configurations and plans hold requests.',
  error: 'An error body is what AWS returns; Terraform configurations and plans hold requests (MW030, MW031).',
  update:
    'A configuration declares the resource; the provider itself sends the update call when the configuration changes, from every argument (the window’s and the task’s with Replace, the target’s with what changed). A planned update is checked as the request that creates the resource.',
};

/** Why a payload fixture has no Terraform counterpart, or undefined when it has one. */
function notExpressible(f: Fixture): string | undefined {
  if (f.kind !== 'request') return NOT_EXPRESSIBLE[f.kind];
  const targets = (f.payload as Record<string, unknown>).Targets;
  if (f.operation === 'RegisterTargetWithMaintenanceWindow' && Array.isArray(targets) && targets.length === 0) {
    return 'aws_ssm_maintenance_window_target requires at least one targets block: Terraform refuses the configuration before the provider sends anything.';
  }
  if (terraformTypeOf(f.operation)) return undefined;
  return NOT_EXPRESSIBLE[`${f.operation} request`] ?? (f.operation.startsWith('Update') ? NOT_EXPRESSIBLE.update : undefined);
}

/** The fixture's resource name in Terraform, by the type that sends its request. */
const RESOURCE_NAMES: Record<string, string> = { aws_ssm_maintenance_window_task: 'task', aws_ssm_maintenance_window_target: 'target', aws_ssm_maintenance_window: 'window' };

const DROPPED_WHY: Record<string, string> = {
  ClientToken: 'the provider has no argument for it and sends none',
  AlarmConfiguration: 'the provider versions this tool knows have no alarm_configuration argument',
};

interface ExpectedIssue {
  rule?: string;
  code: string;
  severity: string;
  path: (string | number)[];
  line: number;
}

/** The payload fixture's findings, plus what Terraform adds to them. */
function expectedIssues(f: Fixture, lines: ReadonlyMap<string, number>): ExpectedIssue[] {
  const issues: Omit<ExpectedIssue, 'line'>[] = f.issues.map((i) => ({ ...(i.rule ? { rule: i.rule } : {}), code: i.code, severity: i.severity, path: [...i.path] }));
  const removed = terraformRule('terraform_removed_argument');
  for (const member of ['LoggingInfo', 'TaskParameters']) {
    if ((f.payload as Record<string, unknown>)[member] !== undefined) issues.push({ rule: removed.id, code: removed.code, severity: removed.severity, path: [member] });
  }
  return issues.map((i) => ({ ...i, line: lineOf(lines, i.path) })).sort(byPlace);
}

const key = (i: ExpectedIssue) => `${String(i.line).padStart(4, '0')} ${i.rule ?? ''} ${i.code} ${JSON.stringify(i.path)}`;
const byPlace = (a: ExpectedIssue, b: ExpectedIssue) => key(a).localeCompare(key(b));

interface Generated {
  path: string;
  text: string;
}

function generate(): Generated[] {
  const files: Generated[] = [];
  const skipped: string[] = [];
  for (const dir of ['good', 'bad'] as const) {
    for (const f of loadFixtures(dir)) {
      const why = notExpressible(f);
      const type = terraformTypeOf(f.operation);
      if (why !== undefined || !type) {
        skipped.push(`| \`${dir}/${f.name}\` | ${why} |`);
        continue;
      }
      const name = RESOURCE_NAMES[type.type]!;
      const source = `test/fixtures/payload/${dir}/${f.name}.json`;
      const tf = toTerraform(f.payload as Record<string, unknown>, name, type);
      const plan = toPlan(f.payload as Record<string, unknown>, name, dir === 'bad' ? { module: 'module.patching' } : {}, type);
      const notExpressed = tf.dropped.length > 0 ? { notExpressed: Object.fromEntries(tf.dropped.map((m) => [m, DROPPED_WHY[m] ?? 'not an argument of the resource'])) } : {};
      files.push({ path: join(TF, dir, `${f.name}.tf`), text: tf.text });
      files.push({
        path: join(TF, dir, `${f.name}.expected.json`),
        text: JSON.stringify({ source, resource: `${type.type}.${name}`, ...notExpressed, issues: expectedIssues(f, tf.lines) }, null, 2) + '\n',
      });
      files.push({ path: join(PLAN, dir, `${f.name}.json`), text: plan.text });
      files.push({
        path: join(PLAN, dir, `${f.name}.expected.json`),
        text: JSON.stringify({ source, address: plan.address, ...notExpressed, issues: expectedIssues(f, plan.lines) }, null, 2) + '\n',
      });
    }
  }
  const readme = [
    '# Terraform fixtures',
    '',
    'Generated from `test/fixtures/payload` by `test/inputs/terraform/fixtures.test.ts` (run it with',
    '`UPDATE_TERRAFORM_FIXTURES=1` to rewrite them); do not edit. Each `.tf` file (and each plan in',
    '`../terraform-plan`, hand-written after Terraform\'s JSON output format since no terraform binary is',
    'available here) holds the payload fixture of the same name as the resource that sends its request',
    '(`aws_ssm_maintenance_window_task`, `aws_ssm_maintenance_window_target` or `aws_ssm_maintenance_window`);',
    'the `.expected.json` beside it lists the findings expected and their lines. Valid fixtures expect none.',
    '',
    'Members the resource cannot express are left out and named in `notExpressed`.',
    '',
    'Fixtures with no Terraform counterpart:',
    '',
    '| Payload fixture | Why |',
    '|---|---|',
    ...skipped,
    '',
  ].join('\n');
  files.push({ path: join(TF, 'README.md'), text: readme });
  return files;
}

function listed(dir: string, extension: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(extension) && !f.endsWith('.expected.json')) : [];
}

describe('Terraform fixtures', () => {
  const files = generate();

  it('are the payload fixtures written as Terraform (generated, committed, unchanged)', () => {
    for (const file of files) {
      if (UPDATE) {
        mkdirSync(join(file.path, '..'), { recursive: true });
        writeFileSync(file.path, file.text);
      }
      expect(existsSync(file.path) ? readFileSync(file.path, 'utf8') : undefined, `${file.path} is stale: run UPDATE_TERRAFORM_FIXTURES=1 npx vitest run test/inputs/terraform/fixtures.test.ts`).toBe(file.text);
    }
    const expected = new Set(files.map((f) => f.path));
    for (const [dir, ext] of [
      [TF, '.tf'],
      [PLAN, '.json'],
    ] as const) {
      for (const sub of ['good', 'bad']) for (const f of listed(join(dir, sub), ext)) expect(expected.has(join(dir, sub, f)), `${f} has no payload fixture`).toBe(true);
    }
  });

  const cases = (dir: string, ext: string) =>
    (['good', 'bad'] as const).flatMap((sub) => listed(join(dir, sub), ext).map((file) => [`${sub}/${file}`, join(dir, sub, file)] as const));

  const check = (result: ListedReadResult, expectedPath: string, resourceKey: 'resource' | 'address') => {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { resource?: string; address?: string; issues: ExpectedIssue[] };
    expect(result.findings).toEqual([]);
    expect(result.tasks).toHaveLength(1);
    expect(result.tasks[0]!.resource).toBe(expected[resourceKey]);
    const actual = findingsOf(result).map((f) => ({ ...(f.rule ? { rule: f.rule } : {}), code: f.code, severity: f.severity, path: [...f.path], line: f.line! }));
    expect(actual.sort(byPlace)).toEqual(expected.issues);
  };

  it.each(cases(TF, '.tf'))('%s lints to exactly its expected findings, at their lines', (_, file) => {
    check(readTerraform(readFileSync(file, 'utf8')), file.replace(/\.tf$/, '.expected.json'), 'resource');
  });

  it.each(cases(PLAN, '.json'))('plan %s lints to exactly its expected findings, at its address and lines', (_, file) => {
    check(readTerraformPlan(readFileSync(file, 'utf8')), file.replace(/\.json$/, '.expected.json'), 'address');
  });

  it('cover every rule of the contract that a task registration can break', () => {
    const rules = new Set(cases(TF, '.tf').flatMap(([, file]) => (JSON.parse(readFileSync(file.replace(/\.tf$/, '.expected.json'), 'utf8')) as { issues: ExpectedIssue[] }).issues.map((i) => i.rule)));
    for (const id of ['MW001', 'MW002', 'MW003', 'MW004', 'MW005', 'MW006', 'MW007', 'MW008', 'MW009', 'MW010', 'MW011']) expect(rules, id).toContain(id);
  });

  it.each(cases(TF, '.tf'))('%s gets no new finding when any value is a variable, or any block is dynamic over a variable', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const collect = (items: (Attribute | Block)[]) => {
      for (const item of items) {
        if (item.type === 'Attribute') attributes.push(item);
        else {
          if (item.blockType !== 'resource') blocks.push(item);
          collect(item.body.items);
        }
      }
    };
    collect(parseHcl(text).body.items);
    const variants = [
      ...attributes.map((a) => text.slice(0, a.expr.range.start.offset) + 'var.unknown' + text.slice(a.expr.range.end.offset)),
      ...blocks.map(
        (b) =>
          text.slice(0, b.range.start.offset) +
          `dynamic "${b.blockType}" {\n for_each = var.unknown\n content {\n${text.slice(b.range.start.offset, b.range.end.offset).replace(/^[^{]*\{/, '').replace(/\}$/, '')}\n }\n }` +
          text.slice(b.range.end.offset),
      ),
    ];
    expect(variants.length).toBeGreaterThanOrEqual(4);
    const seen = (t: string) => new Set(findingsOf(readTerraform(t)).map((f) => `${f.rule ?? f.code} ${JSON.stringify(f.path)}`));
    const original = seen(text);
    for (const variant of variants) {
      expect(readTerraform(variant).findings, variant).toEqual([]);
      for (const finding of seen(variant)) expect(original, `${finding} appears in\n${variant}`).toContain(finding);
    }
  });
});
