import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Hostile files: what a pull request can put in a repository to make a checker crash, hang, run
 * out of memory or pass what it could not read. Each is written into a directory beside a valid
 * payload and one with an error, so that a run also shows the other files are still checked.
 * test/hostile.test.ts runs them through `validate` and `lint`; bench/hostile.ts measures each
 * one's time and memory in a process of its own.
 */

export interface HostileFile {
  /** The file (or link, or pipe) the case is about, relative to the directory. */
  file: string;
  what: string;
  build(dir: string): void;
  /** Extra options for both commands. */
  options?: string[];
  /** Exit status of `validate FILE good.json bad.json` and of `lint FILE good.json bad.json`. */
  exit: { validate: 0 | 1 | 2; lint: 0 | 1 | 2 };
  /** What each command must say about the file: the code, and the line and column when it has them. */
  expect: { validate: Expected; lint: Expected };
  /** Skipped where it cannot be built (a file the owner cannot read, when the tests run as root). */
  skip?: string;
}

export interface Expected {
  code: string;
  line?: number;
  column?: number;
  /** Words the message (or the one-line error) must contain. */
  says: RegExp;
}

export const GOOD = 'good.json';
export const BAD = 'bad.json';
/** What bad.json's error is, so that every run can show it was checked. */
export const BAD_FINDING = 'MW001';

const W = 'mw-0123456789abcdef0';
const valid = { WindowId: W, TaskArn: 'AWS-RunShellScript', ServiceRoleArn: 'arn:aws:iam::123456789012:role/MaintenanceWindowRole', TaskType: 'RUN_COMMAND', Targets: [{ Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] }], MaxConcurrency: '1', MaxErrors: '1' };
const { Targets: _t, MaxConcurrency: _c, MaxErrors: _e, ...targetless } = valid;

const write = (dir: string, file: string, text: string | Uint8Array) => writeFileSync(join(dir, file), text);

/** The payload `valid` as YAML, one member a line, with `extra` lines after WindowId. */
function yamlPayload(extra = ''): string {
  return `WindowId: ${W}\n${extra}TaskArn: AWS-RunShellScript\nServiceRoleArn: arn:aws:iam::123456789012:role/MaintenanceWindowRole\nTaskType: RUN_COMMAND\nTargets:\n  - Key: InstanceIds\n    Values: [i-0123456789abcdef0]\nMaxConcurrency: "1"\nMaxErrors: "1"\n`;
}

/** A payload with one error, Priority -1 on line 3, column 13 in both its JSON and YAML forms: where findings are placed is checked against it. */
const LOCATED_JSON = `{\n  "WindowId": "${W}",\n  "Priority": -1,\n  "TaskArn": "AWS-RunShellScript",\n  "TaskType": "AUTOMATION"\n}\n`;
const LOCATED_YAML = `WindowId: ${W}\nTaskArn: AWS-RunShellScript\nPriority:   -1\nTaskType: AUTOMATION\n`;
const PRIORITY = { code: 'too_small', line: 3, column: 15 };
const PRIORITY_YAML = { code: 'too_small', line: 3, column: 13 };

/**
 * Windows W0..Wn-1, each with a target Ti and a task Ki that names T(i+1): every task breaks MW080, and
 * the rules across resources must look resources up, not scan them, for each reference.
 */
const ACROSS = (() => {
  const n = 1_000;
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];
  let line = 0;
  for (let i = 0; i < n; i++) {
    lines.push(`  W${i}:`, '    Type: AWS::SSM::MaintenanceWindow', `    Properties: { Name: window-${i}, Schedule: 'cron(0 2 ? * SUN *)', Duration: 3, Cutoff: 1, AllowUnassociatedTargets: false }`);
    lines.push(`  T${i}:`, '    Type: AWS::SSM::MaintenanceWindowTarget', `    Properties: { WindowId: !Ref W${i}, ResourceType: INSTANCE, Targets: [{ Key: 'tag:Patch', Values: [w${i}] }] }`);
    lines.push(`  K${i}:`, '    Type: AWS::SSM::MaintenanceWindowTask', '    Properties:', `      WindowId: !Ref W${i}`, '      TaskArn: AWS-RunPatchBaseline', '      TaskType: RUN_COMMAND', '      Priority: 1');
    lines.push('      MaxConcurrency: "1"', '      MaxErrors: "0"', '      ServiceRoleArn: arn:aws:iam::123456789012:role/MaintenanceWindowRole');
    lines.push(`      Targets: [{ Key: WindowTargetIds, Values: [!Ref T${(i + 1) % n}] }]`);
    if (i === 0) line = lines.length;
  }
  return { n, text: lines.join('\n') + '\n', line, column: '      Targets: [{ Key: WindowTargetIds, Values: [!Ref '.length + 1 };
})();

const BOMB = `WindowId: ${W}
TaskArn: AWS-RunShellScript
TaskType: AUTOMATION
Description: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
Name: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
ClientToken: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
TaskParameters: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
ServiceRoleArn: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
CutoffBehavior: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
TaskArnX: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
TaskTypeX: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
TaskInvocationParameters: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

const TEMPLATE_DUPLICATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::SSM::MaintenanceWindowTask
    Properties:
      WindowId: ${W}
      TaskArn: AWS-RunShellScript
      ServiceRoleArn: arn:aws:iam::123456789012:role/MaintenanceWindowRole
      TaskType: RUN_COMMAND
      Priority: 1
      Targets: [{ Key: InstanceIds, Values: [i-0123456789abcdef0] }]
      MaxConcurrency: "1"
      MaxErrors: "1"
      Priority: 2
`;

const MB = 1024 * 1024;

/** 9,000 parameters of three values each (under validate()'s 10,000), then Priority -1 at the very end. */
const ONE_LINE = JSON.stringify({
  ...targetless,
  TaskType: 'AUTOMATION',
  TaskParameters: Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`p${i}`, { Values: ['v'.repeat(180), 'w'.repeat(180), 'x'.repeat(180)] }])),
  Priority: -1,
});

