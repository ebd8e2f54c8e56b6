import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCommandLine } from '../../../src/readers/aws-cli/check-command-line.js';
import { findInCiYaml, findInMarkdown, findInScript } from '../../../src/readers/aws-cli/find.js';
import { parseSh } from '../../../src/parse/shell/sh.js';
import { findingsOf, lintFile, type LintIssue } from '../../../src/lint/engine.js';

/*
 * Where the finders place command lines that are not written one to a line (folded YAML, quoted
 * Markdown), what they say of text that bash does not run as written, and how deep they go.
 */

const W = 'mw-0123456789abcdef0';
const REGISTER = 'aws ssm register-task-with-maintenance-window';
const context = { cwd: '/nowhere', readFile: () => undefined };

function lint(file: string, text: string): { issues: LintIssue[]; code: number } {
  const result = lintFile({ file, text, explicit: true }, { context })!;
  const issues = findingsOf(result);
  return { issues, code: result.inputProblem ? 2 : issues.some((i) => i.severity === 'error') ? 1 : 0 };
}

const at = (issues: LintIssue[], code: string) => issues.filter((i) => i.code === code).map((i) => [i.line, i.column]);

/** Each word of each command line found, with the line and column of its first character. */
const placed = (found: ReturnType<typeof findInCiYaml>) => found.map((f) => f.words.map((w) => `${w.text}@${w.positions.at(0)!.line}:${w.positions.at(0)!.column}`).join(' '));

/** The character of `text` at a line and column. */
const charAt = (text: string, line: number, column: number) => text.split('\n')[line - 1]![column - 1];

describe('folded YAML (issue 13 item 3)', () => {
  it("places GitLab's `script: - >` words at their lines, not on the first line", () => {
    const text = [
      'stages: [deploy]',
      'deploy:',
      '  stage: deploy',
      '  script:',
      '    - >',
      `      ${REGISTER}`,
      `      --window-id ${W}`,
      '      --task-arn AWS-RunShellScript',
      '      --task-type AUTOMATION',
      '      --priority -1',
      '',
    ].join('\n');
    expect(at(lint('.gitlab-ci.yml', text).issues, 'too_small')).toEqual([[10, 18]]);
  });

  it("places GitHub's `run: >-` words, with blank lines and more-indented lines keeping their line breaks", () => {
    const text = [
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - name: Register',
      '        run: >-',
      `          ${REGISTER} --window-id ${W}`,
      '          --task-arn AWS-RunShellScript --task-type AUTOMATION',
      '          --priority -1',
      '',
      '          echo done',
      '            --not-an-option',
      '',
    ].join('\n');
    const found = findInCiYaml(text);
    // The blank line and the more-indented line keep their breaks: bash sees three commands.
    expect(placed(found)).toEqual([
      `aws@7:11 ssm@7:15 register-task-with-maintenance-window@7:19 --window-id@7:57 ${W}@7:69 --task-arn@8:11 AWS-RunShellScript@8:22 --task-type@8:41 AUTOMATION@8:53 --priority@9:11 -1@9:22`,
    ]);
    expect(at(lint('.github/workflows/deploy.yml', text).issues, 'too_small')).toEqual([[9, 22]]);
  });

  it('places every character of every word where the file writes it, in every block and flow style', () => {
    const words = [REGISTER, `--window-id ${W}`, '--task-arn AWS-RunShellScript', '--task-type AUTOMATION', '--priority -1', '--description plain'];
    const styles: [string, (indent: string) => string][] = [
      ['folded', (i) => `>\n${words.map((w) => i + w).join('\n')}\n`],
      ['folded strip', (i) => `>-\n${words.map((w) => i + w).join('\n')}\n`],
      ['folded keep, blank lines after', (i) => `>+\n${words.map((w) => i + w).join('\n')}\n\n\n`],
      // A first line more indented than the rest needs the indicator; it keeps its line break, so it is a command of its own.
      ['folded with an indentation indicator', (i) => `>2\n${i}  echo first\n${words.map((w) => i + w).join('\n')}\n`],
      ['folded, a more-indented continuation', (i) => `>\n${i}${words[0]} \\\n${words.slice(1).map((w) => `${i}  ${w}`).join(' \\\n')}\n`],
      ['literal', (i) => `|\n${i}${words.join(` \\\n${i}`)}\n`],
      ['literal with an indicator and keep', (i) => `|2+\n${i}${words.join(` \\\n${i}`)}\n`],
      ['plain over several lines', (i) => `${words.join(`\n${i}`)}\n`],
      ["single-quoted with ''", (i) => `'${words.join(`\n${i}`)} --name ''it''''s'''\n`],
      ['double-quoted with escapes and a joined line', (i) => `"${words.join(`\n${i}`)} --name \\"x\\"\\\n${i}y"\n`],
    ];
    for (const [name, value] of styles) {
      for (const [file, wrap] of [
        ['.gitlab-ci.yml', (v: (i: string) => string) => `deploy:\n  script:\n    - ${v('      ')}`],
        ['.github/workflows/x.yml', (v: (i: string) => string) => `jobs:\n  a:\n    steps:\n      - run: ${v('          ')}`],
      ] as const) {
        const text = wrap(value);
        const found = findInCiYaml(text);
        expect(found.length, `${name} in ${file}`).toBeGreaterThan(0);
        const words = found[0]!.words;
        expect(words.slice(0, 3).map((w) => w.text), name).toEqual(['aws', 'ssm', 'register-task-with-maintenance-window']);
        expect(words.map((w) => w.text).slice(3, 11), name).toEqual(['--window-id', W, '--task-arn', 'AWS-RunShellScript', '--task-type', 'AUTOMATION', '--priority', '-1']);
        for (const w of words) {
          // A character written in the file as itself (not a quote's escape) is found there.
          for (let k = 0; k < w.text.length; k++) {
            const p = w.positions.at(k)!;
            const written = charAt(text, p.line, p.column);
            if (written !== '\\' && written !== "'") expect(written, `${name} in ${file}: ${w.text}[${k}] at ${p.line}:${p.column}`).toBe(w.text[k]);
          }
        }
        expect(at(lint(file, text).issues, 'too_small').length, name).toBe(1);
        const [line, column] = at(lint(file, text).issues, 'too_small')[0]!;
        expect(text.split('\n')[line! - 1]!.slice(column! - 1, column! + 1), name).toBe('-1');
      }
    }
  });

  it('reads the value the YAML parser reads, folding included', () => {
    const text = `s:\n  - >-\n    a\n      b\n\n    c\n    d\n  - "e\\tf\n    g"\n`;
    const value = parse(text) as { s: string[] };
    expect(value.s).toEqual(['a\n  b\n\nc d', 'e\tf g']);
    expect(findInCiYaml(text.replace('s:', 'script:')).length).toBe(0);
  });
});

