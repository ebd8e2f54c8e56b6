import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/*
 * Which files `lint PATH...` reads: files named, directories walked (skipping .git, node_modules
 * and what .gitignore ignores), globs expanded. A path named on the command line is never ignored.
 * As in git, a linked directory is not entered (so a link loop cannot hang the walk); a linked file is read once.
 */

export interface WalkedFile {
  /** As the user should see it: relative to the working directory when inside it. */
  file: string;
  /** Absolute. */
  path: string;
  /** Named on the command line (not found by a walk or a glob). */
  explicit: boolean;
}

export interface WalkOptions {
  cwd: string;
  /** Globs (relative to cwd) whose matches are left out, directories included. */
  exclude?: readonly string[];
  /** Whether a file found by the walk could be read by some reader (a test on its name). */
  accepts?: (file: string) => boolean;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Paths or globs named on the command line that match nothing. */
  missing: string[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
const GLOB = /[*?[\]{}]/;

const posix = (p: string) => p.split(sep).join('/');

/** The .gitignore files that govern a directory: its own and its ancestors' up to the repository's root. */
class GitIgnores {
  private readonly cache = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string | null>();

  private rules(dir: string): Ignore | null {
    let rules = this.cache.get(dir);
    if (rules === undefined) {
      let text: string | undefined;
      try {
        text = readFileSync(join(dir, '.gitignore'), 'utf8');
      } catch {
        text = undefined;
      }
      rules = text === undefined ? null : ignore().add(text);
      this.cache.set(dir, rules);
    }
    return rules;
  }

  /** The repository root of a directory (where `.git` is), or null outside a repository. */
  private root(dir: string): string | null {
    if (this.roots.has(dir)) return this.roots.get(dir)!;
    let found: string | null;
    try {
      statSync(join(dir, '.git'));
      found = dir;
    } catch {
      const parent = dirname(dir);
      found = parent === dir ? null : this.root(parent);
    }
    this.roots.set(dir, found);
    return found;
  }

  /**
   * Whether git would ignore `path` (absolute); the deepest .gitignore that decides wins. With
   * `floor`, only the .gitignore files in it and below it count.
   */
  ignores(path: string, isDirectory: boolean, floor?: string): boolean {
    const top = floor ?? this.root(dirname(path)) ?? dirname(path);
    const chain: string[] = [];
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      chain.unshift(dir);
      if (dir === top || dirname(dir) === dir) break;
    }
    let ignored = false;
    for (const dir of chain) {
      const rules = this.rules(dir);
      if (!rules) continue;
      const test = rules.test(posix(relative(dir, path)) + (isDirectory ? '/' : ''));
      if (test.ignored) ignored = true;
      else if (test.unignored) ignored = false;
    }
    return ignored;
  }
}

function kindOf(path: string, entry?: Dirent): 'file' | 'directory' | undefined {
  if (entry && !entry.isSymbolicLink()) return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : undefined;
  } catch {
    return undefined; // a broken link
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function walk(paths: readonly string[], options: WalkOptions): WalkResult {
  const gitignore = new GitIgnores();
  const excluded = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const shown = (path: string) => {
    const rel = relative(options.cwd, path);
    return posix(rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.');
  };
  const files: WalkedFile[] = [];
  const seenFiles = new Set<string>();
  const missing: string[] = [];

  const add = (path: string, explicit: boolean) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = path;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ file: shown(path), path, explicit });
  };

  /**
   * Walks `dir`, offering each file that `take` wants. Like git, it does not enter a linked
   * directory (so no link loop can hang it); linked files are read. A directory that is itself
   * ignored was named on purpose: then only the .gitignore files inside it count.
   */
  const descend = (dir: string, take: (path: string) => boolean, floor?: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      const kind = kindOf(path, entry);
      if (!kind || (kind === 'directory' && entry.isSymbolicLink()) || excluded(posix(relative(options.cwd, path)))) continue;
      if (gitignore.ignores(path, kind === 'directory', floor)) continue;
      if (kind === 'directory') descend(path, take, floor);
      else if (take(path)) add(path, false);
    }
  };

  for (const given of paths) {
    const path = resolve(options.cwd, given);
    const kind = kindOf(path);
    // A named pipe, a device, a broken link or a loop of links, when named, is read so that reading says which.
    if (kind === 'file' || (kind === undefined && exists(path))) add(path, true);
    else if (kind === 'directory') descend(path, (p) => options.accepts?.(p) ?? true, gitignore.ignores(path, true) ? path : undefined);
    else if (GLOB.test(given)) {
      // The part before the first glob character is where the walk starts.
      const parts = posix(given).split('/');
      const firstGlob = parts.findIndex((p) => GLOB.test(p));
      const base = resolve(options.cwd, parts.slice(0, firstGlob).join('/') || '.');
      const matches = picomatch(posix(resolve(options.cwd, given)), { dot: false });
      // What a glob matches is walked, not named: a match that no reader recognizes is skipped.
      const before = files.length;
      descend(base, (p) => matches(posix(p)));
      if (files.length === before) missing.push(given);
    } else missing.push(given);
  }
  return { files, missing };
}
