import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IGNORE_FILE_SIZE, walk } from '../../src/lint/walk.js';

let root: string;

function write(path: string, text = 'x') {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ssm-mw-walk-'));
  mkdirSync(join(root, '.git'));
  write('.gitignore', 'cdk.out/\n*.log\n!keep.log\nbuild\n');
  write('templates/a.yaml');
  write('templates/b.json');
  write('templates/notes.txt');
  write('templates/.gitignore', 'private.yaml\n');
  write('templates/private.yaml');
  write('templates/nested/c.yml');
  write('cdk.out/Stack.template.json');
  write('node_modules/pkg/template.yaml');
  write('.git/config.yaml');
  write('debug.log');
  write('keep.log');
  write('build/out.yaml');
  write('vendor/d.yaml');
  // A link back to an ancestor: the walk must not loop.
  symlinkSync(root, join(root, 'templates', 'nested', 'loop'));
  symlinkSync(join(root, 'templates', 'a.yaml'), join(root, 'templates', 'alias.yaml'));
  symlinkSync(join(root, 'no-such-file'), join(root, 'templates', 'broken.yaml'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = (paths: string[], options: { exclude?: string[]; accepts?: (f: string) => boolean } = {}) => {
  const result = walk(paths, { cwd: root, ...options });
  return { files: result.files.map((f) => `${f.file}${f.explicit ? ' (named)' : ''}`), missing: result.missing };
};

describe('walk', () => {
  it('skips .git, node_modules and what .gitignore files ignore, at every level; reads a linked file once; never loops', () => {
    expect(files(['.'])).toEqual({
      files: ['.gitignore', 'keep.log', 'templates/.gitignore', 'templates/a.yaml', 'templates/b.json', 'templates/nested/c.yml', 'templates/notes.txt', 'vendor/d.yaml'],
      missing: [],
    });
  });

  it('offers only the files a reader could read', () => {
    expect(files(['templates'], { accepts: (f) => /\.ya?ml$/.test(f) }).files).toEqual(['templates/a.yaml', 'templates/nested/c.yml']);
  });

  it('never ignores what is named: an ignored directory, an ignored file, a linked directory', () => {
    expect(files(['cdk.out', 'templates/private.yaml']).files).toEqual(['cdk.out/Stack.template.json', 'templates/private.yaml (named)']);
    expect(files(['templates/nested/loop'], { accepts: (f) => f.endsWith('d.yaml') }).files).toEqual(['templates/nested/loop/vendor/d.yaml']);
  });

  it('expands globs, and reports a glob or a path that matches nothing', () => {
    expect(files(['templates/**/*.y*ml', 'nothing/*.json', 'missing.yaml'])).toEqual({
      files: ['templates/a.yaml', 'templates/nested/c.yml'],
      missing: ['nothing/*.json', 'missing.yaml'],
    });
  });

  it('leaves out what --exclude matches', () => {
    expect(files(['.'], { exclude: ['vendor/**', '**/*.txt', 'templates/nested', '**/.gitignore'] }).files).toEqual(['keep.log', 'templates/a.yaml', 'templates/b.json']);
  });

  it("stops at a repository's root: a .gitignore above a nested repository (a .git directory or a .git file) does not reach into it", () => {
    const outer = mkdtempSync(join(tmpdir(), 'ssm-mw-walk-nested-'));
    try {
      const put = (path: string, text = 'x') => {
        mkdirSync(dirname(join(outer, path)), { recursive: true });
        writeFileSync(join(outer, path), text);
      };
      mkdirSync(join(outer, '.git'));
      put('.gitignore', '*.yaml\n');
      put('top.yaml');
      put('plain/a.yaml');
      mkdirSync(join(outer, 'inner', '.git'), { recursive: true });
      put('inner/deep/b.yaml');
      put('worktree/.git', 'gitdir: /elsewhere\n');
      put('worktree/c.yaml');
      put('worktree/.gitignore', 'c.yaml\n');
      put('worktree/d.yaml');
      const found = walk(['.'], { cwd: outer }).files.map((f) => f.file);
      expect(found).toEqual(['.gitignore', 'inner/deep/b.yaml', 'worktree/.gitignore', 'worktree/d.yaml']);
    } finally {
      rmSync(outer, { recursive: true, force: true });
    }
  });

  describe('linked files (spec/decisions.yaml D47)', () => {
    let outside: string;
    let tree: string;
    beforeAll(() => {
      outside = mkdtempSync(join(tmpdir(), 'ssm-mw-outside-'));
      writeFileSync(join(outside, 'secret.json'), '{"token": "s3cr3t"}');
      tree = join(root, 'links');
      mkdirSync(join(tree, 'sub'), { recursive: true });
      write('links/in.json', '{}');
      write('links/sub/ignored.json', '{}');
      write('links/.gitignore', 'sub/ignored.json\n');
      symlinkSync(join(outside, 'secret.json'), join(tree, 'to-outside.json'));
      symlinkSync('/etc/passwd', join(tree, 'passwd.json'));
      symlinkSync(join(root, '.git', 'config.yaml'), join(tree, 'git-config.yaml'));
      symlinkSync(join(tree, 'sub', 'ignored.json'), join(tree, 'to-ignored.json'));
      symlinkSync(join(tree, 'in.json'), join(tree, 'to-in.json'));
      symlinkSync(join(root, 'vendor', 'd.yaml'), join(tree, 'up.yaml'));
    });
    afterAll(() => rmSync(outside, { recursive: true, force: true }));

    const walked = (paths: string[]) => walk(paths, { cwd: root }).files.map((f) => [f.file, f.skipped ?? (f.explicit ? 'named' : 'read')]);
    const notWalked = 'it is a symbolic link to a file that this walk does not read';

    it('reads a link only when the walk would read its target itself, and says why it does not', () => {
      expect(walked(['links'])).toEqual([
        ['links/.gitignore', 'read'],
        ['links/git-config.yaml', `${notWalked} (outside links): not read`],
        ['links/in.json', 'read'],
        ['links/passwd.json', `${notWalked} (outside links): not read`],
        ['links/to-ignored.json', `${notWalked} (one it skips or that .gitignore ignores): not read`],
        ['links/to-outside.json', `${notWalked} (outside links): not read`],
        ['links/up.yaml', `${notWalked} (outside links): not read`],
      ]);
    });

    it('walking the whole tree, reads a link into it once and still never one into .git', () => {
      const all = walked(['.']).filter(([f]) => f!.startsWith('links/'));
      expect(all).toContainEqual(['links/up.yaml', 'read']);
      expect(all).toContainEqual(['links/git-config.yaml', `${notWalked} (one it skips or that .gitignore ignores): not read`]);
      expect(all.filter(([f]) => f === 'links/in.json' || f === 'links/to-in.json')).toEqual([['links/in.json', 'read']]);
    });

    it('applies the same rule to what a glob finds, from where the glob starts', () => {
      expect(walked(['links/*.json'])).toEqual([
        ['links/in.json', 'read'],
        ['links/passwd.json', `${notWalked} (outside links): not read`],
        ['links/to-ignored.json', `${notWalked} (one it skips or that .gitignore ignores): not read`],
        ['links/to-outside.json', `${notWalked} (outside links): not read`],
      ]);
    });

    it('reads a link named on the command line: the person running lint chose it', () => {
      expect(walked(['links/to-outside.json'])).toEqual([['links/to-outside.json', 'named']]);
    });
  });

  describe('.gitignore files that are not read (as git since 2.32: not through a link)', () => {
    it('does not follow a linked .gitignore, nor wait on a named pipe, nor read one over 1 MiB, and says so', () => {
      write('odd/linked/a.json', '{}');
      symlinkSync('/dev/zero', join(root, 'odd', 'linked', '.gitignore'));
      write('odd/pipe/a.json', '{}');
      execFileSync('mkfifo', [join(root, 'odd', 'pipe', '.gitignore')]);
      write('odd/large/a.json', '{}');
      write('odd/large/.gitignore', '*.json\n' + '#'.repeat(MAX_IGNORE_FILE_SIZE));
      const result = walk(['odd'], { cwd: root, accepts: (f) => f.endsWith('.json') }).files.map((f) => [f.file, f.skipped ?? 'read']);
      expect(result).toEqual([
        ['odd/large/.gitignore', 'it is larger than 1 MiB: its patterns are not applied'],
        ['odd/large/a.json', 'read'],
        ['odd/linked/.gitignore', 'it is a symbolic link, which git does not follow for a .gitignore either: its patterns are not applied'],
        ['odd/linked/a.json', 'read'],
        ['odd/pipe/.gitignore', 'it is a named pipe (FIFO), not a regular file: not read, so that the run never waits on it: its patterns are not applied'],
        ['odd/pipe/a.json', 'read'],
      ]);
    });

    it('stops applying a .gitignore whose patterns cost more than the walk allows, and says from where', () => {
      // 1 MiB of patterns that each follow 120 positions over a 254-byte name and fail at its last byte.
      const line = '*a'.repeat(60) + '*[xyz]\n';
      write('costly/.gitignore', line.repeat(Math.floor(MAX_IGNORE_FILE_SIZE / line.length)) + 'b.json\n');
      for (let i = 0; i < 50; i++) write(`costly/${String(i).padStart(2, '0')}${'a'.repeat(240)}.json`, '{}');
      write('costly/b.json', '{}');
      const start = performance.now();
      const result = walk(['costly'], { cwd: root, accepts: (f) => f.endsWith('.json') }).files;
      // The budget is some 10^7 steps and 20,000 per entry: about a second of matching here at most; ten under load.
      expect(performance.now() - start).toBeLessThan(10_000);
      expect(result[0]).toMatchObject({ file: 'costly/.gitignore', skipped: expect.stringMatching(/^matching its patterns costs more than a walk allows \(20,000 steps per entry\): they are not applied from 0\da+\.json on$/) });
      // From there on nothing is ignored: b.json, which its last line names, is read.
      expect(result.filter((f) => !f.skipped).map((f) => f.file)).toContain('costly/b.json');
      expect(result.filter((f) => !f.skipped)).toHaveLength(51);
    });
  });
});