describe('Markdown fences in blockquotes and list items (issue 14 item 7)', () => {
  const line = `${REGISTER} --window-id ${W} --task-arn AWS-RunShellScript --task-type AUTOMATION --priority -1`;
  const column = (prefix: string) => prefix.length + line.indexOf('--priority -1') + 12;

  it('reads a fence inside a blockquote, each line behind its >', () => {
    const text = `# Runbook\n\n> Run:\n>\n> \`\`\`sh\n> ${line}\n> \`\`\`\n`;
    const { issues, code } = lint('docs/runbook.md', text);
    expect(at(issues, 'too_small')).toEqual([[6, column('> ')]]);
    expect(code).toBe(1);
  });

  it('reads nested blockquotes, a fence on a list marker, and a fence in a list inside a blockquote', () => {
    const text = [`> > \`\`\`bash`, `> > ${line}`, '> > ```', '', '- ```sh', `  ${line}`, '  ```', '', '> 1. Register:', '>    ```sh', `>    ${line}`, '>    ```', ''].join('\n');
    expect(at(lint('a.md', text).issues, 'too_small')).toEqual([
      [2, column('> > ')],
      [6, column('  ')],
      [11, column('>    ')],
    ]);
  });

  it('ends a fence where its blockquote ends', () => {
    const text = ['> ```sh', `> ${REGISTER} --window-id ${W} \\`, 'not quoted any more', '', '```sh', line, '```', ''].join('\n');
    const found = findInMarkdown(text);
    expect(found.map((f) => [f.position.line, f.words.length])).toEqual([
      [2, 5],
      [6, line.split(' ').length],
    ]);
  });
});

/** What bash -n says of a script: its exit status and its first line of stderr. */
function bashN(script: string): { status: number | null; stderr: string } {
  const run = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr.split('\n')[0] ?? '' };
}

