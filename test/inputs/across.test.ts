import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsOf, lintFile } from '../../src/lint/engine.js';
import { parseHcl } from '../../src/parse/hcl/parser.js';
import type { Attribute } from '../../src/parse/hcl/ast.js';
import { acrossRules } from '../../src/readers/across/rules/index.js';
import { sameWindow, windowOf, type ResourceModel } from '../../src/readers/across/rules/model.js';
import { ROOT } from '../support/spec.js';

/*
 * The rules across the resources of a file (MW080-MW082) and the reader rules of issue 16 (MW104-MW106,
 * MW209): hand-written fixtures in test/fixtures/cloudformation/{good,bad} (checked by
 * cloudformation.test.ts), test/fixtures/terraform/across and test/fixtures/terraform-plan/across (checked
 * here), each bad one with the findings expected beside it.
 */

const FIXTURES = join(ROOT, 'test', 'fixtures');
const TERRAFORM = ['terraform/across', 'terraform-plan/across'];

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(tf|json|ya?ml)$/.test(f) && !f.endsWith('.expected.json')) : []);

function lint(path: string) {
  return lintFile({ file: relative(ROOT, path), text: readFileSync(path, 'utf8'), explicit: true })!;
}

const shape = (i: { rule?: string; code: string; severity: string; path: unknown; line?: number; column?: number; resource?: string }) => ({
  ...(i.rule ? { rule: i.rule } : {}),
  code: i.code,
  severity: i.severity,
  path: i.path,
  line: i.line,
  column: i.column,
  resource: i.resource,
});

describe.each(TERRAFORM)('test/fixtures/%s', (dir) => {
  it.each(files(join(FIXTURES, dir, 'bad')))('bad/%s lints to exactly its expected findings', (file) => {
    const path = join(FIXTURES, dir, 'bad', file);
    const result = lint(path);
    expect(result.inputProblem).toBeUndefined();
    const expected = JSON.parse(readFileSync(path.replace(/\.(tf|json)$/, '.expected.json'), 'utf8')) as { issues: unknown[] };
    expect(findingsOf(result).map(shape)).toEqual(expected.issues);
  });

  it.each(files(join(FIXTURES, dir, 'good')))('good/%s is clean', (file) => {
    const result = lint(join(FIXTURES, dir, 'good', file));
    expect(findingsOf(result)).toEqual([]);
  });
});

describe('every rule of issue 16 in the readers has a good and a bad fixture', () => {
  const named = (dir: string) => files(join(FIXTURES, dir));
  const cfn = { good: named('cloudformation/good'), bad: named('cloudformation/bad') };
  const tf = { good: TERRAFORM.flatMap((d) => named(`${d}/good`)), bad: TERRAFORM.flatMap((d) => named(`${d}/bad`)) };
  const has = (list: string[], id: string) => list.some((f) => f.startsWith(`${id}.`));

  it.each(acrossRules.map((r) => r.id))('%s, in CloudFormation and in Terraform', (id) => {
    for (const kind of [cfn, tf]) {
      expect(has(kind.good, id), `good ${id}`).toBe(true);
      expect(has(kind.bad, id), `bad ${id}`).toBe(true);
    }
  });

  it.each(['MW101', 'MW104', 'MW105', 'MW106'])('%s, in CloudFormation', (id) => {
    expect(has(cfn.bad, id)).toBe(true);
    expect(has(cfn.good, id) || id === 'MW101').toBe(true);
  });

  it('MW209, in Terraform', () => {
    expect(has(tf.bad, 'MW209') && has(tf.good, 'MW209')).toBe(true);
  });
});

describe('no finding across resources comes from what the file does not decide', () => {
  // Each expression of the good .tf fixtures, one at a time, replaced by a variable: nothing new is found.
  const dir = join(FIXTURES, 'terraform/across/good');
  it.each(files(dir).filter((f) => f.endsWith('.tf')))('%s', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const attributes: Attribute[] = [];
    const collect = (items: ReturnType<typeof parseHcl>['body']['items']) => {
      for (const item of items) {
        if (item.type === 'Attribute') attributes.push(item);
        else collect(item.body.items);
      }
    };
    collect(parseHcl(text).body.items);
    expect(attributes.length).toBeGreaterThanOrEqual(5);
    for (const a of attributes) {
      const variant = text.slice(0, a.expr.range.start.offset) + 'var.unknown' + text.slice(a.expr.range.end.offset);
      const found = findingsOf(lintFile({ file: file, text: variant, explicit: true })!).filter((f) => f.severity !== 'info');
      expect(found, variant).toEqual([]);
    }
  });
});

describe('the model: which window a reference names', () => {
  const place = { location: { line: 1, column: 1 }, sourcePath: [] };
  const model: ResourceModel = {
    complete: true,
    windows: [
      { name: 'A', place },
      { name: 'B', place, knownId: 'mw-0123456789abcdef0' },
    ],
    targets: [
      { name: 'T', place, window: { reference: { to: 'resource', resource: 'A', kind: 'window', written: 'Ref A' }, path: ['WindowId'], place } },
      { name: 'Loop', place, window: { reference: { to: 'resource', resource: 'Loop', kind: 'window', written: 'x' }, path: ['WindowId'], place } },
    ],
    tasks: [],
  };

  it('follows a target’s window, a plan’s known ID, and stops on a loop', () => {
    expect(windowOf(model, { to: 'resource', resource: 'T', kind: 'window', written: 't.window_id' })).toEqual({ resource: 'A' });
    expect(windowOf(model, { to: 'literal', value: 'mw-0123456789abcdef0' })).toEqual({ resource: 'B' });
    expect(windowOf(model, { to: 'resource', resource: 'Loop', kind: 'window', written: 'x' })).toBeUndefined();
    expect(windowOf(model, { to: 'resource', resource: 'A', kind: 'window', written: 'a', anyInstance: true })).toBeUndefined();
    expect(windowOf(model, { to: 'elsewhere', written: 'var.window_id' })).toBeUndefined();
  });

  it('compares two resources, two literals, two literal instance keys; never a literal with a resource', () => {
    expect(sameWindow({ resource: 'A' }, { resource: 'B' })).toBe(false);
    expect(sameWindow({ resource: 'A' }, { resource: 'A' })).toBe(true);
    expect(sameWindow({ resource: 'A', instance: '0' }, { resource: 'A', instance: '1' })).toBe(false);
    expect(sameWindow({ resource: 'A', instance: '0' }, { resource: 'A' })).toBeUndefined();
    expect(sameWindow({ literal: 'mw-1' }, { literal: 'mw-2' })).toBe(false);
    expect(sameWindow({ literal: 'mw-1' }, { resource: 'A' })).toBeUndefined();
    expect(sameWindow(undefined, { resource: 'A' })).toBeUndefined();
  });
});
