import { defineRule } from '../../../rules/types.js';
import { PROVIDER } from './types.js';
import type { AttributeSpec } from '../schema.js';


export default defineRule({
  id: 'MW206',
  code: 'terraform_invalid_arn',
  severity: 'error',
  reader: 'terraform',
  title: 'The provider takes only ARNs for roles and topics',
  description:
    'service_role_arn (of the task and of run_command_parameters) and notification_arn are checked by the provider’s verify.ValidARN at plan time: a value that is not arn:partition:service:region:account:resource (a role or topic name, a malformed ARN) is refused there, although the API itself puts no pattern on these members.',
  sources: [
    { ...PROVIDER.current, quote: 'ValidateFunc: verify.ValidARN,' },
    { ...PROVIDER.verify, quote: 'errors = append(errors, fmt.Errorf("%q (%s) is an invalid ARN: %s", k, value, err))' },
  ],

  /** A string argument: refused when the provider validates it as an ARN and it is not one. */
  check({ argument, spec, text }: { argument: string; spec: AttributeSpec; text: string }) {
    const reason = spec.arn && text !== '' ? arnProblem(text) : undefined;
    return reason ? [{ path: [], params: { argument, actual: text, reason } }] : [];
  },
});

const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^(aws|aws-managed|\d{12})$/;

/** Why the provider's verify.ValidARN refuses `value`, or undefined when it accepts it. */
export function arnProblem(value: string): string | undefined {
  if (!value.startsWith('arn:')) return 'it does not start with arn:';
  const sections = value.split(':');
  if (sections.length < 6) return 'it has fewer than 6 sections separated by ":"';
  const [, partition, , region, account] = sections as [string, string, string, string, string];
  const resource = sections.slice(5).join(':');
  if (partition === '') return 'missing partition value';
  if (!PARTITION.test(partition)) return 'invalid partition value';
  if (region !== '' && !REGION.test(region)) return 'invalid region value';
  if (account !== '' && !ACCOUNT.test(account)) return 'invalid account ID value';
  if (resource === '') return 'missing resource value';
  return undefined;
}
