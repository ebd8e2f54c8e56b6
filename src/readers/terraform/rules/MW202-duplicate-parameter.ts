import { defineTerraformRule, PROVIDER } from './types.js';

export default defineTerraformRule({
  id: 'MW202',
  code: 'terraform_duplicate_parameter',
  severity: 'warning',
  reader: 'terraform',
  title: 'A parameter given twice is sent once',
  description:
    'parameter blocks are a set that the provider turns into the API’s Parameters map, keyed by name: two blocks with the same name become one entry, and which one survives depends on the order of the set. Give each parameter once, with all its values.',
  sources: [{ ...PROVIDER.current, quote: 'params[paramConfig[names.AttrName].(string)] = flex.ExpandStringList(paramConfig[names.AttrValues].([]interface{}))' }],
});
