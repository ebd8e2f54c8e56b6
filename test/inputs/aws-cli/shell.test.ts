import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseCmd } from '../../../src/parse/shell/cmd.js';
import { awsCommandLines, findInCiYaml, findInMakefile, findInMarkdown, findInRst, findInScript } from '../../../src/readers/aws-cli/find.js';
import { parseSh } from '../../../src/parse/shell/sh.js';
import { EXPANSION } from '../../../src/parse/shell/words.js';

const words = (text: string) => parseSh(text).commands.map((c) => c.words.map((w) => w.text));
const X = EXPANSION;

describe('POSIX shell words', () => {
  it('splits, quotes and escapes as sh does', () => {
    expect(words(`aws ssm x --a 'single $X "q"' "double \\"q\\" \\$ \\\\ \\a" plain\\ space`)).toEqual([
      ['aws', 'ssm', 'x', '--a', 'single $X "q"', 'double "q" $ \\ \\a', 'plain space'],
    ]);
    expect(words(`echo ''""x "" ''`)).toEqual([['echo', 'x', '', '']]);
    expect(words(`echo $'a\\tb\\x41\\u00e9\\'c' $"loc"`)).toEqual([['echo', 'a\tbAé\'c', 'loc']]);
  });

  it('joins backslash-newline continuations and keeps newlines inside quotes', () => {
    expect(words('aws ssm \\\n  x --a "1\n2" \\\n --b')).toEqual([['aws', 'ssm', 'x', '--a', '1\n2', '--b']]);
  });

  it('makes expansions unknown, never a value', () => {
    const command = parseSh('aws --w "$W" --x ${X:-d} --y $(date +%s) --z `id -u` --t "a${B}c" --u ~/f --v $((1+2)) --s $1').commands.find((c) => c.words[0]?.text === 'aws');
    expect(command!.words.map((w) => w.text)).toEqual(['aws', '--w', X, '--x', X, '--y', X, '--z', X, '--t', `a${X}c`, '--u', `${X}/f`, '--v', X, '--s', X]);
    expect(command!.words[10]!.expansions).toEqual(['${B}']);
  });

  it('reads commands inside command substitutions too', () => {
    const { commands } = parseSh('ID=$(aws ssm register-task-with-maintenance-window --window-id "$W" --query WindowTaskId --output text)');
    expect(commands.map((c) => c.words[0]?.text)).toEqual(['aws', undefined]);
    expect(commands[1]!.assignments[0]!.text).toBe(`ID=${X}`);
  });

  it('separates commands at ; && || | & and newlines, skips comments, redirections and here-documents', () => {
    expect(words('a 1; b 2 && c || d | e & f # g h\n2>&1 i >out.txt j <in k <<EOF\nnot a command\nEOF\nl')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f'], ['i', 'j', 'k'], ['l']]);
  });

  it('keeps where every character was written', () => {
    const [command] = parseSh('aws ssm x \\\n    --targets "Key=InstanceIds,Values=i-1"').commands;
    const word = command!.words[4]!;
    expect(word.positions.at(0)).toEqual({ line: 2, column: 16 });
    expect(word.positions.at(word.text.indexOf('Values'))).toEqual({ line: 2, column: 32 });
  });

  it('flags a word that bash would brace-expand', () => {
    const [command] = parseSh(`aws --a Values={i-1,i-2} --b "{a,b}" --c RunCommand={Comment=x}`).commands;
    expect(command!.words.map((w) => Boolean(w.braceExpansion))).toEqual([false, false, true, false, false, false, false]);
  });

  it('reads words as bash does, on every case of a table', { timeout: 60_000 }, () => {
    const lines = [
      `aws ssm x --a 'it'"'"'s' "\${HOME:+x}y" a\\"b 'c\\d' "e\\f"`,
      `aws ssm x --json '{"RunCommand":{"Parameters":{"commands":["echo \\"hi\\""]}}}'`,
      `aws ssm x --b "Key=tag:Name,Values=a\\,b" $'\\101\\x42' -- --c`,
      `aws ssm x --d "a b"'c d'e\\ f "g\\` + '`' + `h"`,
    ];
    for (const line of lines) {
      const bash = JSON.parse(execFileSync('bash', ['-c', `HOME=; printf '%s\\0' ${line.replace(/\$\{HOME:\+x\}/, 'y')} | python3 -c 'import sys,json; print(json.dumps(sys.stdin.buffer.read().decode().split("\\0")[:-1]))'`], { encoding: 'utf8' })) as string[];
      expect(words(line.replace(/\$\{HOME:\+x\}/, 'y'))[0]).toEqual(bash);
    }
  });

  it('reports an unterminated quote instead of guessing', () => {
    expect(parseSh(`aws --a "open`).problems.map((p) => [p.kind, p.message, p.bash])).toEqual([['unterminated', 'an unterminated double quote', 'unexpected EOF while looking for matching `"\'']]);
  });
});

describe('Windows cmd words', () => {
  const cmd = (text: string) => parseCmd(text).commands.map((c) => c.words.map((w) => w.text));

  it('joins ^ continuations and applies the C runtime quoting rules', () => {
    expect(cmd('aws ssm x ^\n    --a "{\\"RunCommand\\":{}}" ^\n    --b={\\"x\\":1} "c d" a\\\\b "e""f" "g\\\\"')).toEqual([
      ['aws', 'ssm', 'x', '--a', '{"RunCommand":{}}', '--b={"x":1}', 'c d', 'a\\\\b', 'e"f', 'g\\'],
    ]);
  });

  it('escapes with ^ outside quotes only, splits at & and |, expands %VAR%', () => {
    expect(cmd('aws --a a^&b "c^d" %WINDOW_ID% & echo x | more')).toEqual([['aws', '--a', 'a&b', 'c^d', X], ['echo', 'x'], ['more']]);
  });

  it('drops redirections and REM lines', () => {
    expect(cmd('REM aws ssm x\naws ssm y > out.txt 2>&1\n:: comment')).toEqual([['aws', 'ssm', 'y']]);
  });

  it('keeps positions across continuations', () => {
    const [command] = parseCmd('aws ssm x ^\n  --window-id mw-1').commands;
    expect(command!.words[4]!.positions.at(0)).toEqual({ line: 2, column: 15 });
  });
});

describe('finding command lines', () => {
  it('finds aws commands behind wrappers and assignments, not other commands', () => {
    const found = findInScript('AWS_PAGER= sudo -E env A=1 aws ssm x\nif true; then aws ssm y; fi\necho aws ssm z\n');
    expect(found.map((f) => f.words.slice(0, 3).map((w) => w.text).join(' '))).toEqual(['aws ssm x', 'aws ssm y']);
    expect(awsCommandLines(parseSh('/usr/local/bin/aws ssm x')).length).toBe(1);
  });

  it('reads Markdown fences by language or content, with positions in the file', () => {
    const md = ['# t', '', '   ```', '   aws ssm x \\', '       --a 1', '   ```', '', '```', 'aws ssm y ^', '  --b 2', '```', '', '```powershell', 'aws ssm z `', '```', '', '```json', '{"aws": 1}', '```'].join('\n');
    const found = findInMarkdown(md);
    expect(found.map((f) => [f.dialect, f.position, f.words.map((w) => w.text).join(' '), Boolean(f.notReadable)])).toEqual([
      ['sh', { line: 4, column: 4 }, 'aws ssm x --a 1', false],
      ['cmd', { line: 9, column: 1 }, 'aws ssm y --b 2', false],
      ['powershell', { line: 14, column: 1 }, '', true],
    ]);
    expect(found[0]!.words[4]!.positions.at(0)).toEqual({ line: 5, column: 12 });
  });

  it('reads reStructuredText literal blocks and code-block directives', () => {
    const rst = ['Example::', '', '    aws ssm x \\', '        --a 1', '', '.. code-block:: bash', '   :caption: c', '', '   aws ssm y', '', 'Text'].join('\n');
    expect(findInRst(rst).map((f) => [f.position, f.words.map((w) => w.text).join(' ')])).toEqual([
      [{ line: 3, column: 5 }, 'aws ssm x --a 1'],
      [{ line: 9, column: 4 }, 'aws ssm y'],
    ]);
  });

  it('reads Makefile recipes with make variables as unknown values', () => {
    const found = findInMakefile('deploy:\n\t@aws ssm x --window-id $(WINDOW_ID) \\\n\t  --name "$$USER"\n');
    expect(found.map((f) => f.words.map((w) => w.text))).toEqual([['aws', 'ssm', 'x', '--window-id', X, '--name', X]]);
    expect(found[0]!.words[4]!.positions.at(0)).toEqual({ line: 2, column: 25 });
  });

  it('reads CI YAML run blocks at their lines, cmd and PowerShell by their shell', () => {
    const yaml = ['jobs:', '  a:', '    steps:', '      - run: |', '          echo hi', '          aws ssm x \\', '            --a "1"', '      - shell: cmd', '        run: aws ssm y', '      - shell: pwsh', '        run: aws ssm z', 'script:', '  - aws ssm w'].join('\n');
    const found = findInCiYaml(yaml);
    expect(found.map((f) => [f.dialect, f.position, f.words.map((w) => w.text).join(' ')])).toEqual([
      ['sh', { line: 6, column: 11 }, 'aws ssm x --a 1'],
      ['cmd', { line: 9, column: 14 }, 'aws ssm y'],
      ['powershell', { line: 11, column: 14 }, ''],
      ['sh', { line: 13, column: 5 }, 'aws ssm w'],
    ]);
  });
});
