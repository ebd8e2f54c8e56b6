import type { Code } from '../../../issues/codes.js';
import type { ReaderRule } from '../../../rules/types.js';

/**
 * A rule about Terraform itself rather than the API: what Terraform or the AWS provider does with a
 * configuration before (or instead of) sending it. The Terraform readers call its check while mapping
 * a resource to the API's shape. Ids MW200-MW299.
 */
export type TerraformRule<Id extends string = string, C extends Code = Code, Input = never> = ReaderRule<Id, C, Input> & { reader: 'terraform' };

export const PROVIDER = {
  current: {
    document: 'hashicorp/terraform-provider-aws, internal/service/ssm/maintenance_window_task.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/0105d2191ae7e43ba37ba011b916843eddf361ed/internal/service/ssm/maintenance_window_task.go',
  },
  target: {
    document: 'hashicorp/terraform-provider-aws, internal/service/ssm/maintenance_window_target.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ssm/maintenance_window_target.go',
  },
  window: {
    document: 'hashicorp/terraform-provider-aws, internal/service/ssm/maintenance_window.go',
    url: 'https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/ssm/maintenance_window.go',
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
