import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import { stringify } from 'yaml';
import { parseText } from '../../src/parse/parse-text.js';
import { CFN_TYPES, cfnMembers, cfnName, RESOURCE_TYPE, type CfnResourceType } from '../../src/readers/cloudformation/properties.js';
import type { Code } from '../../src/issues/codes.js';
import type { Path, PathSegment } from '../../src/issues/issue.js';
import { pointsAt } from '../../src/readers/rule-catalog.js';
import { operations } from '../../src/operations/index.js';
import { metaOf } from '../../src/shapes/meta.js';
import { isRecord } from '../../src/shapes/walk.js';
import { loadFixtures, type Fixture } from './payloads.js';
import { validate } from '../../src/validate/validate.js';
import { ROOT } from './spec.js';

/*
 * The contract's payload fixtures as CloudFormation templates, YAML and JSON: the same request in
 * CloudFormation's names (scripts/generate-cloudformation-fixtures.ts writes them, a test checks
 * they are up to date), with where each expected finding is written.
 */

export const CFN_FIXTURES = join(ROOT, 'test', 'fixtures', 'cloudformation');
/** The logical id of a generated task; a window target is `Target`, a window `Window`. */
export const LOGICAL_ID = 'Task';
const LOGICAL_IDS: Record<string, string> = { [RESOURCE_TYPE]: LOGICAL_ID, 'AWS::SSM::MaintenanceWindowTarget': 'Target', 'AWS::SSM::MaintenanceWindow': 'Window' };

/** The CloudFormation type whose handler sends an operation's request. */
export function cfnTypeOf(operation: string): CfnResourceType | undefined {
  return Object.values(CFN_TYPES).find((t) => t.operation === operation);
}

/**
 * Whether the template says what the payload says. The handlers of the window and its targets leave
 * an empty string (or an empty Targets list) out of the request (MW104): a payload fixture that is
 * bad for such a value is another finding in a template.
 */
function expressible(f: Fixture): boolean {
  const type = cfnTypeOf(f.operation);
  if (!type || f.kind !== 'request') return false;
  const payload = f.payload as Record<string, unknown>;
  return !type.notSentWhenEmpty.some((m) => payload[m] === '' || (Array.isArray(payload[m]) && (payload[m] as unknown[]).length === 0));
}

export interface ExpectedIssue {
  code: string;
  severity: string;
  rule?: string;
  path: PathSegment[];
  sourcePath: PathSegment[];
  /** Line and column in the YAML and JSON templates. */
  yaml?: [number, number];
  json?: [number, number];
  /** For a finding only some variants have, which. */
  variant?: string;
  resource?: string;
}

export interface Expected {
  /** The payload fixture it was generated from, or "hand-written". */
  source: string;
  issues: ExpectedIssue[];
}

/** Fixtures that can be templates: requests of the operations a resource type stands for (tasks, window targets, windows). */
export function convertibleFixtures(dir: 'good' | 'bad'): Fixture[] {
  return loadFixtures(dir).filter(expressible);
}

/** A payload in CloudFormation's names; the path map goes from API paths to CloudFormation paths. */
function toCfn(value: unknown, schema: z.ZodType | undefined, apiPath: Path, cfnPath: Path, paths: Map<string, Path>): unknown {
  paths.set(JSON.stringify(apiPath), cfnPath);
  const meta = schema ? metaOf(schema) : undefined;
  if (meta?.type === 'structure' && isRecord(value)) {
    const out: Record<string, unknown> = {};
    const members = new Set(cfnMembers(meta).values());
    for (const [key, member] of Object.entries(value)) {
      // Members of the API the resource type lacks (ClientToken, AlarmConfiguration) are left out (docs/cloudformation.md).
      if (apiPath.length === 0 && !members.has(key)) continue;
      const name = cfnName(meta, key);
      out[name] = toCfn(member, meta.members[key]?.schema, [...apiPath, key], [...cfnPath, name], paths);
    }
    return out;
  }
  if ((meta?.type === 'list' || meta?.type === 'map') && (Array.isArray(value) || isRecord(value))) {
    const item = meta.type === 'list' ? meta.member : meta.value;
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    const out = (Array.isArray(value) ? [] : {}) as Record<PathSegment, unknown>;
    for (const [key, v] of entries) out[key] = toCfn(v, item, [...apiPath, key], [...cfnPath, key], paths);
    return out;
  }
  // CloudFormation decodes the Lambda Payload from base64 (D34): a template writes the text and lets Fn::Base64 encode it.
  if (meta?.type === 'blob' && typeof value === 'string') return { 'Fn::Base64': Buffer.from(value, 'base64').toString('utf8') };
  return value;
}

