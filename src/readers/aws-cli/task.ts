import type { FileFinding, FoundTask, SourceLocation } from '../reader.js';
import type { IssueData, Path, PathSegment } from '../../issues/issue.js';
import { OPERATION_NAMES, OPERATIONS } from '../../compiled/generated/shapes.js';
import type { OperationName } from '../../operations/index.js';
import { makeIssue } from '../../validate/validate.js';
import { argumentAt, checkCommandLine, cliPath, locatePath, locateSpan, type CliIssue } from './check-command-line.js';
import type { FoundCommandLine } from './find.js';
import { POWERSHELL_NOT_READ } from './find.js';
import { xformName } from './options.js';
import type { Loc } from './python.js';
import type { CliReading, ReadOptions } from './read-command-line.js';
import type { SourcePosition } from '../../parse/shell/sh.js';
import { EXPANSION } from '../../parse/shell/words.js';

/*
 * The bridge to `lint` (src/readers/reader.ts): one command line found in a file becomes a FoundTask
 * (the request, placed word by word, its findings in the command line's own terms: `--targets[0].Key`)
 * or, where the CLI sends nothing checkable, file findings. The engine runs validate() on the task
 * itself, so the task's own issues are only the reader's: what the AWS CLI refuses and what could
 * not be read.
 */

const READER_CODES = new Set(['cli_refused', 'cli_blob_not_base64', 'cli_no_request', 'not_checked']);

const toLocation = (p: SourcePosition | undefined): SourceLocation | undefined => (p ? { line: p.line, column: p.column } : undefined);

export interface TaskOptions extends ReadOptions {
  /** How the report names the command line; default `aws ssm <command>`. */
  resource?: string;
  /** Rule ids or codes suppressed inline for this command line. */
  suppressed?: readonly string[];
}

const textOf = (found: FoundCommandLine) => found.words.map((w) => w.text);

/** The operation a found line calls, told from its words alone (or, for a line that is not read, its text). */
export function operationOf(found: FoundCommandLine): OperationName | undefined {
  const texts = found.notReadable ? (found.source ?? '').split(/\s+/) : textOf(found);
  const ssm = texts.indexOf('ssm');
  if (ssm < 0) return undefined;
  return OPERATION_NAMES.find((o) => texts.indexOf(OPERATIONS[o].cliCommand, ssm + 1) > ssm);
}

/** Where a shell problem is, as a person reads it. */
const placeOf = (p: SourcePosition) => `line ${p.line}, column ${p.column}`;

/**
 * Why bash does not run the line as it shows, if it does not: it lies in text that a construct left
 * open hides (bash reads it as part of a quote, or as a here-document's text), its own text has such
 * a construct or a substitution nested too deep, or bash brace-expands one of its words.
 */
function shellReason(found: FoundCommandLine): { reason: string; at: SourcePosition } | undefined {
  const hidden = found.hiddenBy;
  if (hidden) {
    const reason =
      hidden.kind === 'heredoc'
        ? `bash does not run it: it lies in the text of ${hidden.message}, at ${placeOf(hidden.position)} (bash: ${hidden.bash})`
        : `bash does not run it: it lies inside ${hidden.message} at ${placeOf(hidden.position)}, which takes the rest of the text (bash -n: ${hidden.bash})`;
    return { reason, at: found.position };
  }
  // A here-document left open or a substitution nested too deep leave the line's own words as they are.
  const problem = found.problems.find((p) => p.kind === 'unterminated');
  if (problem) return { reason: `the shell text has ${problem.message}, so its words cannot be told`, at: problem.position };
  const brace = found.dialect === 'sh' ? found.words.find((w) => w.braceExpansion) : undefined;
  if (brace) {
    const open = brace.text.indexOf('{');
    let k = 0;
    const written = brace.text.replaceAll(EXPANSION, () => brace.expansions[k++] ?? '');
    return {
      reason: `bash expands the unquoted braces of ${JSON.stringify(written)} into several words (sh does not); quote the value so that the AWS CLI reads it as written`,
      at: brace.positions.at(Math.max(open, 0))!,
    };
  }
  return undefined;
}

export function commandLineTask(found: FoundCommandLine, options: TaskOptions = {}): { task?: FoundTask; findings: FileFinding[] } {
  const at = toLocation(found.position)!;
  const notRead = found.notReadable ? operationOf(found) : undefined;
  const resource = options.resource ?? (found.notReadable ? `aws ssm ${notRead ? OPERATIONS[notRead].cliCommand : ''}`.trim() : textOf(found).slice(0, 3).join(' '));
  const suppressed = options.suppressed && options.suppressed.length > 0 ? { suppressed: options.suppressed } : {};
  const finding = (issue: IssueData, location: SourceLocation = at): FileFinding => ({ issue, location, resource, ...suppressed });
  if (found.notReadable) {
    return { findings: [finding(makeIssue('not_checked', 'info', [], { what: 'This PowerShell command line', reason: found.notReadable ?? POWERSHELL_NOT_READ }))] };
  }
  const { resource: _resource, suppressed: _suppressed, ...readOptions } = options;
  const check = checkCommandLine(found.words, readOptions);
  if (check.reading.outcome === 'other') return { findings: [] };
  const shell = shellReason(found);
  if (shell) return { findings: [finding(makeIssue('not_checked', 'info', [], { what: 'This command line', reason: shell.reason }), toLocation(shell.at))] };

  const position = (loc: Loc | undefined) => toLocation(loc ? found.words[loc.word]?.positions.at(loc.offset) : undefined);
  const where = (issue: CliIssue) => position(issue.at) ?? at;
  const own = check.issues.filter((i) => READER_CODES.has(i.code));
  // Files that file:// names and lint does not read: their values are unknown, and the finding says why.
  const unread = check.reading.notes.flatMap((note) => {
    if (note.kind !== 'file-not-read') return [];
    const option = note.at ? argumentAt(found.words, note.at.word) : undefined;
    return [finding(makeIssue('not_checked', 'info', [], { what: option ?? 'This value', reason: `${note.value}: ${note.reason}` }), position(note.at))];
  });
  if (!check.request || !check.operation || check.reading.outcome === 'no-request' || check.reading.outcome === 'not-checked') {
    return { findings: [...own.map((issue) => finding(issue, where(issue))), ...unread] };
  }
  const reading = check.reading;
  const operation = check.operation;
  const task: FoundTask = {
    operation,
    kind: 'request',
    payload: check.request,
    resource,
    location: at,
    locate(path: Path, target: 'key' | 'value' = 'value') {
      if (path.length === 0) return undefined;
      const sourcePath = cliPath(path, reading, found.words, operation);
      const location = position(locatePath(reading, path, target)) ?? (sourcePath ? at : undefined);
      return location ? { location, ...(sourcePath ? { sourcePath } : {}) } : undefined;
    },
    locateSpan(path, span) {
      const at = locateSpan(reading, found.words, path, span);
      const from = at ? found.words[at.from.word]?.positions.at(at.from.offset) : undefined;
      const to = at ? found.words[at.to.word]?.positions.at(at.to.offset) : undefined;
      if (!from) return undefined;
      return { line: from.line, column: from.column, ...(to && to.line === from.line ? { endLine: to.line, endColumn: to.column + 1 } : {}) };
    },
    names: (path) => cliPath(path, reading, found.words, operation) ?? [...path],
    issues: own,
    ...suppressed,
  };
  return { task, findings: unread };
}
