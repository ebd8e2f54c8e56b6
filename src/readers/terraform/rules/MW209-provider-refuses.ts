import { defineRule } from '../../../rules/types.js';
import type { AttributeSpec } from '../schema.js';
import { PROVIDER } from './types.js';

export default defineRule({
  id: 'MW209',
  code: 'terraform_provider_refuses',
  severity: 'error',
  reader: 'terraform',
  title: 'The provider refuses a value the API would take',
  description:
    'The provider validates some arguments more strictly than the API does, and refuses the configuration at plan time: the description of an aws_ssm_maintenance_window_target must have 3 to 128 characters (the API takes 1 to 128).',
  sources: [{ ...PROVIDER.target, quote: 'names.AttrDescription: { Type: schema.TypeString, Optional: true, ForceNew: true, ValidateFunc: validation.StringLenBetween(3, 128), },' }],

  /** A string shorter than the provider's own minimum (`spec.minLength`); the API's minimum is validate()'s to check. */
  check({ argument, spec, text }: { argument: string; spec: AttributeSpec; text: string }) {
    const length = [...text].length;
    return spec.minLength !== undefined && length > 0 && length < spec.minLength ? [{ path: [], params: { argument, actual: text, minimum: spec.minLength, reason: 'too-short' } }] : [];
  },
});
