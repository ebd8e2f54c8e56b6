import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/spec.js';

/*
 * The built files are ASCII. One character beyond it (a “ in a regex literal, which esbuild does not
 * escape as it does strings) made V8 hold the whole 880 KB lint bundle as two-byte text: Node read it
 * in 8 ms instead of 4 and compiled it slower, at every start. `npm test` builds dist/ first.
 */

const DIST = join(ROOT, 'dist');

it('every built JavaScript file is ASCII', () => {
  if (!existsSync(join(DIST, 'cli.cjs'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
  const offenders = readdirSync(DIST)
    .filter((f) => /\.c?js$/.test(f))
    .flatMap((f) => {
      const bytes = readFileSync(join(DIST, f));
      const at = bytes.findIndex((b) => b > 0x7f);
      return at < 0 ? [] : [`${f} at byte ${at}: ${JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 20).toString('utf8'))}`];
    });
  expect(offenders).toEqual([]);
});