/*
 * Command-line files (issue 14 items 2 and 4): shapes that made the AWS CLI reader super-linear or
 * overflow the stack, each a function of its size, so that test/inputs/aws-cli/linear.test.ts can
 * hold its time at 4N to a bound relative to N, test/properties/ can draw sizes, and HOSTILE holds one
 * size of each (the sizes of the issue where they fit the per-file time bound on a busy machine).
 */

const REGISTER = 'aws ssm register-task-with-maintenance-window';
/** A command line with one error (Priority -1) and nothing else to say but MW011. */
const CLI_LINE = `${REGISTER} --window-id ${W} --task-arn AWS-RunShellScript --task-type RUN_COMMAND --priority -1 --max-concurrency 1 --max-errors 1 --targets Key=InstanceIds,Values=i-0123456789abcdef0`;
/** The command line's prefix that fixes what the rest of a shape adds to. */
const CLI_HEAD = `${REGISTER} --window-id ${W} --task-arn AWS-RunShellScript --task-type AUTOMATION`;

const CREATE_WINDOW = 'aws ssm create-maintenance-window --name nightly --duration 3 --cutoff 1 --no-allow-unassociated-targets';
const UPDATE_WINDOW = `aws ssm update-maintenance-window --window-id ${W}`;
const REGISTER_TARGET = `aws ssm register-target-with-maintenance-window --window-id ${W} --resource-type INSTANCE`;

export interface CommandLineShape {
  /** The file's name: its extension says which finder reads it. */
  file: string;
  what: string;
  /** The text of size n (n lines, words, levels...: what the shape repeats). */
  build(n: number): string;
}

