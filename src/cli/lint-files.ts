import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Limits } from '../inputs/limits.js';
import { lintFile, type FileResult, type LintOptions } from '../lint/engine.js';
import { readers } from '../lint/readers.js';
import type { ReaderContext } from '../lint/types.js';
import type { WalkedFile } from '../lint/walk.js';
import { messageOf } from '../thrown.js';
import { InputFileError, inputFileError, readFileBytesSync, textOf } from './read.js';

/*
 * One walked file's lint result: what the `lint` command does for each file, in its own thread or
 * in a worker (src/cli/lint-pool.ts). Everything here is data a worker can be given: no `Io`.
 */

/** What a run of `lint` decides for every file. */
export interface LintSettings {
  cwd: string;
  limits: Limits;
  /** Rule ids or codes left out (`--ignore`). */
  ignore: readonly string[];
  /** `--ignore-unknown`: a named file no reader recognizes is skipped, as a walk does. */
  ignoreUnknown: boolean;
}

/** How readers read the files a task refers to: within the limits, and file:// only inside the directory lint runs in (links followed). */
export function readerContext({ cwd, limits }: LintSettings): ReaderContext {
  return {
    cwd,
    readFile: (path: string) => {
      const read = readSync(resolve(cwd, path), limits);
      return 'text' in read ? read.text : undefined;
    },
    readBytes: (path: string) => {
      try {
        const real = realpathSync(resolve(cwd, path));
        const inside = relative(realpathSync(cwd), real);
        return inside.startsWith('..') || isAbsolute(inside) ? undefined : readFileBytesSync(real, limits);
      } catch (error) {
        const refusal = inputFileError(error, resolve(cwd, path));
        return refusal.code === 'ENOENT' ? undefined : { unread: refusal.message };
      }
    },
    limits,
  };
}

export function lintOptions(settings: LintSettings): LintOptions {
  return { ignore: settings.ignore, context: readerContext(settings) };
}

/** The text of a file, or what went wrong reading it. */
export type Read = { text: string } | { error: unknown };

/** A file's text as `lint` reads it (src/cli/read.ts), or the error. */
export function readSync(path: string, limits: Limits): Read {
  try {
    return { text: textOf(readFileBytesSync(path, limits)) };
  } catch (error) {
    return { error };
  }
}

/** The result for one walked file; undefined when a walk skips it (a binary file no reader recognizes). */
export function lintWalked(walked: WalkedFile, read: Read, settings: LintSettings, options: LintOptions): FileResult | undefined {
  // A walk (or --ignore-unknown) offers what readers may read; a file named on the command line is read whatever it holds.
  const explicit = walked.explicit && !settings.ignoreUnknown;
  if ('text' in read) return lintFile({ file: walked.file, text: read.text, explicit }, options);
  return unread(walked.file, read.error, explicit, options);
}

/**
 * A file that could not be read as text: an error, except that a walk skips a binary file or one
 * that is not UTF-8 unless a reader recognizes what it holds (a template with a stray NUL byte is
 * reported; an image named .json is not), and reports a file beyond the size limit as not checked.
 */
function unread(file: string, error: unknown, explicit: boolean, options: LintOptions): FileResult | undefined {
  if (!(error instanceof InputFileError)) return lintFile({ file, error: messageOf(error), explicit: true }, options);
  if (!explicit && error.code === 'EFBIG') return lintFile({ file, skipped: error.message }, options);
  const undecodable = error.code === 'EBINARY' || error.code === 'EILSEQ';
  if (!explicit && undecodable && !(options.readers ?? readers).some((r) => r.detect(file, error.lenient ?? ''))) return undefined;
  return lintFile({ file, error: error.message, ...(error.position ? { errorLocation: error.position } : {}), explicit: true }, options);
}
