import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isManagedNodeId, isWindowTargetId } from '../../src/rules/MW007-task-target-value-format.js';
import { MANAGED_NODE_ID, WINDOW_TARGET_ID } from '../support/arbitraries.js';

/*
 * MW007 checks IDs character by character (for speed); the patterns in test/support/arbitraries.ts
 * say what it must accept. Each check must agree with its pattern on IDs, on IDs with one character
 * changed, added or removed, and on any text.
 */

const formats = [
  { name: 'isManagedNodeId', check: isManagedNodeId, pattern: MANAGED_NODE_ID },
  { name: 'isWindowTargetId', check: isWindowTargetId, pattern: WINDOW_TARGET_ID },
];

/** Characters next to the edges of every range the patterns use, and some beyond ASCII. */
const EDGES = [...'/09:@AFGZ`afgz{-_ iImM', '\u0660', '\uff10', '\uff41', '\u00e9', '\ud83d'];

/** A string of the pattern with one character replaced, inserted or removed. */
function nearMisses(pattern: RegExp): fc.Arbitrary<string> {
  return fc
    .tuple(fc.stringMatching(pattern), fc.nat(), fc.constantFrom(...EDGES), fc.constantFrom('replace', 'insert', 'remove'))
    .map(([s, at, c, how]) => {
      const i = at % (s.length + 1);
      if (how === 'insert') return s.slice(0, i) + c + s.slice(i);
      if (how === 'remove') return s.slice(0, i) + s.slice(i + 1);
      return s.slice(0, i) + c + s.slice(i + 1);
    });
}

describe.each(formats)('$name', ({ check, pattern }) => {
  it('accepts every string of its pattern', () => {
    fc.assert(fc.property(fc.stringMatching(pattern), (s) => check(s)), { numRuns: 2000 });
  });

  it('agrees with its pattern on near misses', () => {
    fc.assert(fc.property(nearMisses(pattern), (s) => check(s) === pattern.test(s)), { numRuns: 5000 });
  });

  it('agrees with its pattern on any text', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: fc.constantFrom(...EDGES), maxLength: 40 }));
    fc.assert(fc.property(text, (s) => check(s) === pattern.test(s)), { numRuns: 5000 });
  });
});

describe('the examples of the documentation', () => {
  const byKey = { InstanceIds: isManagedNodeId, WindowTargetIds: isWindowTargetId };
  it.each([
    ['InstanceIds', 'i-02573cafcfEXAMPLE', false],
    ['InstanceIds', 'i-0123456789abcdef0', true],
    ['InstanceIds', 'i-1234abcd', true],
    ['InstanceIds', 'mi-0123456789abcdef0', true],
    ['InstanceIds', 'mi-1234abcd', false],
    ['InstanceIds', 'I-0123456789abcdef0', false],
    ['InstanceIds', 'i-0123456789ABCDEF0', false],
    ['WindowTargetIds', 'e32eecb2-646c-4f4b-8ed1-205fbEXAMPLE', false],
    ['WindowTargetIds', 'e32eecb2-646c-4f4b-8ed1-205fb0123456', true],
    ['WindowTargetIds', 'E32EECB2-646C-4F4B-8ED1-205FB0123456', true],
    ['WindowTargetIds', 'e32eecb2646c-4f4b-8ed1-205fb01234567', false],
    ['WindowTargetIds', 'e32eecb2-646c-4f4b-8ed1-205fb012345', false],
  ] as const)('%s %s: %s', (key, id, ok) => {
    expect(byKey[key](id)).toBe(ok);
  });
});
