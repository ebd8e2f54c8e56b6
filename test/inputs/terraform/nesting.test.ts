import { describe, expect, it } from 'vitest';
import { READER_MAX_DEPTH } from '../../../src/parse/limits.js';
import { readTerraformPlan } from '../../../src/readers/terraform/plan.js';
import { parseHcl, parseHclExpression } from '../../../src/parse/hcl/parser.js';
import { lintFile, type LintIssue } from '../../../src/lint/engine.js';
import { TERRAFORM_SHAPES, tfPriorityAt } from '../../support/hostile.js';
import { wordIssue } from '../../../src/issues/make.js';

/*
 * Issue 14 item 5: Terraform nested or chained thousands of levels deep (`+`, `[0]` and `.a` chains
 * overflowed the stack from 3,000, "the reader failed ... please report it"). Each shape is a syntax
 * error at the place where it goes deeper than --max-depth, and the rest of the file is read: the
 * resource after it is checked.
 */

/** Where each shape goes deeper than 128 levels (the resource block is one): its description starts at line 3, column 17. */
const AT_128: Record<keyof typeof TERRAFORM_SHAPES, [number, number]> = {
  // A chain's levels are its operators: the node 128 deep starts where the chain does.
  plus: [3, 17],
  index: [3, 17],
  attr: [3, 17],
  // The 127th bracket or operator opens level 128: the next one is too deep.
  paren: [3, 17 + 127],
  tuple: [3, 17 + 127],
  not: [3, 17 + 127],
  call: [3, 17 + 4 * 127],
  // `{a = ` is five characters; the key of the 127th object is 128 deep.
  object: [3, 17 + 5 * 126 + 1],
  // `"${` is three: the 64th interpolation (its `$`) is 129 deep.
  template: [3, 17 + 3 * 63 + 1],
  // `var.a ? 1 : ` is twelve: the `var` of the 126th conditional is 129 deep.
  conditional: [3, 17 + 12 * 125],
  // The 128th block's brace, on line 3 + 127.
  blocks: [130, 3],
};

const context = (maxDepth?: number) => ({ cwd: '.', readFile: () => undefined, ...(maxDepth !== undefined ? { limits: { maxDepth } } : {}) });

function lintTf(text: string, maxDepth?: number): LintIssue[] {
  const result = lintFile({ file: 'main.tf', text, explicit: true }, { context: context(maxDepth) })!;
  expect(result.reader).toBe('terraform');
  return [...result.issues, ...result.tasks.flatMap((t) => t.issues)];
}

const nestingErrors = (issues: LintIssue[]) => issues.filter((i) => i.code === 'syntax_error');

describe('Terraform nested thousands deep', () => {
  describe.each(Object.entries(TERRAFORM_SHAPES))('%s', (name, shape) => {
    it.each([3_000, 100_000])('%i deep: a syntax error where it goes deeper than 128 levels, and the rest of the file read', (n) => {
      const text = shape.build(n);
      const issues = lintTf(text);
      const [line, column] = AT_128[name as keyof typeof TERRAFORM_SHAPES];
      expect(nestingErrors(issues).map((i) => [i.line, i.column, i.message])).toEqual([
        [line, column, expect.stringMatching(/^Not valid HCL: Nesting too deep: blocks and expressions nest deeper than 128 levels here \(.*\); raise --max-depth if the file is genuine\.$/)],
      ]);
      expect(issues.find((i) => i.code === 'not_checked')).toMatchObject({ resource: 'aws_ssm_maintenance_window_task.deep', message: expect.stringMatching(/contains a syntax error/) });
      expect(issues.find((i) => i.code === 'too_small')).toMatchObject({ resource: 'aws_ssm_maintenance_window_task.after', ...tfPriorityAt(text) });
      expect(issues.some((i) => /reader failed|stack/.test(i.message))).toBe(false);
    });

    it('is read without a nesting error one level short of the limit', () => {
      const text = shape.build(shape.deeper(128) - 1);
      const issues = lintTf(text);
      expect(nestingErrors(issues)).toEqual([]);
      expect(issues.find((i) => i.code === 'too_small')).toMatchObject(tfPriorityAt(text));
    });

    it('goes deeper with --max-depth, but never deeper than the reader’s own limit, and says so', () => {
      const limit = READER_MAX_DEPTH.hcl;
      expect(nestingErrors(lintTf(shape.build(shape.deeper(limit) - 1), 5000))).toEqual([]);
      const past = nestingErrors(lintTf(shape.build(3_000), 5000));
      expect(past.map((i) => i.message)).toEqual([expect.stringMatching(new RegExp(`nest deeper than ${limit} levels here .*; this reader reads no deeper, whatever --max-depth says\\.$`))]);
      const lower = nestingErrors(lintTf(shape.build(3_000), 20));
      expect(lower.map((i) => i.message)).toEqual([expect.stringMatching(/nest deeper than 20 levels here .*; raise --max-depth/)]);
    });
  });

  it('places the error where it goes deeper, whatever lies past it', () => {
    // A conditional whose condition is nested deeper than its branches: the first place in the text.
    const deepCondition = `${'('.repeat(200)}true${')'.repeat(200)} ? ${'['.repeat(200)}1${']'.repeat(200)} : 2`;
    const { diagnostics } = parseHclExpression(deepCondition);
    expect(diagnostics.map((d) => [d.summary, d.range.start.column])).toEqual([['Nesting too deep', 129]]);
    // A tuple whose first item is shallow and whose second is too deep: one error, at the second.
    const second = `[1, ${'['.repeat(200)}${']'.repeat(200)}]`;
    expect(parseHclExpression(second).diagnostics.map((d) => d.range.start.column)).toEqual([5 + 127]);
  });

  it('reads the arguments after a deep one in the same block, and a one-line block around one', () => {
    const deep = '['.repeat(3000) + ']'.repeat(3000);
    const { body, diagnostics } = parseHcl(`a {\n  x = ${deep}\n  y = 1\n}\nb { z = ${deep} }\nc = 2\n`);
    expect(diagnostics.map((d) => [d.summary, d.range.start.line])).toEqual([
      ['Nesting too deep', 2],
      ['Nesting too deep', 5],
    ]);
    expect(body.items.map((i) => (i.type === 'Attribute' ? i.name : i.blockType))).toEqual(['a', 'b', 'c']);
  });

  it('an empty template at the deepest level allowed is no error (the template tree counted a level too many)', () => {
    expect(parseHclExpression(`${'['.repeat(126)}""${']'.repeat(126)}`, { maxDepth: 128 }).diagnostics).toEqual([]);
  });
});

describe('a Terraform plan nested past --max-depth', () => {
  const plan = (n: number) =>
    JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', resource_changes: [] }).replace('[]', `[${'['.repeat(n)}${']'.repeat(n)}]`);

  it('is a syntax error at the level that goes too deep, never past the JSON reader’s own limit', () => {
    const text = plan(5000);
    const start = text.indexOf('[') + 1;
    expect(readTerraformPlan(text).findings.map((f) => [f.issue.code, f.location?.column])).toEqual([['syntax_error', start + 127]]);
    const capped = readTerraformPlan(text, { maxDepth: 5000 }).findings;
    expect(capped.map((f) => [f.issue.code, f.location?.column, wordIssue(f.issue).message])).toEqual([
      ['syntax_error', start + READER_MAX_DEPTH.json - 1, expect.stringMatching(/nesting deeper than 1000 levels \(this reader reads no deeper, whatever --max-depth says\)/)],
    ]);
  });
});