export const COMMAND_LINE_SHAPES = {
  lines: { file: 'many-lines.sh', what: 'command lines in one script', build: (n: number) => `#!/bin/sh\n${`${CLI_LINE}\n`.repeat(n)}` },
  priority: { file: 'priority.sh', what: 'one command line repeating --priority -1', build: (n: number) => `${CLI_HEAD}${' --priority -1'.repeat(n)}\n` },
  semicolons: { file: 'semicolons.sh', what: 'command lines joined by ; on one line', build: (n: number) => `${Array(n).fill(CLI_LINE).join(' ; ')}\n` },
  oneWord: { file: 'one-word.sh', what: 'a one-word line', build: (n: number) => `# ${REGISTER}\n${'x'.repeat(n)}\n` },
  longWord: { file: 'long-word.sh', what: 'a command line with a one-word value', build: (n: number) => `${CLI_HEAD} --description ${'x'.repeat(n)}\n` },
  words: { file: 'many-words.sh', what: 'one command line of many words', build: (n: number) => `${CLI_HEAD}${' word'.repeat(n)}\n` },
  targets: { file: 'many-targets.sh', what: 'one command line of many targets', build: (n: number) => `${CLI_HEAD} --targets${' Key=InstanceIds,Values=i-0123456789abcdef0'.repeat(n)}\n` },
  substitutions: { file: 'substitutions.sh', what: 'a value of $( nested', build: (n: number) => `${CLI_HEAD} --description ${'$('.repeat(n)}echo ${REGISTER}${')'.repeat(n)}\n` },
  expansions: { file: 'expansions.sh', what: 'a value of ${a:- nested', build: (n: number) => `${CLI_HEAD} --priority -1 --description ${'${a:-'.repeat(n)}x${'}'.repeat(n)}\n` },
  shorthand: { file: 'shorthand.sh', what: 'shorthand [ nested', build: (n: number) => `${CLI_HEAD} --task-invocation-parameters 'Automation={Parameters={a=${'['.repeat(n)}${']'.repeat(n)}}}'\n` },
  json: { file: 'json.sh', what: 'a JSON value [ nested', build: (n: number) => `${CLI_HEAD} --targets '${'['.repeat(n)}${']'.repeat(n)}'\n` },
  shorthandKeys: { file: 'shorthand-keys.sh', what: 'one shorthand value of many keys', build: (n: number) => `${CLI_HEAD} --task-invocation-parameters 'Automation={Parameters={${Array.from({ length: n }, (_, i) => `k${i}=[v]`).join(',')}}}'\n` },
  suppressions: { file: 'suppressions.sh', what: 'suppression comments above command lines joined by ;', build: (n: number) => `${'# ssm-mw-contracts:ignore MW011 -- reviewed\n'.repeat(n)}${Array(n).fill(CLI_LINE).join(' ; ')}\n` },
  backticks: { file: 'backticks.sh', what: 'command lines whose backticks hold a quote left open', build: (n: number) => `${CLI_LINE} --description \`"\`\n`.repeat(n) },
  heredocs: { file: 'heredocs.sh', what: 'here-documents that hold command lines', build: (n: number) => `cat <<EOF\n${CLI_LINE}\nEOF\n`.repeat(n) },
  unterminated: { file: 'unterminated.sh', what: 'a quote left open on the first line, then command lines', build: (n: number) => `echo "unterminated\n${`${CLI_LINE}\n`.repeat(n)}` },
  ciYaml: { file: 'ci.yml', what: 'CI steps whose run: is a folded block', build: (n: number) => `steps:\n${`  - run: >-\n      ${CLI_LINE.replaceAll(' --', '\n      --')}\n`.repeat(n)}` },
  markdown: { file: 'quoted.md', what: 'a fence inside a blockquote, of many lines', build: (n: number) => `> \`\`\`sh\n${`> ${CLI_LINE}\n`.repeat(n)}> \`\`\`\n` },
  makefile: { file: 'Makefile', what: 'recipe lines with make variables', build: (n: number) => `all:\n${`\t${CLI_LINE} --description $(X)$$Y\n`.repeat(n)}` },
  cmd: { file: 'many.cmd', what: 'batch command lines continued with ^', build: (n: number) => `${CLI_LINE} ^\n  --description %X%\n`.repeat(n) },
  cmdWord: { file: 'one-word.cmd', what: 'a one-word batch line', build: (n: number) => `REM ${REGISTER}\n${'x'.repeat(n)}\n` },
  powershell: { file: 'continued.ps1', what: 'PowerShell lines each continued onto the next', build: (n: number) => `${`${CLI_LINE} \`\n`.repeat(n)}\n` },
  rst: { file: 'literal.rst', what: 'a reStructuredText literal block of many lines', build: (n: number) => `Example::\n\n${`    ${CLI_LINE}\n`.repeat(n)}` },
  // Issue 16's commands: flag pairs, window tags, window targets, a schedule of many items.
  flags: { file: 'flags.sh', what: 'one window update repeating --enabled --no-enabled', build: (n: number) => `${UPDATE_WINDOW}${' --enabled --no-enabled'.repeat(n)} --duration 0\n` },
  windowTags: { file: 'window-tags.sh', what: 'one window of many tags', build: (n: number) => `${CREATE_WINDOW} --tags${' Key=Team,Value=ops'.repeat(n)}\n` },
  windowTargets: { file: 'window-targets.sh', what: 'one target registration of many targets', build: (n: number) => `${REGISTER_TARGET} --targets${' Key=tag:Role,Values=Web'.repeat(n)}\n` },
  scheduleItems: { file: 'schedule-items.sh', what: 'a schedule whose minutes field lists many items', build: (n: number) => `${CREATE_WINDOW} --schedule 'cron(${Array.from({ length: n }, (_, i) => i % 60).join(',')} 2 ? * SUN *)'\n` },
} as const satisfies Record<string, CommandLineShape>;

/** Where `needle` is written in the one-line text `line`, as a 1-based column (the last occurrence when asked). */
const columnOf = (line: string, needle: string, last = false) => (last ? line.lastIndexOf(needle) : line.indexOf(needle)) + 1;

/** What a payload reader says of a script: it is not a payload. */
const NOT_A_PAYLOAD: Expected = { code: 'unrecognized_payload', says: /not a JSON object/ };

/** The command-line shapes at the sizes of issue 14 (lines and semicolons at a size that keeps a file within the time bound on a busy machine). */
function commandLineCases(): HostileFile[] {
  const shape = (name: keyof typeof COMMAND_LINE_SHAPES, n: number, lint: Expected, options: { exit?: 0 | 1 | 2; validate?: Expected; size?: string } = {}): HostileFile => {
    const s = COMMAND_LINE_SHAPES[name];
    return {
      file: s.file,
      what: `${options.size ?? n.toLocaleString('en-US')} ${s.what}`,
      build: (dir) => write(dir, s.file, s.build(n)),
      exit: { validate: 2, lint: options.exit ?? 1 },
      expect: { validate: options.validate ?? NOT_A_PAYLOAD, lint },
    };
  };
  const priority = (line: string, last = false): Expected => ({ code: 'too_small', line: 1, column: columnOf(line, '--priority -1', last) + 11, says: /--priority is -1; the minimum is 0/ });
  const deeper = /nested deeper than 128 levels/;
  return [
    shape('lines', 1_000, { ...priority(CLI_LINE), line: 2 }),
    shape('priority', 20_000, priority(COMMAND_LINE_SHAPES.priority.build(20_000), true)),
    shape('semicolons', 1_000, { ...priority(CLI_LINE), says: /--priority is -1/ }),
    shape('longWord', 15_000_000, { code: 'too_long', line: 1, column: CLI_HEAD.length + 16, says: /--description is 15000000 characters long/ }, { size: '15 MB:' }),
    // argparse's `help` positional takes the first word: the refusal is at the second.
    shape('words', 130_000, { code: 'cli_refused', line: 1, column: CLI_HEAD.length + 7, says: /refuses this command line \(exit status 252\): Unknown options: word, word/ }),
    shape('substitutions', 50_000, { code: 'not_checked', line: 1, column: CLI_HEAD.length + 16 + 2 * 128, says: deeper }),
    shape('expansions', 50_000, priority(CLI_HEAD + ' --priority -1')),
    shape('shorthand', 100_000, { code: 'not_checked', line: 1, says: deeper }),
    shape('unterminated', 3, { code: 'syntax_error', line: 1, column: 6, says: /unterminated double quote \(bash -n: unexpected EOF while looking for matching `"'\)/ }, { exit: 2, size: 'three command lines after' }),
    shape('markdown', 3, { ...priority(`> ${CLI_LINE}`), line: 2 }, { validate: { code: 'syntax_error', line: 1, column: 3, says: /Not a YAML token/ }, size: 'three command lines in' }),
    shape('flags', 100_000, { code: 'too_small', line: 1, column: columnOf(COMMAND_LINE_SHAPES.flags.build(100_000), '--duration 0') + 11, says: /--duration is 0; the minimum is 1/ }),
    shape('scheduleItems', 100_000, { code: 'too_long', line: 1, column: CREATE_WINDOW.length + 14, says: /--schedule is 283347 characters long; the maximum is 256/ }),
  ];
}

/*
 * Terraform files (issue 14 item 5): a resource whose description nests n levels deep in one way
 * (or whose body nests n blocks), then a resource whose one error, priority -1, shows that the rest
 * of the file is still read. Chains of `+`, `[0]` and `.a` overflowed the stack from 3,000.
 */

export interface TerraformShape {
  file: string;
  what: string;
  /** The file, nesting n levels deep. */
  build(n: number): string;
  /** The least n that nests deeper than `limit` levels, the resource block counting as one: where the syntax error starts. */
  deeper(limit: number): number;
}

/** The resource after the deep one: its priority -1 is on the file's line `TF_PRIORITY.line` counted from the end. */
const TF_AFTER = `\nresource "aws_ssm_maintenance_window_task" "after" {\n  window_id = "${W}"\n  task_arn  = "AWS-RunShellScript"\n  task_type = "AUTOMATION"\n  priority  = -1\n}\n`;

