import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkCommandLine, locatePath } from '../../../src/readers/aws-cli/check-command-line.js';
import { findInScript } from '../../../src/readers/aws-cli/find.js';
import type { Py } from '../../../src/readers/aws-cli/python.js';
import { readCommandLine } from '../../../src/readers/aws-cli/read-command-line.js';
import { parseShorthand, ShorthandError } from '../../../src/readers/aws-cli/shorthand.js';
import { UNKNOWN } from '../../../src/values/unknown-value.js';

const R = 'aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0 --task-arn AWS-RunShellScript --task-type RUN_COMMAND --service-role-arn arn:aws:iam::1:role/r';
const script = (line: string) => findInScript(line)[0]!.words;

describe('shell expansions are unknown values, never a false error', () => {
  it.each([
    [`${R} --targets "Key=InstanceIds,Values=$IDS" --max-concurrency 1 --max-errors 1`, ['Targets', 0, 'Values']],
    [`${R} --targets Key=InstanceIds,Values=$IDS --max-concurrency "$MC" --max-errors 1`, ['MaxConcurrency']],
    [`${R} --targets $TARGETS --max-concurrency 1 --max-errors 1 --priority $P`, ['Targets']],
    [`${R} --targets Key=WindowTargetIds,Values=$(cat id) --max-concurrency 1 --max-errors 1 --task-invocation-parameters '{"RunCommand":{"Parameters":{"commands":["'"$CMD"'"]},"TimeoutSeconds":'$T'}}'`, ['TaskInvocationParameters']],
    [`${R} --targets Key=InstanceIds,Values=i-0123456789abcdef0 --max-concurrency 1 --max-errors 1 --task-invocation-parameters "RunCommand={Parameters={commands=[\${CMD}]}}"`, ['TaskInvocationParameters', 'RunCommand', 'Parameters', 'commands']],
    [`${R} --targets Key=InstanceIds,Values=i-0123456789abcdef0 --max-concurrency 1 --max-errors 1 --logging-info file://$DIR/logging.json`, ['LoggingInfo']],
  ])('%s', (line, unknownPath) => {
    const check = checkCommandLine(script(line), { cwd: '/' });
    expect(check.reading.outcome).toBe('request');
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const value = (unknownPath as (string | number)[]).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], check.request);
    expect(value).toBe(UNKNOWN);
  });

  it('an expansion where an option could be makes the line not checked', () => {
    const check = checkCommandLine(script(`${R} $EXTRA_ARGS`), { cwd: '/' });
    expect(check.reading.outcome).toBe('not-checked');
    expect(check.issues.map((i) => i.code)).toEqual(['not_checked']);
  });

  it('--cli-input-json from an expansion or an unread file makes the line not checked', () => {
    expect(readCommandLine(script('aws ssm register-task-with-maintenance-window --cli-input-json "$JSON"')).outcome).toBe('not-checked');
    expect(readCommandLine(script('aws ssm register-task-with-maintenance-window --cli-input-json file://task.json')).outcome).toBe('not-checked');
  });

  it('still finds what is wrong in the known parts', () => {
    const check = checkCommandLine(script(`${R} --targets "Key=InstanceIds,Values=$IDS" --max-concurrency 0 --max-errors 1`), { cwd: '/' });
    expect(check.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path])).toEqual([['pattern_mismatch', ['MaxConcurrency']]]);
  });
});

