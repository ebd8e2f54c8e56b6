import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { Position } from '../document.js';
import { DEFAULT_LIMITS, formatSize, type Limits } from '../limits.js';
import { decodeText, type TextProblem } from './decode-text.js';
import { errorCode, messageOf } from '../../values/thrown.js';

/*
 * Reading a file the user named or a walk found, whatever is at its path: only a regular file is
 * read (a named pipe would make the run wait forever, a device would never end), only up to the
 * size limit, and only if it is UTF-8 text. Every refusal is an InputFileError with a one-line reason.
 */

export type ReadLimits = Pick<Limits, 'maxFileSize'>;

export class InputFileError extends Error {
  override name = 'InputFileError';
  constructor(
    /** The errno (`ENOENT`, `EACCES`, ...) or our own: `ENOTREG` not a regular file, `EFBIG` too large, `EBINARY`, `EILSEQ` not UTF-8. */
    readonly code: string,
    message: string,
    /** Where in the file the problem is, for `EBINARY` and `EILSEQ`. */
    readonly position?: Position,
    readonly problem?: TextProblem,
    /** For `EBINARY` and `EILSEQ`: the text with each byte that is not UTF-8 replaced by U+FFFD, only to tell which reader the file is for. */
    readonly lenient?: string,
  ) {
    super(message);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'a loop of symbolic links (too many levels of symbolic links)',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the path is too long',
};

/** A failure to read `path` as an InputFileError with its one-line reason (one already is returned as it is). */
export function inputFileError(error: unknown, path?: string): InputFileError {
  if (error instanceof InputFileError) return error;
  const code = errorCode(error) ?? 'EIO';
  if (code === 'ENOENT' && path !== undefined && isLink(path)) return new InputFileError(code, 'a symbolic link to a file that does not exist');
  return new InputFileError(code, (Object.hasOwn(REASONS, code) ? REASONS[code] : undefined) ?? messageOf(error));
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function notRegular(stat: Stats): InputFileError | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return new InputFileError('EISDIR', REASONS.EISDIR!);
  const what = stat.isFIFO() ? 'a named pipe (FIFO)' : stat.isSocket() ? 'a socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : 'not a regular file';
  return new InputFileError('ENOTREG', `it is ${what}, not a regular file: not read, so that the run never waits on it`);
}

function tooLarge(size: number, limits: ReadLimits): InputFileError {
  return new InputFileError('EFBIG', `it is larger than the ${formatSize(limits.maxFileSize)} limit (${size > limits.maxFileSize ? formatSize(size) : 'more'}); raise --max-file-size to read it`);
}

/** The text of bytes, or an InputFileError that says where they stop being UTF-8 text. */
export function textOf(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (decoded.ok) return decoded.text;
  const { problem } = decoded;
  throw new InputFileError(problem.kind === 'binary' ? 'EBINARY' : 'EILSEQ', problem.reason, problem.position, problem, new TextDecoder().decode(bytes));
}

// O_NONBLOCK: opening a named pipe without a writer returns at once instead of waiting for one; fstat then refuses it.
const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A regular file's bytes, at most `maxFileSize` of them. Synchronous: the CLI reads one file at a time,
 * and readers that resolve `file://` references read while they read.
 */
export function readFileBytesSync(path: string, limits: ReadLimits = DEFAULT_LIMITS, options: { noFollow?: boolean } = {}): Uint8Array {
  let fd: number;
  try {
    // noFollow: a symbolic link is refused (ELOOP), as git refuses a linked .gitignore.
    fd = openSync(path, options.noFollow ? FLAGS | (constants.O_NOFOLLOW ?? 0) : FLAGS);
  } catch (error) {
    throw inputFileError(error, path);
  }
  try {
    const stat = fstatSync(fd);
    const refused = notRegular(stat) ?? (stat.size > limits.maxFileSize ? tooLarge(stat.size, limits) : undefined);
    if (refused) throw refused;
    // The size fstat gives, and one byte more, is read into one buffer: a regular file that gives fewer
    // bytes than asked has ended there, so one read and no copy is the common case. A file that has
    // grown gives the byte more and is read on; one in /proc says 0 and is read in chunks to its end.
    const sized = stat.size > 0;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const wanted = total > 0 ? 4 * 1024 : sized ? stat.size + 1 : 64 * 1024;
      const chunk = Buffer.allocUnsafe(Math.min(wanted, limits.maxFileSize + 1 - total));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limits.maxFileSize) throw tooLarge(total, limits);
      if (sized && bytesRead < chunk.length) break;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    throw inputFileError(error);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text: refused unless it is UTF-8 text within the size limit. */
export async function readTextFile(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<string> {
  return textOf(readFileBytesSync(path, limits));
}

/** Standard input's text, with the same limits. */
export async function readTextStream(stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, limits: ReadLimits = DEFAULT_LIMITS): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    total += bytes.length;
    if (total > limits.maxFileSize) throw tooLarge(total, limits);
  }
  return textOf(Buffer.concat(chunks, total));
}
