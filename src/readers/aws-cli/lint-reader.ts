import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { descriptors } from '../rule-catalog.js';
import type { FileFinding, FoundTask, ListedReadResult, Reader, ReaderContext, ReadResult } from '../reader.js';
import { OPERATIONS } from '../../compiled/generated/shapes.js';
import { makeIssue } from '../../validate/validate.js';
import { DocumentError } from '../../parse/document.js';
import { parseYaml } from '../../parse/yaml/parse-yaml.js';
import type { FileAccess } from './files.js';
import { DEFAULT_LIMITS } from '../../parse/limits.js';
import { CI_KEYS, findInCiYaml, findInMakefile, findInMarkdown, findInPowerShell, findInRst, findInScript, type FindOptions, type FoundCommandLine } from './find.js';
import type { ShellProblem } from '../../parse/shell/sh.js';
import { directiveFinder, type Directive, type LineSpan } from './suppress.js';
import { commandLineTask, operationOf } from './task.js';

/*
 * The AWS CLI reader of `lint`: `aws ssm <command> ...` command lines, for the command of each
 * operation of the contract (create-maintenance-window, register-task-with-maintenance-window, ...), in shell
 * scripts, Windows batch files, PowerShell scripts (found, not read), Makefiles, CI YAML and
 * Markdown or reStructuredText code blocks. Each command line is one task, checked as AWS CLI v2
 * reads it; other `aws` commands are left alone. Pure: files that `file://` names are read through
 * the context, only inside the directory lint runs in.
 */

export type SourceKind = 'sh' | 'cmd' | 'powershell' | 'makefile' | 'ci-yaml' | 'markdown' | 'rst';

const BY_EXTENSION: Readonly<Record<string, SourceKind>> = {
  sh: 'sh',
  bash: 'sh',
  zsh: 'sh',
  ksh: 'sh',
  dash: 'sh',
  bats: 'sh',
  bat: 'cmd',
  cmd: 'cmd',
  ps1: 'powershell',
  psm1: 'powershell',
  mk: 'makefile',
  mak: 'makefile',
  yml: 'ci-yaml',
  yaml: 'ci-yaml',
  md: 'markdown',
  markdown: 'markdown',
  rst: 'rst',
};

const MAKEFILE = /^(?:GNUmakefile|[Mm]akefile)$/;
/** `#!/bin/bash`, `#!/usr/bin/env -S bash -e`, `#!/bin/sh`: a POSIX-family shell. */
const SHEBANG = /^#![ \t]*\S*?(?:\/|[ \t])(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|da|z|k|a|mk)?sh\b/;
const COMMANDS = Object.values(OPERATIONS).map((o) => o.cliCommand);
/** A command this library checks, as a whole word: update-maintenance-window is not update-maintenance-window-task. */
const COMMAND_WORD = new RegExp(`(?<![\\w-])(?:${COMMANDS.join('|')})(?![\\w-])`);
const CI_KEY_LINE = new RegExp(`^[ \\t]*(?:-[ \\t]+)?["']?(?:${[...CI_KEYS].map((k) => k.replaceAll('.', '\\.')).join('|')})["']?[ \\t]*:`, 'm');

/** The kind a file's name says, `extensionless` for a name without one (a script, if its shebang says so). */
function kindByName(file: string): SourceKind | 'extensionless' | undefined {
  const name = basename(file);
  if (MAKEFILE.test(name)) return 'makefile';
  const dot = name.lastIndexOf('.');
  if (dot < 0) return 'extensionless';
  return dot > 0 ? BY_EXTENSION[name.slice(dot + 1).toLowerCase()] : undefined;
}

function kindOf(file: string, text: string): SourceKind | undefined {
  const byName = kindByName(file);
  if (byName === 'extensionless') return SHEBANG.test(text) ? 'sh' : undefined;
  if (byName === 'ci-yaml' && !CI_KEY_LINE.test(text)) return undefined;
  return byName;
}

