import type { Issue, PathSegment } from './issue.js';

/** How a finding was suppressed: `inline` by the file (a template's Metadata, a comment), `option` by `--ignore`. */
export interface Suppression {
  kind: 'inline' | 'option';
  by: string;
}

/**
 * A finding worded and placed in a file: the one type every report's renderers read (src/report/),
 * whichever command made it (validate, lint, exchange, check-cli). Each command adds what only it
 * knows (lint the variant, exchange the part of the exchange, check-cli the argument).
 */
export interface LocatedFinding extends Issue {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** What it concerns in the file: a logical id, a Terraform address, the operation of a payload file. */
  resource?: string;
  /** For a resource checked in several variants, those that have this finding (`when condition IsProd is false`). */
  variant?: string;
  /** The path in the file's own names, when they differ from the API's. */
  sourcePath?: PathSegment[];
  suppressed?: Suppression;
}

/** One file's findings, for the renderers that list findings file by file (SARIF, GitHub annotations). */
export interface FileFindings {
  file: string;
  findings: readonly LocatedFinding[];
}
