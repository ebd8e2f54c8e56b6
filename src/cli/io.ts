import { setFlagsFromString } from 'node:v8';
import { readTextFile, readTextStream, type ReadLimits } from '../parse/text/read-file.js';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input as text; throws InputFileError (src/parse/text/read-file.ts) beyond the size limit or when it is not UTF-8. */
  readStdin(limits?: ReadLimits): Promise<string>;
  /** A regular file's text; throws InputFileError (src/parse/text/read-file.ts) with a one-line reason when it cannot be read as text. */
  readFile(path: string, limits?: ReadLimits): Promise<string>;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Milliseconds, for progress lines; Date.now when absent (tests pass a clock). */
  now?(): number;
  /**
   * Readies the process for a run over many files (lint, once its walk is done, whatever their
   * number). The command line's own process turns TurboFan's inlining off: for lint's code it did not
   * pay back what it costs to compile, over 1,000 templates or 5,000 (docs/performance.md). Tests
   * that run the CLI in-process leave it out, so that the CLI never changes the engine of a process
   * it does not own.
   */
  beforeManyFiles?(): void;
}

/** The V8 flags of nodeIo's beforeManyFiles. */
export const MANY_FILES_V8_FLAGS = '--no-turbo-inlining';

export function nodeIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: (limits) => readTextStream(process.stdin, limits),
    readFile: (path, limits) => readTextFile(path, limits),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    // After start-up: Node refuses its built-in modules' code cache once a flag has changed, so the
    // modules loaded until then keep it (set in bin.ts, it cost a one-file lint 12 ms). lint -j's
    // workers start up without it, about 10 ms each, which their shorter runs win back.
    beforeManyFiles: () => setFlagsFromString(MANY_FILES_V8_FLAGS),
  };
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR turns it on. */
export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}

/** The `code` of a UsageError, in the way of Node's own (`ERR_PARSE_ARGS_...`). */
export const USAGE_ERROR = 'ERR_SSM_MW_USAGE';

/**
 * A mistake in the command line. main.ts knows it by its `code`, not by its class: each subcommand
 * is built to a file of its own (tsup.config.ts), with its own copy of this class.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly code = USAGE_ERROR;
}

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;
