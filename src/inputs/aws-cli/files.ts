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
};

export class ResourceLoadingError extends Error {}

/** The value could not be read statically: a `$VAR` or `~` without a known environment, or no file access. */
export class UnknownFile extends Error {}

/** The file the value names is not available to this reader (see FileAccess): the message says which file and why. */
export class FileNotAvailable extends UnknownFile {}

const VAR = /\$(\w+|\{[^}]*\})/gu;

/** `os.path.expandvars(os.path.expanduser(path))` where the environment is known. */
export function expandPath(path: string, env: PathContext['env']): string {
  if (path.startsWith('~')) {
    const slash = path.indexOf('/');
    const user = path.slice(1, slash < 0 ? undefined : slash);
    const home = user === '' ? env?.HOME : undefined;
    if (home === undefined) throw new UnknownFile(`${path} depends on the home directory`);
    path = home.replace(/\/+$/, '') + (slash < 0 ? '' : path.slice(slash)) || '/';
  }
  if (!path.includes('$')) return path;
  return path.replace(VAR, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    if (env === undefined) throw new UnknownFile(`${path} depends on $${key}`);
    return env[key] ?? whole;
  });
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
