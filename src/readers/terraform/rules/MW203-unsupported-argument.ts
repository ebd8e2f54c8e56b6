import { defineTerraformRule } from './types.js';

export default defineTerraformRule({
  id: 'MW203',
  code: 'terraform_unsupported_argument',
  severity: 'warning',
  reader: 'terraform',
  at: 'key',
  title: 'An argument the resource does not have',
  description:
    'Terraform refuses arguments and blocks that the provider’s schema for aws_ssm_maintenance_window_task does not declare ("Unsupported argument", "Unsupported block type"), and computed attributes (arn, id, window_task_id) cannot be set. A warning rather than an error because a provider release newer than the ones this tool knows may declare it.',
  sources: [
    {
      document: 'resource block reference, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/resources/syntax',
      quote: 'The arguments that an individual resource supports are determined by the provider.',
    },
  ],
});
