import { describe, expect, it } from 'vitest';
import { mayRecognize } from '../../src/cli/lint-files.js';
import { readers } from '../../src/lint/readers.js';

/*
 * A walked file is offered to a reader only if its bytes hold one of the reader's needs
 * (Reader.needs). mayRecognize first looks for the text all of a reader's needs share, when they
 * share one: every need must still be found alone, and the shared text alone is not enough.
 */

const bytes = (text: string) => Buffer.from(`# some other file\n${text}\n# the end\n`);

describe('mayRecognize', () => {
  for (const reader of readers.filter((r) => r.needs)) {
    it(`finds each of the ${reader.kind} reader's needs alone`, () => {
      for (const need of reader.needs!) expect(mayRecognize(bytes(`x ${need} y`), [reader]), need).toBe(true);
    });

    it(`finds none of the ${reader.kind} reader's needs in a file without them`, () => {
      expect(mayRecognize(bytes('nothing to see here; -maintenance-window maintenance-window Window Task'), [reader])).toBe(false);
    });
  }

  it('takes any file for a reader without needs', () => {
    expect(mayRecognize(bytes('anything'), [{ ...readers[0]!, needs: undefined }])).toBe(true);
  });
});
