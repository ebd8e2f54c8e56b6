import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GENERATED_NOTE } from '../../src/generate/contract.js';
import { RULES_EXTENSION } from '../../src/generate/json-schema.js';
import { OPENAPI_VERSIONS, toOpenApi30 } from '../../src/generate/openapi.js';
import { OPERATION_NAMES, operations, SERVICE } from '../../src/operations/index.js';
import { metaOf, type StructureMeta } from '../../src/shapes/meta.js';
import { validate } from '../../src/validate/validate.js';
import { GENERATED } from '../support/ajv.js';

type Doc = {
  openapi: string;
  paths: Record<string, { post: Record<string, unknown> & { responses: Record<string, { content: Record<string, { schema: Record<string, unknown>; examples?: Record<string, { value: unknown }> }> }>; requestBody: { content: Record<string, { schema: { $ref: string }; examples?: Record<string, { value: unknown }> }> }; parameters: { name: string; in: string; required: boolean; schema: { enum: string[] } }[] } }>;
  components: { schemas: Record<string, Record<string, unknown>> };
  'x-generated': string;
};

/** The components, as one bundle that ajv can resolve references into. */
const BUNDLE = 'https://ssm-mw-contracts.test/openapi.json';
const file = (name: string) => join(GENERATED, 'openapi', name);
const load = (version: string, ext: 'json' | 'yaml'): Doc => {
  const text = readFileSync(file(`openapi-${version}.${ext}`), 'utf8');
  return (ext === 'json' ? JSON.parse(text) : parse(text)) as Doc;
};

describe('generated OpenAPI documents', () => {
  it.each(OPENAPI_VERSIONS.flatMap((v) => (['json', 'yaml'] as const).map((ext) => [v, ext] as const)))('%s (%s) passes @apidevtools/swagger-parser validation', async (version, ext) => {
    const api = (await SwaggerParser.validate(file(`openapi-${version}.${ext}`))) as { openapi: string };
    expect(api.openapi.startsWith(version)).toBe(true);
  });

  it('the validator is not a rubber stamp: it rejects a 3.0 document with a 3.1-only keyword', async () => {
    const doc = load('3.0', 'json');
    doc.components.schemas.MaintenanceWindowId = { ...doc.components.schemas.MaintenanceWindowId, const: 'mw-0123456789abcdef0' };
    await expect(SwaggerParser.validate(doc as never)).rejects.toThrow(/const|additional/i);
  });

  it.each(OPENAPI_VERSIONS.map((v) => [v]))('%s: the YAML says what the JSON says, and both carry the generated marker', (version) => {
    expect(load(version, 'yaml')).toEqual(load(version, 'json'));
    expect(load(version, 'json')['x-generated']).toBe(GENERATED_NOTE);
    expect(readFileSync(file(`openapi-${version}.yaml`), 'utf8').startsWith(`# ${GENERATED_NOTE}\n`)).toBe(true);
  });

  it.each(OPENAPI_VERSIONS.map((v) => [v]))('%s: each operation is POST with its X-Amz-Target, its body, and every error with its HTTP status', (version) => {
    const doc = load(version, 'json');
    for (const name of OPERATION_NAMES) {
      const op = operations[name];
      const target = `${SERVICE.targetPrefix}.${name}`;
      const post = doc.paths[`/#X-Amz-Target=${target}`]!.post;
      expect(post.operationId).toBe(name);
      expect(post.parameters).toContainEqual(expect.objectContaining({ name: 'X-Amz-Target', in: 'header', required: true, schema: { type: 'string', enum: [target] } }));
      expect(Object.keys(post.requestBody.content)).toEqual([SERVICE.contentType]);
      expect(post.requestBody.content[SERVICE.contentType]!.schema.$ref).toBe(`#/components/schemas/${metaOf(op.request).shape}`);
      for (const error of op.errors) {
        const meta = metaOf(error) as StructureMeta;
        const response = post.responses[String(meta.exception!.httpStatus)]!;
        expect(JSON.stringify(response.content[SERVICE.contentType]!.schema)).toContain(`#/components/schemas/${meta.shape}"`);
        expect(response.content[SERVICE.contentType]!.examples![meta.shape]!.value).toMatchObject({ __type: meta.shape });
      }
      const request = doc.components.schemas[metaOf(op.request).shape]!;
      expect(request.allOf ?? request[RULES_EXTENSION]).toBeDefined();
    }
  });

  it('3.1: every component schema compiles in strict ajv, and every example is valid by ajv and by validate()', () => {
    const doc = load('3.1', 'json');
    const ajv = new Ajv2020({ strict: true });
    ajv.addKeyword(RULES_EXTENSION);
    ajv.addSchema({ $id: BUNDLE, $defs: JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/')) });
    for (const name of Object.keys(doc.components.schemas)) expect(ajv.getSchema(`${BUNDLE}#/$defs/${name}`), name).toBeDefined();
    let examples = 0;
    for (const name of OPERATION_NAMES) {
      const post = doc.paths[`/#X-Amz-Target=${SERVICE.targetPrefix}.${name}`]!.post;
      const bodies = [
        { kind: 'request' as const, media: post.requestBody.content[SERVICE.contentType]! },
        ...Object.entries(post.responses).map(([status, r]) => ({ kind: status === '200' ? ('response' as const) : ('error' as const), media: r.content[SERVICE.contentType]! })),
      ];
      for (const { kind, media } of bodies) {
        for (const [label, example] of Object.entries(media.examples ?? {})) {
          examples++;
          const schema = ajv.compile(JSON.parse(JSON.stringify(media.schema).replaceAll('#/components/schemas/', `${BUNDLE}#/$defs/`)));
          expect(schema(example.value), `${name} ${kind} ${label}: ${JSON.stringify(schema.errors)}`).toBe(true);
          expect(validate(name, kind, example.value).valid, `${name} ${kind} ${label}`).toBe(true);
        }
      }
    }
    expect(examples).toBeGreaterThanOrEqual(4 + 5);
  });
});

describe('the OpenAPI 3.0 dialect', () => {
  it('turns 3.1-only keywords into their 3.0 equivalents', () => {
    expect(toOpenApi30({ if: { properties: { A: { const: 'x' } } }, then: { required: ['B'] } })).toEqual({ allOf: [{ anyOf: [{ not: { properties: { A: { enum: ['x'] } } } }, { required: ['B'] }] }] });
    expect(toOpenApi30({ properties: { A: false, B: true } })).toEqual({ properties: { A: { not: {} }, B: {} } });
    expect(toOpenApi30({ $ref: '#/x', description: 'd' })).toEqual({ description: 'd', allOf: [{ $ref: '#/x' }] });
    expect(toOpenApi30({ type: 'string', contentEncoding: 'base64' })).toEqual({ type: 'string', format: 'byte' });
  });

  it('turns contains into not/items/not, with the same verdict on lists and on anything else', () => {
    const contains = { contains: { type: 'object', required: ['Key'], properties: { Key: { const: 'InstanceIds' } } } };
    const converted = toOpenApi30(contains);
    expect(JSON.stringify(converted)).not.toContain('contains');
    const ajv = new Ajv2020({ strict: false });
    const [theirs, ours] = [ajv.compile(contains), ajv.compile(converted as object)];
    for (const value of [[], [{ Key: 'InstanceIds' }], [{ Key: 'tag:x' }], [{ Key: 'tag:x' }, { Key: 'InstanceIds' }], [1, null], 'InstanceIds', { Key: 'InstanceIds' }, null]) {
      expect(ours(value), JSON.stringify(value)).toBe(theirs(value));
    }
  });
});
