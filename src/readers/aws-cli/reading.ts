import type { Path } from '../../issues/issue.js';
import type { OperationName } from '../../operations/index.js';
import { EXPANSION } from '../../parse/shell/words.js';
import type { ArgString } from './argparse.js';
import type { ValidationLine } from './botocore.js';
import { FileNotAvailable, type FileAccess, type PathContext, type UnknownFile } from './files.js';
import type { Loc, TooDeep } from './python.js';
import type { CliVersion, RefusalStage } from './versions.js';

/*
 * What reading a command line gives (CliReading: the request, or why there is none, and where each
 * part was written) and what every step of it shares: the options, the context files are read in,
 * and the two ways a reading stops early: the AWS CLI refuses the line (Refused), or a shell
 * expansion makes it unknowable (NotChecked). The steps: read-command-line.ts (argparse, the order
 * of awscli's handlers, botocore's validation), unpack-argument.ts, cli-input.ts, pagination.ts.
 */

export interface ReadOptions {
  /** Which AWS CLI to read the command line as; default '2' (v2 as of 2.36.7). */
  version?: CliVersion;
  /** The directory that relative `file://` paths resolve against. */
  cwd?: string;
  /** How to read files; without it, `file://` values are unknown. */
  files?: FileAccess;
  /** The environment, for `$VAR` in file paths; without it, such paths are unknown. */
  env?: Readonly<Record<string, string | undefined>>;
  /** `cli_binary_format` from the AWS config file (v2); default base64. */
  cliBinaryFormat?: 'base64' | 'raw-in-base64-out';
  /** Shorthand, JSON and YAML values nested deeper are not read (not checked); default DEFAULT_LIMITS.maxDepth. */
  maxDepth?: number;
}

export interface Refusal {
  stage: RefusalStage;
  /** The AWS CLI's exit status for this refusal. */
  exit: number;
  /** The CLI's own message. */
  message: string;
  /** The word (and character) the refusal is about, when it is about one. */
  at?: Loc;
  /** The option the refusal is about (`--targets`). */
  option?: string;
  /** The boolean member's flag (`--enabled`) that was given a value (`--enabled false`, `--enabled=false`). */
  flag?: string;
  /** Each line of botocore's parameter validation, for stage `validation`. */
  lines?: ValidationLine[];
}

export interface LocatedPath {
  path: Path;
  value?: Loc;
  key?: Loc;
}

export interface CliReading {
  /**
   * `request`: the CLI sends `request`. `refused`: the CLI refuses (see `refusal`; `request` is set
   * when botocore's validation refused it). `no-request`: help, --version, --generate-cli-skeleton.
   * `other`: not one of the contract's operations (another `aws` command, or not `aws`).
   * `not-checked`: a shell expansion makes the command line unknowable (see `notChecked`).
   */
  outcome: 'request' | 'refused' | 'no-request' | 'other' | 'not-checked';
  version: CliVersion;
  operation?: OperationName;
  /** The request body as JSON values (blobs as base64 text), with UNKNOWN for shell expansions. */
  request?: Record<string, unknown>;
  refusal?: Refusal;
  noRequest?: 'help' | 'version' | 'skeleton';
  notChecked?: { reason: string; at?: Loc };
  /** Where each API path of the request was written. */
  locations: LocatedPath[];
  /** Facts about how the CLI reads this line that a person may not expect. */
  notes: ReadingNote[];
}

export type ReadingNote =
  | { kind: 'client-token'; }
  | { kind: 'pagination'; paginate: boolean; maxItems?: number; pageSize?: number; startingToken?: boolean }
  /** AWS CLI v2 decoded a blob from text that was not base64: it dropped these characters, and sends other bytes than the text. */
  | { kind: 'blob-not-base64'; path: Path; at?: Loc; dropped: string }
  /** A `file://` value whose file is not available to the reader (FileAccess said why): the value is unknown. */
  | { kind: 'file-not-read'; value: string; reason: string; at?: Loc };

/** How files are read while one command line is read, and where the files that could not be are noted. */
export interface ReadContext extends PathContext {
  notes: ReadingNote[];
  maxDepth?: number;
}

/**
 * A value nested past the reader's depth: the line is not checked, at the level that goes too deep.
 * A value read from a file (`fileText`) is located at the word that names the file, so the message
 * says where in the file that level opens.
 */
export function tooDeep(option: string, e: TooDeep, at: Loc | undefined, fileText?: string): NotChecked {
  const where = fileText === undefined ? '' : ` (${lineColumnIn(fileText, e.index)} of the file it names)`;
  const fix = e.readerLimit ? `this reader goes no deeper, whatever --max-depth says` : 'raise --max-depth if the command line is genuine';
  return new NotChecked(`the value of ${option} is ${e.message}${where}, which is not read (${fix})`, at);
}

/** `line L, column C` of an index of a text, columns in UTF-16 code units as editors count. */
function lineColumnIn(text: string, index: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${index - start + 1}`;
}

/** An UnknownFile of a value: noted when the file is not available (a `$VAR` in its path is not worth a note). */
export function noteUnread(e: UnknownFile, value: string, context: ReadContext, at: Loc | undefined) {
  if (e instanceof FileNotAvailable) context.notes.push({ kind: 'file-not-read', value, reason: e.message, ...(at ? { at } : {}) });
}

export class Refused extends Error {
  constructor(readonly refusal: Omit<Refusal, 'exit'>) {
    super(refusal.message);
  }
}

export class NotChecked extends Error {
  constructor(
    readonly reason: string,
    readonly at?: Loc,
  ) {
    super(reason);
  }
}

export const hasExpansion = (s: string) => s.includes(EXPANSION);

export const locOf = (s: ArgString): Loc => ({ word: s.word, offset: s.offset });

/** A Python exception that is not one the CLI turns into a parameter error: exit 255. */
export function general(message: string, at?: Loc): Refused {
  return new Refused({ stage: 'general', message, ...(at ? { at } : {}) });
}

export function paramError(option: string, message: string, at?: Loc): Refused {
  return new Refused({ stage: 'parameter', message: `Error parsing parameter '${option}': ${message}`, option, ...(at ? { at } : {}) });
}
