import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kind, OperationName } from '../../src/operations/index.js';
import type { PathSegment } from '../../src/issues/issue.js';
import { ROOT } from './spec.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'payload');

export interface Fixture {
  name: string;
  dir: 'good' | 'bad';
  operation: OperationName;
  kind: Kind;
  httpStatus?: number;
  payload: unknown;
  issues: { code: string; severity: string; path: PathSegment[]; rule?: string }[];
}

export function loadFixtures(dir: 'good' | 'bad'): Fixture[] {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '');
      const expected = JSON.parse(readFileSync(join(FIXTURES, dir, `${name}.expected.json`), 'utf8')) as Omit<Fixture, 'name' | 'dir' | 'payload'>;
      const payload = JSON.parse(readFileSync(join(FIXTURES, dir, file), 'utf8')) as unknown;
      return { name, dir, payload, ...expected };
    });
}

/**
 * Valid payloads to inject faults into: every good fixture, plus the legacy tasks (MW008.legacy-*:
 * LoggingInfo, TaskParameters, warnings only) so that every member of the model is present in one.
 */
export function basePayloads(operation: OperationName, kind: Kind): unknown[] {
  const good = loadFixtures('good').filter((f) => f.operation === operation && f.kind === kind);
  const legacy = loadFixtures('bad').filter((f) => f.name.startsWith('MW008.legacy-') && f.operation === operation && f.kind === kind);
  return [...good, ...legacy].map((f) => f.payload);
}

export const clone = <T>(v: T): T => structuredClone(v);

/** Spec path notation: `A.B` member, `A[]` list item, `A{}` map value, `A{key}` map key. */
export type SpecSegment = { member: string } | { item: true } | { value: true } | { key: true };

export function parseSpecPath(path: string): SpecSegment[] {
  const segments: SpecSegment[] = [];
  for (const token of path.match(/[^.[{]+|\[\]|\{\}|\{key\}/g) ?? []) {
    if (token === '[]') segments.push({ item: true });
    else if (token === '{}') segments.push({ value: true });
    else if (token === '{key}') segments.push({ key: true });
    else segments.push({ member: token });
  }
  return segments;
}

export interface Resolved {
  /** The concrete path: list index 0, the map's first key. */
  path: PathSegment[];
  /** Set when the path ends at a map key rather than a value. */
  mapKey?: boolean;
}

/** The concrete place of a spec path in a payload, if the payload has it (the parent only, for a last member). */
export function resolve(payload: unknown, segments: SpecSegment[], allowMissingLeaf = false): Resolved | undefined {
  const path: PathSegment[] = [];
  let current: unknown = payload;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    const last = i === segments.length - 1;
    if ('member' in s) {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
      if (!(s.member in current) && !(last && allowMissingLeaf)) return undefined;
      path.push(s.member);
      current = (current as Record<string, unknown>)[s.member];
    } else if ('item' in s) {
      if (!Array.isArray(current) || current.length === 0) return undefined;
      path.push(0);
      current = current[0];
    } else {
      if (typeof current !== 'object' || current === null) return undefined;
      const first = Object.keys(current)[0];
      if (first === undefined) return undefined;
      path.push(first);
      if ('key' in s) return { path, mapKey: true };
      current = (current as Record<string, unknown>)[first];
    }
  }
  return { path };
}

export function getAt(payload: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<PathSegment, unknown>)?.[k], payload);
}

/** A copy of the payload with `path` set (or deleted, for `undefined`). */
export function setAt(payload: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const copy = clone(payload);
  const parent = getAt(copy, path.slice(0, -1)) as Record<PathSegment, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A copy of the payload with the map key at `path` renamed. */
export function renameKey(payload: unknown, path: readonly PathSegment[], newKey: string): unknown {
  const copy = clone(payload);
  const map = getAt(copy, path.slice(0, -1)) as Record<string, unknown>;
  const old = String(path[path.length - 1]);
  const value = map[old];
  delete map[old];
  map[newKey] = value;
  return copy;
}
