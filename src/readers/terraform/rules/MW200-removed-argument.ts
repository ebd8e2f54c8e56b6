import { defineRule } from '../../../rules/types.js';
import { PROVIDER } from './types.js';
import type { BlockSpec } from '../schema.js';


export default defineRule({
  id: 'MW200',
  code: 'terraform_removed_argument',
  severity: 'warning',
  at: 'key',
  reader: 'terraform',
  title: 'logging_info and task_parameters are gone from the AWS provider',
  description:
    'The 2.x provider deprecated both blocks in favour of task_invocation_parameters (with which they conflict) and sent them as the API’s deprecated LoggingInfo and TaskParameters. Later providers do not declare them at all, so Terraform refuses the configuration ("Unsupported block type") until they are rewritten. MW008 reports the API’s own deprecation of the members.',
  sources: [
    { ...PROVIDER.v2, quote: `Deprecated:    "use 'task_invocation_parameters' argument instead",` },
    { ...PROVIDER.v2, quote: 'ConflictsWith: []string{"task_parameters", "logging_info"},' },
  ],

  /** A block of the provider's schema: reported when the provider has removed it. */
  check({ type, spec }: { type: string; spec: BlockSpec }) {
    return spec.removed ? [{ path: [], params: { argument: type, replacement: spec.removed.replacement } }] : [];
  },
});
