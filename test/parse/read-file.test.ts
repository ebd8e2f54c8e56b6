import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError, readFileBytesSync } from '../../src/parse/text/read-file.js';

/*
 * readFileBytesSync reads a regular file in one read of its size and a byte more, and anything that
 * says it is empty (/proc) in chunks to its end: every byte, never more than the limit.
 */

const dir = mkdtempSync(join(tmpdir(), 'ssm-mw-read-file-'));

describe('readFileBytesSync', () => {
  it.each([0, 1, 4095, 4096, 65_536, 65_537, 300_001])('reads all %i bytes of a file', (size) => {
    const path = join(dir, `f${size}`);
    const bytes = Buffer.alloc(size, 'ab');
    writeFileSync(path, bytes);
    expect(Buffer.compare(Buffer.from(readFileBytesSync(path)), bytes)).toBe(0);
  });

  it('reads a file of exactly the limit and refuses one a byte larger', () => {
    const path = join(dir, 'limit');
    writeFileSync(path, 'x'.repeat(1000));
    expect(readFileBytesSync(path, { maxFileSize: 1000 }).length).toBe(1000);
    expect(() => readFileBytesSync(path, { maxFileSize: 999 })).toThrow(expect.objectContaining({ code: 'EFBIG' }) as InputFileError);
  });

  it.runIf(process.platform === 'linux')('reads a file that says it is empty to its end (/proc)', () => {
    const read = Buffer.from(readFileBytesSync('/proc/self/maps')).toString();
    expect(read.length).toBeGreaterThan(0);
    expect(read.endsWith('\n')).toBe(true);
    expect(readFileSync('/proc/self/maps', 'utf8').split('\n')[0]).toBe(read.split('\n')[0]);
  });
});
