import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { READER_MAX_DEPTH } from '../../src/parse/limits.js';
import { lintFile, type LintIssue } from '../../src/lint/engine.js';
import { cpuMs } from '../support/cpu.js';
import { TERRAFORM_SHAPES, tfPriorityAt } from '../support/hostile.js';
import { check, ran, summary, timeoutFor } from '../support/property.js';

/*
 * The Terraform reader on generated nesting (issue 14 item 5): every shape of test/support/hostile.ts,
 * and mixes of every kind of nesting HCL has, at drawn sizes and drawn --max-depth. Each is read
 * without a throw, in time in proportion to its size; it is a syntax error exactly when it nests
 * deeper than the depth read (--max-depth, never past READER_MAX_DEPTH.hcl), at a place that does not
 * depend on how much deeper it goes; and the resource after it is still checked.
 */

const RUNS = 60;
const W = 'mw-0123456789abcdef0';

/** CPU time, generous against a slow machine, tight against quadratic time: 2 s, and 20 µs per character. */
const boundMs = (text: string) => 2000 + text.length * 0.02;

/** The issues lint gives a .tf file, within the CPU-time bound, the reader never failing. */
function lintTf(text: string, maxDepth: number | undefined): LintIssue[] {
  let issues: LintIssue[] = [];
  const ms = cpuMs(() => {
    const result = lintFile({ file: 'main.tf', text, explicit: true }, { context: { cwd: '.', readFile: () => undefined, ...(maxDepth !== undefined ? { limits: { maxDepth } } : {}) } })!;
    issues = [...result.issues, ...result.tasks.flatMap((t) => t.issues)];
  });
  expect(ms, `lint on ${text.length} characters`).toBeLessThan(boundMs(text));
  expect(issues.filter((i) => i.code === 'unreadable')).toEqual([]);
  // The resource after the deep one is read and checked.
  expect(issues.find((i) => i.code === 'too_small')).toMatchObject({ resource: 'aws_ssm_maintenance_window_task.after', ...tfPriorityAt(text) });
  return issues;
}

const syntaxErrors = (issues: LintIssue[]) => issues.filter((i) => i.code === 'syntax_error');

/** A --max-depth: absent (128), small (from 3, which `priority = -1` in a resource needs), around the reader's own limit, or far past it. */
const maxDepths = fc.oneof(fc.constant(undefined), fc.integer({ min: 3, max: 60 }), fc.integer({ min: 100, max: 1000 }), fc.constant(100_000));

/** The depth read for a --max-depth, and what the finding advises. */
function effective(maxDepth: number | undefined): { limit: number; advice: RegExp } {
  const wanted = maxDepth ?? 128;
  const limit = Math.min(wanted, READER_MAX_DEPTH.hcl);
  return { limit, advice: limit < wanted ? /this reader reads no deeper, whatever --max-depth says\.$/ : /raise --max-depth if the file is genuine\.$/ };
}

/** One level of nesting: what opens it and what closes it, around the expression inside. */
const LEVELS: readonly [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['{a = ', ' }'],
  ['max(', ')'],
  ['"${', '}"'],
  ['!', ''],
  ['-', ''],
  ['var.x[', ']'],
  ['true ? ', ' : 2'],
  ['1 + ', ''],
  ['[for x in ', ' : x]'],
  ['{for k, v in ', ' : k => v}'],
  // In parentheses, where the line after the heredoc may go on with the expression.
  ['(<<EOT\n${', '}\nEOT\n)'],
];

describe('the Terraform reader on nesting', () => {
  it('gives each shape of test/support/hostile.ts a syntax error exactly past the depth read, at one place, and reads on', { timeout: timeoutFor(RUNS) * 4 }, () => {
    const shapes = Object.values(TERRAFORM_SHAPES);
    const sizes = fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 600, max: 20_000 }));
    check('Terraform shapes', fc.tuple(fc.constantFrom(...shapes), sizes, maxDepths), ([shape, n, maxDepth]) => {
      const { limit, advice } = effective(maxDepth);
      const errors = syntaxErrors(lintTf(shape.build(n), maxDepth));
      const threshold = shape.deeper(limit);
      if (n < threshold) {
        expect(errors).toEqual([]);
        return;
      }
      expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`Nesting too deep: blocks and expressions nest deeper than ${limit} levels here`))]);
      expect(errors[0]!.message).toMatch(advice);
      // The place is where the file first goes too deep, however much deeper it goes.
      const first = syntaxErrors(lintTf(shape.build(threshold), maxDepth));
      expect([errors[0]!.line, errors[0]!.column]).toEqual([first[0]!.line, first[0]!.column]);
    }, RUNS);
  });

  it('reads every mix of nesting, a syntax error only past the depth read', { timeout: timeoutFor(RUNS) * 4 }, () => {
    const mixes = fc.array(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 3000, size: 'max' });
    check('Terraform nesting mixes', fc.tuple(mixes, maxDepths, fc.boolean()), ([levels, maxDepth, inBlocks]) => {
      const { limit, advice } = effective(maxDepth);
      const expr = `${levels.map(([open]) => open).join('')}1${levels.map(([, close]) => close).reverse().join('')}`;
      // In blocks: as deep again in blocks around the argument, the whole as deep as the levels.
      const blocks = inBlocks ? Math.floor(levels.length / 2) : 0;
      const text = `resource "aws_ssm_maintenance_window_task" "deep" {\n  window_id = "${W}"\n${'a {\n'.repeat(blocks)}  description = ${expr}\n${'}\n'.repeat(blocks)}}\n\nresource "aws_ssm_maintenance_window_task" "after" {\n  window_id = "${W}"\n  task_arn  = "AWS-RunShellScript"\n  task_type = "AUTOMATION"\n  priority  = -1\n}\n`;
      const errors = syntaxErrors(lintTf(text, maxDepth));
      // Each level is one to three levels of the tree (var.x[ has var two below the index), the resource block and the blocks one each.
      const least = 1 + blocks + levels.length + 1;
      const most = 1 + blocks + 3 * levels.length + 1;
      if (most <= limit) expect(errors).toEqual([]);
      if (least > limit) expect(errors.length).toBe(1);
      expect(errors.length).toBeLessThanOrEqual(1);
      for (const e of errors) {
        expect(e.message).toMatch(new RegExp(`Nesting too deep: blocks and expressions nest deeper than ${limit} levels here`));
        expect(e.message).toMatch(advice);
      }
    }, RUNS);
  });
});

afterAll(() => console.log(summary(ran)));
