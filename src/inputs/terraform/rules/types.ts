import type { Severity } from '../../../issues/codes.js';
import type { RuleSource } from '../../../rules/types.js';

/**
 * A rule about Terraform itself rather than the API: what Terraform or the AWS provider does with a
 * configuration before (or instead of) sending it. Same metadata as the contract's rules
 * (src/rules); the Terraform readers raise them while mapping a resource to the API's shape.
 */
export interface TerraformRule<Id extends string = string, Code extends string = string> {
  /** MW200-MW299. Stable: never changes meaning, never reused. */
  id: Id;
  code: Code;
  severity: Severity;
  title: string;
  description: string;
  /** The file kinds whose readers raise it (`Reader.kind`): `.tf` files and plans alike. */
  reader: 'terraform';
  sources: readonly [RuleSource, ...RuleSource[]];
  /** Where its findings point: at the argument's name (`key`, for one that should not be there) or, by default, at its value. */
  at?: 'key' | 'value';
}

export function defineTerraformRule<const Id extends string, const Code extends string>(rule: TerraformRule<Id, Code>): TerraformRule<Id, Code> {
  return rule;
}

export const PROVIDER = {
  current: {
    document: 'hashicorp/terraform-provider-aws, internal/service/ssm/maintenance_window_task.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/0105d2191ae7e43ba37ba011b916843eddf361ed/internal/service/ssm/maintenance_window_task.go',
  },
  v2: {
    document: 'hashicorp/terraform-provider-aws 2.x, aws/resource_aws_ssm_maintenance_window_task.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/87684ac31994b02b5f13f0172c6988f6ad086842/aws/resource_aws_ssm_maintenance_window_task.go',
  },
  flex: {
    document: 'hashicorp/terraform-provider-aws, internal/flex/flex.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/flex/flex.go',
  },
  verify: {
    document: 'hashicorp/terraform-provider-aws, internal/verify/validate.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/verify/validate.go',
  },
} as const;