const FINDERS: Readonly<Record<SourceKind, (text: string, options: FindOptions) => FoundCommandLine[]>> = {
  sh: (text, options) => findInScript(text, 'sh', undefined, options),
  cmd: (text, options) => findInScript(text, 'cmd', undefined, options),
  powershell: findInPowerShell,
  makefile: findInMakefile,
  'ci-yaml': findInCiYaml,
  markdown: findInMarkdown,
  rst: findInRst,
};

/**
 * The directory `file://` paths resolve against: where the command runs. A script, a Makefile and
 * a document run from their own directory (make runs its recipes there; a script's relative paths
 * are most often its neighbours); CI runs from the repository's root, where lint runs.
 */
const BASE: Readonly<Record<SourceKind, { own: boolean; says: string }>> = {
  sh: { own: true, says: "a script's file:// paths are read from its own directory" },
  cmd: { own: true, says: "a batch file's file:// paths are read from its own directory" },
  powershell: { own: true, says: "a script's file:// paths are read from its own directory" },
  makefile: { own: true, says: "a Makefile's file:// paths are read from its own directory, where make runs its recipes" },
  'ci-yaml': { own: false, says: "CI YAML's file:// paths are read from the directory lint runs in, the repository's root, where CI runs" },
  markdown: { own: true, says: "a document's file:// paths are read from its own directory" },
  rst: { own: true, says: "a document's file:// paths are read from its own directory" },
};

const posix = (p: string) => p.split(sep).join('/');

/** The files a command line names, read through lint's context and never outside the directory lint runs in. */
function fileAccess(context: ReaderContext, says: string): FileAccess {
  const shown = (path: string) => posix(relative(context.cwd, path)) || '.';
  return {
    read(path) {
      const rel = relative(context.cwd, path);
      if (rel.startsWith('..') || isAbsolute(rel)) return { unavailable: `${posix(path)} is outside the directory lint runs in, which is all it reads; ${says}` };
      const bytes = context.readBytes ? context.readBytes(path) : encode(context.readFile(path));
      if (bytes && 'unread' in bytes) return { unavailable: `${shown(path)} is not read: ${bytes.unread}` };
      return bytes ?? { unavailable: `${shown(path)} does not exist in the linted tree; ${says}` };
    },
  };
}

const encode = (text: string | undefined) => (text === undefined ? undefined : new TextEncoder().encode(text));

/**
 * Whether a shell runs the file's text as it is (a script, a Makefile recipe, a CI step), so that
 * text bash -n refuses is an error; a document's code block is shown, not run.
 */
const RUN_BY_A_SHELL: Readonly<Record<SourceKind, boolean>> = { sh: true, cmd: true, powershell: true, makefile: true, 'ci-yaml': true, markdown: false, rst: false };

/**
 * What the shell text's problems mean for the file, beyond the command lines they touch (each of
 * which says so itself): text that bash -n refuses, where a shell runs it, is a syntax error at the
 * construct left open; a command substitution nested past --max-depth whose text names one of the
 * operations is not checked.
 */
function problemFindings(problems: readonly ShellProblem[], kind: SourceKind, maxDepth: number): FileFinding[] {
  const findings: FileFinding[] = [];
  for (const p of problems) {
    if (p.kind === 'unterminated' && RUN_BY_A_SHELL[kind]) {
      findings.push({ issue: makeIssue('syntax_error', 'error', [], { format: 'shell', reason: `${p.message} (bash -n: ${p.bash})` }), location: p.position });
    } else if (p.kind === 'depth' && COMMAND_WORD.test(p.hides)) {
      const reason = `it is nested deeper than ${maxDepth} levels, so the commands in it, which name ${COMMAND_WORD.exec(p.hides)![0]}, are not read; raise --max-depth if the script is genuine`;
      findings.push({ issue: makeIssue('not_checked', 'info', [], { what: 'This command substitution', reason }), location: p.position });
    }
  }
  return findings;
}

