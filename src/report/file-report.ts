import { severityCounts } from '../issues/codes.js';
import type { LocatedIssue } from '../readers/payload/payload-document.js';
import type { Kind, OperationName } from '../operations/index.js';
import type { Representation } from '../validate/validate.js';
import { countsText, plural } from './layout.js';

/*
 * What `validate` reports of each payload file, and its counts: what its renderers (text/validate.ts,
 * json/validate.ts) show.
 */

/** One checked file (or one task in it), as `validate --format json` prints it. */
export interface FileReport {
  file: string;
  operation: OperationName | null;
  kind: Kind | null;
  valid: boolean;
  issues: LocatedIssue[];
  representation?: Representation;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  return { files: new Set(reports.map((r) => r.file)).size, ...severityCounts(reports.flatMap((r) => r.issues)) };
}

/** `2 files checked: ...`; `noun` names what was checked when it is not files. */
export function summaryLine(s: Summary, noun = 'file'): string {
  return `${plural(s.files, noun)} checked: ${countsText(s)}`;
}

