import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, parseGitignore } from '../../src/lint/gitignore.js';
import { walk } from '../../src/lint/walk.js';
import { SEED } from '../support/cases.js';
import { gitignoreText, treeFiles } from '../support/gitignore.js';

/*
 * The walk's .gitignore matching against git itself (2.39 here): a repository of generated trees,
 * each under generated .gitignore files (wildcards, classes good and malformed, escapes, negations,
 * anchors, trailing slashes and spaces, CRLF), walked by lint and listed by `git ls-files --others
 * --exclude-standard`. The two lists must be the same, file for file.
 */

const TREES = 160;
const enc = (s: string) => new TextEncoder().encode(s);

let repo: string;
let home: string;
const texts = fc.sample(gitignoreText, { seed: SEED, numRuns: TREES * 2 });

function write(path: string, text: string | Uint8Array = 'x') {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
}

/** git with no configuration but the repository's: no global excludes file, no system config. */
function git(args: string[]): string {
  return execFileSync('git', ['-c', 'core.excludesFile=/dev/null', '-c', 'core.ignoreCase=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'ssm-mw-gitignore-'));
  home = mkdtempSync(join(tmpdir(), 'ssm-mw-gitignore-home-'));
  git(['init', '-q']);
  for (let k = 0; k < TREES; k++) {
    for (const file of treeFiles()) write(`t${k}/${file}`);
    write(`t${k}/.gitignore`, texts[2 * k]!);
    // Every third tree has a .gitignore one level down too: the deeper one decides, and cannot re-include what is under an ignored directory.
    if (k % 3 === 0) write(`t${k}/d/.gitignore`, texts[2 * k + 1]!);
  }
}, 120_000);

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}, 120_000);

describe('.gitignore matching', () => {
  it(`walks what git lists, in ${TREES} generated trees under generated .gitignore files`, { timeout: 120_000 }, () => {
    const listed = git(['ls-files', '-z', '--others', '--exclude-standard']).split('\0').filter(Boolean).sort();
    const walked = walk(['.'], { cwd: repo }).files.map((f) => f.file).sort();
    // Each tree on its own, so that a difference names its .gitignore.
    for (let k = 0; k < TREES; k++) {
      const under = (files: string[]) => files.filter((f) => f.startsWith(`t${k}/`));
      expect(under(walked), JSON.stringify({ gitignore: texts[2 * k], nested: k % 3 === 0 ? texts[2 * k + 1] : undefined })).toEqual(under(listed));
    }
    expect(walked).toEqual(listed);
    // The generated patterns ignore some files and keep others: the comparison means something.
    expect(listed.length).toBeGreaterThan(TREES * 20);
    expect(listed.length).toBeLessThan(TREES * treeFiles().length);
  });

  it('reads a .gitignore as git does: byte order mark, CR, NUL, escaped trailing space, a pattern with no newline at the end', () => {
    const patterns = (text: string) => parseGitignore(enc(text)).map((p) => p.source);
    expect(patterns('\uFEFFa\r\n#c\n\\#d\n\nb \\ \ne\u0000f\n  \n!g/\nlast')).toEqual(['a', '\\#d', 'b \\ ', 'e', '!g/', 'last']);
    expect(decide(parseGitignore(enc('*.log\n!keep.log\n')), 'x/keep.log', false)).toBe(false);
    expect(decide(parseGitignore(enc('*.log\n!keep.log\n')), 'x/debug.log', false)).toBe(true);
    expect(decide(parseGitignore(enc('build/\n')), 'build', false)).toBeUndefined();
    expect(decide(parseGitignore(enc('build/\n')), 'build', true)).toBe(true);
  });

  it('ignores the issue’s hostile pattern beside a 254-byte name at once, as git does', { timeout: 60_000 }, () => {
    const name = 'a'.repeat(250) + '.json';
    write(`hostile/${name}`, '{}');
    write('hostile/.gitignore', '*a*a*a*a*a*b\n*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*j*n\n');
    const start = performance.now();
    const walked = walk(['hostile'], { cwd: repo }).files.map((f) => f.file);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(walked).toEqual(['hostile/.gitignore']);
    expect(git(['ls-files', '-z', '--others', '--exclude-standard', 'hostile']).split('\0').filter(Boolean)).toEqual(walked);
  });
});
