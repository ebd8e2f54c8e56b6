import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findInCiYaml, findInMakefile, findInMarkdown, findInPowerShell, findInRst, findInScript } from '../../src/readers/aws-cli/find.js';
import { parseSh } from '../../src/parse/shell/sh.js';
import { lintFile } from '../../src/lint/engine.js';
import { cpuMs } from '../support/cpu.js';
import { COMMAND_LINE_SHAPES } from '../support/hostile.js';
import { check, ran, summary, timeoutFor } from '../support/property.js';

/*
 * The command-line finders and parsers on generated hostile shapes (issue 14 items 2, 4, 7 and 8):
 * constructs nested thousands deep, closed or left open, thousands of commands, long lines and
 * words, inside every kind of file the finders read. Each is read without a throw (lint would
 * report a reader that throws as `unreadable`), in a time in proportion to its size, with every word
 * placed inside the text. And command lines written in YAML's block and flow styles are placed
 * character by character where the file writes them (issue 13 item 3).
 */

const RUNS = 60;
const REGISTER = 'aws ssm register-task-with-maintenance-window';
const W = 'mw-0123456789abcdef0';
const context = { cwd: '/nowhere', readFile: () => undefined };

/** CPU time, generous against a slow machine, tight against quadratic time: 2 s, and 20 µs per character. */
const boundMs = (text: string) => 2000 + text.length * 0.02;

function timed<T>(what: string, text: string, f: () => T): T {
  let out: T;
  expect(cpuMs(() => (out = f())), `${what} on ${text.length} characters`).toBeLessThan(boundMs(text));
  return out!;
}

/** Openers of everything that nests, and what closes each. */
const NESTING: readonly [string, string][] = [
  ['$(', ')'],
  ['${a:-', '}'],
  ['$((', '))'],
  ['`', '`'],
  ['"', '"'],
  ["'", "'"],
  ["$'", "'"],
  ['[', ']'],
  ['{a=', '}'],
  ['<<EOF\n', '\nEOF\n'],
  ['\\\n', ''],
];

/** A shell text: nesting of one kind thousands deep (closed or not), many commands, or a long word, around a command line. */
const shellText: fc.Arbitrary<string> = fc.oneof(
  fc.record({ kind: fc.constantFrom(...NESTING), depth: fc.integer({ min: 1, max: 3000 }), closed: fc.boolean(), before: fc.boolean() }).map(({ kind: [open, close], depth, closed, before }) => {
    const nest = `${open.repeat(depth)}x${closed ? close.repeat(depth) : ''}`;
    const line = `${REGISTER} --window-id ${W} --task-arn x --task-type AUTOMATION --description ${nest} --targets 'Key=InstanceIds,Values=${nest}'`;
    return before ? `echo ${nest}\n${line}\n` : `${line}\n`;
  }),
  fc.record({ n: fc.integer({ min: 1, max: 3000 }), separator: fc.constantFrom(' ; ', '\n', ' && ', ' | ', ' \\\n  ', ' $( ', ' `') }).map(({ n, separator }) => Array(n).fill(`${REGISTER} --priority -1`).join(separator)),
  fc.record({ length: fc.integer({ min: 1, max: 300_000 }), quoted: fc.constantFrom('', '"', "'") }).map(({ length, quoted }) => `${REGISTER} --description ${quoted}${'x'.repeat(length)}${quoted}\n`),
  fc.array(fc.constantFrom(...NESTING.flatMap(([o, c]) => [o, c]), ' ', '\n', ';', REGISTER, ' --priority -1', '#', '<<-EOF', '\tEOF', '$', '\\'), { maxLength: 400 }).map((parts) => parts.join('')),
);

/** The same text in each kind of file the finders read. */
const WRAPPERS: readonly [string, (text: string) => string][] = [
  ['deploy.sh', (t) => t],
  ['deploy.cmd', (t) => t.replaceAll('\\\n', '^\n')],
  ['deploy.ps1', (t) => t],
  ['Makefile', (t) => `all:\n${t.split('\n').map((l) => `\t${l}`).join('\n')}\n`],
  ['README.md', (t) => `> \`\`\`sh\n${t.split('\n').map((l) => `> ${l}`).join('\n')}\n> \`\`\`\n`],
  ['list.md', (t) => `- \`\`\`sh\n${t.split('\n').map((l) => `  ${l}`).join('\n')}\n  \`\`\`\n`],
  ['guide.rst', (t) => `Example::\n\n${t.split('\n').map((l) => `    ${l}`).join('\n')}\n`],
  ['.gitlab-ci.yml', (t) => `job:\n  script:\n    - |\n${t.split('\n').map((l) => `      ${l}`).join('\n')}\n`],
  ['.github/workflows/x.yml', (t) => `jobs:\n  a:\n    steps:\n      - run: >-\n${t.split('\n').map((l) => `          ${l}`).join('\n')}\n`],
];

const FINDERS = [(t: string) => findInScript(t, 'sh'), (t: string) => findInScript(t, 'cmd'), findInPowerShell, findInMakefile, findInMarkdown, findInRst, findInCiYaml];

