import type { LocatedFinding } from '../issues/located.js';
import { printable } from './printable.js';

/*
 * What every text report shares: colours, counts said in words, and where a finding is in a file.
 */

const COLORS = { error: 31, warning: 33, info: 36, bold: 1, dim: 2 } as const;

export function paint(on: boolean) {
  return (style: keyof typeof COLORS, text: string) => (on ? `\x1b[${COLORS[style]}m${text}\x1b[0m` : text);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `1 error, 0 warnings, 2 infos`: the end of every command's summary line. */
export function countsText(s: { errors: number; warnings: number; infos: number }): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
}

/** `12:7`, or `-` for a finding placed nowhere in the file. */
export const lineColumn = (finding: LocatedFinding): string => (finding.line ? `${finding.line}:${finding.column}` : '-');

/** Where and in which variant: `(PatchTask, when condition IsProd is false)`. */
export function context(finding: LocatedFinding): string {
  const parts = [finding.resource, finding.variant ? `when ${finding.variant}` : undefined].filter(Boolean);
  return parts.length > 0 ? printable(` (${parts.join(', ')})`) : '';
}
