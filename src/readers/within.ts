import type { Path } from '../issues/issue.js';
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
 * FoundTask.within for a file's text: where a part of the string at an API path is written, when the
 * string is written on one line just as the payload holds it (a literal, not a value an intrinsic
 * function or an expression computed). The part runs from its first character to its last.
 */
export function withinText(text: string, syntax: ScalarSyntax, payload: unknown, locate: FoundTask['locate']): NonNullable<FoundTask['within']> {
  let lines: string[] | undefined;
  return (path, span) => {
    const value = valueAt(payload, path);
    const at = typeof value === 'string' ? locate(path, 'value') : undefined;
    // Only where the value itself is written: a parent's place would be another string.
    if (!at || at.sourcePath === undefined) return undefined;
    lines ??= text.split(/\r\n|\r|\n/);
    const { line, column } = at.location;
    const written = lines[line - 1];
    const columns = written === undefined ? undefined : valueColumns(written, column - 1, value as string, syntax);
    const from = columns?.[span.offset];
    if (from === undefined) return undefined;
    const end = columns![Math.min(span.offset + Math.max(span.length, 1), columns!.length - 1)]!;
    const location: SourceLocation = { line, column: from + 1, endLine: line, endColumn: Math.max(end, from + 1) + 1 };
    return location;
  };
}
