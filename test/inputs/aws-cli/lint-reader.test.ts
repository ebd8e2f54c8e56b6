import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsCliReader } from '../../../src/readers/aws-cli/lint-reader.js';
import { displayPath } from '../../../src/issues/issue.js';
import { findingsOf, lintFile, type FileResult, type LintIssue } from '../../../src/lint/engine.js';
import type { ReaderContext } from '../../../src/readers/reader.js';
import { ROOT } from '../../support/spec.js';

/*
 * `lint` over command lines: every command-line fixture of the core's rules is reported by lint at
 * the line its expected.json gives (and each valid one is clean), and the hand-written repository
 * under test/fixtures/aws-cli/repo (scripts, a Makefile, CI YAML, Markdown and RST, batch and
 * PowerShell files) is read where each file kind writes its command lines.
 */

const DIR = join('test', 'fixtures', 'aws-cli');

const context: ReaderContext = {
  cwd: ROOT,
  readFile: (path) => {
    try {
      return readFileSync(join(ROOT, path.startsWith(ROOT) ? path.slice(ROOT.length) : path), 'utf8');
    } catch {
      return undefined;
    }
  },
};

function lintPath(file: string, text = readFileSync(join(ROOT, file), 'utf8'), explicit = true): FileResult | undefined {
  return lintFile({ file, text, explicit }, { context });
}

interface Expected {
  issues: { code: string; severity: string; path: (string | number)[]; rule?: string; line: number }[];
}

const key = (i: { code: string; severity: string; path: readonly (string | number)[]; rule?: string; line?: number }) =>
  JSON.stringify([i.code, i.severity, i.path, i.rule ?? null, i.line ?? null]);

for (const dir of ['good', 'bad'] as const) {
  describe(`lint over the ${dir} command-line fixtures`, () => {
    const names = readdirSync(join(ROOT, DIR, dir)).filter((f) => f.endsWith('.sh')).map((f) => f.slice(0, -3));

    it.each(names.map((n) => [n] as const))('%s', (name) => {
      const expected = JSON.parse(readFileSync(join(ROOT, DIR, dir, `${name}.expected.json`), 'utf8')) as Expected;
      const result = lintPath(join(DIR, dir, `${name}.sh`))!;
      expect(result.reader).toBe('aws-cli');
      expect(result.tasks).toHaveLength(1);
      expect(findingsOf(result).map(key).sort()).toEqual(expected.issues.map(key).sort());
      if (dir === 'good') expect(findingsOf(result)).toEqual([]);
    });
  });
}

describe('expansions are unknown values, never a false error', () => {
  const severe = (r: FileResult | undefined) => new Set(findingsOf(r!).filter((i) => i.severity !== 'info').map((i) => `${i.rule ?? i.code} ${i.path.join('.')}`));

  // Each option's value in turn becomes "$V" (one word whose value the shell decides), then $(cat v):
  // no fixture may gain a warning or an error, though some lose theirs.
  for (const dir of ['good', 'bad'] as const) {
    it(`in every ${dir} fixture, option by option`, () => {
      let tried = 0;
      for (const name of readdirSync(join(ROOT, DIR, dir)).filter((f) => f.endsWith('.sh'))) {
        const file = join(DIR, dir, name);
        const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
        const before = severe(lintPath(file));
        lines.forEach((line, k) => {
          const option = /^(\s*--[a-z-]+ )(.+?)( \\)?$/.exec(line);
          // A flag (--replace, --no-enabled) takes no value: the backslash after it continues the line.
          if (!option || option[2] === '\\') return;
          for (const expansion of ['"$V"', '$(cat v)']) {
            const text = [...lines.slice(0, k), `${option[1]}${expansion}${option[3] ?? ''}`, ...lines.slice(k + 1)].join('\n');
            const after = severe(lintPath(file, text));
            tried++;
            expect([...after].filter((f) => !before.has(f)), `${name}, line ${k + 1} as ${expansion}`).toEqual([]);
          }
        });
      }
      expect(tried).toBeGreaterThan(200);
    });
  }
});

