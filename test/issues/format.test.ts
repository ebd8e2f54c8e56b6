import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/issues/format.js';
import { validate } from '../../src/validate/validate.js';
import { contractCases } from '../support/cases.js';

const W = 'mw-0123456789abcdef0';

describe('invalid_type hints', () => {
  it('shows a number or a boolean given for a string as the string to write', () => {
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION', Name: 7, ClientToken: true });
    expect(issues.find((i) => i.path[0] === 'Name')?.hint).toBe('Write it as a string: "7".');
    expect(issues.find((i) => i.path[0] === 'ClientToken')?.hint).toBe('Write it as a string: "true".');
  });

  it('does not show a sensitive member’s value, whose params leave it out (never "undefined")', () => {
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: W, TaskArn: 'x', TaskType: 'AUTOMATION', Description: 5 });
    const issue = issues.find((i) => i.path[0] === 'Description')!;
    expect(issue).toMatchObject({ code: 'invalid_type', params: { expected: 'string', received: 'number' } });
    expect(issue.params).not.toHaveProperty('actual');
    expect(issue.hint).toBe('Write the value in quotes, as a string.');
  });

  // Params reach the formatter from rules, readers and callers of formatIssue: any value may be there.
  const noStringForm: [string, unknown][] = [
    ['undefined', undefined],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['an object', { a: 1 }],
    ['an object without a prototype', Object.create(null)],
    ['an array', [1]],
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ];
  it.each(noStringForm)('suggests no string for %s', (_, actual) => {
    for (const received of ['number', 'boolean', 'bigint']) {
      const text = formatIssue('invalid_type', { expected: 'string', received, actual }, ['Name']);
      expect(text.hint).toBe('Write the value in quotes, as a string.');
    }
    expect(formatIssue('invalid_type', { expected: 'integer', received: 'string', actual }, ['Priority']).hint).toBeUndefined();
  });

  it('writes a BigInt as its digits', () => {
    expect(formatIssue('invalid_type', { expected: 'string', received: 'bigint', actual: 12n }, ['Name']).hint).toBe('Write it as a string: "12".');
  });
});

describe('the API’s own names', () => {
  // formatIssue words an issue in the API's names without searching its text for API paths (each is
  // itself there): the same words as a naming that searches and maps every path to itself.
  it('word every issue of the contract cases as the general naming does with the identity', () => {
    const identity = (path: readonly (string | number)[]) => [...path];
    let compared = 0;
    for (const c of contractCases()) {
      for (const issue of validate(c.operation, c.kind, c.data, c.httpStatus === undefined ? {} : { httpStatus: c.httpStatus }).issues) {
        expect(formatIssue(issue.code, issue.params, issue.path), `${c.description}: ${issue.code}`).toEqual(formatIssue(issue.code, issue.params, issue.path, identity));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
