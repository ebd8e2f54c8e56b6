import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { readFileBytesSync, textOf } from '../../src/parse/text/read-file.js';
import { lintOptions, lintWalked, readWalkedSync, type LintSettings, type Read } from '../../src/cli/lint-files.js';
import { readers } from '../../src/lint/readers.js';
import { takesName } from '../../src/readers/reader.js';
import { walk, type WalkedFile } from '../../src/lint/walk.js';
import { buildHostile } from '../support/hostile.js';
import { ROOT } from '../support/spec.js';

/*
 * A walk skips, without decoding it, a file whose bytes hold none of the words its readers need
 * (Reader.needs, src/cli/lint-files.ts `unwanted`). Never a silent pass: on every fixture, every
 * real-world file, every hostile file and files made to sit on the edge of the rule, lint reports
 * exactly what it reports when every file is decoded and offered to the readers.
 */

const settings: LintSettings = { cwd: ROOT, limits: DEFAULT_LIMITS, ignore: [], ignoreUnknown: false };

/** How lint read a walked file before the shortcut: every file decoded. */
function readEverything(walked: WalkedFile): Read {
  if (walked.skipped !== undefined) return { error: walked.skipped };
  try {
    return { text: textOf(readFileBytesSync(walked.path, settings.limits)) };
  } catch (error) {
    return { error };
  }
}

function compare(paths: string[], cwd: string): { files: number; skipped: number } {
  const local = { ...settings, cwd };
  const options = lintOptions(local);
  const { files } = walk(paths, { cwd, accepts: (f) => readers.some((r) => takesName(r, f)) });
  let skipped = 0;
  for (const walked of files) {
    const read = readWalkedSync(walked, local.limits);
    if ('unwanted' in read) skipped++;
    expect(lintWalked(walked, read, local, options), walked.file).toEqual(lintWalked(walked, readEverything(walked), local, options));
  }
  return { files: files.length, skipped };
}

const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-shortcut-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('skipping the files no reader needs', () => {
  it('changes no finding on the fixtures and the real-world corpus', { timeout: 600_000 }, () => {
    const { files, skipped } = compare(['test/fixtures'], ROOT);
    expect(files).toBeGreaterThan(300);
    expect(skipped).toBeGreaterThan(10);
  });

  it('changes no finding on the hostile files', { timeout: 600_000 }, () => {
    const hostile = join(dir, 'hostile');
    mkdirSync(hostile);
    buildHostile(hostile);
    compare(['.'], hostile);
  });

  it('still reports a binary or non-UTF-8 file that a reader taking its name would recognize, and skips one none would', () => {
    const edge = join(dir, 'edge');
    mkdirSync(edge);
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  T:\n    Type: AWS::SSM::MaintenanceWindowTask\n';
    // Extensionless (only the AWS CLI reader takes the name) and binary, holding a template's words: skipped, as the same text would be.
    writeFileSync(join(edge, 'tool'), Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), Buffer.from(template)]));
    writeFileSync(join(edge, 'tool-text'), template);
    // A template with a stray NUL byte, under a name the template reader takes.
    writeFileSync(join(edge, 'stack.template'), Buffer.concat([Buffer.from(template), Buffer.from([0, 0x0a])]));
    writeFileSync(join(edge, 'other-tool'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    writeFileSync(join(edge, 'latin1.yaml'), Buffer.concat([Buffer.from(template), Buffer.from([0xe9, 0x0a])]));
    writeFileSync(join(edge, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template, 'utf16le')]));
    writeFileSync(join(edge, 'notes.md'), `# Notes\n\nThe stack's Resources: ${template}`);
    writeFileSync(join(edge, 'bom.sh'), `\ufeff#!/bin/sh\naws ssm register-task-with-maintenance-window --window-id mw-0123456789abcdef0\n`);
    const { files, skipped } = compare(['.'], edge);
    // Skipped: tool, tool-text, other-tool, notes.md and utf16.yaml (UTF-16 holds no reader's words as bytes, nor as the text a reader is offered).
    expect({ files, skipped }).toEqual({ files: 8, skipped: 5 });
    const results = ['stack.template', 'latin1.yaml', 'tool', 'tool-text'].map((f) => lintWalked({ file: f, path: join(edge, f), explicit: false }, readWalkedSync({ file: f, path: join(edge, f), explicit: false }, settings.limits), settings, lintOptions(settings)));
    expect(results.map((r) => r?.issues.map((i) => i.code))).toEqual([['unreadable'], ['unreadable'], undefined, undefined]);
    // Named on the command line, the binary tool is read whatever its name, and reported.
    const named = lintWalked({ file: 'tool', path: join(edge, 'tool'), explicit: true }, readWalkedSync({ file: 'tool', path: join(edge, 'tool'), explicit: true }, settings.limits), settings, lintOptions(settings));
    expect(named?.issues.map((i) => i.code)).toEqual(['unreadable']);
  });
});
