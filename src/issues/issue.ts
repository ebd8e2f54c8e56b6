import type { Code, DocumentedRuleId, Severity } from './codes.js';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A part of a string value: offset and length in UTF-16 units (a field of a schedule expression). */
export interface Span {
  offset: number;
  length: number;
}

/**
 * One finding, as data: what (a code and its params), how bad, and where. Checks, rules and readers
 * make these; the words come once, when a report is made (`Issue`, src/issues/format.ts), in the
 * names of the file the report is about.
 */
export interface IssueData {
  code: Code;
  severity: Severity;
  /** Where, as member names and list indexes: `["Targets", 0, "Key"]`. */
  path: PathSegment[];
  /** The same place as a JSON Pointer: `/Targets/0/Key`. */
  pointer: string;
  /** The facts behind the message, e.g. `{ maximum: 128, actual: 130 }` (src/issues/params.ts). */
  params: Record<string, unknown>;
  /** The documented rule this issue comes from; absent for the model's member constraints. */
  rule?: DocumentedRuleId;
  /**
   * The part of the string at `path` the issue is about (a schedule's Hours field, at offset 7, 2 long):
   * a reader that knows where the string's text starts in a file puts the issue at that column.
   */
  span?: Span;
}

/** A finding worded for people: validate()'s issues, and every report's. Tests assert on `code` and `path`. */
export interface Issue extends IssueData {
  /** What is wrong. */
  message: string;
  /** What to do about it, when there is something specific to say. */
  hint?: string;
}

export function toPointer(path: Path): string {
  let out = '';
  for (const s of path) {
    const text = String(s);
    out += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return out;
}

/** /^[A-Za-z_][A-Za-z0-9_]*$/, without a regular expression: it runs for every segment of every issue's path. */
function isIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}

/** An AWS CLI option, which a command line's findings start their path with. */
const CLI_OPTION = /^--[a-z0-9][a-z0-9-]*$/;

/**
 * A path as people read it in AWS's own messages: `Targets[0].Key`, `Parameters["my key"]`; one that
 * starts with an AWS CLI option as a command line writes it: `--targets[0].Key`,
 * `--task-invocation-parameters RunCommand.TimeoutSeconds`.
 */
export function displayPath(path: Path): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const s = path[i]!;
    if (i === 0 && typeof s === 'string' && CLI_OPTION.test(s)) out = s + (typeof path[1] === 'string' && isIdentifier(path[1]) ? ' ' : '');
    else if (typeof s === 'number') out += `[${s}]`;
    else if (isIdentifier(s)) out += out && !out.endsWith(' ') ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * What `locate` finds for `path`, or else for the nearest enclosing path it finds, with the part of
 * `path` below that one: a finding about something not written is placed at its nearest written
 * parent, by the same `target` (a missing member at its parent's key, a value finding under a value
 * not written, such as an item of JSON text, at the parent's value).
 */
export function nearestLocated<T>(path: Path, target: 'key' | 'value', locate: (at: Path, target: 'key' | 'value') => T | undefined): { found: T; rest: Path } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const found = locate(path.slice(0, n), target);
    if (found) return { found, rest: path.slice(n) };
  }
  return undefined;
}