describe('findings in the command line’s own terms', () => {
  const issues = (file: string) => findingsOf(lintPath(join(DIR, 'bad', file))!);

  it('names the option and the position inside its shorthand', () => {
    const [issue] = issues('MW005.tag-key.sh');
    expect(issue).toMatchObject({ rule: 'MW005', path: ['Targets', 0, 'Key'], sourcePath: ['--targets', 0, 'Key'], line: 7, column: 22 });
  });

  it('names options in the params of MW003 and the replacements of MW008', () => {
    expect(issues('MW003.targetless-with-rate-controls.sh').map((i) => i.message)).toEqual([
      '--max-concurrency cannot be given for a task without targets; the service inserts a placeholder value of 1.',
      '--max-errors cannot be given for a task without targets; the service inserts a placeholder value of 1.',
    ]);
    const [logging] = issues('MW008.legacy-logging-info-and-task-parameters.sh');
    expect(logging).toMatchObject({ message: '--logging-info is deprecated.', hint: 'Use --task-invocation-parameters RunCommand.OutputS3BucketName and OutputS3KeyPrefix instead.' });
  });

  it('names the options of MW004, MW009 and MW011, and the members inside an option’s value by the API’s names (issue 13)', () => {
    expect(issues('MW004.run-command-parameters-on-automation.sh').find((i) => i.rule === 'MW004')).toMatchObject({
      message: '--task-invocation-parameters RunCommand does not match --task-type AUTOMATION; only Automation may be given.',
      hint: 'Move these parameters to --task-invocation-parameters Automation, or remove them.',
    });
    expect(issues('MW009.logging-info-with-invocation-parameters.sh').find((i) => i.rule === 'MW009')!.message).toBe('--logging-info is ignored because --task-invocation-parameters is given.');
    expect(issues('MW011.no-service-role.sh').find((i) => i.rule === 'MW011')!.message).toMatch(/^No --service-role-arn: /);
    expect(issues('MW001.run-command-without-targets.sh').find((i) => i.rule === 'MW001')!.hint).toBe('Add --targets, e.g. a target with Key WindowTargetIds and Values ["<window-target-id>"].');
  });

  it('keeps the API names of members read from --cli-input-json', () => {
    const text = `aws ssm register-task-with-maintenance-window --cli-input-json '{"WindowId": "mw-1", "TaskArn": "AWS-RunShellScript", "TaskType": "RUN_COMMAND"}'\n`;
    const result = lintPath('scripts/inline.sh', text)!;
    const window = findingsOf(result).find((i) => i.path[0] === 'WindowId')!;
    expect(window).toMatchObject({ code: 'too_short', line: 1, column: 78, message: expect.stringMatching(/^WindowId is 4 characters long/) });
    expect(window.sourcePath).toBeUndefined();
  });
});

