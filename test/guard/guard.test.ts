import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT } from '../../src/generate/contract.js';
import { GUARD_RESOURCES, guardFiles } from '../../src/generate/guard.js';
import { CFN_FIXTURES } from '../support/cloudformation.js';
import { CORPUS } from '../support/spec.js';
import { faultTemplates, generatedChecks, lintView, traitsOf, validTemplates, type LintView, type TemplateCase } from './corpus.js';
import { cfnGuardVersion, installedVersion, runCfnGuard, runCloudFormationValidate, type GuardResults, type ValidateResults } from './engines.js';

/*
 * The generated Guard rules in the real Guard engines (D57), against lint on the same templates:
 * the task fault corpus as templates (test/guard/corpus.ts), the valid payloads as templates, and
 * every template fixture and real-world template of the repository. Each engine runs once, over a
 * directory (cfn-guard) or a list (@aws/cloudformation-validate) of all of them.
 */

interface Row {
  file: string;
  c: TemplateCase;
  lint: LintView;
  /** Guard rules that failed, per engine (validate: on the sample only). */
  cfnGuard: string[];
  validate?: string[];
  /** What the validate engine's built-in checks report (error or warning). */
  builtin: string[];
  /** Written with intrinsic functions: Guard sees the functions (D56). */
  intrinsics: boolean;
}

const rules = guardFiles(CONTRACT).get(GUARD_RESOURCES[0]!.file)!;
const names = new Set(generatedChecks().map((c) => c.name));
const sorted = (failures: GuardResults, file: string) => [...new Set((failures.get(file) ?? []).map((f) => f.rule))].sort();
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

