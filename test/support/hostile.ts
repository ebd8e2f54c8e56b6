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

/** 1,000 tasks (435 KB), which took 68 s and 3.3 GB (2,300, 1 MB: out of memory after 187 s); `npx tsx bench/hostile.ts` and the README measure the 2,300. */
const VARIANTS = variantsTemplate(1000);
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
    file: 'oneline.json',
    what: 'a 5 MB payload on a single line, its error at the end',
    build: (dir) => write(dir, 'oneline.json', ONE_LINE),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'too_small', line: 1, column: 5_129_083, says: /Priority is -1; the minimum is 0/ },
      lint: { code: 'too_small', line: 1, column: 5_129_083, says: /Priority is -1; the minimum is 0/ },
    },
  },
  {
    file: 'tags.yaml',
    what: 'a YAML payload whose values hide behind tags nothing resolves (`!Include`, `!!js/function`), which the yaml package only warns about',
    build: (dir) => write(dir, 'tags.yaml', yamlPayload(`Name: !Include x.txt\nDescription: !!js/function 'function () {}'\n`)),
    exit: { validate: 1, lint: 1 },
    expect: {
      validate: { code: 'yaml_unknown_tag', line: 2, column: 7, says: /Name is tagged !Include, a YAML tag the AWS CLI cannot read/ },
      lint: { code: 'yaml_unknown_tag', line: 2, column: 7, says: /Name is tagged !Include, a YAML tag the AWS CLI cannot read/ },
    },
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
