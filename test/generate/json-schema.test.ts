import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_NOTE, shapeClosure } from '../../src/generate/contract.js';
import { blobSchema, DEFS_KEY, DRAFTS, RULES_EXTENSION } from '../../src/generate/json-schema.js';
import { KINDS, OPERATION_NAMES, operations } from '../../src/operations/index.js';
import { rules } from '../../src/rules/index.js';
import { base64ByteLength } from '../../src/shapes/build.js';
import { metaOf } from '../../src/shapes/meta.js';
import { SHAPES } from '../../src/compiled/generated/shapes.js';
import { ajvValidator, committedSchema, GENERATED, strictAjv } from '../support/ajv.js';
import { expressibleVerdict } from '../support/cases.js';
import { loadFixtures } from '../support/payloads.js';

type Schema = Record<string, unknown>;
const files = DRAFTS.flatMap((draft) => readdirSync(join(GENERATED, 'json-schema', draft)).map((f) => [draft, f] as const));

describe('generated JSON Schemas', () => {
  it('are one per operation, kind and draft', () => {
    expect(files.length).toBe(DRAFTS.length * OPERATION_NAMES.length * KINDS.length);
  });

  it.each(DRAFTS.flatMap((draft) => OPERATION_NAMES.flatMap((op) => KINDS.map((kind) => [draft, op, kind] as const))))('%s %s %s compiles in strict ajv and carries the generated marker', (draft, op, kind) => {
    const schema = committedSchema(op, kind, draft);
    expect(() => strictAjv(draft).compile(schema)).not.toThrow();
    expect(schema.$comment).toBe(GENERATED_NOTE);
    expect(Object.keys(schema[DEFS_KEY[draft]] as Schema).length).toBeGreaterThan(0);
  });

  it.each(DRAFTS.flatMap((draft) => OPERATION_NAMES.map((op) => [draft, op] as const)))('%s %s request rejects every known-bad payload (no accept-all schema ships)', (draft, op) => {
    const validate = ajvValidator(op, 'request', draft);
    const bad = loadFixtures('bad').filter((f) => f.operation === op && f.kind === 'request' && f.issues.some((i) => i.severity === 'error'));
    // A fixture whose only errors are a validator-only rule's (the schedule dialect) is validate()'s alone to reject.
    expect(bad.filter((f) => !expressibleVerdict(f)).length).toBeGreaterThan(0);
    for (const f of bad) expect(validate(f.payload), f.name).toBe(expressibleVerdict(f));
    expect(validate({})).toBe(false);
    expect(validate([])).toBe(false);
    for (const f of loadFixtures('good').filter((g) => g.operation === op && g.kind === 'request')) expect(validate(f.payload), f.name).toBe(true);
  });

  it('express or mark every error-level rule, and let no warning or info change validity', () => {
    for (const draft of DRAFTS) {
      for (const rule of rules) {
        for (const op of rule.appliesTo.operations) {
          const schema = committedSchema(op, rule.appliesTo.kind, draft);
          const expressed = ((schema.allOf ?? []) as Schema[]).some((f) => String(f.title).startsWith(`${rule.id}:`));
          const marked = ((schema[RULES_EXTENSION] ?? []) as Schema[]).some((r) => r.id === rule.id);
          if (rule.severity === 'error') expect(expressed || marked, `${rule.id} in ${draft} ${op} ${rule.appliesTo.kind}`).toBe(true);
          else {
            expect(expressed || marked, `${rule.id} is a ${rule.severity}`).toBe(false);
            expect(schema.description, rule.id).toContain(rule.id);
          }
          expect(expressed).toBe(rule.jsonSchema.form === 'schema');
        }
      }
    }
  });

  it('mark deprecated members and describe deprecated enum values, from the metadata', () => {
    for (const draft of DRAFTS) {
      for (const op of OPERATION_NAMES) {
        const root = operations[op].request;
        const schema = committedSchema(op, 'request', draft);
        const defs = schema[DEFS_KEY[draft]] as Record<string, Schema>;
        for (const shape of shapeClosure([root])) {
          const meta = metaOf(shape);
          const def = shape === root ? schema : defs[meta.shape]!;
          if (meta.type === 'structure') {
            for (const [member, m] of Object.entries(meta.members)) {
              expect((def.properties as Record<string, Schema>)[member]!.deprecated === true, `${meta.shape}.${member}`).toBe(Boolean(m.deprecated));
            }
          }
          if (meta.type === 'string') for (const value of Object.keys(meta.deprecatedValues ?? {})) expect(def.description, meta.shape).toContain(`${value} is deprecated`);
        }
      }
    }
  });

  it('state an additionalProperties: false on request structures only (and those a response holds of a request, D78)', () => {
    for (const draft of DRAFTS) {
      for (const op of OPERATION_NAMES) {
        for (const kind of KINDS) {
          const schema = committedSchema(op, kind, draft);
          const structures = [schema, ...Object.values(schema[DEFS_KEY[draft]] as Record<string, Schema>)].filter((s) => s.type === 'object' && s.properties);
          for (const s of structures) {
            // A response's own structures are tolerant; the request structures it holds (an update's Targets) are the request's, one definition per shape.
            const requestShape = SHAPES[String(s.title)]?.type === 'structure' && (SHAPES[String(s.title)] as { direction: string }).direction === 'input';
            expect(s.additionalProperties, `${draft} ${op} ${kind} ${String(s.title)}`).toBe(kind === 'request' || requestShape ? false : undefined);
          }
          if (kind === 'request') expect(structures.every((s) => s.additionalProperties === false)).toBe(true);
        }
      }
    }
  });
});

describe('blob lengths count decoded bytes, exactly', () => {
  it.each(DRAFTS.map((d) => [d]))('%s: base64 of n bytes passes a limit of max bytes exactly when n <= max', (draft) => {
    for (let max = 0; max <= 10; max++) {
      const validate = strictAjv(draft).compile(blobSchema({ max }));
      for (let n = 0; n <= 14; n++) {
        const text = Buffer.alloc(n, 0xfb).toString('base64');
        expect(base64ByteLength(text)).toBe(n);
        expect(validate(text), `max ${max}, ${n} bytes: ${text}`).toBe(n <= max);
      }
      for (const notBase64 of ['YQ', 'Y Q==', '====', 'YQ==YQ==', 'Y===']) expect(validate(notBase64), notBase64).toBe(false);
    }
  });
});