describe('a schedule finding is placed at the field inside the expression (issue 16)', () => {
  const CREATE = 'aws ssm create-maintenance-window --name nightly --duration 3 --cutoff 1 --no-allow-unassociated-targets';
  // Each line writes Hours 25 once; the finding must point at the column where "25" (or what stands for it) is written.
  it.each([
    ['double-quoted', `${CREATE} --schedule "cron(0 25 ? * SUN *)"`, '25'],
    ['single-quoted', `${CREATE} --schedule 'cron(0 25 ? * SUN *)'`, '25'],
    ['--opt=value', `${CREATE} --schedule='cron(0 25 ? * SUN *)'`, '25'],
    ['escaped spaces, unquoted', `${CREATE} --schedule cron\\(0\\ 25\\ ?\\ *\\ SUN\\ *\\)`, '25'],
    ['ANSI-C quoting', `${CREATE} --schedule $'cron(0\\x2025 ? * SUN *)'`, '25'],
    ['an option prefix', `${CREATE} --schedule-t UTC --sched\\ule "cron(0 25 ? * SUN *)"`, '25'],
    ['inside --cli-input-json', `aws ssm create-maintenance-window --cli-input-json '{"Name":"nightly","Duration":3,"Cutoff":1,"AllowUnassociatedTargets":false,"Schedule":"cron(0 25 ? * SUN *)"}'`, '25'],
    ['a JSON escape before the field', `aws ssm create-maintenance-window --cli-input-json '{"Name":"nightly","Duration":3,"Cutoff":1,"AllowUnassociatedTargets":false,"Schedule":"cron(0\\u002025 ? * SUN *)"}'`, '25'],
  ])('%s', (_name, line, marker) => {
    const text = `#!/bin/sh\n${line}\n`;
    const result = lintPath('scripts/window.sh', text)!;
    const finding = findingsOf(result).find((i) => i.rule === 'MW042')!;
    expect(finding, line).toBeDefined();
    const column = line.lastIndexOf(marker) + 1;
    expect([finding.line, finding.column, finding.endColumn]).toEqual([2, column, column + marker.length]);
  });

  it('stays at the value where the word does not hold the string as it is: --cli-input-yaml', () => {
    const yaml = `aws ssm create-maintenance-window --cli-input-yaml 'Name: nightly\nDuration: 3\nCutoff: 1\nAllowUnassociatedTargets: false\nSchedule: cron(0 25 ? * SUN *)\n'`;
    const finding = findingsOf(lintPath('scripts/window.sh', `#!/bin/sh\n${yaml}\n`)!).find((i) => i.rule === 'MW042')!;
    expect([finding.line, finding.column, finding.endColumn]).toEqual([2, 53, undefined]);
  });

  it('check-cli names the word and the character of the field', async () => {
    const { checkCommandLine } = await import('../../../src/readers/aws-cli/check-command-line.js');
    const check = checkCommandLine(['aws', 'ssm', 'update-maintenance-window', '--window-id', 'mw-0123456789abcdef0', '--schedule', 'cron(0 2 ? * MON-FRI#2 *)']);
    expect(check.issues.filter((i) => i.span).map((i) => [i.code, i.at, i.span])).toEqual([['cron_value_syntax', { word: 6, offset: 13 }, { offset: 13, length: 9 }]]);
  });
});

