import { defineTerraformRule } from './types.js';

export default defineTerraformRule({
  id: 'MW204',
  code: 'terraform_type_mismatch',
  severity: 'error',
  reader: 'terraform',
  title: 'A value Terraform cannot convert to the argument’s type',
  description:
    'Terraform converts between strings, numbers and booleans where it can ("10" for a number, 5 for a string) and refuses the rest before the provider is called: a string that is not a decimal number for priority or timeout_seconds, anything but true, false, "true" or "false" for a boolean, a list for a string, a string for a list.',
  sources: [
    {
      document: 'tonumber function, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/functions/tonumber',
      quote: 'Only numbers, null, and strings containing decimal representations of numbers can be converted to number. All other values will produce an error.',
    },
    {
      document: 'tobool function, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/functions/tobool',
      quote: 'Only boolean values, null, and the exact strings "true" and "false" can be converted to boolean. All other values will produce an error.',
    },
    {
      document: 'tostring function, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/functions/tostring',
      quote: 'Only the primitive types (string, number, and bool) and null can be converted to string.',
    },
  ],
});
