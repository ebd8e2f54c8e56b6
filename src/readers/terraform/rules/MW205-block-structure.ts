import { defineRule } from '../../../rules/types.js';
import { PROVIDER } from './types.js';
import type { AttributeSpec, BlockSpec } from '../schema.js';


export default defineRule({
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

  /**
   * A name written in the other form than the provider's schema declares (`spec`); the number of
   * blocks written for a block allowed a fixed number of times (each extra one at its index); a
   * parameter block without its name or values.
   */
  check(input: { argument: string } & ({ spec: AttributeSpec | BlockSpec; form: 'argument' | 'block' } | { spec: BlockSpec; blocks: number } | { parameter: { name: boolean; values: boolean } })) {
    const { argument } = input;
    if ('parameter' in input) {
      return (['name', 'values'] as const).filter((missing) => !input.parameter[missing]).map((missing) => ({ path: [], params: { argument, reason: 'missing-argument', missing } }));
    }
    if ('form' in input) {
      if (input.form === 'argument' && input.spec.kind === 'block') return [{ path: [], params: { argument, reason: 'block-as-argument' } }];
      if (input.form === 'block' && input.spec.kind === 'attribute') return [{ path: [], params: { argument, reason: 'argument-as-block' } }];
      return [];
    }
    const maximum = input.spec.maxItems ?? 1;
    if (input.spec.nesting !== 'single') return [];
    return Array.from({ length: Math.max(0, input.blocks - maximum) }, (_, i) => ({ path: [i + 1], params: { argument, reason: 'too-many-blocks', maximum } }));
  },
});
