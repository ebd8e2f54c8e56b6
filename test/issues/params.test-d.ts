import { describe, expectTypeOf, it } from 'vitest';
import type { Code } from '../../src/issues/codes.js';
import { formatIssue } from '../../src/issues/format.js';
import { makeIssue } from '../../src/issues/make.js';
import type { ParamsByCode, ParamsOf } from '../../src/issues/params.js';
import { defineRule } from '../../src/rules/types.js';

describe('params typed per code (src/issues/params.ts)', () => {
  it('has an entry for every code, and no other', () => {
    expectTypeOf<keyof ParamsByCode>().toEqualTypeOf<Code>();
  });

  it('takes the params of the code it makes an issue with', () => {
    makeIssue('too_long', 'error', ['Name'], { maximum: 128, actual: 130, unit: 'characters' });
    // @ts-expect-error: too_long says its maximum, not its minimum
    makeIssue('too_long', 'error', ['Name'], { minimum: 3, actual: 130, unit: 'characters' });
    // @ts-expect-error: a length is counted in characters or bytes
    makeIssue('too_short', 'error', ['Name'], { minimum: 3, actual: 1, unit: 'words' });
    // @ts-expect-error: cutoff_not_below_duration's facts are the two numbers
    formatIssue('cutoff_not_below_duration', { Cutoff: '4', Duration: 4 }, []);
    expectTypeOf<ParamsOf<'required'>>().toEqualTypeOf<{ member: string | number }>();
  });

  it("holds a rule's findings to its code's params", () => {
    const rule = {
      id: 'MW002',
      code: 'targeted_task_requires_rate_controls',
      severity: 'error',
      title: 't',
      description: 'd',
      sources: [{ document: 'd', url: 'u', quote: 'q' }],
      appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
      jsonSchema: { form: 'annotation' },
    } as const;
    defineRule({ ...rule, check: () => [{ path: ['MaxErrors'], params: { member: 'MaxErrors' } }] });
    // @ts-expect-error: the rule's code names a member, not a count
    defineRule({ ...rule, check: () => [{ path: ['MaxErrors'], params: { count: 1 } }] });
  });
});