let dir: string;
let rows: Row[];
let builtin: ValidateResults;
let validate: ValidateResults;
let fixtures: { file: string; source: string; lint: LintView; failed: string[]; traits: ReturnType<typeof traitsOf> }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guard-'));
  const rulesFile = join(dir, 'maintenance-window-task.guard');
  writeFileSync(rulesFile, rules);

  const cases = [...faultTemplates(), ...validTemplates()];
  const casesDir = join(dir, 'cases');
  mkdirSync(casesDir);
  const files = cases.map((c, i) => {
    const file = `case-${String(i).padStart(4, '0')}.json`;
    writeFileSync(join(casesDir, file), c.json);
    return file;
  });
  const cfnGuard = runCfnGuard(rulesFile, casesDir);
  // The built-in checks alone on every template; with the Guard rules (about 0.3 ms per rule and template
  // in that engine) on a sample: each template that adds a Guard rule not yet expected, every template lint
  // finds no expressible fault in, and every template-only case.
  builtin = runCloudFormationValidate(undefined, files.map((f) => join(casesDir, f)), names);
  const views = cases.map((c) => lintView(c));
  const seen = new Set<string>();
  const sample = cases.flatMap((c, i) => {
    const fresh = views[i]!.expected.some((n) => !seen.has(n)) || views[i]!.expected.length === 0 || c.origin === 'template';
    views[i]!.expected.forEach((n) => seen.add(n));
    return fresh ? [files[i]!] : [];
  });
  validate = runCloudFormationValidate(rules, sample.map((f) => join(casesDir, f)), names);
  rows = cases.map((c, i) => ({
    file: files[i]!,
    c,
    lint: views[i]!,
    cfnGuard: sorted(cfnGuard, files[i]!),
    ...(sample.includes(files[i]!) ? { validate: sorted(validate.guard, files[i]!) } : {}),
    builtin: builtin.builtin.get(files[i]!) ?? [],
    intrinsics: traitsOf(c.json).intrinsics,
  }));

  // Every template of the repository: fixtures (good, bad, cdk.out) and the real-world corpus.
  const fixturesDir = join(dir, 'fixtures');
  mkdirSync(fixturesDir);
  const sources = [join(CFN_FIXTURES, 'good'), join(CFN_FIXTURES, 'bad'), join(CFN_FIXTURES, 'cdk.out'), join(CORPUS, 'cloudformation')].flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.(ya?ml|json|template)$/.test(f) && !f.endsWith('.expected.json') && !/^(manifest|tree)\.json$/.test(f) && statSync(join(d, f)).isFile())
      .map((f) => join(d, f)),
  );
  const copies = sources.map((source, i) => {
    const file = `${String(i).padStart(3, '0')}-${basename(source).replace(/\.template$/, '.yaml')}`;
    copyFileSync(source, join(fixturesDir, file));
    return { file, source };
  });
  const fixtureResults = runCfnGuard(rulesFile, fixturesDir);
  fixtures = copies.map(({ file, source }) => {
    const text = readFileSync(source, 'utf8');
    return { file, source, lint: lintView({ name: source, json: text }, basename(source)), failed: sorted(fixtureResults, file), traits: traitsOf(text, basename(source)) };
  });
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`generated Guard rules in cfn-guard ${'3.1.1'} and @aws/cloudformation-validate (aws-cdk-lib ${installedVersion('aws-cdk-lib')})`, () => {
  it('runs the engines this test names', () => {
    expect(cfnGuardVersion()).toBe('cfn-guard 3.1.1');
    expect([validate.version, builtin.version]).toEqual(['1.14.0', '1.14.0']);
  });

  it('fail exactly the rules that stand for lint’s errors, on every fault template without intrinsic functions', () => {
    const strict = rows.filter((r) => !r.intrinsics);
    const disagree = strict.filter((r) => !same(r.cfnGuard, r.lint.expected) || (r.validate !== undefined && !same(r.validate, r.lint.expected)));
    expect(disagree.map((r) => `${r.c.name}: lint ${r.lint.expected.join(' ')} | cfn-guard ${r.cfnGuard.join(' ')} | validate ${r.validate?.join(' ') ?? '(not sampled)'}`)).toEqual([]);
    // The corpus is large, Guard expresses what lint finds in almost all of it, and the sample reaches every rule.
    expect(strict.filter((r) => r.lint.expected.length > 0).length).toBeGreaterThan(250);
    const sampled = new Set(rows.flatMap((r) => r.validate ?? []));
    expect(generatedChecks().filter((c) => !sampled.has(c.name) && rows.some((r) => r.lint.expected.includes(c.name))).map((c) => c.name)).toEqual([]);
  });

  it('never fail a rule where lint reports nothing it stands for (templates with intrinsic functions, the fixtures and the real-world corpus)', () => {
    // A value under a YAML tag CloudFormation does not have is read by cfn-guard as plain text (listed in generated/docs/guard.md).
    const readable = fixtures.filter((f) => !f.traits.unknownTags);
    const falseAlarms = [
      ...rows.flatMap((r) => [...r.cfnGuard, ...(r.validate ?? [])].filter((n) => !r.lint.expected.includes(n)).map((n) => `${r.c.name}: ${n}`)),
      ...readable.flatMap((f) => f.failed.filter((n) => !f.lint.expected.includes(n)).map((n) => `${f.source}: ${n}`)),
    ];
    expect([...new Set(falseAlarms)]).toEqual([]);
    expect(readable.length).toBeGreaterThan(90);
  });

  it('agree with lint on the fixtures written without intrinsic functions', () => {
    const strict = fixtures.filter((f) => !f.traits.intrinsics && !f.traits.unknownTags);
    expect(strict.filter((f) => !same(f.failed, f.lint.expected)).map((f) => `${f.source}: lint ${f.lint.expected.join(' ')} | cfn-guard ${f.failed.join(' ')}`)).toEqual([]);
  });

  it('catch every fault Guard can express, where the built-in checks catch about half (the table)', () => {
    const faults = rows.filter((r) => r.lint.errors.length > 0);
    const expressed = faults.filter((r) => r.lint.expected.length > 0 && !r.intrinsics);
    const byGuard = faults.filter((r) => r.cfnGuard.length > 0 && (r.validate === undefined || r.validate.length > 0));
    // What an engine catches is what it reports at all; the built-in checks also warn on valid templates, so only their errors count.
    const byBuiltin = faults.filter((r) => r.builtin.some((b) => / error /.test(` ${b} `)));
    const byBuiltinAny = faults.filter((r) => r.builtin.length > 0);
    const byEither = faults.filter((r) => r.cfnGuard.length > 0 || r.builtin.some((b) => / error /.test(` ${b} `)));
    const table = rows.map((r) =>
      [r.c.name, r.lint.errors.join(' ') || '(valid)', r.cfnGuard.join(' ') || '-', r.intrinsics ? 'intrinsic functions' : r.lint.unexpressed.length ? `not in Guard: ${r.lint.unexpressed.join(' ')}` : '', r.builtin.join(' ') || '-'].join(' | '),
    );
    console.log(['case | lint errors | Guard rules failed | note | built-in checks', ...table].join('\n'));
    console.log(
      `${faults.length} fault templates: Guard expresses ${expressed.length}; cfn-guard and validate fail the generated rules on ${byGuard.length}; ` +
        `validate's built-in checks alone report an error on ${byBuiltin.length} (anything at all on ${byBuiltinAny.length}), with the generated rules ${byEither.length}; ` +
        `validate ran the generated rules on a sample of ${rows.filter((r) => r.validate !== undefined).length} templates.`,
    );
    expect(byGuard.map((r) => r.c.name)).toEqual(expressed.map((r) => r.c.name));
    expect(byBuiltin.length).toBeLessThan(expressed.length);
    expect(byEither.length).toBeGreaterThanOrEqual(expressed.length);
  });
});
