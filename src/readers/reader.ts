import type { Limits } from '../parse/limits.js';
import type { IssueData, Path, Span } from '../issues/issue.js';
import type { Kind, OperationName } from '../operations/index.js';
import type { ValidateOptions } from '../validate/validate.js';

/*
 * The interface between `lint` and the readers of each kind of file (API payloads, CloudFormation,
 * Terraform, Terraform plans, AWS CLI command lines). A reader turns a file into the API calls it
 * describes, in the API's own shape and names; the engine checks them with validate() and reports
 * each finding where the file writes it, in the file's own names.
 */

/** 1-based line and column, as editors and CI annotations count. */
export interface SourceLocation {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** One API call that a file describes: a CloudFormation resource, a Terraform resource, a command line, a payload file. */
export interface FoundTask {
  operation: OperationName;
  kind: Kind;
  /** The payload in the API's shape and names, with UNKNOWN (src/values/unknown-value.ts) wherever a value is not known statically. */
  payload: unknown;
  /** How the file names the task: a CloudFormation logical id, a Terraform address, the command. */
  resource: string;
  /**
   * Which variant this payload is when a reader checks several (each branch of Fn::If, a parameter's
   * allowed value). Every variant of one task is a FoundTask with the same `resource`; the engine
   * merges their findings, and names the variant only for a finding that some variants do not have.
   */
  variant?: string;
  /**
   * The facts this variant assumes, one short phrase each (`condition IsProd is true`,
   * `parameter Env = "prod"`). The engine labels a finding with the facts that every variant having
   * it shares and not every variant does; without them it falls back to `variant`.
   */
  assumptions?: readonly string[];
  /** When the task exists only under a condition (a CloudFormation resource `Condition`, a Terraform `count`), which. */
  condition?: string;
  /** Where the task itself is written. */
  location: SourceLocation;
  /**
   * Where the value (or, for `key`, the member name) at an API path is written, and the path in the
   * file's own names (`Properties.TaskInvocationParameters.MaintenanceWindowRunCommandParameters`).
   * Undefined when the file does not write that path; the engine then uses the nearest written parent.
   */
  locate(path: Path, target?: 'key' | 'value'): { location: SourceLocation; sourcePath?: Path } | undefined;
  /**
   * Where a part of the string at `path` is written (an issue's `span`: the Hours field of a schedule),
   * given where `locate` put the value. Absent, or undefined: the value's own location.
   */
  locateSpan?(path: Path, span: Span, value: SourceLocation): SourceLocation | undefined;
  /**
   * An API path in the file's own names, whether or not the file writes it (`MaxConcurrency` is
   * `max_concurrency` in Terraform, `--max-concurrency` on a command line). The engine words every
   * message with it: the members that params name (MW004's `member`, MW008's `replacement`) as well
   * as paths. Absent: the file uses the API's names.
   */
  names?(apiPath: Path): Path;
  /** Findings of the reader itself, at API paths: what the file format requires beyond the API, constructs it could not read. */
  issues: IssueData[];
  /**
   * Where the reader itself places some of its own findings, when no API path leads there (a
   * CloudFormation property the resource type lacks is not in the payload): used instead of `locate`.
   */
  placed?: ReadonlyMap<IssueData, { location: SourceLocation; sourcePath?: Path }>;
  /** Rule ids or codes suppressed inline for this task (a CloudFormation Metadata entry, a Terraform comment). */
  suppressed?: readonly string[];
  /** How to validate: e.g. `representation: 'sdk'` where blobs are raw text (Terraform's `payload` is sent as its bytes). */
  validateOptions?: ValidateOptions;
}

/** A finding about a file as a whole (it cannot be parsed, a construct is not understood), with where. */
export interface FileFinding {
  issue: IssueData;
  location?: SourceLocation;
  /** The task it concerns, when there is one. */
  resource?: string;
  /** The path in the file's own names, to render the message with (see `formatIssue`). */
  sourcePath?: Path;
  /** Rule ids or codes suppressed inline where the finding is (a comment on a command line that has no task). */
  suppressed?: readonly string[];
}

export interface ReadResult {
  /**
   * The tasks, each variant a FoundTask. May be made lazily, as the engine consumes them (so that a
   * file's variants are never all held at once); `findings` is complete only once they are consumed.
   */
  tasks: Iterable<FoundTask>;
  findings: FileFinding[];
  /** Rule ids or codes suppressed inline for the whole file; they apply to `findings` and to every task. */
  suppressed?: readonly string[];
}

/** A ReadResult whose tasks are all made at once, as a list (the Terraform and AWS CLI readers'). */
export type ListedReadResult = ReadResult & { tasks: FoundTask[] };

export interface ReaderContext {
  /** The directory relative file references (file://) resolve against. */
  cwd: string;
  readFile(path: string): string | undefined;
  /**
   * The file's bytes (a `fileb://` blob, or text to decode strictly), when the caller can give them:
   * undefined when it does not exist or is outside the tree lint may read; `unread` with the reason
   * when it is there but is not read (a named pipe or a device, larger than the size limit, not readable).
   */
  readBytes?(path: string): Uint8Array | { unread: string } | undefined;
  /** How large, deep and alias-laden a file may be (src/parse/limits.ts); DEFAULT_LIMITS where absent. */
  limits?: Partial<Limits>;
}

export interface Reader {
  /** 'payload' | 'cloudformation' | 'terraform' | 'terraform-plan' | 'aws-cli' */
  kind: string;
  /**
   * A cheap test on the name alone, before a walk reads the file: whether it could be of this kind.
   * Files named on the command line skip it. Absent: every file could be.
   */
  accepts?(file: string): boolean;
  /**
   * Text of which `detect` needs at least one to say yes (ASCII, so it is in the file's bytes just as
   * in its text): a file that holds none of them is not of this kind. A walk looks for them in the
   * bytes before it decodes a file (src/cli/lint-files.ts), so that the many files of a repository
   * that no reader wants cost only their reading. Absent: any file could be.
   */
  needs?: readonly string[];
  /**
   * Whether the file is of this kind, from its name and its text. The first reader that says yes
   * reads it. A reader that parses the file to decide says yes with what it parsed (`{ parsed }`),
   * and `read` takes it back instead of parsing the file again.
   */
  detect(file: string, text: string): Detection;
  /** `parsed`: what `detect` returned for this same file and text, when it returned `{ parsed }`. */
  read(file: string, text: string, context: ReaderContext, parsed?: unknown): ReadResult;
}

/** Whether a reader takes a file by its name (Reader.accepts): a walk offers a file only to the readers that do. */
export const takesName = (reader: Reader, file: string): boolean => reader.accepts?.(file) ?? true;

export const readersTaking = (readers: readonly Reader[], file: string): Reader[] => readers.filter((r) => takesName(r, file));

/** A reader's answer to whether it reads a file: no, yes, or yes with what it parsed to decide. */
export type Detection = boolean | { parsed: unknown };
