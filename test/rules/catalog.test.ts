import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allRules, scopeOf } from '../../src/readers/rule-catalog.js';
import { ruleCodes } from '../../src/issues/codes.js';
import { ACROSS_READERS } from '../../src/readers/across/rules/types.js';

/** Each scope's id range; the AWS CLI has none: what it refuses is its own parse failure, an input code (D58). */
const RANGES: Record<string, RegExp> = { contract: /^MW0[0-7]\d$/, [ACROSS_READERS]: /^MW0[89]\d$/, cloudformation: /^MW1\d\d$/, terraform: /^MW2\d\d$/ };

const rulesDoc = readFileSync(new URL('../../generated/docs/rules.md', import.meta.url), 'utf8');

describe('every rule, contract and reader', () => {
  it('has an id and a code that no other rule has, in its scope’s range', () => {
    const ids = allRules.map((r) => r.id);
    const codes = allRules.map((r) => r.code);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of allRules) expect(r.id).toMatch(RANGES[scopeOf(r)] ?? /^$/);
    expect(Object.keys(ruleCodes).sort()).toEqual([...ids].sort());
  });

  it.each(allRules.map((r) => [r.id, r] as const))('%s is defined with its check, in one file', (_, r) => {
    expect(typeof r.check).toBe('function');
  });

  it.each(allRules.map((r) => [r.id, r] as const))('%s is documented in generated/docs/rules.md, with its title and severity', (id, r) => {
    const section = rulesDoc.split(/^## /m).find((s) => s.startsWith(`${id}\n`));
    expect(section, `no "## ${id}" section`).toBeDefined();
    expect(section).toContain(r.code);
    expect(rulesDoc).toContain(`| [${id}](#${id.toLowerCase()}) | ${r.severity} |`);
    expect(rulesDoc).toContain(r.title);
  });
});
