import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue, PathSegment } from '../../src/issues/issue.js';
import { OPERATION_NAMES, type Kind, type OperationName } from '../../src/operations/index.js';
import { INVOCATION_MEMBER, type TaskType } from '../../src/rules/types.js';
import { UNKNOWN } from '../../src/values/unknown-value.js';
import { validate, type ValidateOptions, type ValidationResult } from '../../src/validate/validate.js';
import { validateWithZod } from '../support/validate-zod.js';
import { bodyArbitrary, describeRequestArbitrary, registerRequestArbitrary } from '../support/arbitraries.js';
import { contractCases, isJsonValue, RUNS, SEED } from '../support/cases.js';

/*
 * validate() runs checks compiled from the Zod schemas (src/compiled/). They must say exactly what
 * the schemas say (test/support/validate-zod.ts): the same verdict, the same issues (code, path, params,
 * message, hint, rule), the same representation, UNKNOWN paths and value. Checked on every case of
 * the shared case table, and on payloads fuzzed with values of every kind at every place.
 */

/** Issues in a stable order: the compiled checks go in the payload's order, Zod in the schema's (src/compiled/runtime.ts). */
const sorted = (issues: readonly Issue[]) => [...issues].map((i) => JSON.stringify(i)).sort();
const paths = (ps: readonly (readonly PathSegment[])[]) => ps.map((p) => JSON.stringify(p)).sort();

function difference(operation: OperationName, kind: Kind, data: unknown, options: ValidateOptions = {}): string | undefined {
  const compiled = validate(operation, kind, data, options);
  const reference = validateWithZod(operation, kind, data, options);
  const view = (r: ValidationResult) => ({
    valid: r.valid,
    issues: sorted(r.issues),
    representation: r.representation,
    unknown: paths(r.unknown),
    hasValue: 'value' in r,
    // The compiled value is the caller's object; Zod's is its copy, in which a Date given as a structure becomes {}.
    ...(isJsonValue(data) ? { value: r.value } : {}),
  });
  const a = view(compiled);
  const b = view(reference);
  try {
    expect(a).toEqual(b);
    return undefined;
  } catch {
    const show = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' || typeof x === 'symbol' || typeof x === 'function' ? String(x) : x), 1);
    return `${operation} ${kind} ${JSON.stringify(options)}:\ncompiled: ${show(a)}\nzod: ${show(b)}`;
  }
}

describe('the compiled checks say what the Zod schemas say', () => {
  const cases = contractCases();

  it(`on every case of the shared case table (${cases.length} cases), wire and SDK representation`, () => {
    const found: string[] = [];
    for (const c of cases) {
      for (const representation of ['wire', 'sdk'] as const) {
        const d = difference(c.operation, c.kind, c.data, { representation, ...(c.httpStatus !== undefined ? { httpStatus: c.httpStatus } : {}) });
        if (d) found.push(`${c.description}\n${d}`);
      }
    }
    expect(found.slice(0, 3).join('\n\n')).toBe('');
  });

  it('gives the issues in the order of the Zod path when the payload lists members in the schema order (the fixtures do)', () => {
    for (const c of cases.filter((c) => c.source === 'fixture')) {
      expect(validate(c.operation, c.kind, c.data).issues.map((i) => `${i.code} ${i.pointer}`), c.description).toEqual(
        validateWithZod(c.operation, c.kind, c.data).issues.map((i) => `${i.code} ${i.pointer}`),
      );
    }
  });

  // Values of every kind JSON, YAML and SDK input can hold, and some no input should.
  const odd = fc.constantFrom<unknown>(
    undefined,
    null,
    NaN,
    Infinity,
    -Infinity,
    -0,
    0.5,
    2 ** 31,
    -(2 ** 31) - 1,
    '',
    ' ',
    'x',
    '😀'.repeat(3),
    'a'.repeat(300),
    '\ud800',
    'AAAA',
    'QUI=',
    '###',
    '1970-01-01T00:00:00Z',
    '2024-13-01T00:00:00Z',
    true,
    [],
    [1],
    ['x'],
    {},
    { Bogus: 1 },
    new Date(0),
    new Date(NaN),
    new Uint8Array(3),
    new Uint8Array(5000),
    UNKNOWN,
    Symbol('s'),
    10n,
    () => 1,
    new Map([['a', 1]]),
    Object.create(null) as object,
  );
  const anything = fc.oneof({ weight: 3, arbitrary: odd }, { weight: 1, arbitrary: fc.anything() });

  /** Every path into a payload (containers and leaves), for the fuzzer to break one. */
  function placesOf(value: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
    out.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => placesOf(v, [...path, i], out));
    else if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
      for (const [k, v] of Object.entries(value)) placesOf(v, [...path, k], out);
    }
    return out;
  }

  function breakAt(payload: unknown, path: readonly PathSegment[], value: unknown, how: 'set' | 'add' | 'delete'): unknown {
    if (path.length === 0) return how === 'set' ? value : payload;
    // Copy along the path only: the payload may hold values structuredClone refuses (symbols, functions).
    const shallow = (v: unknown) => (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<PathSegment, unknown>;
    const copy = shallow(payload);
    let parent = copy;
    for (const s of path.slice(0, -1)) parent = parent[s] = shallow(parent[s]);
    const last = path[path.length - 1]!;
    if (how === 'add' && typeof parent[last] === 'object' && parent[last] !== null) parent[last] = shallow(parent[last]);
    if (how === 'delete') delete parent[last];
    else if (how === 'add' && typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>).Extra = value;
    else parent[last] = value;
    return copy;
  }

  const targets: { label?: string; operation: OperationName; kind: Kind; arbitrary: fc.Arbitrary<unknown> }[] = [
    ...(Object.keys(INVOCATION_MEMBER) as TaskType[]).flatMap((t) =>
      [true, false].map((targeted) => ({
        label: `${t} ${targeted ? 'targeted' : 'targetless'}`,
        operation: 'RegisterTaskWithMaintenanceWindow' as const,
        kind: 'request' as const,
        arbitrary: registerRequestArbitrary(t, targeted) as fc.Arbitrary<unknown>,
      })),
    ),
    { operation: 'DescribeMaintenanceWindowExecutionTaskInvocations', kind: 'request', arbitrary: describeRequestArbitrary() },
    ...OPERATION_NAMES.flatMap((operation) => (['response', 'error'] as const).map((kind) => ({ operation, kind, arbitrary: bodyArbitrary(operation, kind) }))),
  ];

  it.each(targets.map((t) => [`${t.operation} ${t.kind}${t.label ? ` (${t.label})` : ''}`, t] as const))('on fuzzed payloads: %s', { timeout: 120_000 }, (_, { operation, kind, arbitrary }) => {
    const broken = arbitrary.chain((payload) =>
      fc
        .array(fc.tuple(fc.nat(), anything, fc.constantFrom('set', 'set', 'add', 'delete') as fc.Arbitrary<'set' | 'add' | 'delete'>), { minLength: 1, maxLength: 3 })
        .map((changes) =>
          changes.reduce<unknown>((p, [pick, value, how]) => {
            const places = placesOf(p);
            return breakAt(p, places[pick % places.length]!, value, how);
          }, payload),
        ),
    );
    fc.assert(
      fc.property(broken, fc.constantFrom('wire', 'sdk') as fc.Arbitrary<'wire' | 'sdk'>, (payload, representation) => {
        const d = difference(operation, kind, payload, { representation });
        if (d) throw new Error(d);
      }),
      { seed: SEED, numRuns: 2 * RUNS },
    );
  });
});