/** Whether a position lies inside the text, its end included (lines end at LF only, as the finders count them). */
function within(text: string, p: { line: number; column: number }): boolean {
  const lines = text.split('\n');
  return p.line >= 1 && p.line <= lines.length && p.column >= 1 && p.column <= lines[p.line - 1]!.length + 2;
}

describe('the command-line finders and parsers on hostile shapes', () => {
  it('read shapes nested thousands deep, thousands of commands and long words in every kind of file: no throw, time in proportion, words inside the text', { timeout: timeoutFor(RUNS) * 4 }, () => {
    check('hostile command lines', fc.tuple(shellText, fc.constantFrom(...WRAPPERS)), ([text, [file, wrap]]) => {
      const wrapped = wrap(text);
      const result = timed(`lint ${file}`, wrapped, () => lintFile({ file, text: wrapped, explicit: true }, { context }));
      expect(result?.inputProblem, `${file}: ${result?.issues[0]?.message}`).not.toBe('unreadable');
      for (const find of FINDERS) {
        const found = timed('find', wrapped, () => find(wrapped));
        for (const f of found) {
          expect(within(wrapped, f.position), JSON.stringify(f.position)).toBe(true);
          for (const w of f.words) for (const k of [0, w.text.length >> 1, w.text.length]) expect(within(wrapped, w.positions.at(k)!), `${w.text.slice(0, 40)}[${k}]`).toBe(true);
        }
      }
    }, RUNS);
  });

  it('read every shape of test/support/hostile.ts at a drawn size in time in proportion to it', { timeout: timeoutFor(RUNS) * 4 }, () => {
    const shapes = Object.values(COMMAND_LINE_SHAPES);
    check('hostile shapes', fc.tuple(fc.constantFrom(...shapes), fc.integer({ min: 1, max: 2000 })), ([shape, n]) => {
      const text = shape.build(n);
      const result = timed(shape.what, text, () => lintFile({ file: shape.file, text, explicit: true }, { context }));
      expect(result?.inputProblem).not.toBe('unreadable');
    }, RUNS);
  });
});

/** Words of characters that YAML and the shell both write as themselves. */
const plainWord = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_./=-]{0,11}$/);

/** A CI YAML value in one of YAML's styles, its lines at `indent`, and the value the YAML parser reads from it. */
const yamlStyles: fc.Arbitrary<{ style: string; lines: string[][]; blanks: number[]; more: number[] }> = fc.record({
  style: fc.constantFrom('>', '>-', '>+', '|', '|-', '>2', 'plain', "'", '"'),
  lines: fc.array(fc.array(plainWord, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
  blanks: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 8 }),
  more: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 8 }),
});

describe('command lines in YAML placed where the file writes them (issue 13 item 3)', () => {
  it('place every character of every word, in block and flow styles, with blank and more-indented lines', { timeout: timeoutFor(RUNS * 5) }, () => {
    check('folded YAML', yamlStyles, ({ style, lines, blanks, more }) => {
      const block = style !== 'plain' && style !== "'" && style !== '"';
      const indent = '          ';
      const body = lines.map((words, k) => {
        // More-indented lines and blank lines only where the style keeps their meaning plain.
        const extra = block && k > 0 ? ' '.repeat(more[k] ?? 0) : '';
        return `${'\n'.repeat(block || k > 0 ? (blanks[k] ?? 0) : 0)}${indent}${extra}${words.join(' ')}`;
      });
      const first = [REGISTER, ...lines[0]!].join(' ');
      const value =
        block ? `${style}\n${indent}${first}\n${body.slice(1).join('\n')}\n`
        : style === 'plain' ? `${first}\n${body.slice(1).join('\n')}\n`
        : `${style}${first}\n${body.slice(1).join('\n')}${style}\n`;
      const text = `jobs:\n  a:\n    steps:\n      - run: ${value}`;
      const doc = parseDocument(text);
      if (doc.errors.length > 0) return;
      const run = (doc.toJS() as { jobs: { a: { steps: { run: string }[] } } }).jobs.a.steps[0]!.run;
      // The commands bash reads from the parser's value are the commands found, each character of each word where the file has it.
      const commands = parseSh(run).commands.filter((c) => c.words[0]?.text === 'aws');
      const found = findInCiYaml(text);
      expect(found.length).toBe(commands.length);
      const rows = text.split('\n');
      for (const f of found) {
        for (const w of f.words) {
          for (let k = 0; k < w.text.length; k++) {
            const p = w.positions.at(k)!;
            expect(rows[p.line - 1]![p.column - 1], `${style}: ${w.text}[${k}] at ${p.line}:${p.column}`).toBe(w.text[k]);
          }
        }
      }
      expect(found.map((f) => f.words.map((w) => w.text))).toEqual(commands.map((c) => c.words.map((w) => w.text)));
    }, RUNS * 5);
  });
});

afterAll(() => console.log(summary(ran)));
