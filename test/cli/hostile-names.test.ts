import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBotocoreModel, readJsonFile } from '../../src/cli/commands/check-model.js';
import type { ServiceModel } from '../../src/drift/compare.js';
import { OPERATION_NAMES } from '../../src/operations/index.js';
import { runCli, type CliRun } from '../support/cli.js';
import { HOSTILE_NAMES } from '../support/hostile.js';

/*
 * Names a pull request chooses (file names, logical ids, parameter and condition names, Terraform
 * labels, member names, X-Amz-Target headers, command-line words) in every format and stream of
 * every command: the text formats show each control character as an escape and never let a name
 * start a workflow command of GitHub Actions; --format github also escapes as workflow commands
 * require; JSON and SARIF hold the names exactly, with nothing raw a terminal or a log acts on.
 */

const { TF_LABEL, PAYLOAD_FILE, MEMBER, LEADING, V1, RESOURCE, PARAMETER, CONDITION, BROKEN_FILE, HAR_FILE, TARGET } = HOSTILE_NAMES;

/** Every character the outputs must never carry raw (src/report/printable.ts). */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ssm-mw-names-'));
  const payload = { WindowId: 'mw-0123456789abcdef0', TaskArn: 'AWS-RestartEC2Instance', TaskType: 'AUTOMATION', ServiceRoleArn: 'arn:aws:iam::123456789012:role/r' };
  writeFileSync(join(dir, PAYLOAD_FILE), JSON.stringify({ ...payload, Priority: -1, [MEMBER]: 1 }, null, 2));
  writeFileSync(join(dir, LEADING), JSON.stringify(payload, null, 2));
  writeFileSync(join(dir, V1), JSON.stringify(payload, null, 2));
  writeFileSync(join(dir, BROKEN_FILE), '{"WindowId": "mw-0123456789abcdef0",\n');
  writeFileSync(
    join(dir, 'evil.tf'),
    `resource "aws_ssm_maintenance_window_task" ${JSON.stringify(TF_LABEL)} {
  window_id        = "mw-0123456789abcdef0"
  task_arn         = "AWS-RestartEC2Instance"
  task_type        = "AUTOMATION"
  service_role_arn = "arn:aws:iam::123456789012:role/r"
  priority         = -1
}
`,
  );
  // YAML double-quoted keys take escapes; JSON.stringify writes the names as YAML reads them back.
  writeFileSync(
    join(dir, 'template.yaml'),
    `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ${JSON.stringify(PARAMETER)}: { Type: String, AllowedValues: ["0", "1"] }
Conditions:
  ${JSON.stringify(CONDITION)}: { "Fn::Equals": [!Ref AWS::Region, us-east-1] }
Resources:
  ${JSON.stringify(RESOURCE)}:
    Type: AWS::SSM::MaintenanceWindowTask
    Condition: ${JSON.stringify(CONDITION)}
    Properties:
      WindowId: mw-0123456789abcdef0
      TaskArn: AWS-RunShellScript
      TaskType: RUN_COMMAND
      ServiceRoleArn: arn:aws:iam::123456789012:role/r
      Priority: 1
      Targets: [{ Key: InstanceIds, Values: [i-0123456789abcdef0] }]
      MaxConcurrency: !Ref ${JSON.stringify(PARAMETER)}
      MaxErrors: "1"
`,
  );
  const entry = {
    request: { method: 'POST', url: 'https://ssm.us-east-1.amazonaws.com/', headers: [{ name: 'X-Amz-Target', value: TARGET }], postData: { text: '{}' } },
    response: { status: 200, headers: [], content: { text: '{}' } },
  };
  writeFileSync(join(dir, HAR_FILE), JSON.stringify({ log: { version: '1.2', entries: [entry] } }, null, 1));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(argv, { cwd: dir });