/** The lines a found command line spans. */
function spanOf(found: FoundCommandLine): LineSpan {
  const last = found.words.reduce((line, w) => Math.max(line, w.positions.at(-1)?.line ?? line), found.position.line);
  return { first: found.position.line, last };
}

/** Unknown names in a suppression comment: each a warning where it is written. */
function unknownNames(directive: Directive, resource: string): FileFinding[] {
  return directive.unknown.map((u) => ({
    issue: makeIssue('unknown_suppression', 'warning', [], { actual: u.name, where: `the suppression comment at line ${directive.line}`, known: descriptors().map((d) => d.id) }),
    location: { line: directive.line, column: u.column },
    resource,
  }));
}

/** CI YAML that does not parse: its commands cannot all be found, so the file is not checked (as a template that does not parse is not). */
function yamlError(text: string, limits: ReaderContext['limits']): FileFinding | undefined {
  try {
    parseYaml(text, { maxDepth: limits?.maxDepth, maxAliasCount: limits?.maxAliasCount });
    return undefined;
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    return { issue: makeIssue('syntax_error', 'error', [], { format: 'YAML', reason: error.message }), location: error.position };
  }
}

export function readCommandLines(file: string, text: string, context: ReaderContext, kind: SourceKind): ListedReadResult {
  const broken = kind === 'ci-yaml' ? yamlError(text, context.limits) : undefined;
  if (broken) return { tasks: [], findings: [broken] };
  // Windows line ends are read as the repository most likely holds the file (git's autocrlf adds
  // them on checkout): bash would take `\` before a CR for an escaped CR, not a continuation.
  const problems: ShellProblem[] = [];
  const maxDepth = context.limits?.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const found = FINDERS[kind](text.replaceAll('\r\n', '\n'), { maxDepth, problems });
  const spans = found.map(spanOf);
  const operationsOf = found.map(operationOf);
  // How many lines call each command: a resource is numbered only where there are several.
  const counts = new Map<string, number>();
  for (const operation of operationsOf) if (operation) counts.set(operation, (counts.get(operation) ?? 0) + 1);
  const directives = directiveFinder(spans, text.split('\n').map((l) => l.replace(/\r$/, '')));
  const base = BASE[kind];
  const cwd = base.own ? (isAbsolute(file) ? dirname(file) : join(context.cwd, dirname(file))) : context.cwd;
  const files = fileAccess(context, base.says);
  const tasks: FoundTask[] = [];
  const findings: FileFinding[] = problemFindings(problems, kind, maxDepth);
  const seen = new Map<string, number>();
  for (const [k, f] of found.entries()) {
    const operation = operationsOf[k];
    if (!operation) continue;
    const command = OPERATIONS[operation].cliCommand;
    const n = (seen.get(command) ?? 0) + 1;
    seen.set(command, n);
    const resource = `aws ssm ${command}${counts.get(operation)! > 1 ? ` #${n}` : ''}`;
    const { ids: suppressed, fresh } = directives(spans[k]!);
    // A suppression comment that names something unknown is reported once, with the first command line it applies to.
    for (const d of fresh) for (const finding of unknownNames(d, resource)) findings.push(finding);
    const result = commandLineTask(f, { cwd, files, resource, suppressed, maxDepth });
    if (result.task) tasks.push(result.task);
    for (const finding of result.findings) findings.push(finding);
  }
  return { tasks, findings };
}

export const awsCliReader: Reader = {
  kind: 'aws-cli',
  accepts: (file) => kindByName(file) !== undefined,
  needs: COMMANDS,
  detect: (file, text) => COMMAND_WORD.test(text) && kindOf(file, text) !== undefined,
  read: (file, text, context) => readCommandLines(file, text, context, kindOf(file, text) ?? 'sh'),
};