export interface Generated {
  name: string;
  logicalId: string;
  dir: 'good' | 'bad';
  yaml: string;
  json: string;
  expected: Expected;
}

/** Where a CloudFormation path is written: the value, or the member's name for `key`; the nearest written parent's (by the same target) when it is not written. */
function position(text: string, format: 'yaml' | 'json', path: Path, key: boolean, logicalId: string): [number, number] {
  const doc = parseText(text, { format });
  const properties = ['Resources', logicalId, 'Properties'];
  for (let n = path.length; n > 0; n--) {
    const at = doc.locate([...properties, ...path.slice(0, n)], key ? 'key' : 'value');
    if (at) return [at.line, at.column];
  }
  const at = doc.locate(properties, 'key')!;
  return [at.line, at.column];
}

export function generate(fixture: Fixture): Generated {
  const type = cfnTypeOf(fixture.operation)!;
  const logicalId = LOGICAL_IDS[type.type]!;
  const paths = new Map<string, Path>();
  const properties = toCfn(fixture.payload, operations[type.operation].request, [], [], paths) as Record<string, unknown>;
  // CloudFormation requires a task's Priority (MW101); a fixture that omits it gets the API's usual 1.
  if (type.type === RESOURCE_TYPE && properties.Priority === undefined) properties.Priority = 1;
  const source = `test/fixtures/payload/${fixture.dir}/${fixture.name}.json`;
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Generated from ${source} by scripts/generate-cloudformation-fixtures.ts`,
    Resources: { [logicalId]: { Type: type.type, Properties: properties } },
  };
  const yaml = stringify(template, { lineWidth: 0 });
  const json = JSON.stringify(template, null, 2) + '\n';
  // A finding about a part of a string (a schedule's field) carries its span: the template puts it at that part.
  const spans = validate(fixture.operation, fixture.kind, fixture.payload).issues;
  const issues = fixture.issues.map((issue): ExpectedIssue => {
    const sourcePath = paths.get(JSON.stringify(issue.path)) ?? [...(paths.get(JSON.stringify(issue.path.slice(0, -1))) ?? []), issue.path[issue.path.length - 1]!];
    const key = pointsAt(issue.code as Code) === 'key';
    const span = spans.find((i) => i.code === issue.code && JSON.stringify(i.path) === JSON.stringify(issue.path))?.span;
    const value = valueAt(fixture.payload, issue.path);
    const at = (format: 'yaml' | 'json', text: string): [number, number] => {
      const [line, column] = position(text, format, sourcePath, key, logicalId);
      return span && typeof value === 'string' ? [line, spanColumn(text.split('\n')[line - 1]!, column, value, span.offset)] : [line, column];
    };
    return { ...issue, sourcePath: [...sourcePath], yaml: at('yaml', yaml), json: at('json', json) };
  });
  return { name: fixture.name, logicalId, dir: fixture.dir, yaml, json, expected: { source, issues } };
}

function valueAt(payload: unknown, path: Path): unknown {
  let v = payload;
  for (const segment of path) v = typeof v === 'object' && v !== null ? (v as Record<PathSegment, unknown>)[segment] : undefined;
  return v;
}

/**
 * The column of the `offset`-th character of a string written at `column` of `line`: after the
 * opening quote, with the characters before it as JSON (and YAML's double quotes) escape them, or
 * as written in a plain YAML scalar; a single-quoted one doubles its quotes.
 */
function spanColumn(line: string, column: number, value: string, offset: number): number {
  const prefix = value.slice(0, offset);
  const opening = line[column - 1];
  if (opening === '"') return column + JSON.stringify(prefix).length - 1;
  if (opening === "'") return column + 1 + prefix.replace(/'/g, "''").length;
  return column + prefix.length;
}

export function generateAll(): Generated[] {
  return (['good', 'bad'] as const).flatMap((dir) => convertibleFixtures(dir).map(generate));
}

export interface TemplateFixture {
  name: string;
  dir: 'good' | 'bad';
  format: 'yaml' | 'json';
  file: string;
  expected: Expected;
}

/** Every template under test/fixtures/cloudformation, generated or hand-written, with its expected findings. */
export function loadTemplateFixtures(dir: 'good' | 'bad'): TemplateFixture[] {
  const folder = join(CFN_FIXTURES, dir);
  return readdirSync(folder)
    .filter((f) => /\.(ya?ml|json|template)$/.test(f) && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.(ya?ml|json|template)$/, '');
      const expectedFile = join(folder, `${name}.expected.json`);
      const expected: Expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : { source: 'hand-written', issues: [] };
      return { name, dir, format: /\.json$/.test(f) ? 'json' : 'yaml', file: join(folder, f), expected };
    });
}
