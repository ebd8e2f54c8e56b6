import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { readers } from '../../src/lint/readers.js';
import type { FoundTask, Reader } from '../../src/readers/reader.js';
import { ROOT } from '../support/spec.js';

/*
 * One file's failure never hides the others' results (issue 14 item 5): whatever a reader throws,
 * in detect, in read, as it makes its tasks or from a stack that ran out, that file is reported as
 * not checked (`unreadable`, lint exits 2) and every other file is checked.
 */

const overflow = (): never => {
  const deeper = (n: number): number => deeper(n + 1) + 1;
  deeper(0);
  throw new Error('unreachable');
};

/** A reader of `*.boom` files that fails in a different way for each name. */
const failing: Reader = {
  kind: 'boom',
  accepts: (file) => file.endsWith('.boom'),
  detect(file) {
    if (file === 'detect.boom') throw new TypeError('detect broke');
    return true;
  },
  read(file) {
    if (file === 'read.boom') throw new Error('read broke');
    if (file === 'stack.boom') overflow();
    if (file === 'thrown.boom') throw 42;
    function* tasks(): Generator<FoundTask> {
      throw new Error('tasks broke');
    }
    return { tasks: tasks(), findings: [] };
  },
};

const fixture = (path: string) => ({ file: path, text: readFileSync(join(ROOT, path), 'utf8'), explicit: true });
const FILES = [
  fixture('test/fixtures/terraform/bad/MW004.two-members.tf'),
  { file: 'detect.boom', text: 'x', explicit: true },
  fixture('test/fixtures/payload/bad/MW004.two-members.json'),
  { file: 'read.boom', text: 'x', explicit: true },
  { file: 'stack.boom', text: 'x', explicit: true },
  { file: 'thrown.boom', text: 'x', explicit: true },
  { file: 'tasks.boom', text: 'x', explicit: true },
  fixture('test/fixtures/cloudformation/bad/MW004.two-members.yaml'),
];

describe('a reader that fails', () => {
  it('is reported for its file, and every other file is still checked', () => {
    const report = lint(FILES, { readers: [failing, ...readers] });
    expect(report.files.map((f) => f.file)).toEqual(FILES.map((f) => f.file));
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    for (const [file, reader, reason] of [
      ['detect.boom', null, /^finding its reader failed \(detect broke\); please report it with this file$/],
      ['read.boom', 'boom', /^the boom reader failed \(read broke\); please report it with this file$/],
      ['stack.boom', 'boom', /^the boom reader failed \(Maximum call stack size exceeded\)/],
      ['thrown.boom', 'boom', /^the boom reader failed \(42\)/],
      ['tasks.boom', 'boom', /^the boom reader failed \(tasks broke\)/],
    ] as const) {
      const result = byFile.get(file)!;
      expect([result.reader, result.inputProblem, result.issues.map((i) => i.code)], file).toEqual([reader, 'unreadable', ['unreadable']]);
      expect(result.issues[0]!.params.reason).toMatch(reason);
    }
    for (const file of FILES.filter((f) => !f.file.endsWith('.boom')).map((f) => f.file)) {
      const result = byFile.get(file)!;
      expect(result.inputProblem, file).toBeUndefined();
      expect(result.tasks.flatMap((t) => t.issues.map((i) => i.rule)), file).toContain('MW004');
    }
  });
});
