import { describe, expect, it } from 'vitest';
import { runCli, transcript } from '../support/cli.js';

const REGISTER = ['aws', 'ssm', 'register-task-with-maintenance-window'];
const DESCRIBE = ['aws', 'ssm', 'describe-maintenance-window-execution-task-invocations'];
const GOOD = ['--window-id', 'mw-0123456789abcdef0', '--task-arn', 'AWS-RunShellScript', '--task-type', 'RUN_COMMAND', '--service-role-arn', 'arn:aws:iam::123456789012:role/MW'];
const IDS = ['--window-execution-id', '518d5565-5969-4cca-8f0e-da3b2a638355', '--task-id', 'ac0c6ae1-daa3-4a89-832e-d384503b6586'];

const cases: { name: string; argv: string[]; exit: number; env?: Record<string, string>; tty?: boolean }[] = [
  {
    name: 'valid-run-command',
    argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--targets', 'Key=WindowTargetIds,Values=e32eecb2-646c-4f4b-8ed1-205fb0123456', '--max-concurrency', '10%', '--max-errors', '1'],
    exit: 0,
  },
  {
    name: 'print-request',
    argv: ['check-cli', '--print-request', '--', ...REGISTER, ...GOOD, '--targets', 'Key=InstanceIds,Values=i-0123456789abcdef0,i-0123456789abcdef1', '--max-concurrency', '1', '--max-errors', '1', '--task-invocation-parameters', 'RunCommand={Parameters={commands=[df -h,uptime]},TimeoutSeconds=600}'],
    exit: 0,
  },
  {
    name: 'print-request-json',
    argv: ['check-cli', '--print-request', '--format', 'json', '--', ...DESCRIBE, ...IDS, '--page-size', '20', '--filters', 'Key=STATUS,Values=FAILED'],
    exit: 0,
  },
  {
    name: 'seed-cli-example-with-placeholders',
    argv: ['check-cli', '--', ...REGISTER, '--window-id', 'mw-0c50858d01EXAMPLE', '--task-arn', 'AWS-RunShellScript', '--max-concurrency', '1', '--max-errors', '1', '--priority', '10', '--targets', 'Key=InstanceIds,Values=i-02573cafcfEXAMPLE', '--task-type', 'RUN_COMMAND', '--task-invocation-parameters', '{"RunCommand":{"Parameters":{"commands":["df"]}}}'],
    exit: 1,
  },
  {
    name: 'shorthand-syntax-error',
    argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--task-invocation-parameters', 'Automation={Parameters={InstanceId=[{{TARGET_ID}}]}}'],
    exit: 1,
  },
  { name: 'two-targets-in-one-word', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--max-concurrency', '1', '--max-errors', '1', '--targets', 'Key=InstanceIds,Values=i-1 Key=tag:Env,Values=prod'], exit: 1 },
  { name: 'lambda-payload-not-base64', argv: ['check-cli', '--', ...REGISTER, '--window-id', 'mw-0123456789abcdef0', '--task-arn', 'arn:aws:lambda:us-east-1:123456789012:function:SSMf', '--task-type', 'LAMBDA', '--service-role-arn', 'arn:aws:iam::123456789012:role/MW', '--task-invocation-parameters', '{"Lambda":{"Payload":"{\\"a\\":1}"}}'], exit: 1 },
  { name: 'lambda-payload-raw-in-base64-out', argv: ['check-cli', '--print-request', '--', ...REGISTER, '--window-id', 'mw-0123456789abcdef0', '--task-arn', 'arn:aws:lambda:us-east-1:123456789012:function:SSMf', '--task-type', 'LAMBDA', '--service-role-arn', 'arn:aws:iam::123456789012:role/MW', '--cli-binary-format', 'raw-in-base64-out', '--task-invocation-parameters', '{"Lambda":{"Payload":"{\\"a\\":1}"}}'], exit: 0 },
  { name: 'lambda-payload-v1', argv: ['check-cli', '--aws-cli', '1', '--print-request', '--', ...REGISTER, '--window-id', 'mw-0123456789abcdef0', '--task-arn', 'arn:aws:lambda:us-east-1:123456789012:function:SSMf', '--task-type', 'LAMBDA', '--service-role-arn', 'arn:aws:iam::123456789012:role/MW', '--task-invocation-parameters', '{"Lambda":{"Payload":"{\\"a\\":1}"}}'], exit: 0 },
  { name: 'priority-not-an-integer', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--targets', 'Key=WindowTargetIds,Values=e32eecb2-646c-4f4b-8ed1-205fb0123456', '--max-concurrency', '1', '--max-errors', '1', '--priority', 'high'], exit: 1 },
  { name: 'json-float-for-integer', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--targets', 'Key=WindowTargetIds,Values=e32eecb2-646c-4f4b-8ed1-205fb0123456', '--max-concurrency', '1', '--max-errors', '1', '--task-invocation-parameters', '{"RunCommand":{"TimeoutSeconds":600.0}}'], exit: 1 },
  { name: 'missing-required-options', argv: ['check-cli', '--', ...REGISTER, '--window-id', 'mw-0123456789abcdef0'], exit: 1 },
  { name: 'unknown-options', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--logging-info', 'S3BucketName=b', 'S3Region=us-east-1'], exit: 1 },
  { name: 'backtracked-unknown-member', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--max-concurrency', '1', '--max-errors', '1', '--targets', 'Key=InstanceIds,Values=i-0123456789abcdef0,Name=web'], exit: 1 },
  { name: 'no-paginate-conflict', argv: ['check-cli', '--', ...DESCRIBE, ...IDS, '--max-results', '20', '--max-items', '5'], exit: 1 },
  { name: 'page-size-below-minimum', argv: ['check-cli', '--', ...DESCRIBE, ...IDS, '--page-size', '5'], exit: 1 },
  { name: 'page-size-above-maximum', argv: ['check-cli', '--', ...DESCRIBE, ...IDS, '--page-size', '500'], exit: 1 },
  { name: 'starting-token', argv: ['check-cli', '--print-request', '--', ...DESCRIBE, ...IDS, '--starting-token', 'eyJOZXh0VG9rZW4iOiAic3ZjLXRva2VuLTEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=='], exit: 0 },
  { name: 'missing-file', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--targets', 'file://no/such/targets.json'], exit: 1 },
  { name: 'cli-input-json-file', argv: ['check-cli', '--print-request', '--', ...REGISTER, '--cli-input-json', 'file://spec/examples/register-sample-request.json', '--priority', '3'], exit: 1 },
  { name: 'skeleton', argv: ['check-cli', '--', ...REGISTER, '--generate-cli-skeleton'], exit: 0 },
  { name: 'aws-cli-v2.9.19-at-file', argv: ['check-cli', '--aws-cli', '2.9.19', '--', ...REGISTER, ...GOOD, '--task-invocation-parameters', 'RunCommand={Comment@=file://README.md}'], exit: 1 },
  // Issue 16's commands: a flag given a value, the commonest slip with --enabled / --replace.
  { name: 'flag-given-a-value', argv: ['check-cli', '--', 'aws', 'ssm', 'update-maintenance-window', '--window-id', 'mw-0123456789abcdef0', '--enabled', 'false'], exit: 1 },
  { name: 'schedule-field-json', argv: ['check-cli', '--format', 'json', '--', 'aws', 'ssm', 'create-maintenance-window', '--name', 'nightly', '--schedule', 'cron(0 25 ? * SUN *)', '--duration', '3', '--cutoff', '3', '--no-allow-unassociated-targets'], exit: 1 },
  { name: 'not-this-command', argv: ['check-cli', '--', 'aws', 'ssm', 'describe-maintenance-windows'], exit: 2 },
  { name: 'no-command-line', argv: ['check-cli', '--print-request'], exit: 2 },
  { name: 'command-without-dashes', argv: ['check-cli', 'aws', 'ssm', 'register-task-with-maintenance-window'], exit: 2 },
  { name: 'unknown-aws-cli-version', argv: ['check-cli', '--aws-cli', '3', '--', ...REGISTER], exit: 2 },
  { name: 'help', argv: ['check-cli', '--help'], exit: 0 },
  // botocore's own validation refuses these: the text says so, with each release's exit status (v2 252, v1 255; test/inputs/aws-cli/oracle.test.ts).
  { name: 'timeout-below-minimum', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--targets', 'Key=WindowTargetIds,Values=e32eecb2-646c-4f4b-8ed1-205fb0123456', '--max-concurrency', '1', '--max-errors', '1', '--task-invocation-parameters', '{"RunCommand":{"TimeoutSeconds":10}}'], exit: 1 },
  { name: 'timeout-below-minimum-v1', argv: ['check-cli', '--aws-cli', '1', '--', ...REGISTER, ...GOOD, '--targets', 'Key=WindowTargetIds,Values=e32eecb2-646c-4f4b-8ed1-205fb0123456', '--max-concurrency', '1', '--max-errors', '1', '--task-invocation-parameters', 'RunCommand={TimeoutSeconds=10}'], exit: 1 },
  { name: 'timeout-below-minimum-json', argv: ['check-cli', '--format', 'json', '--', ...REGISTER, ...GOOD, '--targets', 'Key=WindowTargetIds,Values=e32eecb2-646c-4f4b-8ed1-205fb0123456', '--max-concurrency', '1', '--max-errors', '1', '--task-invocation-parameters', '{"RunCommand":{"TimeoutSeconds":10}}'], exit: 1 },
  { name: 'cli-input-json-priority-with-fraction', argv: ['check-cli', '--', ...REGISTER, '--cli-input-json', '{"WindowId":"mw-0123456789abcdef0","TaskArn":"AWS-RunShellScript","TaskType":"AUTOMATION","Priority":1.0}'], exit: 1 },
  // Nesting past --max-depth: the line is not checked, at the level that goes too deep; a higher --max-depth reads it.
  { name: 'nested-past-max-depth', argv: ['check-cli', '--format', 'json', '--', ...REGISTER, ...GOOD, '--max-concurrency', '1', '--max-errors', '1', '--targets', `Key=InstanceIds,Values=${'['.repeat(200)}${']'.repeat(200)}`], exit: 0 },
  { name: 'nested-within-max-depth', argv: ['check-cli', '--max-depth', '300', '--', ...REGISTER, ...GOOD, '--max-concurrency', '1', '--max-errors', '1', '--targets', `Key=InstanceIds,Values=${'['.repeat(200)}${']'.repeat(200)}`], exit: 1 },
  { name: 'max-depth-not-a-number', argv: ['check-cli', '--max-depth', 'deep', '--', ...REGISTER], exit: 2 },
  { name: 'colour-on-a-tty', argv: ['check-cli', '--', ...REGISTER, ...GOOD, '--priority', 'x'], tty: true, exit: 1 },
];

describe('ssm-mw-contracts check-cli', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCli(c.argv, { ...(c.env ? { env: c.env } : {}), ...(c.tty ? { tty: true } : {}) });
    expect(run.code).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    await expect(transcript(c.argv, run)).toMatchFileSnapshot(`snapshots/check-cli/${name}.txt`);
  });

  it('names the argument and the word of each finding in --format json', async () => {
    const argv = ['check-cli', '--format', 'json', '--', ...REGISTER, ...GOOD, '--max-concurrency', '1', '--max-errors', '1', '--targets', 'Key=InstanceIds,Values=i-0123456789abcdef0', 'Key=tag:Env,Values=prod'];
    const report = JSON.parse((await runCli(argv)).stdout);
    const issue = report.results[0].issues.find((i: { rule?: string }) => i.rule === 'MW005');
    expect(issue).toMatchObject({ path: ['Targets', 1, 'Key'], argument: '--targets', at: { word: 17, offset: 4 } });
    expect(report.summary).toEqual({ commands: 1, errors: 1, warnings: 0, infos: 0 });
  });
});
