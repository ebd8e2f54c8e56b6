import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

/*
 * The CLI's last line of defence: whatever a command throws (JavaScript can throw anything), the
 * run ends with one line on stderr and exit status 2, never a stack trace or a second exception.
 */

const TEST_COMMAND = 'throws-for-test';

function throwing(value: () => unknown) {
  COMMANDS[TEST_COMMAND] = {
    summary: 'a command that throws',
    load: async () => ({
      run: async () => {
        throw value();
      },
    }),
  };
}

afterEach(() => {
  delete COMMANDS[TEST_COMMAND];
});

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

const thrown: [string, () => unknown, string][] = [
  ['a DOMException (its code is a number)', () => new DOMException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError'), 'The string to be decoded is not correctly encoded.'],
  ['an object whose code is a number', () => ({ code: 5, message: 'numbered' }), 'numbered'],
  ['null', () => null, 'null'],
  ['undefined', () => undefined, 'undefined'],
  ['a number', () => 42, '42'],
  ['a string', () => 'plain words', 'plain words'],
  ['a symbol', () => Symbol('sym'), 'Symbol(sym)'],
  ['an object without a prototype', () => Object.create(null), 'a value that cannot be shown'],
  ['an Error whose message getter throws', () => Object.defineProperty(new Error(), 'message', { get: () => { throw new Error('no'); } }), 'a value that cannot be shown'],
  ['a revoked proxy', revoked, 'a value that cannot be shown'],
  ['an Error whose message has control characters', () => new Error('bad\n::error::x\u001b[2J'), 'bad\\x0a::error::x\\x1b[2J'],
];

describe('main()', () => {
  it.each(thrown)('ends a command that throws %s in one line, exit 2', async (_, value, says) => {
    throwing(value);
    const run = await runCli([TEST_COMMAND]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`ssm-mw-contracts: internal error: ${says}. Please report it with the input that caused it.\n`);
  });

  it('takes an error whose code starts with ERR_PARSE_ARGS for a usage error', async () => {
    throwing(() => Object.assign(new TypeError("Unknown option '--nope'"), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }));
    const run = await runCli([TEST_COMMAND]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `ssm-mw-contracts: Unknown option '--nope'\nRun 'ssm-mw-contracts ${TEST_COMMAND} --help' for usage.\n` });
  });

  it('shows an unknown command name with its control characters escaped', async () => {
    const run = await runCli(['\u001b]0;owned\u0007\n::error::x']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `ssm-mw-contracts: unknown command "\\x1b]0;owned\\x07\\x0a::error::x"\nRun 'ssm-mw-contracts --help' for usage.\n` });
  });

  it('prints the stack with SSM_MW_CONTRACTS_DEBUG only when there is one', async () => {
    throwing(() => null);
    expect((await runCli([TEST_COMMAND], { env: { SSM_MW_CONTRACTS_DEBUG: '1' } })).stderr.split('\n').filter(Boolean)).toHaveLength(1);
    throwing(() => new Error('with a stack'));
    expect((await runCli([TEST_COMMAND], { env: { SSM_MW_CONTRACTS_DEBUG: '1' } })).stderr).toMatch(/with a stack\. Please report it.*\nError: with a stack\n\s+at /);
  });
});
