import type { ParamsOf } from '../../../issues/params.js';
import { defineRule } from '../../../rules/types.js';
import { PROVIDER } from './types.js';
import type { AttributeSpec } from '../schema.js';


export default defineRule({
  id: 'MW201',
  code: 'terraform_value_not_sent',
  severity: 'info',
  reader: 'terraform',
  title: 'The provider leaves empty values out of the request',
  description:
    'The provider sends an argument only when it is non-empty (d.GetOk, len(v) != 0), drops empty strings from lists, and sends nothing for a block with nothing set in it. An empty value in the configuration therefore never reaches the API: it is not checked against the API, and it does not do what it may seem to. (priority = 0 is not sent either; that one is not reported, as the API documents no other default.)',
  sources: [
    { ...PROVIDER.current, quote: 'if attr, ok := configParam[names.AttrComment]; ok && len(attr.(string)) != 0 {' },
    { ...PROVIDER.current, quote: 'if v, ok := d.GetOk(names.AttrPriority); ok {' },
    { ...PROVIDER.flex, quote: 'if ok && val != "" {' },
    { ...PROVIDER.current, quote: 'if len(config) == 0 || config[0] == nil {' },
  ],

  /**
   * A value the provider leaves out of the request: an empty string, an empty string in a list (at
   * its index), a list written empty, a block with nothing set in it. (A list whose items were all
   * left out is reported item by item.)
   */
  check(input: { argument: string } & ({ spec: AttributeSpec; text: string } | { spec: AttributeSpec; item: string; index: number } | { spec: AttributeSpec; list: readonly unknown[] } | { emptyBlock: boolean })) {
    const { argument } = input;
    const found = (reason: ParamsOf<'terraform_value_not_sent'>['reason'], path: (string | number)[] = []) => [{ path, params: { argument, reason } }];
    if ('text' in input) return input.text === '' && input.spec.empty === 'unset' ? found('empty-string') : [];
    if ('item' in input) return input.item === '' && input.spec.emptyItem === 'unset' ? found('empty-item', [input.index]) : [];
    if ('list' in input) return input.list.length === 0 && input.spec.empty === 'unset' ? found('empty-list') : [];
    return input.emptyBlock ? found('empty-block') : [];
  },
});
