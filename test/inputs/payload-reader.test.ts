import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { payloadReader } from '../../src/readers/payload/reader.js';
import { inferTarget } from '../../src/readers/payload/payload-document.js';
import { findingsOf, lintFile } from '../../src/lint/engine.js';
import { FIXTURES, loadFixtures, type Fixture } from '../support/payloads.js';

/**
 * Fixtures whose members fit several operations or kinds: validate needs --operation for them. None since
 * the ties are broken by the complete request, then by the whole candidate (an error body that one
 * operation declares, MW030.declared-error, is that operation's).
 */
const AMBIGUOUS: string[] = [];

/**
 * Responses whose members are all members of a request that they give every required member of
 * ({"WindowId": ...}): read as that request, as inferTarget breaks such a tie; --kind response reads them
 * as what they are.
 */
const READ_AS_REQUEST: Record<string, string> = {
  'good/create-window-response': 'UpdateMaintenanceWindow request',
  'good/update-window-response-full': 'UpdateMaintenanceWindow request',
};

describe('lint reads API payload files as validate does', () => {
  // An error body's HTTP status is not in the file: lint cannot check MW031. An error body whose type
  // neither operation declares (MW030) is not taken for one of their payloads.
  // The result of an update has its request's members (but Replace): such a file is read as the request (D79).
  const updateResult = (f: Fixture) => f.kind === 'response' && (f.operation === 'UpdateMaintenanceWindowTarget' || f.operation === 'UpdateMaintenanceWindowTask');
  const all = [...loadFixtures('good'), ...loadFixtures('bad')].filter((f) => f.httpStatus === undefined && f.name !== 'MW030.undeclared-error');
  // A payload whose members fit several operations or kinds equally (an error type that several operations
  // declare) is no file lint can place.
  const fixtures = all.filter((f) => inferTarget(f.payload).ok && !READ_AS_REQUEST[`${f.dir}/${f.name}`] && !updateResult(f));

  it('reads a response that has every member an update request requires as that request', () => {
    for (const [name, as] of Object.entries(READ_AS_REQUEST)) {
      const file = join(FIXTURES, `${name}.json`);
      const result = lintFile({ file, text: readFileSync(file, 'utf8') })!;
      expect(result.tasks.map((t) => `${t.operation} ${t.kind}`), name).toEqual([as]);
      expect(findingsOf(result).filter((i) => i.severity === 'error'), name).toEqual([]);
    }
  });

  it('places every fixture but those whose members fit several operations or kinds, and leaves those alone', () => {
    const ambiguous = all.filter((f) => !inferTarget(f.payload).ok);
    expect(ambiguous.map((f) => `${f.dir}/${f.name}`)).toEqual(AMBIGUOUS);
    for (const f of ambiguous) {
      const file = join(FIXTURES, f.dir, `${f.name}.json`);
      expect(lintFile({ file, text: readFileSync(file, 'utf8') })?.reader, f.name).not.toBe('payload');
    }
  });

  it.each(fixtures.map((f) => [`${f.dir}/${f.name}`, f] as const))('%s', (_, f) => {
    const file = join(FIXTURES, f.dir, `${f.name}.json`);
    const result = lintFile({ file, text: readFileSync(file, 'utf8') })!;
    expect(result.reader).toBe('payload');
    expect(result.tasks.map((t) => [t.operation, t.kind])).toEqual([[f.operation, f.kind]]);
    expect(findingsOf(result).map((i) => ({ code: i.code, severity: i.severity, path: i.path, ...(i.rule ? { rule: i.rule } : {}) }))).toEqual(
      expect.arrayContaining(f.issues.map((i) => ({ code: i.code, severity: i.severity, path: i.path, ...(i.rule ? { rule: i.rule } : {}) }))),
    );
    expect(findingsOf(result)).toHaveLength(f.issues.length);
  });

  it('reads the result of an update as its request, which has the same members (D79)', () => {
    const results = loadFixtures('good').filter(updateResult);
    expect(results.map((f) => f.operation).sort()).toEqual(['UpdateMaintenanceWindowTarget', 'UpdateMaintenanceWindowTask']);
    for (const f of results) {
      const file = join(FIXTURES, f.dir, `${f.name}.json`);
      expect(lintFile({ file, text: readFileSync(file, 'utf8') })!.tasks.map((t) => [t.operation, t.kind])).toEqual([[f.operation, 'request']]);
    }
  });

  it('does not take other JSON or YAML for a payload', () => {
    for (const [file, text] of [
      ['package.json', readFileSync(join(FIXTURES, '..', '..', '..', 'package.json'), 'utf8')],
      ['config.yaml', 'Targets:\n  - prod\nName: x\n'],
      ['tree.json', '{"windowId": "mw-0123456789abcdef0"}'],
    ] as const) {
      expect(payloadReader.detect(file, text), file).toBe(false);
    }
  });

  it('a reader that fails reports the file as unreadable and lets the run go on', () => {
    const failing = { kind: 'broken', detect: () => true, read: () => { throw new Error('boom'); } };
    const result = lintFile({ file: 'x.json', text: '{}' }, { readers: [failing] })!;
    expect([result.inputProblem, result.issues.map((i) => i.code)]).toEqual(['unreadable', ['unreadable']]);
  });

  it('takes broken JSON that names these operations’ members, and says where it breaks', () => {
    const result = lintFile({ file: 'task.json', text: '{\n  "WindowId": "mw-0123456789abcdef0",\n}\n' })!;
    expect([result.reader, result.inputProblem, result.issues.map((i) => [i.code, i.line, i.column])]).toEqual(['payload', 'syntax', [['syntax_error', 3, 1]]]);
  });
});
