import type { FileFinding, FoundTask, SourceLocation } from '../../lint/types.js';
import type { Issue, Path, PathSegment } from '../../issues/issue.js';
import { OPERATION_NAMES, operations, type OperationName } from '../../operations/index.js';
import { metaOf, type StructureMeta } from '../../shapes/meta.js';
import { makeIssue } from '../../validate.js';
import { argumentAt, checkCommandLine, cliPath, locatePath, type CliIssue } from './check.js';
import type { FoundCommandLine } from './find.js';
import { POWERSHELL_NOT_READ } from './find.js';
import { xformName } from './options.js';
import type { Loc } from './python.js';
import type { CliReading, ReadOptions } from './reader.js';
import type { SourcePosition } from './shell.js';
import { EXPANSION } from './words.js';

/*
 * The bridge to `lint` (src/lint/types.ts): one command line found in a file becomes a FoundTask
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
  return OPERATION_NAMES.find((o) => texts.indexOf(operations[o].cliCommand, ssm + 1) > ssm);
}

/** Why bash reads the line into other words than it shows, if it does: a problem of the shell text, or a brace expansion. */
function shellReason(found: FoundCommandLine): { reason: string; at: SourcePosition } | undefined {
  const last = found.words.at(-1)?.positions.at(-1);
  const within = (p: SourcePosition) => (p.line > found.position.line || (p.line === found.position.line && p.column >= found.position.column)) && (!last || p.line <= last.line);
  const problem = found.problems.find((p) => within(p.position));
  if (problem) return { reason: `the shell text has an ${problem.message}, so its words cannot be told`, at: problem.position };
  const brace = found.dialect === 'sh' ? found.words.find((w) => w.braceExpansion) : undefined;
  if (brace) {
    const open = brace.text.indexOf('{');
    let k = 0;
    const written = brace.text.replaceAll(EXPANSION, () => brace.expansions[k++] ?? '');
    return {
      reason: `bash expands the unquoted braces of ${JSON.stringify(written)} into several words (sh does not); quote the value so that the AWS CLI reads it as written`,
      at: brace.positions[Math.max(open, 0)]!,
    };
  }
  return undefined;
}

export function commandLineTask(found: FoundCommandLine, options: TaskOptions = {}): { task?: FoundTask; findings: FileFinding[] } {
  const at = toLocation(found.position)!;
  const notRead = found.notReadable ? operationOf(found) : undefined;
  const resource = options.resource ?? (found.notReadable ? `aws ssm ${notRead ? operations[notRead].cliCommand : ''}`.trim() : textOf(found).slice(0, 3).join(' '));
  const suppressed = options.suppressed && options.suppressed.length > 0 ? { suppressed: options.suppressed } : {};
  const finding = (issue: Issue, location: SourceLocation = at): FileFinding => ({ issue, location, resource, ...suppressed });
  if (found.notReadable) {
    return { findings: [finding(makeIssue('not_checked', 'info', [], { what: 'This PowerShell command line', reason: found.notReadable ?? POWERSHELL_NOT_READ }))] };
  }
  const check = checkCommandLine(found.words, options);
  if (check.reading.outcome === 'other') return { findings: [] };
  const shell = shellReason(found);
  if (shell) return { findings: [finding(makeIssue('not_checked', 'info', [], { what: 'This command line', reason: shell.reason }), toLocation(shell.at))] };

  const position = (loc: Loc | undefined) => toLocation(loc ? found.words[loc.word]?.positions[loc.offset] : undefined);
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
    names: (path) => cliPath(path, reading, found.words, operation) ?? [...path],
    issues: own,
    ...suppressed,
  };
  return { task, findings: unread };
}
