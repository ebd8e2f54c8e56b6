import { defineTerraformRule, PROVIDER } from './types.js';

export default defineTerraformRule({
  id: 'MW207',
  code: 'terraform_update_drops_rate_controls',
  severity: 'info',
  at: 'key',
  reader: 'terraform',
  title: 'On update the provider drops MaxConcurrency and MaxErrors of a task without targets',
  description:
    'A planned update calls UpdateMaintenanceWindowTask (Replace=true); when the task has no targets the provider sends neither MaxConcurrency nor MaxErrors, whatever the configuration or the state holds (AWS stores a placeholder 1 for both). On create it sends what the configuration sets, and AWS refuses it for a targetless task (MW003).',
  sources: [{ ...PROVIDER.current, quote: 'params.MaxConcurrency = nil' }],
});