describe('text bash does not run as written (issue 14 item 8)', () => {
  const command = `${REGISTER} --window-id ${W} --task-arn AWS-RunShellScript --task-type AUTOMATION --priority -1`;
  const openers: [string, string, number, string][] = [
    ['echo "unterminated', 'an unterminated double quote', 6, '"'],
    ["echo 'unterminated", 'an unterminated single quote', 6, "'"],
    ['x=$(date', 'an unterminated $(', 3, ')'],
    ['x=`date', 'an unterminated backtick', 3, '`'],
    ['echo ${a:-x', 'an unterminated ${', 6, '}'],
    ["echo $'abc", "an unterminated $'", 6, "'"],
    ['echo $((1 + 2', 'an unterminated $((', 6, ')'],
  ];

  it.each(openers)('%s: a syntax error where it opens, as bash -n says, and the command line below not checked', (first, message, column, closer) => {
    const script = `${first}\n${command}\n`;
    expect(bashN(script).status, 'bash -n refuses it').toBe(2);
    expect(bashN(script).stderr).toContain(`unexpected EOF while looking for matching \`${closer}'`);
    const { issues, code } = lint('deploy.sh', script);
    expect(code).toBe(2);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['syntax_error', 1, column],
      ['not_checked', 2, 1],
    ]);
    expect(issues[0]!.message).toBe(`Not valid shell: ${message} (bash -n: unexpected EOF while looking for matching \`${closer}').`);
    expect(issues[1]!.message).toContain(`bash does not run it: it lies inside ${message} at line 1, column ${column}`);
  });

  it('a here-document without its terminator: bash runs it, so no error, but the command line in it is not checked', () => {
    const script = `cat <<'EOF'\n${command}\n`;
    expect(bashN(script)).toMatchObject({ status: 0, stderr: expect.stringContaining("here-document at line 1 delimited by end-of-file (wanted `EOF')") });
    const { issues, code } = lint('deploy.sh', script);
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['not_checked', 2, 1]]);
    expect(issues[0]!.message).toContain("here-document at line 1 delimited by end-of-file (wanted `EOF')");
    expect(code).toBe(0);
  });

  it('in a CI step the same is a syntax error; in a document it only leaves the command line not checked', () => {
    const ci = lint('.github/workflows/x.yml', `steps:\n  - run: |\n      echo "oops\n      ${command}\n`);
    expect(ci.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ['syntax_error', 3, 12],
      ['not_checked', 4, 7],
    ]);
    const doc = lint('README.md', `\`\`\`sh\necho "oops\n${command}\n\`\`\`\n`);
    expect(doc.issues.map((i) => [i.code, i.line, i.column])).toEqual([['not_checked', 3, 1]]);
    expect(doc.code).toBe(0);
  });

  it('reports nothing of constructs that bash reads whole', () => {
    const fine = [
      `x=$(cat <<EOF\nit's here\nEOF\n)\n${command}`,
      `x=$(( 16#ff << 2 ))\n${command}`,
      `x=$(echo $'it\\'s')\n${command}`,
      `x=$(\n  # don't\n  date)\n${command}`,
      `x="$(echo "a)b")"\n${command}`,
    ];
    for (const script of fine) {
      expect(bashN(script).status, script).toBe(0);
      expect(parseSh(script).problems, script).toEqual([]);
      expect(at(lint('a.sh', script).issues, 'too_small'), script).toEqual([[script.split('\n').length, command.indexOf('-1') + 1]]);
    }
  });
});

