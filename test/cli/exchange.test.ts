import { describe, expect, it } from 'vitest';
import { runCli, transcript } from '../support/cli.js';

const HTTP_STDIN = 'POST / HTTP/1.1\nX-Amz-Target: AmazonSSM.DescribeMaintenanceWindowExecutionTaskInvocations\n\n{"WindowExecutionId": "518d5565-5969-4cca-8f0e-da3b2a638355", "TaskId": "ac0c6ae1-daa3-4a89-832e-d384503b6586", "MaxResults": 500}\n\nHTTP/1.1 200 OK\n\n{"WindowExecutionTaskInvocationIdentities": []}\n';

/** Response content marked base64 that is not: a DOMException (whose code is a number) made the CLI crash. */
const BROKEN_BASE64_HAR = `{"log": {"version": "1.2", "entries": [{
  "request": {"method": "POST", "url": "https://ssm.us-east-1.amazonaws.com/", "headers": [{"name": "X-Amz-Target", "value": "AmazonSSM.RegisterTaskWithMaintenanceWindow"}],
    "postData": {"mimeType": "application/x-amz-json-1.1", "text": "{\\"WindowId\\": \\"mw-0123456789abcdef0\\", \\"TaskArn\\": \\"AWS-RunShellScript\\", \\"TaskType\\": \\"AUTOMATION\\"}"}},
  "response": {"status": 200, "headers": [], "content": {"mimeType": "application/x-amz-json-1.1", "encoding": "base64", "text": "!!!not base64***"}}
}]}}
`;

const cases: { name: string; argv: string[]; stdin?: string; exit: number }[] = [
  { name: 'seed-sample-http-request', argv: ['exchange', 'spec/examples/register-sample-http-request.txt'], exit: 1 },
  { name: 'seed-sample-http-request-json', argv: ['exchange', '--format', 'json', 'spec/examples/register-sample-http-request.txt'], exit: 1 },
  { name: 'har-file', argv: ['exchange', 'test/fixtures/exchange/bad/capture.har'], exit: 1 },
  { name: 'exchange-list', argv: ['exchange', 'test/fixtures/exchange/bad/exchange-list.json'], exit: 1 },
  { name: 'valid-exchanges', argv: ['exchange', 'test/fixtures/exchange/good/register-then-result.txt', 'test/fixtures/exchange/good/describe-cli-example.json'], exit: 0 },
  { name: 'html-error-page', argv: ['exchange', 'test/fixtures/exchange/bad/html-error-page.txt'], exit: 1 },
  { name: 'stdin-http', argv: ['exchange', '-'], stdin: HTTP_STDIN, exit: 1 },
  { name: 'not-an-exchange', argv: ['exchange', '-'], stdin: '{"WindowId": "mw-0123456789abcdef0"}\n', exit: 2 },
  { name: 'not-an-http-message', argv: ['exchange', '-'], stdin: 'hello\n', exit: 2 },
  { name: 'har-broken-base64', argv: ['exchange', '-'], stdin: BROKEN_BASE64_HAR, exit: 1 },
  { name: 'missing-file', argv: ['exchange', 'no/such/capture.har'], exit: 2 },
  { name: 'no-input', argv: ['exchange'], exit: 2 },
  { name: 'exchange-help', argv: ['exchange', '--help'], exit: 0 },
];

describe('ssm-mw-contracts exchange', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const run = await runCli(c.argv, c.stdin !== undefined ? { stdin: c.stdin } : {});
    expect(run.code).toBe(c.exit);
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    await expect(transcript(c.argv, run, c.stdin)).toMatchFileSnapshot(`snapshots/exchange/${name}.txt`);
  });

  it('prints the report shape of --format json', async () => {
    const run = await runCli(['exchange', '--format', 'json', 'test/fixtures/exchange/bad/capture.har']);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toEqual({ exchanges: 3, errors: 2, warnings: 0, infos: 1, skipped: 2 });
    expect(report.results.map((r: { file: string; entry: number; operation: string; valid: boolean }) => [r.entry, r.operation, r.valid])).toEqual([
      [1, 'RegisterTaskWithMaintenanceWindow', false],
      [3, 'DescribeMaintenanceWindowExecutionTaskInvocations', true],
      [4, 'RegisterTaskWithMaintenanceWindow', false],
    ]);
    expect(report.results[0].issues[0]).toMatchObject({ part: 'response', code: 'pattern_mismatch', path: ['WindowTaskId'], line: 58 });
  });
});
