import MW200 from './MW200-removed-argument.js';
import MW201 from './MW201-value-not-sent.js';
import MW202 from './MW202-duplicate-parameter.js';
import MW203 from './MW203-unsupported-argument.js';
import MW204 from './MW204-type-mismatch.js';
import MW205 from './MW205-block-structure.js';
import MW206 from './MW206-invalid-arn.js';
import MW207 from './MW207-update-drops-rate-controls.js';
import MW208 from './MW208-target-reference-kind.js';
import MW209 from './MW209-provider-refuses.js';

/** The Terraform readers' own rules (MW200-MW299), in id order. */
export const terraformRules = [MW200, MW201, MW202, MW203, MW204, MW205, MW206, MW207, MW208, MW209] as const;

export type AnyTerraformRule = (typeof terraformRules)[number];
export type TerraformRuleId = AnyTerraformRule['id'];
export type TerraformRuleCode = AnyTerraformRule['code'];

export function terraformRule<C extends TerraformRuleCode>(code: C): Extract<AnyTerraformRule, { code: C }> {
  return terraformRules.find((r) => r.code === code) as Extract<AnyTerraformRule, { code: C }>;
}

export type { TerraformRule } from './types.js';
