import { defineTerraformRule, PROVIDER } from './types.js';

export default defineTerraformRule({
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
});
