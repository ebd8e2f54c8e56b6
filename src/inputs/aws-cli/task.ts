import type { FileFinding, FoundTask, SourceLocation } from '../../lint/types.js';
import type { Path } from '../../issues/issue.js';
import { checkCommandLine, locatePath, type CliIssue } from './check.js';
import type { FoundCommandLine } from './find.js';
import { POWERSHELL_NOT_READ } from './find.js';
import type { ReadOptions } from './reader.js';
import type { SourcePosition } from './shell.js';
import { makeIssue } from '../../validate.js';

/*
 * The bridge to `lint` (src/lint/types.ts): one command line found in a file becomes a FoundTask
 * (the request, placed word by word) or, where the CLI sends nothing checkable, file findings.
 * The engine runs validate() on the task itself, so the task's own issues are only the reader's:
 * what the AWS CLI refuses and what could not be read.
 */

const READER_CODES = new Set(['cli_refused', 'cli_blob_not_base64', 'cli_no_request', 'not_checked']);

const toLocation = (p: SourcePosition | undefined): SourceLocation | undefined => (p ? { line: p.line, column: p.column } : undefined);

export function commandLineTask(found: FoundCommandLine, options: ReadOptions = {}): { task?: FoundTask; findings: FileFinding[] } {
  const at = toLocation(found.position)!;
  if (found.notReadable) {
    return { findings: [{ issue: makeIssue('not_checked', 'info', [], { what: 'This PowerShell command line', reason: found.notReadable ?? POWERSHELL_NOT_READ }), location: at }] };
  }
  const check = checkCommandLine(found.words, options);
  if (check.reading.outcome === 'other') return { findings: [] };
  const where = (issue: CliIssue) => toLocation(issue.at ? found.words[issue.at.word]?.positions[issue.at.offset] : undefined) ?? at;
  const own = check.issues.filter((i) => READER_CODES.has(i.code));
  if (!check.request || !check.operation || check.reading.outcome === 'no-request' || check.reading.outcome === 'not-checked') {
    return { findings: own.map((issue) => ({ issue, location: where(issue) })) };
  }
  const reading = check.reading;
  const task: FoundTask = {
    operation: check.operation,
    kind: 'request',
    payload: check.request,
    resource: found.words.slice(0, 3).map((w) => w.text).join(' '),
    location: at,
    locate(path: Path, target: 'key' | 'value' = 'value') {
      const loc = locatePath(reading, path, target);
      const position = loc ? found.words[loc.word]?.positions[loc.offset] : undefined;
      return position ? { location: { line: position.line, column: position.column } } : undefined;
    },
    issues: own,
  };
  return { task, findings: [] };
}