/** Nothing raw, no line that GitHub Actions would run as a workflow command unless `commands` says it is one of ours. */
function expectSafe(out: string, commands: RegExp = /$^/) {
  expect(out).not.toMatch(RAW);
  expect(out).not.toContain('##[');
  for (const line of out.split('\n')) if (/^\s*::/.test(line)) expect(line).toMatch(commands);
}

function expectSafeRun(r: CliRun) {
  expectSafe(r.stdout);
  expectSafe(r.stderr);
}

/** Every string in a parsed JSON value. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

describe('hostile names in lint', () => {
  it('text: every name escaped, no line a workflow command', async () => {
    const r = await run(['lint', '.']);
    expectSafeRun(r);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(String.raw`\x3a:warning::lead.json: 1 task (payload), clean
broken\x1b[31m\u2066.json: could not be checked (payload)
broken\x1b[31m\u2066.json:2:1: error syntax_error Not valid JSON: expected a member name in double quotes, found the end of the file.
evil.tf: 1 task (terraform)
evil.tf:6:22: error too_small priority is -1; the minimum is 0. (aws_ssm_maintenance_window_task.x\x0a::error file=evil.tf::owned\x1b]0;title\x07)
p\x0a::error file=x::owned\x1b[2J\x85.json: 1 task (payload)
p\x0a::error file=x::owned\x1b[2J\x85.json:6:15: error too_small Priority is -1; the minimum is 0. (RegisterTaskWithMaintenanceWindow request)
p\x0a::error file=x::owned\x1b[2J\x85.json:7:3: error unknown_member ["Y\u202egnp.exe\x9b31m"] is not a member of RegisterTaskWithMaintenanceWindowRequest. (RegisterTaskWithMaintenanceWindow request)
  ↳ Remove it. RegisterTaskWithMaintenanceWindowRequest has: WindowId, Targets, TaskArn, ServiceRoleArn, TaskType, TaskParameters, TaskInvocationParameters, Priority, MaxConcurrency, MaxErrors, LoggingInfo, Name, Description, ClientToken, CutoffBehavior, AlarmConfiguration.
template.yaml: 1 task (cloudformation); Task\u202eevil\x1b]8;;https://example.com\x1b\ only when condition IsProd\x0d\x0a::error::cond\u2028 is true
template.yaml:17:28: error pattern_mismatch MaxConcurrency "0" does not match the pattern ^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$. (Task\u202eevil\x1b]8;;https://example.com\x1b\, when parameter Conc\x1b]0;p\x07 = "0")
  ↳ Use a number of targets from 1 (e.g. "10") or a percentage from 1% to 100% (e.g. "10%"); "0" and "0%" are not allowed.
v1##\x5berror]x.json: 1 task (payload), clean

6 files, 5 tasks checked: 5 errors, 0 warnings, 0 infos
`);
    expect(r.stderr).toBe(String.raw`ssm-mw-contracts: broken\x1b[31m\u2066.json:2:1: Not valid JSON: expected a member name in double quotes, found the end of the file.
`);
  });

  it('github: workflow command escaping on top, and only our own commands', async () => {
    const r = await run(['lint', '--format', 'github', '.']);
    expectSafe(r.stdout, /^::(error|warning|notice) file=[^:,]*,(line=\d+,col=\d+,)?title=[^:,]*::/);
    expectSafe(r.stderr);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(5);
    expect(lines[1]).toBe(String.raw`::error file=evil.tf,line=6,col=22,title=too_small (aws_ssm_maintenance_window_task.x\x0a%3A%3Aerror file=evil.tf%3A%3Aowned\x1b]0;title\x07)::priority is -1; the minimum is 0.`);
    expect(lines[2]).toBe(String.raw`::error file=p\x0a%3A%3Aerror file=x%3A%3Aowned\x1b[2J\x85.json,line=6,col=15,title=too_small (RegisterTaskWithMaintenanceWindow request)::Priority is -1; the minimum is 0.`);
    expect(lines[4]).toBe(
      String.raw`::error file=template.yaml,line=17,col=28,title=pattern_mismatch (Task\u202eevil\x1b]8;;https%3A//example.com\x1b\%2C when parameter Conc\x1b]0;p\x07 = "0")::MaxConcurrency "0" does not match the pattern ^([1-9][0-9]*|[1-9][0-9]%25|[1-9]%25|100%25)$.%0AUse a number of targets from 1 (e.g. "10") or a percentage from 1%25 to 100%25 (e.g. "10%25"); "0" and "0%25" are not allowed.`,
    );
    expect(lines[0]).toBe(String.raw`::error file=broken\x1b[31m\u2066.json,line=2,col=1,title=syntax_error::Not valid JSON: expected a member name in double quotes, found the end of the file.`);
  });

  it.each(['json', 'sarif'])('%s: the names exactly, nothing raw that a terminal or a log acts on', async (format) => {
    const r = await run(['lint', '--format', format, '.']);
    expectSafeRun(r);
    const parsed = JSON.parse(r.stdout);
    const values = new Set(strings(parsed));
    // SARIF gives a file as a URI reference (RFC 3986), which keeps every character of the name.
    if (format === 'sarif') for (const result of parsed.runs[0].results) values.add(decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri.replace(/^\.\//, '')));
    // SARIF lists results only: the clean files are not in it.
    for (const name of format === 'sarif' ? [BROKEN_FILE, PAYLOAD_FILE] : [LEADING, V1, BROKEN_FILE, PAYLOAD_FILE]) expect(values.has(name), JSON.stringify(name)).toBe(true);
    for (const name of [TF_LABEL, RESOURCE]) expect([...values].some((v) => v.includes(name)), JSON.stringify(name)).toBe(true);
  });
});

describe('hostile names in validate', () => {
  it('text, and the one-line error on stderr', async () => {
    const r = await run(['validate', PAYLOAD_FILE, LEADING, BROKEN_FILE]);
    expectSafeRun(r);
    expect(r.stdout).toBe(String.raw`p\x0a::error file=x::owned\x1b[2J\x85.json (RegisterTaskWithMaintenanceWindow request): invalid
  6:15  error    Priority is -1; the minimum is 0.  too_small
  7:3   error    ["Y\u202egnp.exe\x9b31m"] is not a member of RegisterTaskWithMaintenanceWindowRequest.  unknown_member
                 ↳ Remove it. RegisterTaskWithMaintenanceWindowRequest has: WindowId, Targets, TaskArn, ServiceRoleArn, TaskType, TaskParameters, TaskInvocationParameters, Priority, MaxConcurrency, MaxErrors, LoggingInfo, Name, Description, ClientToken, CutoffBehavior, AlarmConfiguration.
\x3a:warning::lead.json (RegisterTaskWithMaintenanceWindow request): valid
broken\x1b[31m\u2066.json: invalid
  2:1  error    Not valid JSON: expected a member name in double quotes, found the end of the file.  syntax_error

3 files checked: 3 errors, 0 warnings, 0 infos
`);
    expect(r.stderr).toBe(String.raw`ssm-mw-contracts: broken\x1b[31m\u2066.json:2:1: Not valid JSON: expected a member name in double quotes, found the end of the file.
`);
  });

  it('json', async () => {
    const r = await run(['validate', '--format', 'json', PAYLOAD_FILE, BROKEN_FILE]);
    expectSafeRun(r);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual([PAYLOAD_FILE, BROKEN_FILE]);
    expect(strings(JSON.parse(r.stdout)).some((v) => v.includes(MEMBER))).toBe(true);
  });
});

describe('hostile names in exchange', () => {
  it('text, and the one-line error on stderr', async () => {
    const r = await run(['exchange', HAR_FILE, BROKEN_FILE]);
    expectSafeRun(r);
    expect(r.stdout).toBe(String.raw`h\x1b]0;x\x07.har log.entries[0] (AmazonSSM.Register\x1b[2J\x0a::error::t → 200): invalid
  16:15  error    request   X-Amz-Target "AmazonSSM.Register\u001b[2J\n::error::t" names no operation: it must be AmazonSSM.<Operation>.  unknown_target

1 exchange checked: 1 error, 0 warnings, 0 infos
`);
    expect(r.stderr).toBe(String.raw`ssm-mw-contracts: broken\x1b[31m\u2066.json:2:1: expected a member name in double quotes, found the end of the file
`);
  });

  it('json', async () => {
    const r = await run(['exchange', '--format', 'json', HAR_FILE]);
    expectSafeRun(r);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ file: HAR_FILE, target: TARGET });
  });
});

describe('hostile words in check-cli', () => {
  const argv = ['check-cli', '--', 'aws', 'ssm', 'register-task-with-maintenance-window', '--window-id', TF_LABEL, '--task-arn', 'AWS-RestartEC2Instance', '--task-type', 'AUTOMATION', '--service-role-arn', 'arn:aws:iam::123456789012:role/r'];

  it('text', async () => {
    const r = await run(argv);
    expectSafeRun(r);
    expect(r.stdout.split('\n')[0]).toBe(
      String.raw`aws ssm register-task-with-maintenance-window --window-id 'x\x0a::error file=evil.tf::owned\x1b]0;title\x07' --task-arn AWS-RestartEC2Instance --task-type AUTOMATION --service-role-arn arn:aws:iam::123456789012:role/r (RegisterTaskWithMaintenanceWindow request): invalid`,
    );
  });

  it('json, with the request', async () => {
    const r = await run([argv[0]!, '--format', 'json', '--print-request', ...argv.slice(1)]);
    expectSafeRun(r);
    expect(JSON.parse(r.stdout).results[0].request.WindowId).toBe(TF_LABEL);
  });
});

describe('hostile names in check-model and skeleton', () => {
  it('check-model: a member name of the model file', async () => {
    const model = readJsonFile(locateBotocoreModel().file) as ServiceModel;
    (model.shapes.RegisterTaskWithMaintenanceWindowRequest as { members: Record<string, unknown> }).members[MEMBER] = { shape: 'String' };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
    const text = await run(['check-model', '--model', 'model.json']);
    expectSafeRun(text);
    expect(text.stdout).toMatch(/^DRIFT +RegisterTaskWithMaintenanceWindow +request +Y\\u202egnp\.exe\\x9b31m +String +member +String +-$/m);
    const json = await run(['check-model', '--format', 'json', '--model', 'model.json']);
    expectSafeRun(json);
    expect(strings(JSON.parse(json.stdout))).toContain(MEMBER);
  });

  it('check-model: a model file that cannot be read', async () => {
    const r = await run(['check-model', '--model', PAYLOAD_FILE + '.missing']);
    expect(r.stderr).toBe(String.raw`ssm-mw-contracts: cannot read ${dir}/p\x0a::error file=x::owned\x1b[2J\x85.json.missing: no such file
Run 'ssm-mw-contracts check-model --help' for usage.
`);
  });

  it('generate --check: a file a pull request added to a generated folder', { timeout: 60_000 }, async () => {
    expect((await run(['generate', '--out', 'gen'])).code).toBe(0);
    writeFileSync(join(dir, 'gen', 'json-schema', PAYLOAD_FILE), '{}');
    const r = await run(['generate', '--out', 'gen', '--check']);
    expectSafeRun(r);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(String.raw`  extra    gen/json-schema/p\x0a::error file=x::owned\x1b[2J\x85.json`);
  });

  it('skeleton: an operation name', async () => {
    const r = await run(['skeleton', TF_LABEL]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: String.raw`ssm-mw-contracts: unknown operation "x\x0a::error file=evil.tf::owned\x1b]0;title\x07"; use one of ${OPERATION_NAMES.join(', ')} (or the AWS CLI command name)
Run 'ssm-mw-contracts skeleton --help' for usage.
`,
    });
  });
});
