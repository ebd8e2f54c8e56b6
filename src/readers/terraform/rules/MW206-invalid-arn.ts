import { defineTerraformRule, PROVIDER } from './types.js';

export default defineTerraformRule({
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
});
