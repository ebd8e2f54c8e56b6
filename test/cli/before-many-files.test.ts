import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANY_FILES_V8_FLAGS, type Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../support/spec.js';

/*
 * lint readies its process for many files once its walk is done (Io.beforeManyFiles: the command
 * line's own process turns TurboFan's inlining off, docs/performance.md). Other commands leave the
 * process as it is, and the built command line says nothing of it.
 */

function io(calls: string[]): Io {
  return {
    stdout: () => calls.push('stdout'),
    stderr: () => calls.push('stderr'),
    readStdin: () => Promise.resolve(''),
    readFile: () => Promise.reject(new Error('not read here')),
    cwd: ROOT,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
    beforeManyFiles: () => calls.push('beforeManyFiles'),
  };
}

const CLI = join(ROOT, 'dist', 'cli.cjs');

describe('Io.beforeManyFiles', () => {
  it('lint calls it once, after the walk and before its report', async () => {
    const calls: string[] = [];
    expect(await main(['lint', 'test/fixtures/cloudformation/good'], io(calls))).toBe(0);
    expect(calls).toEqual(['beforeManyFiles', 'stdout']);
  });

  it('lint does not call it when its command line is wrong', async () => {
    const calls: string[] = [];
    expect(await main(['lint', '--format', 'xml', '.'], io(calls))).toBe(2);
    expect(calls).toEqual(['stderr']);
  });

  it('the other commands never call it', async () => {
    const calls: string[] = [];
    await main(['schedule', 'rate(1 day)'], io(calls));
    await main(['check-cli', 'aws ssm get-maintenance-window --window-id mw-0123456789abcdef0'], io(calls));
    expect(calls).not.toContain('beforeManyFiles');
  });

  // V8 writes "Error: unrecognized flag" to standard error for a flag it does not know: a runtime
  // that dropped --turbo-inlining would show here (CI runs this file on Node 20 and Node 24).
  it.runIf(existsSync(CLI))('the built command line lints a tree with nothing on standard error', () => {
    const run = spawnSync(process.execPath, [CLI, 'lint', 'test/fixtures/cloudformation/good'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+ files, \d+ tasks/m);
  });

  it('its flags are ones this runtime knows', () => {
    // nodeIo's call, alone in a process of its own; the unknown flag shows the test can fail.
    const set = (flags: string) => spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flags)})`], { encoding: 'utf8' }).stderr;
    expect(set(MANY_FILES_V8_FLAGS)).toBe('');
    expect(set('--no-such-v8-flag')).toMatch(/unrecognized flag/);
  });
});
