import type { LocatedFinding } from '../../issues/located.js';
import type { FieldCode } from '../../issues/codes.js';
import { isShapePath, plainShape } from '../../compiled/shape-lookup.js';
import { OPERATIONS } from '../../compiled/generated/shapes.js';
import type { Naming } from '../../issues/format.js';
import { wordIssue } from '../../issues/make.js';
import type { Issue, IssueData, Path, PathSegment, Span } from '../../issues/issue.js';
import { valueColumns } from '../../parse/scalar-columns.js';
import type { OperationName } from '../../operations/index.js';
import { isUnknown } from '../../values/unknown-value.js';
import { checkPayload, makeIssue } from '../../validate/validate.js';
import { pointsAt } from '../rule-catalog.js';
import type { ValidationKind, ValidationLine } from './botocore.js';
import { xformName } from './options.js';
import type { Loc } from './python.js';
import { checkOptions } from '../../validate/check-options.js';
import { placePath, READ_OPTIONS, readCommandLine, type CliReading, type ReadOptions } from './read-command-line.js';
import type { Word } from '../../parse/shell/words.js';

/*
 * One command line, checked: the reader's request goes through validate() (the contract core:
 * every model constraint and documented rule), and what the AWS CLI itself refuses becomes a
 * `cli_refused` error carrying the CLI's own reason. Every issue names the argv word (and the
 * character in it) it comes from, and the option it belongs to.
 */

export interface CliIssue extends LocatedFinding {
  /** The option the finding belongs to (`--targets`), when it belongs to one. */
  argument?: string;
  /** Where in argv: the word and the character in it. */
  at?: Loc;
}

export interface CommandLineCheck {
  reading: CliReading;
  operation?: OperationName;
  /** The request the AWS CLI would send (or, refused by its validation, would have sent). */
  request?: Record<string, unknown>;
  issues: CliIssue[];
  /** False when an issue is an error. */
  valid: boolean;
}

const LINE_CODES: Record<ValidationKind, FieldCode[]> = {
  required: ['required'],
  unknown: ['unknown_member'],
  type: ['invalid_type'],
  length: ['too_short', 'too_few_items'],
  range: ['too_small'],
};

/** For each argv word, the option the words after it belong to: computed once per command line. */
const owners = new WeakMap<readonly Word[], (string | undefined)[]>();
function ownersOf(words: readonly Word[]): (string | undefined)[] {
  let after = owners.get(words);
  if (!after) {
    after = [undefined];
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      const t = typeof w === 'string' ? w : w.text;
      after.push(t.startsWith('--') ? t.slice(0, (t.indexOf('=') + 1 || t.length + 1) - 1) : /^(ssm|aws)$/.test(t) ? undefined : after[i - 1]);
    }
    owners.set(words, after);
  }
  return after;
}

/** The option an argv word belongs to: the word itself (`--opt=value`) or the nearest option before it. */
export function argumentAt(words: readonly Word[], word: number): string | undefined {
  const w = words[word];
  if (word < 1 || w === undefined) return undefined;
  const t = typeof w === 'string' ? w : w.text;
  return t.startsWith('--') ? ownersOf(words)[word] : ownersOf(words)[word - 1];
}

/** Where the value (or key) at `path` was written, or the nearest enclosing place that was. */
export function locatePath(reading: CliReading, path: Path, target: 'key' | 'value' = 'value'): Loc | undefined {
  return placePath(reading, path, target);
}

