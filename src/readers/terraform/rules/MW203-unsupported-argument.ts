import { defineRule } from '../../../rules/types.js';
import { closest } from '../../../issues/format.js';
import { META_ARGUMENTS, type TerraformType } from '../schema.js';


export default defineRule({
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

  /**
   * A name the provider's schema does not declare where it is written (`known`, the names it does;
   * `top` for the resource's own body, where Terraform's meta-arguments and what the resource type
   * never sends live, and its computed attributes are refused).
   */
  check({ name, form, parent, known, top, type }: { name: string; form: 'argument' | 'block'; parent: string; known: readonly string[]; top: boolean; type: TerraformType }) {
    if (top && (META_ARGUMENTS.has(name) || (form === 'argument' && type.notSent.has(name)))) return [];
    const computed = top && type.computedOnly.has(name);
    const suggestion = computed ? undefined : closest(name, known);
    return [{ path: [], params: { argument: name, form, parent, computed, ...(suggestion ? { closest: suggestion } : {}) } }];
  },
});
