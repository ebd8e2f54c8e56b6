import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommandLine } from '../../../src/readers/aws-cli/check-command-line.js';
import { findInMarkdown, findInRst } from '../../../src/readers/aws-cli/find.js';
import { ROOT } from '../../support/spec.js';

/*
 * The real-world corpus: AWS's own documentation with 31 command lines for the two operations
 * (21 in Unix shell form, two of them PowerShell with backtick continuations; 10 in Windows cmd
 * form with ^). Each is found, read, and its request checked or its refusal explained; the
 * outcome of every line is kept in snapshots/corpus.txt, which docs/aws-cli.md summarizes.
 */

const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus', 'cli');
const OURS = /aws ssm (register-task-with-maintenance-window|describe-maintenance-window-execution-task-invocations)\b/;

function lines() {
  const out: { file: string; line: number; dialect: string; summary: string; outcome: string }[] = [];
  for (const file of readdirSync(CORPUS).sort()) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const source = text.split('\n');
    const found = file.endsWith('.rst') ? findInRst(text) : findInMarkdown(text);
    for (const f of found) {
      if (!OURS.test(source[f.position.line - 1] ?? '')) continue;
      if (f.notReadable) {
        out.push({ file, line: f.position.line, dialect: f.dialect, outcome: 'not read', summary: `not read: ${f.notReadable}` });
        continue;
      }
      const check = checkCommandLine(f.words, { cwd: CORPUS });
      if (check.reading.outcome === 'other') continue;
      const issues = check.issues.map((i) => {
        const where = i.at ? f.words[i.at.word]?.positions.at(i.at.offset) : undefined;
        return `    ${where ? `${where.line}:${where.column}` : '-'} ${i.severity} ${i.rule ?? i.code} ${i.path.join('.') || '(command)'}${i.code === 'cli_refused' || i.code === 'not_checked' ? `: ${String(i.params.reason).split('\n')[0]}` : ''}`;
      });
      out.push({ file, line: f.position.line, dialect: f.dialect, outcome: check.reading.outcome, summary: [`${check.reading.outcome}, ${check.valid ? 'no error' : 'errors'}`, ...issues].join('\n') });
    }
  }
  return out;
}

describe('the real-world corpus of AWS CLI command lines', () => {
  const found = lines();

  it('finds all 31 command lines: 19 POSIX shell, 2 PowerShell, 10 Windows cmd', () => {
    expect(found.length).toBe(31);
    expect(found.filter((f) => f.dialect === 'sh').length).toBe(19);
    expect(found.filter((f) => f.dialect === 'powershell').length).toBe(2);
    expect(found.filter((f) => f.dialect === 'cmd').length).toBe(10);
  });

  it('reads each one: a request checked, a refusal explained, or why it is not read', async () => {
    const text = found.map((f) => `${f.file}:${f.line} (${f.dialect})\n  ${f.summary}`).join('\n\n') + '\n';
    await expect(text).toMatchFileSnapshot('snapshots/corpus.txt');
    const outcomes = found.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.outcome]: (acc[f.outcome] ?? 0) + 1 }), {});
    expect(outcomes).toEqual({ request: 21, refused: 5, 'not-checked': 3, 'not read': 2 });
  });
});
