import type { Path } from '../issues/issue.js';

/*
 * What every parser here gives and shares: a file read with positions (ParsedDocument), where a
 * file stops being valid (DocumentError), offsets as lines and columns, and which format a file is.
 * The parsers themselves (json/, yaml/, hcl/, shell/) sit beside this and import it, never one
 * another.
 */

/** 1-based, as editors and CI annotations count. */
export interface Position {
  line: number;
  column: number;
}

export interface DuplicateKey {
  path: Path;
  first: Position;
  second: Position;
}

/** A JSON or YAML file read with positions. */
export interface ParsedDocument {
  format: 'json' | 'yaml';
  value: unknown;
  /** Keys given twice in one object; the last value is the one kept. */
  duplicates: DuplicateKey[];
  /**
   * YAML values under a tag the parser cannot resolve (a preprocessor's `!Include`, js-yaml's
   * `!!js/function`, `!!float` on text that is not a number): the `yaml` package only warns and reads
   * the value as if it had no tag. Where each is, and the tag as written. Absent for JSON.
   */
  unknownTags?: UnknownTag[];
  /** Where the value (or, for `key`, the member name) at `path` is written. */
  locate(path: Path, target?: 'key' | 'value'): Position | undefined;
}

export interface UnknownTag {
  /** The tag as written: `!Include`, `!!js/function`. */
  tag: string;
  /** The path of the tagged value (of the member, for a tagged key). */
  path: Path;
  /** Where the tag is written. */
  position: Position;
}

/** A file that is not valid JSON or YAML, with where it stops being valid. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Offset → line and column, by binary search over line starts. */
export class LineIndex {
  private starts: number[] = [0];

  constructor(text: string) {
    // Without a CR, indexOf finds each line feed far faster than a loop over every character.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** The text without a leading byte order mark, which is no part of it (and which the yaml package misreads before a block sequence). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export type Format = 'json' | 'yaml';

/** JSON when the name says so or the text starts like JSON; YAML otherwise. */
export function detectFormat(text: string, filename?: string): Format {
  if (filename && /\.json$/i.test(filename)) return 'json';
  if (filename && /\.ya?ml$/i.test(filename)) return 'yaml';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}
