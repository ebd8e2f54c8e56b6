import { pyStrRepr } from './python.js';

/*
 * `file://` and `fileb://` values (awscli/paramfile.py): the path after the prefix goes through
 * `os.path.expanduser` and `os.path.expandvars`, is relative to the working directory, and is read
 * as text (UTF-8, universal newlines: `\r\n` becomes `\n`, a trailing newline is kept) or bytes.
 */

export type FileErrno = 'ENOENT' | 'EISDIR' | 'EACCES' | 'ENOTDIR';

/** How the reader reads the files a command line refers to. */
export interface FileAccess {
  /**
   * The file's bytes, or the errno of the failure. The path is absolute. `unavailable` says that
   * the file is not there to be read (lint reads only the tree it lints, and a script may write the
   * file before it runs the command), so the value is unknown rather than a refusal; it says why.
   */
  read(path: string): Uint8Array | { errno: FileErrno | string } | { unavailable: string };
}

export interface PathContext {
  cwd: string;
  /** The environment for `$VAR` in paths; undefined when it is not known (a script read statically). */
  env?: Readonly<Record<string, string | undefined>>;
  files?: FileAccess;
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  EFBIG: [27, 'File too large'],
  // Not an errno: a named pipe or a device, which the AWS CLI would wait on, or read without end; it is not read.
  ENOTREG: [5, 'Not a regular file (the AWS CLI would wait on it)'],
};

export class ResourceLoadingError extends Error {}

/** The value could not be read statically: a `$VAR` or `~` without a known environment, or no file access. */
export class UnknownFile extends Error {}

/** The file the value names is not available to this reader (see FileAccess): the message says which file and why. */
export class FileNotAvailable extends UnknownFile {}

/**
 * `$name` and `${anything}` in a path, as os.path.expandvars finds them (the regex
 * `\$(\w+|\{[^}]*\})`, ASCII `\w` as JavaScript reads it), each with its name. Found by a scan that
 * looks for a closing brace once, so that a path of many `${` without one takes linear time (the regex
 * looks again from each of them).
 */
function variables(path: string): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  let close = -2; // the first `}` at or after the last search, -1 when there is none
  for (let i = path.indexOf('$'); i >= 0; i = path.indexOf('$', i)) {
    const word = /\w+/y;
    word.lastIndex = i + 1;
    const m = word.exec(path);
    if (m) {
      out.push({ start: i, end: i + 1 + m[0].length, name: m[0] });
      i += 1 + m[0].length;
      continue;
    }
    if (path[i + 1] === '{') {
      if (close !== -1 && close < i + 2) close = path.indexOf('}', i + 2);
      if (close >= 0) {
        out.push({ start: i, end: close + 1, name: path.slice(i + 2, close) });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** `os.path.expandvars(os.path.expanduser(path))` where the environment is known. */
export function expandPath(path: string, env: PathContext['env']): string {
  if (path.startsWith('~')) {
    const slash = path.indexOf('/');
    const user = path.slice(1, slash < 0 ? undefined : slash);
    const home = user === '' ? env?.HOME : undefined;
    if (home === undefined) throw new UnknownFile(`${path} depends on the home directory`);
    path = home.replace(/(?<!\/)\/+$/, '') + (slash < 0 ? '' : path.slice(slash)) || '/';
  }
  if (!path.includes('$')) return path;
  let out = '';
  let from = 0;
  for (const { start, end, name } of variables(path)) {
    if (env === undefined) throw new UnknownFile(`${path} depends on $${name}`);
    out += path.slice(from, start) + (env[name] ?? path.slice(start, end));
    from = end;
  }
  return out + path.slice(from);
}

export function resolvePath(cwd: string, path: string): string {
  if (path.startsWith('/')) return path;
  const parts = cwd.split('/');
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/') || '/';
}

/** The file a `file://`/`fileb://` value names, read as the CLI reads it; throws ResourceLoadingError or UnknownFile. */
export function readParamFile(value: string, context: PathContext): { text: string } | { bytes: Uint8Array } {
  const binary = value.startsWith('fileb://');
  const given = value.slice(binary ? 8 : 7);
  const path = expandPath(given, context.env);
  if (!context.files) throw new UnknownFile(`${value} is not read`);
  const result = context.files.read(resolvePath(context.cwd, path));
  if ('unavailable' in result) throw new FileNotAvailable(result.unavailable);
  if (!(result instanceof Uint8Array)) {
    const [n, text] = ERRNO[result.errno] ?? [5, result.errno];
    throw new ResourceLoadingError(`Unable to load paramfile ${value}: [Errno ${n}] ${text}: ${pyStrRepr(path)}`);
  }
  if (binary) return { bytes: result };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(result);
  } catch {
    throw new ResourceLoadingError(
      `Unable to load paramfile (${path}), text contents could not be decoded.  If this is a binary file, please use the fileb:// prefix instead of the file:// prefix.`,
    );
  }
  return { text: text.replace(/\r\n?/g, '\n') };
}

export function isParamFile(value: string, followUrls: boolean): boolean {
  return value.startsWith('file://') || value.startsWith('fileb://') || (followUrls && (value.startsWith('http://') || value.startsWith('https://')));
}
