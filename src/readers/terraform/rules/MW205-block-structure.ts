import { defineTerraformRule, PROVIDER } from './types.js';

export default defineTerraformRule({
  id: 'MW205',
  code: 'terraform_block_structure',
  severity: 'error',
  at: 'key',
  reader: 'terraform',
  title: 'Blocks and arguments in a shape the provider does not accept',
  description:
    'Terraform refuses a second block where the schema allows one (MaxItems 1: task_invocation_parameters and each of its parameter blocks, notification_config, cloudwatch_config), a block written as an argument (targets = [...]) or an argument written as a block, and a parameter block without its required name or values.',
  sources: [
    { ...PROVIDER.current, quote: 'MaxItems: 1,' },
    { ...PROVIDER.current, quote: 'Required: true,' },
  ],
});
