import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Limits } from '../parse/limits.js';
import { lintFile, type FileResult, type LintOptions } from '../lint/engine.js';
import { readers } from '../lint/readers.js';
import { readersTaking, type Reader, type ReaderContext } from '../readers/reader.js';
import type { WalkedFile } from '../lint/walk.js';
import { messageOf } from '../values/thrown.js';
import { oncePer } from '../values/once.js';
import { InputFileError, inputFileError, readFileBytesSync, textOf } from '../parse/text/read-file.js';

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
  /** `--show-schedule`: each window's schedule and its next runs, this many. */
  showSchedule?: { count: number };
}

/**
 * How readers read the files a task refers to (file://): within the limits, only inside the directory
 * lint runs in (links followed) and never inside a .git directory, which holds the repository's
 * configuration and, in CI, the checkout's credentials (spec/decisions.yaml D47).
 */
export function readerContext({ cwd, limits }: LintSettings): ReaderContext {
  const readBytes = (path: string): Uint8Array | { unread: string } | undefined => {
    try {
      const real = realpathSync(resolve(cwd, path));
      const inside = relative(realpathSync(cwd), real);
      if (inside.startsWith('..') || isAbsolute(inside)) return { unread: 'it is a symbolic link to a file outside the directory lint runs in, which is all it reads' };
      if (inside.split(sep).includes('.git')) return { unread: 'it is inside a .git directory, which lint never reads' };
      return readFileBytesSync(real, limits);
    } catch (error) {
      const refusal = inputFileError(error, resolve(cwd, path));
      return refusal.code === 'ENOENT' ? undefined : { unread: refusal.message };
    }
  };
  return {
    cwd,
    readFile: (path: string) => {
      const bytes = readBytes(path);
      if (!(bytes instanceof Uint8Array)) return undefined;
      try {
        return textOf(bytes);
      } catch {
        return undefined;
      }
    },
    readBytes,
    limits,
  };
}

export function lintOptions(settings: LintSettings): LintOptions {
  return { ignore: settings.ignore, context: readerContext(settings), ...(settings.showSchedule ? { showSchedule: settings.showSchedule } : {}) };
}

/** The text of a file, or what went wrong reading it; `unwanted` for a walked file whose bytes no reader could recognize. */
export type Read = { text: string } | { error: unknown } | { unwanted: true };

/** The longest text in every one of `texts`, if it has at least this many characters. */
const SHARED_AT_LEAST = 8;
function sharedPart(texts: readonly string[]): string | undefined {
  const [shortest, ...rest] = [...texts].sort((a, b) => a.length - b.length);
  if (shortest === undefined || rest.length === 0) return undefined;
  for (let length = shortest.length; length >= SHARED_AT_LEAST; length--) {
    for (let start = 0; start + length <= shortest.length; start++) {
      const part = shortest.slice(start, start + length);
      if (rest.every((t) => t.includes(part))) return part;
    }
  }
  return undefined;
}

/**
 * Each reader's needs (Reader.needs) as bytes, once per reader, with the longest text all of them share
 * (`shared`) when there is one worth a search: a file without it holds none of them, so it costs one
 * search, not one per need (the AWS CLI's commands all name a maintenance-window). null for a reader
 * that may recognize any file.
 */
const needsOf = oncePer((reader: Reader): { shared?: Buffer; each: readonly Buffer[] } | null => {
  if (!reader.needs) return null;
  const shared = sharedPart(reader.needs);
  return { ...(shared !== undefined ? { shared: Buffer.from(shared) } : {}), each: reader.needs.map((n) => Buffer.from(n)) };
});

/** Whether one of `readers` could recognize a file from these bytes (Reader.needs): one of them has no needs, or one of its needs is in the bytes. */
export function mayRecognize(bytes: Uint8Array, all: readonly Reader[]): boolean {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const reader of all) {
    const needs = needsOf(reader);
    if (needs === null) return true;
    if (needs.shared && !buffer.includes(needs.shared)) continue;
    if (needs.each.some((n) => buffer.includes(n))) return true;
  }
  return false;
}

/**
 * Whether a walk skips a file with these bytes whatever they say: no reader that accepts its name
 * could recognize them (Reader.needs). Text or not: a walk offers a file only to the readers that take
 * its name (src/lint/engine.ts), so a binary that holds a template's words under a name no template
 * reader takes is skipped, as a text file of that name is (decision D32).
 */
export function unwanted(file: string, bytes: Uint8Array, all: readonly Reader[] = readers): boolean {
  return !mayRecognize(bytes, readersTaking(all, file));
}

/**
 * What a walked file holds: nothing is read of a file the walk found and left unread (a link out of
 * the tree), and a walked file that the walk skips whatever it says (`unwanted`) is not decoded.
 */
export function readWalkedSync(walked: WalkedFile, limits: Limits, all: readonly Reader[] = readers): Read {
  if (walked.skipped !== undefined) return { error: walked.skipped };
  let bytes: Uint8Array;
  try {
    bytes = readFileBytesSync(walked.path, limits);
  } catch (error) {
    return { error };
  }
  if (!walked.explicit && unwanted(walked.file, bytes, all)) return { unwanted: true };
  try {
    return { text: textOf(bytes) };
  } catch (error) {
    return { error };
  }
}

/** The result for one walked file; undefined when a walk skips it (a binary file no reader recognizes). */
export function lintWalked(walked: WalkedFile, read: Read, settings: LintSettings, options: LintOptions): FileResult | undefined {
  if (walked.skipped !== undefined) return lintFile({ file: walked.file, skipped: walked.skipped }, options);
  if ('unwanted' in read) return undefined;
  // A walk (or --ignore-unknown) offers what readers may read; a file named on the command line is read whatever it holds.
  const explicit = walked.explicit && !settings.ignoreUnknown;
  if ('text' in read) return lintFile({ file: walked.file, text: read.text, explicit }, options);
  return unread(walked.file, read.error, explicit, options);
}

/**
 * A file that could not be read as text: an error, except that a walk skips a binary file or one
 * that is not UTF-8 unless a reader that takes its name recognizes what it holds (a template with a
 * stray NUL byte is reported; an image named .json is not), and reports a file beyond the size limit
 * as not checked.
 */
function unread(file: string, error: unknown, explicit: boolean, options: LintOptions): FileResult | undefined {
  if (!(error instanceof InputFileError)) return lintFile({ file, error: messageOf(error), explicit: true }, options);
  if (!explicit && error.code === 'EFBIG') return lintFile({ file, skipped: error.message }, options);
  const undecodable = error.code === 'EBINARY' || error.code === 'EILSEQ';
  // A reader that fails on the text recognizes it: lintFile reports the file.
  const recognizes = (r: Reader) => {
    try {
      return r.detect(file, error.lenient ?? '');
    } catch {
      return true;
    }
  };
  // As for text: a walk offers the file to the readers that take its name.
  if (!explicit && undecodable && !readersTaking(options.readers ?? readers, file).some(recognizes)) return undefined;
  return lintFile({ file, error: error.message, ...(error.position ? { errorLocation: error.position } : {}), explicit: true }, options);
}
