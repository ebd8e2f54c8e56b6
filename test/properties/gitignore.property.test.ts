import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decide, parseGitignore } from '../../src/lint/gitignore.js';
import { DIR_NAMES, FILE_NAMES, gitignoreText, PATTERN_PARTS, referenceDecide } from '../support/gitignore.js';
import { check, ran, summary, timeoutFor } from '../support/property.js';

/*
 * The .gitignore matcher (src/lint/gitignore.ts, every position of a pattern followed at once)
 * against a reference that matches as git's wildmatch does, by recursion and backtracking
 * (test/support/gitignore.ts), on generated patterns and paths; and its time on the patterns
 * that make backtracking exponential, which must stay in proportion to path times pattern.
 */

const RUNS = 3000;

const segment = fc.oneof(fc.constantFrom(...FILE_NAMES, ...DIR_NAMES), fc.array(fc.constantFrom(...PATTERN_PARTS.filter((p) => !p.includes('/'))), { minLength: 1, maxLength: 3 }).map((p) => p.join('')));
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));

describe('the .gitignore matcher', () => {
  it('decides as the backtracking reference does', { timeout: timeoutFor(RUNS) }, () => {
    check(
      'gitignore matches as wildmatch',
      fc.tuple(gitignoreText, path, fc.boolean()),
      ([text, p, isDirectory]) => {
        const patterns = parseGitignore(new TextEncoder().encode(text));
        expect(decide(patterns, p, isDirectory), JSON.stringify({ text, p, isDirectory })).toBe(referenceDecide(text, p, isDirectory));
      },
      RUNS,
    );
  });

  it('takes time in proportion to the path times the pattern on patterns that make backtracking exponential', { timeout: timeoutFor(200) }, () => {
    const hostile = fc.record({
      stars: fc.integer({ min: 1, max: 60 }),
      letter: fc.constantFrom('a', '?', '[a]', '**/a', 'a*/'),
      end: fc.constantFrom('b', '', '/', '[b]'),
      length: fc.integer({ min: 1, max: 255 }),
      anchored: fc.boolean(),
    });
    check(
      'gitignore hostile patterns stay fast',
      hostile,
      ({ stars, letter, end, length, anchored }) => {
        const pattern = `${anchored ? '/' : ''}${`*${letter}`.repeat(stars)}*${end}`;
        const name = 'a'.repeat(length) + '.json';
        const patterns = parseGitignore(new TextEncoder().encode(pattern));
        const start = performance.now();
        for (const p of [name, `${name}/${name}`, `d/${name}`]) decide(patterns, p, false);
        // About 300 bytes of path against a few hundred bytes of pattern: microseconds; a second is a generous ceiling under load.
        expect(performance.now() - start, pattern).toBeLessThan(1000);
      },
      200,
    );
  });

  it('matches the issue’s hostile pattern against 250 a’s at once', () => {
    const name = 'a'.repeat(250) + '.json';
    for (const pattern of ['*a*a*a*a*b', '*a*a*a*a*a*b', '*a'.repeat(100) + '*b', '*a'.repeat(100) + '*n']) {
      const start = performance.now();
      const decided = decide(parseGitignore(new TextEncoder().encode(pattern)), name, false);
      expect(performance.now() - start).toBeLessThan(1000);
      expect(decided, pattern).toBe(pattern.endsWith('n') ? true : undefined);
    }
  });
});

afterAll(() => console.log(summary(ran)));
