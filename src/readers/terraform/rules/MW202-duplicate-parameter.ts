import { defineRule } from '../../../rules/types.js';
import { PROVIDER } from './types.js';


export default defineRule({
  id: 'MW202',
  code: 'terraform_duplicate_parameter',
  severity: 'warning',
  reader: 'terraform',
  title: 'A parameter given twice is sent once',
  description:
    'parameter blocks are a set that the provider turns into the API’s Parameters map, keyed by name: two blocks with the same name become one entry, and which one survives depends on the order of the set. Give each parameter once, with all its values.',
  sources: [{ ...PROVIDER.current, quote: 'params[paramConfig[names.AttrName].(string)] = flex.ExpandStringList(paramConfig[names.AttrValues].([]interface{}))' }],

  /** A parameter block's name, against the line of each name seen before it in the same set. */
  check({ name, seen }: { name: string; seen: ReadonlyMap<string, number> }) {
    return seen.has(name) ? [{ path: [], params: { name, firstLine: seen.get(name) } }] : [];
  },
});