describe('where each part of the request was written', () => {
  it('names the word and the character of shorthand and JSON values', () => {
    const words = ['aws', 'ssm', 'describe-maintenance-window-execution-task-invocations', '--window-execution-id', 'x', '--task-id', 'y', '--filters', 'Key=STATUS,Values=FAILED,bad', 'Key=STATUS,Values=[X]'];
    const reading = readCommandLine(['aws', ...words.slice(1)]);
    expect(locatePath(reading, ['Filters', 0, 'Values', 1])).toEqual({ word: 8, offset: 25 });
    expect(locatePath(reading, ['Filters', 0, 'Key'], 'key')).toEqual({ word: 8, offset: 0 });
    expect(locatePath(reading, ['Filters', 1, 'Values', 0])).toEqual({ word: 9, offset: 19 });
    const json = readCommandLine(['aws', 'ssm', 'register-task-with-maintenance-window', '--task-invocation-parameters', '{"RunCommand": {"Comment": "x"}}', '--window-id', 'w', '--task-arn', 'a', '--task-type', 'LAMBDA']);
    expect(locatePath(json, ['TaskInvocationParameters', 'RunCommand', 'Comment'])).toEqual({ word: 4, offset: 27 });
    expect(locatePath(json, ['TaskInvocationParameters', 'RunCommand', 'Comment'], 'key')).toEqual({ word: 4, offset: 16 });
    expect(locatePath(reading, ['WindowExecutionId'], 'key')).toEqual({ word: 3, offset: 0 });
    expect(locatePath(reading, ['TaskId'])).toEqual({ word: 6, offset: 0 });
  });

  it('places --opt=value values after the equals sign, and a refusal at its word', () => {
    const reading = readCommandLine(['aws', 'ssm', 'register-task-with-maintenance-window', '--window-id=mw-0123456789abcdef0', '--task-arn', 'a', '--task-type', 'LAMBDA', '--priority', 'high']);
    expect(locatePath(reading, ['WindowId'])).toBeUndefined();
    expect(reading.refusal).toMatchObject({ stage: 'general', exit: 255, at: { word: 9, offset: 0 } });
    const ok = readCommandLine(['aws', 'ssm', 'register-task-with-maintenance-window', '--window-id=mw-0123456789abcdef0', '--task-arn', 'a', '--task-type', 'LAMBDA']);
    expect(locatePath(ok, ['WindowId'])).toEqual({ word: 3, offset: 12 });
  });
});

/** Python's own ShorthandParser (v1 1.45.11 on PATH's python3; v2.9.19 under /usr/bin/python3) on the same inputs. */
function pythonShorthand(python: string, inputs: string[]): ({ ok: unknown } | { err: string })[] {
  const program = `
import sys, json
from awscli import shorthand
p = shorthand.ShorthandParser()
out = []
for s in json.load(sys.stdin):
    try:
        out.append({'ok': p.parse(s)})
    except shorthand.ShorthandParseError as e:
        out.append({'err': str(e).split(' for input:')[0]})
json.dump(out, sys.stdout)
`;
  return JSON.parse(execFileSync(python, ['-c', program], { input: JSON.stringify(inputs), maxBuffer: 64 * 1024 * 1024 }).toString());
}

const plain = (v: Py): unknown => (v.t === 'str' ? v.v : v.t === 'list' ? v.v.map(plain) : v.t === 'dict' ? Object.fromEntries([...v.v].map(([k, x]) => [k, plain(x)])) : v);

describe('the shorthand parser against the AWS CLI’s own', () => {
  // A deterministic stream of short inputs over the characters that matter to the grammar.
  const alphabet = ['a', 'K', '=', ',', ' ', '[', ']', '{', '}', "'", '"', '\\', '@', '\n', '\t', 'é', '😀', '#', ':', '-', '='];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const inputs = Array.from({ length: 2500 }, () => {
    let s = next() < 0.7 ? 'k=' : '';
    const n = 1 + Math.floor(next() * 14);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });

  it.each([
    ['1.45.11 (current grammar, @=)', 'python3', { paramFiles: true, legacyQuotedRegex: false }],
    ['2.9.19', '/usr/bin/python3', { paramFiles: false, legacyQuotedRegex: true }],
  ] as const)('AWS CLI %s: the same value or the same error on 2500 generated inputs', (_name, python, options) => {
    const expected = pythonShorthand(python, inputs);
    const actual = inputs.map((s) => {
      try {
        return { ok: plain(parseShorthand(s, { ...options, loadParamFile: () => undefined })) };
      } catch (e) {
        if (e instanceof ShorthandError) return { err: e.reason.split(' for input:')[0] };
        throw e;
      }
    });
    expect(actual).toEqual(expected);
  });
});