/** The value at an API path of the request. */
function valueAt(request: unknown, path: Path): unknown {
  let value = request;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * Where a part of the string at `path` is written (an issue's span: a field of a schedule
 * expression): its first and last character, as argv word and character. Only where the word holds
 * the string as it is: a plain value (`--schedule "cron(0 25 ? * SAT *)"`), or a JSON string in a
 * JSON value or --cli-input-json, its escapes read; undefined for a value from a file or YAML, where
 * the finding stays at the value.
 */
export function locateSpan(reading: CliReading, words: readonly Word[], path: Path, span: Span): { from: Loc; to: Loc } | undefined {
  const value = reading.request ? valueAt(reading.request, path) : undefined;
  const at = typeof value === 'string' ? locatePath(reading, path) : undefined;
  const word = at ? words[at.word] : undefined;
  if (!at || word === undefined || typeof value !== 'string') return undefined;
  const text = typeof word === 'string' ? word : word.text;
  const columns = text.startsWith(value, at.offset)
    ? Array.from({ length: value.length + 1 }, (_, i) => at.offset + i)
    : text[at.offset] === '"'
      ? valueColumns(text, at.offset, value, 'json')
      : undefined;
  const from = columns?.[span.offset];
  if (columns === undefined || from === undefined || value.length === 0) return undefined;
  const last = columns[Math.min(span.offset + Math.max(span.length, 1), value.length) - 1]!;
  return { from: { word: at.word, offset: from }, to: { word: at.word, offset: Math.max(last, from) } };
}

/**
 * How a finding at an API path is named in the command line: the option that wrote its top-level
 * member, then the path inside the option's shorthand or JSON (`--targets[0].Values[1]`). A member
 * read from --cli-input-json keeps the API's names, which the JSON uses; a member the line does not
 * give is named by the option that would give it.
 */
export function cliPath(path: Path, reading: CliReading, words: readonly Word[], operation: OperationName): PathSegment[] | undefined {
  const top = path[0];
  if (typeof top !== 'string') return undefined;
  const loc = locatePath(reading, [top], 'key');
  if (loc) {
    const option = argumentAt(words, loc.word);
    return option && !option.startsWith('--cli-input-') ? [option, ...path.slice(1)] : undefined;
  }
  const request = plainShape(OPERATIONS[operation].request);
  return request.type === 'structure' && Object.hasOwn(request.members, top) ? ['--' + xformName(top), ...path.slice(1)] : undefined;
}

/** The issue worded in the command line's terms (its path, and the members its params name). */
function worded(issue: IssueData, reading: CliReading, words: readonly Word[], operation: OperationName): Issue {
  const root = OPERATIONS[operation].request;
  const naming: Naming = (path) => (isShapePath(root, path) ? (cliPath(path, reading, words, operation) ?? path) : undefined);
  return wordIssue(issue, naming, cliPath(issue.path, reading, words, operation) ?? issue.path, 'last');
}

export function checkCommandLine(words: readonly Word[], options: ReadOptions = {}): CommandLineCheck {
  checkOptions('checkCommandLine()', options, READ_OPTIONS);
  const reading = readCommandLine(words, options);
  const issues: CliIssue[] = [];
  const located = (issue: Issue, at: Loc | undefined): CliIssue => {
    const argument = at ? argumentAt(words, at.word) : undefined;
    return { ...issue, ...(argument ? { argument } : {}), ...(at ? { at } : {}) };
  };
  const cliParams = (reason: string, extra: Record<string, unknown> = {}) => ({ reason, exit: reading.refusal?.exit, stage: reading.refusal?.stage, version: reading.version, ...extra });

  if (reading.outcome === 'not-checked') {
    const at = reading.notChecked!.at;
    issues.push(located(wordIssue(makeIssue('not_checked', 'info', [], { what: 'This command line', reason: reading.notChecked!.reason })), at));
  }
  if (reading.outcome === 'no-request') {
    const reason = { help: 'it prints the help page', version: 'it prints the AWS CLI version', skeleton: 'it prints a skeleton (--generate-cli-skeleton)' }[reading.noRequest!];
    issues.push(located(wordIssue(makeIssue('cli_no_request', 'info', [], { reason })), undefined));
  }
  if (reading.outcome === 'refused' && reading.refusal!.stage !== 'validation') {
    const refusal = reading.refusal!;
    issues.push(located(wordIssue(makeIssue('cli_refused', 'error', [], cliParams(refusal.message, refusal.flag ? { flag: refusal.flag } : {}))), refusal.at));
  }

  for (const note of reading.notes) {
    if (note.kind === 'blob-not-base64') issues.push(located(wordIssue(makeIssue('cli_blob_not_base64', 'error', note.path, { dropped: note.dropped, version: reading.version })), note.at));
  }

  if (reading.request && reading.operation) {
    const result = checkPayload(reading.operation, 'request', reading.request);
    for (const issue of result.issues) {
      const at = (issue.span && locateSpan(reading, words, issue.path, issue.span)?.from) || locatePath(reading, issue.path, pointsAt(issue.code));
      issues.push(located(worded(issue, reading, words, reading.operation), at));
    }
    // botocore's own findings: marked on the core's issue at the same place, or added where the
    // core sees nothing wrong (a float 600.0 reads as 600 once it is JSON).
    const errorsAt = new Map<string, CliIssue[]>();
    for (const i of issues) {
      if (i.severity !== 'error') continue;
      const key = JSON.stringify(i.path);
      const at = errorsAt.get(key);
      if (at) at.push(i);
      else errorsAt.set(key, [i]);
    }
    for (const line of reading.refusal?.lines ?? []) {
      const same = errorsAt.get(JSON.stringify(line.path))?.find((i) => LINE_CODES[line.kind].includes(i.code as FieldCode));
      if (same) {
        // The AWS CLI refuses the line for this very reason: its own words go with the finding.
        same.params = { ...same.params, awsCli: line.message };
        continue;
      }
      issues.push(located(wordIssue(makeIssue('cli_refused', 'error', line.path, cliParams(line.message))), locatePath(reading, line.path, line.kind === 'unknown' || line.kind === 'required' ? 'key' : 'value')));
    }
  }
  const check: CommandLineCheck = {
    reading,
    issues,
    valid: !issues.some((i) => i.severity === 'error'),
    ...(reading.operation ? { operation: reading.operation } : {}),
    ...(reading.request ? { request: reading.request } : {}),
  };
  return check;
}

/** The request as printable JSON: a value not known statically is shown as such. */
export function printableRequest(request: unknown): unknown {
  if (isUnknown(request)) return '<not known statically>';
  if (Array.isArray(request)) return request.map(printableRequest);
  if (request !== null && typeof request === 'object') return Object.fromEntries(Object.entries(request).map(([k, v]) => [k, printableRequest(v)]));
  return request;
}

export type { ValidationLine };