describe('nesting (issue 14 item 4)', () => {
  it('reads $( nested 50,000 deep without recursion, and says the commands past --max-depth are not read', () => {
    const script = `${REGISTER} --window-id ${W} --task-arn x --task-type AUTOMATION --description ${'$('.repeat(50_000)}${REGISTER}${')'.repeat(50_000)}\n`;
    const { issues } = lint('deep.sh', script);
    const deep = issues.filter((i) => i.code === 'not_checked');
    expect(deep.map((i) => [i.line, i.column])).toEqual([[1, script.indexOf('$(') + 1 + 2 * 128]]);
    expect(deep[0]!.message).toMatch(/This command substitution was not checked: it is nested deeper than 128 levels, so the commands in it, which name register-task-with-maintenance-window, are not read/);
    // The outer line is read: its description is a value not known statically.
    expect(issues.filter((i) => i.code === 'service_role_recommended')).toHaveLength(1);
    expect(parseSh(`echo ${'$('.repeat(300)}x${')'.repeat(300)}`, undefined, { maxDepth: 1000 }).problems).toEqual([]);
  });

  it('reads ${a:- nested 50,000 deep as one unknown value', () => {
    const script = `${REGISTER} --window-id ${W} --task-arn x --task-type AUTOMATION --priority -1 --description ${'${a:-'.repeat(50_000)}x${'}'.repeat(50_000)}\n`;
    expect(at(lint('deep.sh', script).issues, 'too_small')).toEqual([[1, script.indexOf('-1') + 1]]);
  });

  it('leaves shorthand, JSON, --cli-input-json and --cli-input-yaml nested past --max-depth not checked, at the level that goes too deep', () => {
    const head = [...REGISTER.split(' '), '--window-id', W, '--task-arn', 'x', '--task-type', 'RUN_COMMAND'];
    for (const [option, value, index] of [
      ['--targets', `Key=InstanceIds,Values=${'['.repeat(100_000)}${']'.repeat(100_000)}`, 23 + 127],
      ['--targets', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 128],
      ['--cli-input-json', `{"Targets": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 12 + 127],
      ['--cli-input-yaml', `Targets: ${'['.repeat(100_000)}${']'.repeat(100_000)}`, 9 + 127],
      ['--cli-input-yaml', `Targets: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}`, 9 + 4 * 127],
    ] as const) {
      const check = checkCommandLine([...head, option, value]);
      expect(check.reading.outcome, option).toBe('not-checked');
      expect(check.issues[0]).toMatchObject({ code: 'not_checked', argument: option, at: { word: head.length + 1, offset: index } });
      expect(check.issues[0]!.message).toMatch(new RegExp(`the value of ${option} is nested deeper than 128 levels`));
      expect(check.issues[0]!.message).toMatch(/raise --max-depth if the command line is genuine/);
      // However high --max-depth is set, nothing is read deeper than 1,000 levels (500 for YAML), and the finding says that raising it does not help.
      const capped = checkCommandLine([...head, option, value], { maxDepth: 1_000_000 });
      expect(capped.issues[0]).toMatchObject({ code: 'not_checked', argument: option });
      expect(capped.issues[0]!.message).toMatch(new RegExp(`nested deeper than ${option === '--cli-input-yaml' ? 500 : 1000} levels, which is not read \\(this reader goes no deeper, whatever --max-depth says\\)`));
    }
  });

  it('reads values up to the depth allowed, and a value nested too deep in a file at the word naming it, with its line and column there', () => {
    const head = [...REGISTER.split(' '), '--window-id', W, '--task-arn', 'x', '--task-type', 'RUN_COMMAND'];
    // 999 levels (the top-level key=value pairs, or the JSON object, are the first): read in full, without a stack overflow.
    for (const [option, value] of [
      ['--targets', `Key=InstanceIds,Values=${'['.repeat(998)}${']'.repeat(998)}`],
      ['--targets', `[{"Key": "InstanceIds", "Values": ${'['.repeat(997)}${']'.repeat(997)}}]`],
      ['--cli-input-json', `{"Targets": ${'['.repeat(998)}${']'.repeat(998)}}`],
      ['--cli-input-yaml', `Targets: ${'['.repeat(498)}${']'.repeat(498)}`],
    ] as const) {
      const check = checkCommandLine([...head, option, value], { maxDepth: 1000 });
      expect(check.reading.outcome, option).toBe('refused');
      expect(check.issues.map((i) => i.code), option).toContain('invalid_type');
    }
    const texts: Record<string, string> = {
      '/w/targets.json': `[\n  {"Key": "InstanceIds",\n   "Values": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]`,
      '/w/input.yaml': `Targets:\n  - Key: InstanceIds\n    Values: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    };
    const files = { read: (path: string) => (path in texts ? new TextEncoder().encode(texts[path]) : { errno: 'ENOENT' }) };
    // The 129th collection, counted from the file's top: the 127th [ in JSON (list, object, 127 lists), the 126th in YAML (mapping, sequence, mapping, 126 flow sequences).
    for (const [option, value, where] of [
      ['--targets', 'file://targets.json', 'line 3, column 140'],
      ['--cli-input-json', 'file://targets.json', 'line 3, column 140'],
      ['--cli-input-yaml', 'file://input.yaml', 'line 3, column 138'],
    ] as const) {
      const check = checkCommandLine([...head, option, value], { cwd: '/w', files });
      expect(check.issues[0], option).toMatchObject({ code: 'not_checked', argument: option, at: { word: head.length + 1, offset: 0 } });
      expect(check.issues[0]!.message).toContain(`is nested deeper than 128 levels (${where} of the file it names)`);
    }
  });

  it('reads a command line of 130,000 words as the AWS CLI does: Unknown options', () => {
    const words = [...REGISTER.split(' '), '--window-id', W, '--task-arn', 'x', '--task-type', 'AUTOMATION', ...Array(130_000).fill('word')];
    const check = checkCommandLine(words);
    expect(check.reading.refusal).toMatchObject({ stage: 'unknown-options', exit: 252 });
    expect(check.reading.refusal!.message.startsWith('Unknown options: word, word')).toBe(true);
    expect(findInScript(`${words.join(' ')}\n`)[0]!.words).toHaveLength(words.length);
  });
});