describe('boolean members are flags, each with its --no- form (issue 16)', () => {
  const UK = ['aws', 'ssm', 'update-maintenance-window-task', '--window-id', 'mw-0123456789abcdef0', '--window-task-id', '23d3809e-9fbe-4ddf-b41a-b49d7a1b2c3d'];

  it.each([
    [['--replace'], true],
    [['--no-replace'], false],
    [['--replace', '--no-replace'], false],
    [['--no-replace', '--rep'], true],
    [['--no-r'], false],
  ])('%j sends Replace %s, placed at the flag that decided it', (flags, value) => {
    for (const version of ['2', '2.9.19', '1'] as const) {
      const reading = readCommandLine([...UK, ...flags], { version });
      expect(reading.outcome).toBe('request');
      expect(reading.request).toEqual({ WindowId: 'mw-0123456789abcdef0', WindowTaskId: '23d3809e-9fbe-4ddf-b41a-b49d7a1b2c3d', Replace: value });
      expect(locatePath(reading, ['Replace'])).toEqual({ word: UK.length + flags.length - 1, offset: 0 });
    }
  });

  it('a flag given a value is refused as argparse refuses it', () => {
    expect(readCommandLine([...UK, '--replace=true']).refusal).toMatchObject({ stage: 'usage', exit: 252, message: "argument --replace: ignored explicit argument 'true'", flag: '--replace' });
    expect(readCommandLine([...UK, '--replace', 'true']).refusal).toMatchObject({ stage: 'unknown-options', exit: 252, message: 'Unknown options: true', flag: '--replace' });
    expect(readCommandLine([...UK, '--no-r', 'false']).refusal).toMatchObject({ stage: 'unknown-options', flag: '--no-replace' });
    // An extra word after an option that takes a value is another slip, and says so.
    expect(readCommandLine([...UK, '--name', 'nightly', 'patch']).refusal).not.toHaveProperty('flag');
  });

  it('a flag on the line wins over --cli-input-json, as every option does', () => {
    const check = checkCommandLine([...UK, '--no-replace', '--cli-input-json', '{"Replace": "yes"}']);
    expect(check.request).toMatchObject({ Replace: false });
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('the global options are resolved before the operation reads its own', () => {
  const UK = ['ssm', 'update-maintenance-window-task', '--window-id', 'mw-0123456789abcdef0', '--window-task-id', '23d3809e-9fbe-4ddf-b41a-b49d7a1b2c3d'];

  it('an --endpoint-url without a scheme is refused, as --end for --end-date is taken for it', () => {
    const message = 'Bad value for --endpoint-url "2030-01-01T00:00:00Z": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/';
    const reading = readCommandLine(['aws', ...UK, '--end', '2030-01-01T00:00:00Z']);
    expect(reading.refusal).toEqual({ stage: 'parameter', exit: 252, message, at: { word: 8, offset: 0 }, option: '--endpoint-url' });
    expect(readCommandLine(['aws', ...UK, '--end', '2030-01-01T00:00:00Z'], { version: '1' }).refusal).toMatchObject({ exit: 255, message });
    expect(readCommandLine(['aws', '--endpoint-url', '', ...UK]).outcome).toBe('refused');
  });

  it.each(['http://127.0.0.1:4566', ' https://ssm.example', 'localhost:4566', 'HTTP://x'])('%j has a scheme, as Python’s urlparse reads it', (url) => {
    expect(readCommandLine(['aws', '--endpoint-url', url, ...UK]).outcome).toBe('request');
  });

  it('--version prints the version first', () => {
    expect(readCommandLine(['aws', '--endpoint-url', 'x', '--version', ...UK]).outcome).toBe('no-request');
  });
});
