import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import * as parsers from '../src/parsers.js';
import { ROOT } from './support/spec.js';

/*
 * The package root exports the contract's API; the parsers and finders the readers are built on
 * are ssm-mw-contracts/parsers (issue 15, item 5).
 */
const MOVED = ['parseSh', 'parseCmd', 'parseHcl', 'findInScript', 'findInMarkdown', 'findInRst', 'findInMakefile', 'findInCiYaml'];

describe('ssm-mw-contracts/parsers', () => {
  it('exports the parsers and finders, which the root no longer does', () => {
    expect(MOVED.filter((name) => typeof (parsers as Record<string, unknown>)[name] !== 'function')).toEqual([]);
    expect(MOVED.filter((name) => name in root)).toEqual([]);
  });

  it('reads a script', () => {
    const [found] = parsers.findInScript('echo hi\naws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0\n');
    expect(found?.position.line).toBe(2);
    expect(found?.words.map((w) => w.text).slice(0, 3)).toEqual(['aws', 'ssm', 'register-task-with-maintenance-window']);
  });

  it.runIf(existsSync(join(ROOT, 'dist', 'parsers.cjs')))('works from require and import alike, built', () => {
    const script = `console.log(typeof m.parseSh, typeof m.parseHcl, m.findInScript('aws ssm describe-maintenance-window-execution-task-invocations').length)`;
    const cjs = execFileSync(process.execPath, ['-e', `const m = require('ssm-mw-contracts/parsers'); ${script}`], { cwd: ROOT, encoding: 'utf8' });
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import('ssm-mw-contracts/parsers'); ${script}`], { cwd: ROOT, encoding: 'utf8' });
    expect(cjs.trim()).toBe('function function 1');
    expect(esm.trim()).toBe('function function 1');
  });
});
