import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { inputFileError, readFileBytesSync } from '../parse/text/read-file.js';
import { formatSize } from '../parse/limits.js';
import { decide, MatchBudgetExceeded, parseGitignore, type GitignorePattern, type MatchBudget } from './gitignore.js';

/*
 * Which files `lint PATH...` reads: files named, directories walked (skipping .git, node_modules
 * and what .gitignore ignores), globs expanded. A path named on the command line is never ignored.
 * As in git, a linked directory is not entered (so a link loop cannot hang the walk), and a linked
 * file is read only when the file it points at is one the walk itself would read (spec/decisions.yaml
 * D47): what a pull request adds cannot make lint read outside the tree.
 */

export interface WalkedFile {
  /** As the user should see it: relative to the working directory when inside it. */
  file: string;
  /** Absolute. */
  path: string;
  /** Named on the command line (not found by a walk or a glob). */
  explicit: boolean;
  /** Found, and deliberately not read: why (a link out of the tree, a .gitignore that is not applied). Reported as not checked. */
  skipped?: string;
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
/**
 * A larger .gitignore is not read (its patterns are not applied, and it is reported): matching costs
 * each walked file time in proportion to the .gitignore files above it, and their patterns stay in
 * memory for the whole walk. The largest .gitignore in GitHub's own collection is a few KB.
 */
export const MAX_IGNORE_FILE_SIZE = 1024 * 1024;

/**
 * What matching .gitignore patterns may cost a walk, in pattern steps (one position of a pattern
 * advanced over one byte of a path, some 15 ns): a start, and as much again for every entry the walk
 * visits. Real .gitignore files spend a few hundred steps per entry; a hostile one that spends the
 * rest is no longer applied, and is reported, so that the walk's time stays in proportion to the tree.
 */
export const IGNORE_STEPS = { start: 10_000_000, perEntry: 20_000 } as const;

const posix = (p: string) => p.split(sep).join('/');

/** The .gitignore files that govern a directory: its own and its ancestors' up to the repository's root. */
class GitIgnores {
  private readonly cache = new Map<string, GitignorePattern[] | null>();
  private readonly roots = new Map<string, string | null>();
  /** governing()'s answers, by top and directory. */
  private readonly governed = new Map<string, Map<string, readonly string[]>>();
  private readonly budget: MatchBudget = { left: IGNORE_STEPS.start };

  /** Steps for one more entry of the walk. */
  grant(): void {
    this.budget.left += IGNORE_STEPS.perEntry;
  }

  /** Called with each .gitignore that exists but is not applied, and why. */
  constructor(private readonly unread: (path: string, reason: string) => void) {}

  /** A directory the walk listed, and what the listing says: no .gitignore is nothing to open, and whether it is a root needs no stat. */
  listed(dir: string, has: { gitignore: boolean; git: boolean }): void {
    if (!has.gitignore && !this.cache.has(dir)) this.cache.set(dir, null);
    if (!this.roots.has(dir)) this.roots.set(dir, has.git ? dir : this.rootAbove(dir));
  }

  private rules(dir: string): GitignorePattern[] | null {
    let rules = this.cache.get(dir);
    if (rules === undefined) {
      rules = null;
      const path = join(dir, '.gitignore');
      const read = readIgnoreFile(path);
      if (read instanceof Uint8Array) rules = parseGitignore(read);
      else if (read !== undefined) this.unread(path, read.reason);
      this.cache.set(dir, rules);
    }
    return rules;
  }

  /**
   * The directories from `top` down to `dir` that have a .gitignore with rules, outermost first:
   * worked out once per directory, not for each of its entries.
   */
  private governing(dir: string, top: string): readonly string[] {
    let byDir = this.governed.get(top);
    if (!byDir) this.governed.set(top, (byDir = new Map()));
    let list = byDir.get(dir);
    if (list === undefined) {
      const parent = dirname(dir);
      const above = dir === top || parent === dir ? [] : this.governing(parent, top);
      list = this.rules(dir) ? [...above, dir] : above;
      byDir.set(dir, list);
    }
    return list;
  }