/** Where `priority  = -1` of the resource after the deep one is: its line in `text`, and its value's column. */
export function tfPriorityAt(text: string): { line: number; column: number } {
  return { line: text.slice(0, text.lastIndexOf('  priority  = -1')).split('\n').length, column: 15 };
}

/** The deep resource with `expr` as its description, on line 3 from column 17, then the resource after it. */
const tfWithDescription = (expr: string) => `resource "aws_ssm_maintenance_window_task" "deep" {\n  window_id   = "${W}"\n  description = ${expr}\n}\n${TF_AFTER}`;

export const TERRAFORM_SHAPES = {
  plus: { file: 'plus.tf', what: 'a chain of + operators', build: (n: number) => tfWithDescription(Array(n).fill('1').join(' + ')), deeper: (d: number) => d },
  index: { file: 'index.tf', what: 'a chain of [0] indexes', build: (n: number) => tfWithDescription(`var.x${'[0]'.repeat(n)}`), deeper: (d: number) => Math.max(1, d - 2) },
  attr: { file: 'attr.tf', what: 'a chain of .a attribute steps', build: (n: number) => tfWithDescription(`var.x${'.a'.repeat(n)}`), deeper: (d: number) => Math.max(1, d - 2) },
  paren: { file: 'paren.tf', what: 'parentheses nested', build: (n: number) => tfWithDescription(`${'('.repeat(n)}1${')'.repeat(n)}`), deeper: (d: number) => d - 1 },
  tuple: { file: 'tuple.tf', what: 'tuples nested', build: (n: number) => tfWithDescription(`${'['.repeat(n)}1${']'.repeat(n)}`), deeper: (d: number) => d - 1 },
  object: { file: 'object.tf', what: 'objects nested', build: (n: number) => tfWithDescription(`${'{a = '.repeat(n)}1${' }'.repeat(n)}`), deeper: (d: number) => d - 1 },
  call: { file: 'call.tf', what: 'function calls nested', build: (n: number) => tfWithDescription(`${'max('.repeat(n)}1${')'.repeat(n)}`), deeper: (d: number) => d - 1 },
  not: { file: 'not.tf', what: 'a chain of ! operators', build: (n: number) => tfWithDescription(`${'!'.repeat(n)}true`), deeper: (d: number) => d - 1 },
  // A template and its interpolation are a level each.
  template: { file: 'template.tf', what: 'templates nested in interpolations', build: (n: number) => tfWithDescription(`${'"${'.repeat(n)}1${'}"'.repeat(n)}`), deeper: (d: number) => Math.max(1, Math.floor(d / 2)) },
  // Each condition, var.a, is two levels below its conditional.
  conditional: { file: 'conditional.tf', what: 'conditionals nested in their false branch', build: (n: number) => tfWithDescription(`${'var.a ? 1 : '.repeat(n)}1`), deeper: (d: number) => Math.max(1, d - 2) },
  blocks: {
    file: 'blocks.tf',
    what: 'blocks nested',
    build: (n: number) => `resource "aws_ssm_maintenance_window_task" "deep" {\n  window_id = "${W}"\n${'a {\n'.repeat(n)}${'}\n'.repeat(n)}}\n${TF_AFTER}`,
    deeper: (d: number) => d,
  },
} as const satisfies Record<string, TerraformShape>;

/** What lint says of a Terraform shape past the default --max-depth: a syntax error at the place that goes too deep. */
const tfDeeper = (line: number, column: number, limit = 128): Expected => ({
  code: 'syntax_error',
  line,
  column,
  says: new RegExp(`Nesting too deep: blocks and expressions nest deeper than ${limit} levels here .*; ${limit === 128 ? 'raise --max-depth' : 'this reader reads no deeper, whatever --max-depth says'}`),
});

function terraformCases(): HostileFile[] {
  const shape = (name: keyof typeof TERRAFORM_SHAPES, n: number, lint: Expected, options?: string[]): HostileFile => {
    const s = TERRAFORM_SHAPES[name];
    return {
      file: s.file,
      what: `${s.what}, ${n.toLocaleString('en-US')} deep${options ? ` (${options.join(' ')})` : ''}`,
      build: (dir) => write(dir, s.file, s.build(n)),
      ...(options ? { options } : {}),
      exit: { validate: 2, lint: 2 },
      expect: { validate: NOT_A_PAYLOAD, lint },
    };
  };
  // The description starts at line 3, column 17; 128 levels are the resource block and 127 in it.
  return [
    shape('plus', 3_000, tfDeeper(3, 17)),
    shape('index', 3_000, tfDeeper(3, 17)),
    shape('attr', 3_000, tfDeeper(3, 17)),
    shape('paren', 100_000, tfDeeper(3, 17 + 127)),
    shape('tuple', 100_000, tfDeeper(3, 17 + 127)),
    shape('object', 100_000, tfDeeper(3, 17 + 5 * 126 + 1)),
    shape('blocks', 100_000, tfDeeper(3 + 127, 3)),
    // Past this reader's own limit, --max-depth does not help, and the finding says so.
    shape('tuple', 100_000, tfDeeper(3, 17 + 399, 400), ['--max-depth', '5000']),
  ];
}

/** A template and where its last task writes MaxConcurrency (line and column of the key), which a targetless task must not. */
interface TemplateWithError {
  text: string;
  line: number;
  column: number;
}

/**
 * Issue 14, item 1: `tasks` tasks whose MaxConcurrency, MaxErrors and Description refer to 4
 * parameters of 8 AllowedValues each (4,096 combinations a task; 2,300 tasks are about 1 MB). The
 * last task is targetless, so that its MaxConcurrency (MW003 in every variant) shows the file's
 * last task is still checked.
 */