describe('which files are command-line files', () => {
  const register = 'aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0\n';

  it('accepts scripts, Makefiles, YAML, documents and names without an extension, by name alone', () => {
    for (const file of ['a.sh', 'a.bash', 'run.bat', 'run.cmd', 'run.ps1', 'Makefile', 'GNUmakefile', 'rules.mk', 'ci.yml', '.gitlab-ci.yml', 'README.md', 'index.rst', 'bin/deploy']) {
      expect(awsCliReader.accepts!(file), file).toBe(true);
    }
    for (const file of ['a.json', 'main.tf', 'a.py', 'notes.txt', '.envrc', 'a.sh.orig']) expect(awsCliReader.accepts!(file), file).toBe(false);
  });

  it('reads a file without an extension only when its shebang names a POSIX shell', () => {
    expect(awsCliReader.detect('bin/deploy', `#!/usr/bin/env bash\n${register}`)).toBe(true);
    expect(awsCliReader.detect('bin/deploy', `#!/bin/sh -e\n${register}`)).toBe(true);
    expect(awsCliReader.detect('bin/deploy', `#!/usr/bin/env python3\n${register}`)).toBe(false);
    expect(awsCliReader.detect('bin/deploy', register)).toBe(false);
  });

  it('claims only files that name one of the two commands', () => {
    expect(awsCliReader.detect('a.sh', 'aws ssm describe-maintenance-windows\n')).toBe(false);
    expect(awsCliReader.detect('a.sh', register)).toBe(true);
  });

  it('reads a documentation block with prompts as a transcript: the prompted lines are commands, the rest output', () => {
    const doc = [
      '```',
      '$ ssm-mw-contracts lint deploy.sh',
      'deploy.sh:3:5: error MW003 --max-errors cannot be given (aws ssm register-task-with-maintenance-window)',
      '$ aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0 \\',
      '> --task-arn AWS-RestartEC2Instance --task-type AUTOMATION --max-errors 1',
      '{ "WindowTaskId": "x" }',
      '```',
      '',
    ].join('\n');
    const result = lintPath('docs/transcript.md', doc)!;
    expect(result.tasks).toHaveLength(1);
    expect(findingsOf(result).map((i) => [i.rule ?? i.code, i.line, i.column])).toEqual([
      ['MW011', 4, 3],
      ['MW003', 5, 60],
    ]);
  });

  it('reads a script with Windows line ends as the repository holds it', () => {
    const text = 'aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0 \\\r\n  --task-arn AWS-RestartEC2Instance --task-type AUTOMATION \\\r\n  --max-concurrency 1\r\n';
    const result = lintPath('scripts/crlf.sh', text)!;
    expect(findingsOf(result).map((i) => [i.rule ?? i.code, i.line, i.column])).toEqual([
      ['MW011', 1, 1],
      ['MW003', 3, 3],
    ]);
  });

  it('reports CI YAML that does not parse as a syntax error at its place', () => {
    const result = lintPath('.github/workflows/x.yml', `steps:\n  - run: ${register}  - run: [unclosed\n`)!;
    expect(result).toMatchObject({ reader: 'aws-cli', inputProblem: 'syntax', issues: [{ code: 'syntax_error', line: 4 }] });
  });

  it('reads a YAML file only when it has a key that holds commands', () => {
    expect(awsCliReader.detect('ci.yml', `steps:\n  - run: ${register}`)).toBe(true);
    expect(awsCliReader.detect('notes.yml', `text: ${register}`)).toBe(false);
  });

  it('leaves a CloudFormation template whose cfn-init runs the command to the CloudFormation reader', () => {
    expect(lintPath('test/fixtures/aws-cli/repo/templates/instance.yaml')!.reader).toBe('cloudformation');
  });

  it('leaves scripts and documents to this reader, though their text names template and payload members', () => {
    const script = `# AWSTemplateFormatVersion: "2010-09-09"\n# Resources: { T: { Type: AWS::SSM::MaintenanceWindowTask } }\naws ssm register-task-with-maintenance-window --cli-input-json '{"WindowId": "mw-0123456789abcdef0"}'\n`;
    expect(lintPath('scripts/x.sh', script)!.reader).toBe('aws-cli');
    const walked = lintPath('docs/x.md', '```yaml\nAWSTemplateFormatVersion: "2010-09-09"\nResources: {\n```\n', false);
    expect(walked).toBeUndefined();
  });
});

/** One line per finding: `line:column severity id path`, suppressed ones marked. */
function summary(result: FileResult): string[] {
  const line = (i: LintIssue) => `${i.line}:${i.column} ${i.severity} ${i.rule ?? i.code} ${displayPath(i.sourcePath ?? i.path) || '-'}${i.suppressed ? ` (suppressed by ${i.suppressed.by})` : ''}`;
  const all = [...findingsOf(result), ...result.suppressed, ...result.tasks.flatMap((t) => t.suppressed)];
  return all.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)).map(line);
}

const REPO = join(DIR, 'repo');

