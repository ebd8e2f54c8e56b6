import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../../src/lint/walk.js';

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
});