export function variantsTemplate(tasks: number): TemplateWithError {
  const values = (make: (i: number) => string) => Array.from({ length: 8 }, (_, i) => JSON.stringify(make(i)));
  const parameters = { Concurrency: values((i) => `${i + 1}`), Errors: values((i) => `${i}`), Team: values((i) => `team${i}`), Env: values((i) => `env${i}`) };
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:'];
  for (const [name, allowed] of Object.entries(parameters)) lines.push(`  ${name}:`, '    Type: String', `    Default: ${allowed[0]}`, `    AllowedValues: [${allowed.join(', ')}]`);
  lines.push('Resources:');
  let line = 0;
  for (let i = 0; i < tasks; i++) {
    const targeted = i < tasks - 1;
    lines.push(
      `  Task${i}:`,
      '    Type: AWS::SSM::MaintenanceWindowTask',
      '    Properties:',
      `      WindowId: ${W}`,
      '      TaskArn: AWS-RunShellScript',
      '      ServiceRoleArn: arn:aws:iam::123456789012:role/MaintenanceWindowRole',
      `      TaskType: ${targeted ? 'RUN_COMMAND' : 'AUTOMATION'}`,
      '      Priority: 1',
      ...(targeted ? ['      Targets: [{ Key: InstanceIds, Values: [i-0123456789abcdef0] }]'] : []),
    );
    line = lines.length + 1;
    lines.push('      MaxConcurrency: !Ref Concurrency', '      MaxErrors: !Ref Errors', '      Description: !Sub "${Team}-${Env}"');
  }
  return { text: lines.join('\n') + '\n', line, column: 7 };
}

/**
 * 2,000 tasks whose TaskParameters each take the same 500-entry mapping with Fn::FindInMap: each
 * task's one variant resolves the whole mapping again, a file of 200 KB asking for a million values.
 */
function mappingTemplate(tasks: number): TemplateWithError {
  const entries = Array.from({ length: 500 }, (_, i) => `        p${i}: { Values: [v${i}] }`);
  const lines = ['AWSTemplateFormatVersion: "2010-09-09"', 'Mappings:', '  Big:', '    All:', '      Params:', ...entries, 'Resources:'];
  let line = 0;
  for (let i = 0; i < tasks; i++) {
    lines.push(`  Task${i}:`, '    Type: AWS::SSM::MaintenanceWindowTask', '    Properties:', `      WindowId: ${W}`, '      TaskArn: AWS-RunShellScript', '      TaskType: AUTOMATION', '      Priority: 1');
    line = lines.length + 1;
    lines.push('      MaxConcurrency: "1"', '      TaskParameters: !FindInMap [Big, All, Params]');
  }
  return { text: lines.join('\n') + '\n', line, column: 7 };
}

/** 1,000 tasks (435 KB), which took 68 s and 3.3 GB (2,300, 1 MB: out of memory after 187 s); `npx tsx bench/hostile.ts` and docs/limits.md measure the 2,300. */
const VARIANTS = variantsTemplate(1000);
/** validate and lint say the same of a payload's unknown tag. */
const UNKNOWN_TAG: Expected = { code: 'yaml_unknown_tag', line: 2, column: 7, says: /Name is tagged !Include, a YAML tag the AWS CLI cannot read/ };
const MAPPING = mappingTemplate(2000);

