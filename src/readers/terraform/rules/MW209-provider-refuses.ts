import { defineTerraformRule, PROVIDER } from './types.js';

export default defineTerraformRule({
  id: 'MW209',
  code: 'terraform_provider_refuses',
  severity: 'error',
  reader: 'terraform',
  title: 'The provider refuses a value the API would take',
  description:
    'The provider validates some arguments more strictly than the API does, and refuses the configuration at plan time: the description of an aws_ssm_maintenance_window_target must have 3 to 128 characters (the API takes 1 to 128).',
  sources: [{ ...PROVIDER.target, quote: 'names.AttrDescription: { Type: schema.TypeString, Optional: true, ForceNew: true, ValidateFunc: validation.StringLenBetween(3, 128), },' }],
});
