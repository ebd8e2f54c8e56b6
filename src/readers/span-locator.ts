import type { Path, Span } from '../issues/issue.js';
import { valueColumns, type ScalarSyntax } from '../parse/scalar-columns.js';
import type { FoundTask, SourceLocation } from './reader.js';

/** The value at an API path of a payload. */
function valueAt(payload: unknown, path: Path): unknown {
  let value = payload;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/**
 * FoundTask.locateSpan for a file's text: where a part of the string at an API path is written, when
 * the string starts where `locate` put the value and is written on one line just as the payload holds
 * it (a literal, not a value an intrinsic function or an expression computed; escapes count as the
 * character they stand for). The part runs from its first character to its last.
 */
export function spanLocator(text: string, syntax: ScalarSyntax, payload: unknown): NonNullable<FoundTask['locateSpan']> {
  let lines: string[] | undefined;
  return (path: Path, span: Span, at: SourceLocation) => {
    const value = valueAt(payload, path);
    if (typeof value !== 'string') return undefined;
    lines ??= text.split(/\r\n|\r|\n/);
    const written = lines[at.line - 1];
    const columns = written === undefined ? undefined : valueColumns(written, at.column - 1, value, syntax);
    const from = columns?.[span.offset];
    if (from === undefined) return undefined;
    const end = columns![Math.min(span.offset + Math.max(span.length, 1), columns!.length - 1)]!;
    return { line: at.line, column: from + 1, endLine: at.line, endColumn: Math.max(end, from + 1) + 1 };
  };
}