export const HOSTILE: readonly HostileFile[] = [
  {
    file: 'bomb.yaml',
    what: 'a YAML alias bomb ("billion laughs": nine levels of nine aliases, 387 million nodes once expanded)',
    build: (dir) => write(dir, 'bomb.yaml', BOMB),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'syntax_error', line: 5, column: 11, says: /aliases .* expand more than 100 times/ },
      lint: { code: 'syntax_error', line: 5, column: 11, says: /aliases .* expand more than 100 times/ },
    },
  },
  {
    file: 'fifty.json',
    what: 'a 50 MB payload (a valid one, with a 50 MB Description)',
    build: (dir) => write(dir, 'fifty.json', JSON.stringify({ ...valid, Description: 'x'.repeat(50 * MB) })),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', says: /larger than the 16 MiB limit \(50 MiB\); raise --max-file-size/ },
      lint: { code: 'unreadable', says: /larger than the 16 MiB limit \(50 MiB\); raise --max-file-size/ },
    },
  },
  {
    file: 'fifty.json',
    what: 'the same 50 MB payload, read with --max-file-size 64MB',
    build: (dir) => write(dir, 'fifty.json', JSON.stringify({ ...valid, Description: 'x'.repeat(50 * MB) })),
    options: ['--max-file-size', '64MB'],
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'too_long', line: 1, says: /Description is 52428800 characters long; the maximum is 128/ },
      lint: { code: 'too_long', line: 1, says: /Description is 52428800 characters long; the maximum is 128/ },
    },
  },
  {
    file: 'across.yaml',
    what: `a template of ${ACROSS.n.toLocaleString('en-US')} windows, targets and tasks each, every task naming the next window's target`,
    build: (dir) => write(dir, 'across.yaml', ACROSS.text),
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unrecognized_payload', says: /None of its members belongs/ },
      lint: { code: 'MW080', line: ACROSS.line, column: ACROSS.column, says: /a target registered with W1; this task is registered with W0/ },
    },
  },
  {
    file: 'deep.json',
    what: 'JSON nested 100,000 levels deep',
    build: (dir) => write(dir, 'deep.json', `{"WindowId": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'syntax_error', line: 1, column: 141, says: /nesting deeper than 128 levels/ },
      lint: { code: 'syntax_error', line: 1, column: 141, says: /nesting deeper than 128 levels/ },
    },
  },
  {
    file: 'deep.yaml',
    what: 'YAML nested 100,000 levels deep (flow sequences)',
    build: (dir) => write(dir, 'deep.yaml', `WindowId: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'syntax_error', line: 1, column: 138, says: /nesting deeper than 128 levels/ },
      lint: { code: 'syntax_error', line: 1, column: 138, says: /nesting deeper than 128 levels/ },
    },
  },
  {
    file: 'deep-block.yaml',
    what: 'YAML nested 100,000 levels deep (block sequences, "- - - ...")',
    build: (dir) => write(dir, 'deep-block.yaml', `WindowId:\n  ${'- '.repeat(100_000)}x\n`),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'syntax_error', line: 2, column: 257, says: /nesting deeper than 128 levels/ },
      lint: { code: 'syntax_error', line: 2, column: 257, says: /nesting deeper than 128 levels/ },
    },
  },
  {
    file: 'duplicate.json',
    what: 'a JSON payload that gives WindowId twice',
    build: (dir) => write(dir, 'duplicate.json', JSON.stringify(valid, null, 2).replace(`"WindowId": "${W}",`, `"WindowId": "mw-11111111111111111",\n  "WindowId": "${W}",`)),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'duplicate_key', line: 3, column: 3, says: /WindowId is given twice, at line 2, column 3 and at line 3, column 3: AWS uses the last value/ },
      lint: { code: 'duplicate_key', line: 3, column: 3, says: /WindowId is given twice, at line 2, column 3 and at line 3, column 3: AWS uses the last value/ },
    },
  },
  {
    file: 'duplicate.yaml',
    what: 'a YAML payload that gives WindowId twice',
    build: (dir) => write(dir, 'duplicate.yaml', yamlPayload(`WindowId: mw-11111111111111111\n`)),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'duplicate_yaml_key', line: 2, column: 1, says: /YAML requires the keys of a mapping to be unique, and the AWS CLI refuses the file/ },
      lint: { code: 'duplicate_yaml_key', line: 2, column: 1, says: /YAML requires the keys of a mapping to be unique, and the AWS CLI refuses the file/ },
    },
  },
  {
    file: 'duplicate-template.yaml',
    what: 'a CloudFormation template whose task gives Priority twice (lint only; validate reads it as a payload it cannot place)',
    build: (dir) => write(dir, 'duplicate-template.yaml', TEMPLATE_DUPLICATE),
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unrecognized_payload', says: /None of its members belongs/ },
      lint: { code: 'duplicate_key', line: 14, column: 7, says: /Resources\.Task\.Properties\.Priority is given twice, at line 10, column 7 and at line 14, column 7: CloudFormation uses the last value/ },
    },
  },
  {
    file: 'proto.json',
    what: 'a payload with __proto__, constructor and prototype members (at the top and in TaskInvocationParameters)',
    build: (dir) =>
      write(dir, 'proto.json', `{"__proto__": {"polluted": true, "TaskType": "LAMBDA"}, "constructor": {"prototype": {"polluted": true}}, "prototype": 1, ${JSON.stringify(valid).slice(1, -1)}, "TaskInvocationParameters": {"__proto__": {"RunCommand": {}}}}`),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'unknown_member', line: 1, column: 2, says: /__proto__/ },
      lint: { code: 'unknown_member', line: 1, column: 2, says: /__proto__/ },
    },
  },
  {
    file: 'proto.yaml',
    what: 'the same in YAML',
    build: (dir) => write(dir, 'proto.yaml', `__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\nprototype: 1\n${yamlPayload()}`),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'unknown_member', line: 1, column: 1, says: /__proto__/ },
      lint: { code: 'unknown_member', line: 1, column: 1, says: /__proto__/ },
    },
  },
  {
    file: 'bom.json',
    what: 'a JSON payload that starts with a UTF-8 byte order mark (its error on line 3 must stay at its column)',
    build: (dir) => write(dir, 'bom.json', `\uFEFF${LOCATED_JSON}`),
    exit: { validate: 1, lint: 1 },
    expect: { validate: { ...PRIORITY, says: /Priority/ }, lint: { ...PRIORITY, says: /Priority/ } },
  },
  {
    file: 'bom.yaml',
    what: 'a YAML payload that starts with a byte order mark and a block sequence (which the yaml package alone misreads)',
    build: (dir) => write(dir, 'bom.yaml', `\uFEFFWindowId: ${W}\nTaskArn: AWS-RunShellScript\nPriority:   -1\nTaskType: AUTOMATION\nTaskParameters:\n  p: {Values: [a]}\n`),
    exit: { validate: 1, lint: 1 },
    expect: { validate: { ...PRIORITY_YAML, says: /Priority/ }, lint: { ...PRIORITY_YAML, says: /Priority/ } },
  },
  {
    file: 'crlf.json',
    what: 'a JSON payload with CRLF line endings (positions as with LF)',
    build: (dir) => write(dir, 'crlf.json', LOCATED_JSON.replace(/\n/g, '\r\n')),
    exit: { validate: 1, lint: 1 },
    expect: { validate: { ...PRIORITY, says: /Priority/ }, lint: { ...PRIORITY, says: /Priority/ } },
  },
  {
    file: 'crlf.yaml',
    what: 'a YAML payload with CRLF line endings',
    build: (dir) => write(dir, 'crlf.yaml', LOCATED_YAML.replace(/\n/g, '\r\n')),
    exit: { validate: 1, lint: 1 },
    expect: { validate: { ...PRIORITY_YAML, says: /Priority/ }, lint: { ...PRIORITY_YAML, says: /Priority/ } },
  },
  {
    file: 'latin1.json',
    what: 'a payload saved as Latin-1 (é is byte 0xE9, which is not UTF-8)',
    build: (dir) => write(dir, 'latin1.json', Buffer.from(`{\n  "WindowId": "${W}",\n  "Description": "caf\u00e9",\n  "TaskArn": "x",\n  "TaskType": "AUTOMATION"\n}\n`, 'latin1')),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', line: 3, column: 22, says: /not UTF-8 text: byte 0xE9 at byte offset 61/ },
      lint: { code: 'unreadable', line: 3, column: 22, says: /not UTF-8 text: byte 0xE9 at byte offset 61/ },
    },
  },
  {
    file: 'image.json',
    what: 'a binary file (a PNG header and zeros) named .json',
    build: (dir) => write(dir, 'image.json', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)])),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', line: 3, column: 1, says: /not a text file: a NUL byte at byte offset 8/ },
      lint: { code: 'unreadable', line: 3, column: 1, says: /not a text file: a NUL byte at byte offset 8/ },
    },
  },
  {
    file: 'nul.yaml',
    what: 'a YAML payload with a NUL byte in a value',
    build: (dir) => write(dir, 'nul.yaml', yamlPayload(`Description: "a\u0000b"\n`)),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', line: 2, column: 16, says: /a NUL byte at byte offset 46/ },
      lint: { code: 'unreadable', line: 2, column: 16, says: /a NUL byte at byte offset 46/ },
    },
  },
  {
    file: 'empty.json',
    what: 'an empty file',
    build: (dir) => write(dir, 'empty.json', ''),
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'syntax_error', line: 1, column: 1, says: /the file is empty/ },
      lint: { code: 'not_checked', says: /no reader recognizes it/ },
    },
  },
  {
    file: 'loop/self',
    what: 'a symbolic link to itself (a loop), in a directory with a link back to its parent',
    build: (dir) => {
      mkdirSync(join(dir, 'loop'));
      symlinkSync('self', join(dir, 'loop', 'self'));
      symlinkSync('..', join(dir, 'loop', 'up'));
    },
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', says: /a loop of symbolic links/ },
      lint: { code: 'unreadable', says: /a loop of symbolic links/ },
    },
  },
  {
    file: 'fifo.json',
    what: 'a named pipe that no one writes to (reading it would wait forever)',
    build: (dir) => execFileSync('mkfifo', [join(dir, 'fifo.json')]),
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', says: /a named pipe \(FIFO\), not a regular file/ },
      lint: { code: 'unreadable', says: /a named pipe \(FIFO\), not a regular file/ },
    },
  },
  {
    file: 'folder.json',
    what: 'a directory where a payload file is expected',
    build: (dir) => mkdirSync(join(dir, 'folder.json')),
    // lint walks a directory it is given: this one holds nothing, so only the other files speak.
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unreadable', says: /it is a directory/ },
      lint: { code: BAD_FINDING, says: /RUN_COMMAND task needs at least one target/ },
    },
  },
  {
    file: 'secret.json',
    what: 'a file its reader may not read (chmod 000)',
    build: (dir) => {
      write(dir, 'secret.json', JSON.stringify(valid));
      execFileSync('chmod', ['000', join(dir, 'secret.json')]);
    },
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'unreadable', says: /permission denied/ },
      lint: { code: 'unreadable', says: /permission denied/ },
    },
    skip: process.getuid?.() === 0 ? 'the tests run as root, who reads any file' : undefined,
  },
  {
    file: 'ignored',
    what: 'a directory whose .gitignore holds *a*a*a*a*a*b, beside a file named with 250 a\'s (a backtracking matcher, the ignore package 7.0.5, took over a minute)',
    build: (dir) => {
      mkdirSync(join(dir, 'ignored'));
      write(dir, 'ignored/.gitignore', '*a*a*a*a*a*b\n' + '*a'.repeat(60) + '*b\n');
      write(dir, `ignored/${'a'.repeat(250)}.json`, JSON.stringify(valid));
    },
    // validate is given a directory; lint walks it, matching the patterns against the long name, and reads the file.
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unreadable', says: /it is a directory/ },
      lint: { code: BAD_FINDING, says: /RUN_COMMAND task needs at least one target/ },
    },
  },
  {
    file: 'p\n::error file=x::owned\u001b]0;t\u0007\u202e.json',
    what: 'a payload whose file name holds a line feed, a workflow command, an OSC sequence and a bidirectional override (test/cli/hostile-names.test.ts has the rest)',
    build: (dir) => write(dir, 'p\n::error file=x::owned\u001b]0;t\u0007\u202e.json', LOCATED_JSON),
    exit: { validate: 1, lint: 1 },
    expect: { validate: { ...PRIORITY, says: /Priority/ }, lint: { ...PRIORITY, says: /Priority/ } },
  },
  {
    file: 'oneline.json',
    what: 'a 5 MB payload on a single line, its error at the end',
    build: (dir) => write(dir, 'oneline.json', ONE_LINE),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'too_small', line: 1, column: 5_129_083, says: /Priority is -1; the minimum is 0/ },
      lint: { code: 'too_small', line: 1, column: 5_129_083, says: /Priority is -1; the minimum is 0/ },
    },
  },
  ...commandLineCases(),
  {
    file: 'tags.yaml',
    what: 'a YAML payload whose values hide behind tags nothing resolves (`!Include`, `!!js/function`), which the yaml package only warns about',
    build: (dir) => write(dir, 'tags.yaml', yamlPayload(`Name: !Include x.txt\nDescription: !!js/function 'function () {}'\n`)),
    exit: { validate: 1, lint: 1 },
    expect: { validate: UNKNOWN_TAG, lint: UNKNOWN_TAG },
  },
  {
    file: 'variants.yaml',
    what: 'a 435 KB template: 1,000 tasks, each depending on 4 parameters of 8 AllowedValues (4,096 combinations a task)',
    build: (dir) => write(dir, 'variants.yaml', VARIANTS.text),
    // validate reads it as a payload it cannot recognize; lint checks each task within the file's budget and says so.
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unrecognized_payload', says: /None of its members belongs/ },
      lint: { code: 'MW003', line: VARIANTS.line, column: VARIANTS.column, says: /MaxConcurrency cannot be given for a task without targets/ },
    },
  },
  {
    file: 'mapping.yaml',
    what: 'a template of 2,000 tasks that each resolve the same 500-entry mapping (a million values to resolve)',
    build: (dir) => write(dir, 'mapping.yaml', MAPPING.text),
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unrecognized_payload', says: /None of its members belongs/ },
      lint: { code: 'not_checked', says: /budget for resolving templates \(100,000 values\) was spent on the tasks before it/ },
    },
  },
  ...terraformCases(),
  {
    file: 'window-targets.json',
    what: 'a window target registration of 100,000 targets, each a tag name without tag: and a value given twice',
    build: (dir) => write(dir, 'window-targets.json', JSON.stringify({ WindowId: W, ResourceType: 'INSTANCE', Targets: Array.from({ length: 100_000 }, () => ({ Key: 'Role', Values: ['Web', 'Web'] })) })),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'MW061', line: 1, column: 80, says: /needs the tag: prefix/ },
      lint: { code: 'MW061', line: 1, column: 80, says: /needs the tag: prefix/ },
    },
  },
  {
    file: 'across.yaml',
    what: `a template of ${ACROSS.n.toLocaleString('en-US')} windows, targets and tasks each, every task naming the next window's target`,
    build: (dir) => write(dir, 'across.yaml', ACROSS.text),
    exit: { validate: 2, lint: 1 },
    expect: {
      validate: { code: 'unrecognized_payload', says: /None of its members belongs/ },
      lint: { code: 'MW080', line: ACROSS.line, column: ACROSS.column, says: /a target registered with W1; this task is registered with W0/ },
    },
  },
  {
    file: 'deep.json',
    what: 'JSON nested 100,000 levels deep, read with --max-depth 5000 (past the JSON reader\'s own limit)',
    build: (dir) => write(dir, 'deep.json', `{"WindowId": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    options: ['--max-depth', '5000'],
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'syntax_error', line: 1, column: 13 + 1000, says: /nesting deeper than 1000 levels \(this reader reads no deeper, whatever --max-depth says\)/ },
      lint: { code: 'syntax_error', line: 1, column: 13 + 1000, says: /nesting deeper than 1000 levels \(this reader reads no deeper, whatever --max-depth says\)/ },
    },
  },
  {
    file: 'deep.yaml',
    what: 'YAML nested 100,000 levels deep, read with --max-depth 5000 (past the YAML reader\'s own limit)',
    build: (dir) => write(dir, 'deep.yaml', `WindowId: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
    options: ['--max-depth', '5000'],
    exit: { validate: 2, lint: 2 },
    expect: {
      validate: { code: 'syntax_error', line: 1, column: 10 + 500, says: /nesting deeper than 500 levels \(this reader reads no deeper, whatever --max-depth says\)/ },
      lint: { code: 'syntax_error', line: 1, column: 10 + 500, says: /nesting deeper than 500 levels \(this reader reads no deeper, whatever --max-depth says\)/ },
    },
  },
  {
    file: 'window-schedule.json',
    what: 'a CreateMaintenanceWindow request whose 800 KB Schedule lists 200,000 L-1 items (read, a warning each: more findings than a call takes arguments, which overflowed the stack, and more issues than a 256 MB heap holds; now only too long)',
    build: (dir) => write(dir, 'window-schedule.json', JSON.stringify({ Name: 'w-1', Schedule: `cron(0,58 0,23 ${'L-1,'.repeat(200_000)}1 * ? *)`, Duration: 2, Cutoff: 1, AllowUnassociatedTargets: true })),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'too_long', line: 1, column: 26, says: /Schedule is 800023 characters long; the maximum is 256/ },
      lint: { code: 'too_long', line: 1, column: 26, says: /Schedule is 800023 characters long; the maximum is 256/ },
    },
  },
  {
    file: 'window-members.yaml',
    what: 'a CreateMaintenanceWindow request whose ScheduleTimezone, StartDate and EndDate (no length limit in the model) are 1 MB each',
    build: (dir) =>
      write(dir, 'window-members.yaml', `Name: w-1\nSchedule: cron(0 2 ? * SUN *)\nDuration: 2\nCutoff: 1\nAllowUnassociatedTargets: true\nScheduleTimezone: America/${'a'.repeat(1_000_000)}\nStartDate: ${'2026-01-01T00:00:00Z'.repeat(50_000)}\nEndDate: ${'9'.repeat(1_000_000)}\n`),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'timezone_unknown', line: 6, column: 19, says: /is not an IANA time zone name/ },
      lint: { code: 'timezone_unknown', line: 6, column: 19, says: /is not an IANA time zone name/ },
    },
  },
];

