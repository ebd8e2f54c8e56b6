import type { Kind, OperationName } from '../../src/operations/index.js';
import type { PathSegment } from '../../src/issues/issue.js';
import { basePayloads, clone, getAt, parseSpecPath, renameKey, resolve, setAt, type Resolved } from './payloads.js';
import type { SpecConstraint } from './spec.js';

/** A payload with one fault, and the issue it must raise. */
export interface FaultCase {
  name: string;
  operation: OperationName;
  kind: Kind;
  payload: unknown;
  expect: { code: string; path: PathSegment[] };
}

/** A payload at a constraint's boundary, which must raise no model error at `path`. */
export interface PassCase {
  name: string;
  operation: OperationName;
  kind: Kind;
  payload: unknown;
  path: PathSegment[];
}

const KIND_OF_ID = /^[A-Za-z]+\.(request|response)\./;

export function kindOf(c: SpecConstraint): Kind {
  const m = KIND_OF_ID.exec(c.id);
  if (!m) throw new Error(`constraint id ${c.id} does not name a kind`);
  return m[1] as Kind;
}

/** The first base payload of the operation and kind that has the constraint's path. */
export function baseFor(operation: OperationName, c: SpecConstraint): { base: unknown; at: Resolved } {
  const segments = parseSpecPath(c.path);
  for (const base of basePayloads(operation, kindOf(c))) {
    const at = resolve(base, segments);
    if (at) return { base, at };
  }
  throw new Error(`no base payload in test/fixtures/payload has ${c.path}: add a fixture that does`);
}

const bytesBase64 = (n: number) => Buffer.alloc(n, 0x41).toString('base64');

/**
 * Passing and failing payloads for one documented constraint. `all` is every constraint of the
 * operation, to know whether a string is also held to a pattern (then only the base value is
 * known to pass).
 */
export function casesFor(operation: OperationName, c: SpecConstraint, all: readonly SpecConstraint[]): { pass: PassCase[]; fail: FaultCase[] } {
  const kind = kindOf(c);
  const { base, at } = baseFor(operation, c);
  const pass: PassCase[] = [];
  const fail: FaultCase[] = [];
  const patterned = all.some((o) => o.path === c.path && o.constraint === 'pattern');
  const n = c.value as number;

  const put = (value: unknown) => (at.mapKey ? renameKey(base, at.path, String(value)) : setAt(base, at.path, value));
  const placeOf = (value: unknown) => (at.mapKey ? [...at.path.slice(0, -1), String(value)] : at.path);
  const ok = (label: string, value: unknown) => pass.push({ name: `${c.id} accepts ${label}`, operation, kind, payload: put(value), path: placeOf(value) });
  const bad = (label: string, value: unknown, code: string) =>
    fail.push({ name: `${c.id} rejects ${label}`, operation, kind, payload: put(value), expect: { code, path: placeOf(value) } });
  const current = getAt(base, at.path);

  switch (c.constraint) {
    case 'required':
      pass.push({ name: `${c.id} present`, operation, kind, payload: clone(base), path: at.path });
      fail.push({ name: `${c.id} missing`, operation, kind, payload: setAt(base, at.path, undefined), expect: { code: 'required', path: at.path } });
      break;
    case 'minLength':
      if (patterned) ok('the base value', current);
      else {
        ok(`${n} characters`, 'a'.repeat(n));
        if (n > 0) ok(`${n} astral characters`, '😀'.repeat(n));
      }
      if (n > 0) bad(`${n - 1} characters`, 'a'.repeat(n - 1), 'too_short');
      // n - 1 emoji are 2n - 2 UTF-16 units, enough to pass a check that counts units: only code points fail it.
      if (n > 1 && !patterned) bad(`${n - 1} astral characters`, '😀'.repeat(n - 1), 'too_short');
      break;
    case 'maxLength':
      if (patterned) ok('the base value', current);
      else {
        ok(`${n} characters`, 'a'.repeat(n));
        ok(`${n} astral characters (${2 * n} UTF-16 units)`, '😀'.repeat(n));
      }
      bad(`${n + 1} characters`, 'a'.repeat(n + 1), 'too_long');
      break;
    case 'pattern':
      for (const v of c.matches ?? []) ok(JSON.stringify(v), v);
      for (const v of c.rejects ?? []) bad(JSON.stringify(v), v, 'pattern_mismatch');
      break;
    case 'enum': {
      const values = c.value as string[];
      for (const v of values) ok(v, v);
      const first = values[0]!;
      bad('a value outside the enum', 'NOT_A_VALUE', 'invalid_enum');
      bad('a value in the wrong case', first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase(), 'invalid_enum');
      break;
    }
    case 'minimum':
      ok(String(n), n);
      bad(String(n - 1), n - 1, 'too_small');
      break;
    case 'maximum':
      ok(String(n), n);
      bad(String(n + 1), n + 1, 'too_big');
      break;
    case 'maxBytes':
      ok(`${n} bytes as base64`, bytesBase64(n));
      ok(`${n} bytes as a Uint8Array`, new Uint8Array(n));
      bad(`${n + 1} bytes as base64`, bytesBase64(n + 1), 'too_long');
      bad(`${n + 1} bytes as a Uint8Array`, new Uint8Array(n + 1), 'too_long');
      break;
    case 'minItems':
    case 'maxItems': {
      const items = current as unknown[];
      const list = (count: number) => Array.from({ length: count }, () => clone(items[0]));
      if (c.constraint === 'minItems') {
        ok(`${n} items`, list(n));
        if (n > 0) bad(`${n - 1} items`, list(n - 1), 'too_few_items');
      } else {
        ok(`${n} items`, list(n));
        bad(`${n + 1} items`, list(n + 1), 'too_many_items');
      }
      break;
    }
    case 'minEntries':
    case 'maxEntries': {
      const map = current as Record<string, unknown>;
      const first = Object.values(map)[0];
      const entries = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`key${i}`, clone(first)]));
      if (c.constraint === 'minEntries') {
        ok(`${n} entries`, entries(n));
        if (n > 0) bad(`${n - 1} entries`, entries(n - 1), 'too_few_entries');
      } else {
        ok(`${n} entries`, entries(n));
        bad(`${n + 1} entries`, entries(n + 1), 'too_many_entries');
      }
      break;
    }
  }
  return { pass, fail };
}