  /**
   * The repository root of a directory (where `.git` is), or null outside a repository. A directory
   * the walk listed has it from its listing (`listed`); the others, the walk's ancestors, are asked
   * with a stat that throws no error when there is no .git (caught, it cost a walk some 15 microseconds a directory).
   */
  private root(dir: string): string | null {
    if (this.roots.has(dir)) return this.roots.get(dir)!;
    let git: Stats | undefined;
    try {
      git = statSync(join(dir, '.git'), { throwIfNoEntry: false });
    } catch {
      git = undefined;
    }
    const found = git ? dir : this.rootAbove(dir);
    this.roots.set(dir, found);
    return found;
  }

  /** The repository root of a directory's parent; null above the file system's root. */
  private rootAbove(dir: string): string | null {
    const parent = dirname(dir);
    return parent === dir ? null : this.root(parent);
  }

  /**
   * Whether git would ignore `path` (absolute); the deepest .gitignore that decides wins. With
   * `floor`, only the .gitignore files in it and below it count.
   */
  ignores(path: string, isDirectory: boolean, floor?: string): boolean {
    const parent = dirname(path);
    const top = floor ?? this.root(parent) ?? parent;
    let ignored = false;
    for (const dir of this.governing(parent, top)) {
      const rules = this.rules(dir);
      if (!rules) continue;
      let decided: boolean | undefined;
      try {
        decided = decide(rules, posix(relative(dir, path)), isDirectory, this.budget);
      } catch (error) {
        if (!(error instanceof MatchBudgetExceeded)) throw error;
        this.cache.set(dir, null);
        this.unread(join(dir, '.gitignore'), `matching its patterns costs more than a walk allows (${IGNORE_STEPS.perEntry.toLocaleString('en')} steps per entry): they are not applied from ${posix(relative(dir, path))} on`);
        continue;
      }
      if (decided !== undefined) ignored = decided;
    }
    return ignored;
  }
}

/**
 * A .gitignore's bytes; undefined when there is none; else why it is not read. As git 2.32 and later,
 * a .gitignore that is a symbolic link is not followed (it could point at a device that never ends);
 * only a regular file up to MAX_IGNORE_FILE_SIZE is read.
 */
function readIgnoreFile(path: string): Uint8Array | undefined | { reason: string } {
  try {
    if (lstatSync(path).isSymbolicLink()) return { reason: 'it is a symbolic link, which git does not follow for a .gitignore either: its patterns are not applied' };
    return readFileBytesSync(path, { maxFileSize: MAX_IGNORE_FILE_SIZE }, { noFollow: true });
  } catch (error) {
    const refusal = inputFileError(error, path);
    if (refusal.code === 'ENOENT' || refusal.code === 'ENOTDIR') return undefined;
    const reason = refusal.code === 'EFBIG' ? `it is larger than ${formatSize(MAX_IGNORE_FILE_SIZE)}` : refusal.message;
    return { reason: `${reason}: its patterns are not applied` };
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

/** join(dir, name) for a directory the walk resolved (absolute, normalized) and an entry's name, which holds no separator: without join's normalizing, which the walk did for every entry. */
function childPath(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

function realOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
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
  const files: WalkedFile[] = [];
  const seenFiles = new Set<string>();
  const missing: string[] = [];
  const shown = (path: string) => {
    const rel = relative(options.cwd, path);
    return posix(rel.startsWith('..') || isAbsolute(rel) ? path : rel || '.');
  };
  const skip = (path: string, reason: string) => {
    if (seenFiles.has(path)) return;
    seenFiles.add(path);
    files.push({ file: shown(path), path, explicit: false, skipped: reason });
  };
  // A .gitignore not applied is reported whether or not the walk also lists it as a file.
  const gitignore = new GitIgnores((path, reason) => files.push({ file: shown(path), path, explicit: false, skipped: reason }));
  const excludes = options.exclude && options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : undefined;
  // The path relative to cwd is made only when there is an --exclude to match it against: a walk meets every file.
  const excluded = (path: string) => excludes !== undefined && excludes(posix(relative(options.cwd, path)));

  /** `known`: the real path, when the walk knows it (a file that is no link, in a directory whose real path it knows). */
  const add = (path: string, explicit: boolean, known?: string) => {
    let real: string;
    try {
      real = known ?? realpathSync(path);
    } catch {
      real = path;
    }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push({ file: shown(path), path, explicit });
  };

  /**
   * Why a linked file is not read, if it is not: its target must be a file this walk of `root` would
   * read itself (inside the tree, not in .git or node_modules, not ignored), as git keeps the link, not
   * the file, and a pull request can point a link anywhere.
   */
  const outOfTree = (link: string, root: string, floor: string | undefined): string | undefined => {
    let real: string;
    let realRoot: string;
    try {
      real = realpathSync(link);
      realRoot = realpathSync(root);
    } catch {
      return undefined; // gone since it was listed: reading it says so
    }
    const rel = relative(realRoot, real);
    const why = 'it is a symbolic link to a file that this walk does not read';
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return `${why} (outside ${shown(root)}): not read`;
    const parts = rel.split(sep);
    const realFloor = floor === undefined ? undefined : realpathSync(floor);
    for (let i = 0; i < parts.length; i++) {
      const at = join(realRoot, ...parts.slice(0, i + 1));
      const last = i === parts.length - 1;
      if ((!last && ALWAYS_SKIPPED.has(parts[i]!)) || gitignore.ignores(at, !last, realFloor)) return `${why} (one it skips or that .gitignore ignores): not read`;
    }
    return undefined;
  };

  /**
   * Walks `dir`, offering each file that `take` wants. Like git, it does not enter a linked
   * directory (so no link loop can hang it); a linked file is read when its target is in the tree
   * of `root`. A directory that is itself ignored was named on purpose: then only the .gitignore
   * files inside it count. `realDir` is the directory's real path: a directory it enters is no link,
   * so its real path is its parent's and its name.
   */
  const descend = (dir: string, root: string, take: (path: string) => boolean, floor?: string, realDir = realOf(dir)) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    gitignore.listed(dir, { gitignore: entries.some((e) => e.name === '.gitignore'), git: entries.some((e) => e.name === '.git') });
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      gitignore.grant();
      const path = childPath(dir, entry.name);
      const kind = kindOf(path, entry);
      if (!kind || (kind === 'directory' && entry.isSymbolicLink()) || excluded(path)) continue;
      if (gitignore.ignores(path, kind === 'directory', floor)) continue;
      if (kind === 'directory') descend(path, root, take, floor, childPath(realDir, entry.name));
      else if (take(path)) {
        const link = entry.isSymbolicLink();
        const refused = link ? outOfTree(path, root, floor) : undefined;
        if (refused) skip(path, refused);
        else add(path, false, link ? undefined : childPath(realDir, entry.name));
      }
    }
  };

  for (const given of paths) {
    const path = resolve(options.cwd, given);
    const kind = kindOf(path);
    // A named pipe, a device, a broken link or a loop of links, when named, is read so that reading says which.
    if (kind === 'file' || (kind === undefined && exists(path))) add(path, true);
    else if (kind === 'directory') descend(path, path, (p) => options.accepts?.(p) ?? true, gitignore.ignores(path, true) ? path : undefined);
    else if (GLOB.test(given)) {
      // The part before the first glob character is where the walk starts.
      const parts = posix(given).split('/');
      const firstGlob = parts.findIndex((p) => GLOB.test(p));
      const base = resolve(options.cwd, parts.slice(0, firstGlob).join('/') || '.');
      const matches = picomatch(posix(resolve(options.cwd, given)), { dot: false });
      // What a glob matches is walked, not named: a match that no reader recognizes is skipped.
      const before = files.length;
      descend(base, base, (p) => matches(posix(p)));
      if (files.length === before) missing.push(given);
    } else missing.push(given);
  }
  return { files, missing };
}