/** Writes the companion files and every case's file (the ones that can be built) into `dir`; a case that shares a file builds it once. */
export function buildHostile(dir: string): void {
  write(dir, GOOD, JSON.stringify(valid, null, 2));
  write(dir, BAD, JSON.stringify({ ...targetless, Priority: 1 }, null, 2));
  const built = new Set<string>();
  for (const c of HOSTILE) {
    if (c.skip || built.has(c.file)) continue;
    built.add(c.file);
    c.build(dir);
  }
}

/**
 * Names a pull request chooses, each meant to take over an output: a line feed and a workflow
 * command, ESC (a terminal's title, a screen clear, a hyperlink), BEL, C1 controls, a bidirectional
 * override that hides what follows, a name that starts a line with `::` and one with the older
 * `##[` form. test/cli/hostile-names.test.ts runs them through every command, format and stream.
 */
export const HOSTILE_NAMES = {
  /** A Terraform label. */
  TF_LABEL: 'x\n::error file=evil.tf::owned\u001b]0;title\u0007',
  /** A payload file's name (file names may hold any byte but / and NUL). */
  PAYLOAD_FILE: 'p\n::error file=x::owned\u001b[2J\u0085.json',
  /** A member name in a payload. */
  MEMBER: 'Y\u202egnp.exe\u009b31m',
  /** A file name that makes a text line start with a workflow command. */
  LEADING: '::warning::lead.json',
  /** A file name with the older form of workflow command, which runs wherever it is in a line. */
  V1: 'v1##[error]x.json',
  /** A CloudFormation logical id. */
  RESOURCE: 'Task\u202eevil\u001b]8;;https://example.com\u001b\\',
  /** A CloudFormation parameter name. */
  PARAMETER: 'Conc\u001b]0;p\u0007',
  /** A CloudFormation condition name. */
  CONDITION: 'IsProd\r\n::error::cond\u2028',
  /** A file that cannot be read, so that its name is in a one-line error on stderr. */
  BROKEN_FILE: 'broken\u001b[31m\u2066.json',
  /** A HAR file's name. */
  HAR_FILE: 'h\u001b]0;x\u0007.har',
  /** An X-Amz-Target header. */
  TARGET: 'AmazonSSM.Register\u001b[2J\n::error::t',
} as const;
