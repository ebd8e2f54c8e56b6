import { describe, expect, it } from 'vitest';
import { terraformRules } from '../../../src/readers/terraform/rules/index.js';
import { rules } from '../../../src/rules/index.js';

describe('the Terraform readers’ rules', () => {
  it('have unique ids in MW200-MW299, in order, and codes of their own', () => {
    const ids = terraformRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const r of terraformRules) {
      expect(r.id).toMatch(/^MW2\d{2}$/);
      expect(r.code).toMatch(/^terraform(_[a-z0-9]+)+$/);
      expect(r.reader).toBe('terraform');
    }
    const contractCodes = new Set<string>(rules.map((r) => r.code));
    for (const r of terraformRules) expect(contractCodes.has(r.code)).toBe(false);
  });

  it.each(terraformRules.map((r) => [r.id, r] as const))('%s has a title, a description and quoted sources', (_, r) => {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.description.length).toBeGreaterThan(40);
    for (const s of r.sources) {
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.quote.length).toBeGreaterThan(10);
    }
  });
});
