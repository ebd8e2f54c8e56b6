import { describe, expect, it } from 'vitest';
import { oncePer } from '../../src/values/once.js';

describe('oncePer', () => {
  it('makes each object’s answer once, and each object its own', () => {
    const made: object[] = [];
    const sizeOf = oncePer((o: { n: number }) => (made.push(o), { size: o.n }));
    const a = { n: 1 };
    const b = { n: 2 };
    expect(sizeOf(a)).toBe(sizeOf(a));
    expect(sizeOf(b)).toEqual({ size: 2 });
    expect(made).toEqual([a, b]);
  });

  it('keeps an undefined answer too, rather than making it again', () => {
    let calls = 0;
    const nothing = oncePer((_o: object) => void calls++);
    const o = {};
    expect(nothing(o)).toBeUndefined();
    expect(nothing(o)).toBeUndefined();
    expect(calls).toBe(1);
  });
});
