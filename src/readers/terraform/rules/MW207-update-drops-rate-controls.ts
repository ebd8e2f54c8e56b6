import { defineRule } from '../../../rules/types.js';
import { PROVIDER } from './types.js';


/** The arguments the provider leaves out of an update of a task without targets: MaxConcurrency and MaxErrors. */
export const RATE_CONTROLS = ['max_concurrency', 'max_errors'] as const;

export default defineRule({
  id: 'MW207',
  code: 'terraform_update_drops_rate_controls',
  severity: 'info',
  at: 'key',
  reader: 'terraform',
  title: 'On update the provider drops MaxConcurrency and MaxErrors of a task without targets',
  description:
    'A planned update calls UpdateMaintenanceWindowTask (Replace=true); when the task has no targets the provider sends neither MaxConcurrency nor MaxErrors, whatever the configuration or the state holds (AWS stores a placeholder 1 for both). On create it sends what the configuration sets, and AWS refuses it for a targetless task (MW003).',
  sources: [{ ...PROVIDER.current, quote: 'params.MaxConcurrency = nil' }],

  /** A rate control argument of a planned change: reported when the configuration sets it and an update of a task without targets drops it. */
  check({ argument, update, targetless, configured }: { argument: string; update: boolean; targetless: boolean; configured: boolean }) {
    return (RATE_CONTROLS as readonly string[]).includes(argument) && update && targetless && configured ? [{ path: [], params: { argument } }] : [];
  },
});
