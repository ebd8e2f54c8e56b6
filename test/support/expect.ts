import { expect } from 'vitest';
import type { Issue } from '../../src/issues/issue.js';
import type { Severity } from '../../src/issues/codes.js';

export interface Expected {
  code: string;
  path: readonly (string | number)[];
  rule?: string;
}

const key = (i: Expected) => `${i.code} at ${JSON.stringify(i.path)}${i.rule ? ` (${i.rule})` : ''}`;

/** Exactly these issues of this severity, in any order, compared by code, path and rule. */
export function expectIssues(issues: readonly Issue[], expected: readonly Expected[], severity: Severity = 'error'): void {
  const actual = issues.filter((i) => i.severity === severity).map(key);
  expect(actual.sort()).toEqual(expected.map(key).sort());
}

/** The issue is among the issues. */
export function expectIssue(issues: readonly Issue[], expected: Expected): void {
  expect(issues.map((i) => key({ code: i.code, path: i.path }))).toContain(key({ code: expected.code, path: expected.path }));
}

export const isPrefix = (a: readonly unknown[], b: readonly unknown[]) => a.length <= b.length && a.every((s, i) => s === b[i]);