describe('a repository of command lines', () => {
  const cases: { file: string; tasks: number; findings: string[] }[] = [
    {
      file: 'scripts/register-patching.sh',
      // create-maintenance-window inside $(...), then two tasks and a describe.
      tasks: 4,
      findings: [
        '12:11 error pattern_mismatch --name',
        '18:32 error too_small --task-invocation-parameters RunCommand.TimeoutSeconds',
        '26:56 warning MW007 --targets[0].Values[1]',
        '32:33 error MW021 --filters[0].Values[0]',
      ],
    },
    {
      file: 'scripts/window-lifecycle.sh',
      tasks: 5,
      findings: [
        '9:25 error MW049 --cutoff',
        '17:51 error MW061 --target[1].Key',
        '21:1 error MW069 --targets',
        '23:22 info MW070 --replace',
        '27:33 warning MW074 --task-invocation-parameters RunCommand',
        '29:79 error MW045 --schedule',
        '31:70 error cli_refused -',
      ],
    },
    {
      file: '.github/workflows/patch-window.yml',
      tasks: 2,
      findings: [
        '10:30 error MW042 --schedule',
      ],
    },
    {
      file: 'scripts/suppressed.sh',
      tasks: 4,
      findings: [
        '8:3 error MW003 --max-concurrency (suppressed by MW003)',
        '10:1 info MW011 --service-role-arn (suppressed by MW011)',
        '12:3 error MW003 --max-errors (suppressed by MW003)',
        '16:1 info MW011 --service-role-arn',
        '19:27 warning unknown_suppression -',
        '19:32 warning unknown_suppression -',
        '20:1 info MW011 --service-role-arn',
        '21:71 error too_small --priority',
      ],
    },
    {
      file: 'scripts/files.sh',
      tasks: 4,
      findings: [
        '11:13 info not_checked -',
        '12:32 info not_checked -',
        '14:64 info not_checked -',
        '16:1 error MW002 --max-errors',
        '21:48 error cli_refused -',
      ],
    },
    {
      file: 'scripts/register.bat',
      tasks: 1,
      findings: [
        '4:1 info MW011 --service-role-arn (suppressed by MW011)',
      ],
    },
    {
      file: 'scripts/register.ps1',
      tasks: 0,
      findings: [
        '1:1 info not_checked -',
      ],
    },
    {
      file: 'bin/rotate-window',
      tasks: 1,
      findings: [
        '5:1 error MW002 --max-concurrency',
        '5:1 error MW002 --max-errors',
      ],
    },
    {
      file: 'Makefile',
      tasks: 3,
      findings: [
        '12:105 error invalid_type --task-invocation-parameters RunCommand.TimeoutSeconds',
        '18:50 error too_big --page-size',
      ],
    },
    {
      file: '.github/workflows/maintenance.yml',
      tasks: 3,
      findings: [
        '15:11 error MW002 --max-errors',
        '24:11 info MW011 --service-role-arn (suppressed by MW011)',
        '27:144 error MW020 --filters[0].Key',
        '38:59 error cli_refused -',
        '41:11 info not_checked -',
      ],
    },
    {
      file: '.gitlab-ci.yml',
      tasks: 1,
      findings: [
        '14:171 info not_checked -',
      ],
    },
    {
      file: 'docs/runbook.md',
      tasks: 3,
      findings: [
        '7:17 error pattern_mismatch --window-id',
        '18:6 info MW011 --service-role-arn',
        '19:17 error pattern_mismatch --window-id (suppressed by pattern_mismatch)',
      ],
    },
    {
      file: 'docs/runbook.rst',
      tasks: 2,
      findings: [
        '10:9 error MW003 --max-concurrency',
        '17:67 error too_small --page-size',
      ],
    },
  ];
  it.each(cases.map((c) => [c.file, c] as const))('%s', (file, c) => {
    const result = lintPath(join(REPO, file))!;
    expect(result.reader).toBe('aws-cli');
    expect(result.tasks).toHaveLength(c.tasks);
    expect(summary(result)).toEqual(c.findings);
  });

  it('reads every file of it that holds one of the two commands, and leaves the rest to the others or to no one', () => {
    const run = (file: string) => lintPath(join(REPO, file), undefined, false)?.reader ?? null;
    expect(run('templates/instance.yaml')).toBe('cloudformation');
    expect(run('scripts/task.yaml')).toBe('payload');
    expect(run('scripts/patch-parameters.json')).toBe(null);
  });

  it('says where a file:// file was looked for, and never reads outside the directory lint runs in', () => {
    const result = lintPath(join(REPO, 'scripts/files.sh'))!;
    const messages = result.issues.filter((i) => i.code === 'not_checked').map((i) => i.message);
    expect(messages).toEqual([
      "--targets was not checked: file://targets.json: test/fixtures/aws-cli/repo/scripts/targets.json does not exist in the linted tree; a script's file:// paths are read from its own directory.",
      "--task-invocation-parameters was not checked: file:///etc/ssm-mw-contracts/run-command.json: /etc/ssm-mw-contracts/run-command.json is outside the directory lint runs in, which is all it reads; a script's file:// paths are read from its own directory.",
      "This command line was not checked: --cli-input-json names a file that is not read (test/fixtures/aws-cli/repo/scripts/generated/task.json does not exist in the linted tree; a script's file:// paths are read from its own directory): any member may come from it.",
    ]);
    const read: string[] = [];
    const spy: ReaderContext = { cwd: join(ROOT, REPO, 'scripts'), readFile: (path) => (read.push(path), context.readFile(path)) };
    lintFile({ file: 'files.sh', text: readFileSync(join(ROOT, REPO, 'scripts/files.sh'), 'utf8') }, { context: spy });
    expect(read.length).toBeGreaterThan(0);
    expect(read.every((p) => p.startsWith(join(ROOT, REPO, 'scripts')))).toBe(true);
    const ci = lintFile({ file: '.github/workflows/x.yml', text: 'steps:\n  - run: aws ssm register-task-with-maintenance-window --cli-input-json file://task.json\n' }, { context: spy })!;
    expect(ci.issues[0]!.message).toContain(`task.json does not exist in the linted tree; CI YAML's file:// paths are read from the directory lint runs in`);
  });

  it('never fails on a file cut short or a line dropped', { timeout: 60_000 }, () => {
    const files = ['scripts/register-patching.sh', 'scripts/window-lifecycle.sh', '.github/workflows/patch-window.yml', 'scripts/suppressed.sh', 'scripts/files.sh', 'scripts/register.bat', 'Makefile', '.github/workflows/maintenance.yml', '.gitlab-ci.yml', 'docs/runbook.md', 'docs/runbook.rst'];
    for (const file of files) {
      const lines = readFileSync(join(ROOT, REPO, file), 'utf8').split('\n');
      for (let k = 0; k < lines.length; k++) {
        for (const text of [lines.slice(0, k).join('\n'), [...lines.slice(0, k), ...lines.slice(k + 1)].join('\n'), lines.join('\n').slice(0, lines.slice(0, k).join('\n').length + 7)]) {
          const result = lintPath(join(REPO, file), text);
          // A reader that throws makes the file `unreadable`; YAML cut short may be a syntax error, with its place.
          expect(result?.inputProblem, `${file} at line ${k + 1}`).not.toBe('unreadable');
          if (result?.inputProblem === 'syntax') expect(result.issues[0]).toMatchObject({ code: 'syntax_error', line: expect.any(Number) });
        }
      }
    }
  });
});

describe('CI YAML within the limits', () => {
  it('refuses a workflow nested deeper than --max-depth, as it refuses any YAML', () => {
    const text = 'jobs:\n  a:\n    steps:\n      - run: aws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0 --task-arn AWS-RunPatchBaseline --task-type RUN_COMMAND\n';
    const file = '.github/workflows/deep.yml';
    const within = lintFile({ file, text, explicit: true }, { context: { ...context, limits: { maxDepth: 3 } } })!;
    expect(within.issues.map((i) => [i.code, i.line])).toEqual([['syntax_error', 4]]);
    expect(within.tasks).toEqual([]);
    const defaults = lintFile({ file, text, explicit: true }, { context })!;
    expect(defaults.tasks).toHaveLength(1);
  });
});
