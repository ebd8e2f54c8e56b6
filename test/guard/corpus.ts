import type { PathSegment } from '../../src/issues/issue.js';
import { cfnMembers } from '../../src/readers/cloudformation/properties.js';
import { parseTemplate, UNKNOWN_TAG_PREFIX } from '../../src/readers/cloudformation/template.js';
import { findingsOf, lintFile, type LintIssue } from '../../src/lint/engine.js';
import { operations } from '../../src/operations/index.js';
import { metaOf, type StructureMeta } from '../../src/shapes/meta.js';
import { CONTRACT } from '../../src/generate/contract.js';
import { guardRules, rootOf, type GuardCheck, type GuardResource } from '../../src/generate/guard.js';
import { WRONG_TYPE } from '../support/arbitraries.js';
import { isJsonValue, RULE_FAULTS } from '../support/cases.js';
import { generate } from '../support/cloudformation.js';
import { casesFor, kindOf } from '../support/faults.js';
import { positions } from '../support/metadata.js';
import { basePayloads, loadFixtures, parseSpecPath, resolve, setAt } from '../support/payloads.js';
import { specOperations } from '../support/spec.js';
import { isRecord } from '../../src/shapes/walk.js';
import { INTRINSIC_FUNCTIONS } from '../../src/generate/guard.js';

const request = operations.RegisterTaskWithMaintenanceWindow.request;

/*
 * The fault corpus of the task request (test/faults.test.ts, test/support/cases.ts: one fault per
 * payload) rendered as CloudFormation templates the way the template fixtures are
 * (test/support/cloudformation.ts), plus the cases only a template has (values CloudFormation
 * converts, base64 text, suppressions); and what lint reports on each, named as the Guard rules are.
 */

const OPERATION = 'RegisterTaskWithMaintenanceWindow' as const;

export interface TemplateCase {
  name: string;
  /** Where the fault comes from. */
  origin: 'constraint' | 'type' | 'unknown member' | 'rule fixture' | 'rule fault' | 'template';
  /** The template, as JSON text. */
  json: string;
}

/** The API members a template cannot write (ClientToken, AlarmConfiguration): a fault in them is not a template's. */
const cfnRootMembers = new Set(cfnMembers(metaOf(request) as StructureMeta).values());

/**
 * The template fixtures write the Lambda Payload as Fn::Base64 of its text (test/support/cloudformation.ts),
 * which Guard cannot see through; the handler takes base64 text just as well (D34), so the corpus writes that.
 */
function base64Text(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(base64Text);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Fn::Base64' && typeof value['Fn::Base64'] === 'string') return Buffer.from(value['Fn::Base64'], 'utf8').toString('base64');
  return Object.fromEntries(keys.map((k) => [k, base64Text(value[k])]));
}

function template(name: string, origin: TemplateCase['origin'], payload: unknown): TemplateCase {
  const json = generate({ name, dir: 'bad', operation: OPERATION, kind: 'request', payload, issues: [] }).json;
  return { name, origin, json: `${JSON.stringify(base64Text(JSON.parse(json)), null, 2)}\n` };
}

/** A payload the templates can carry: JSON, with the fault in a member CloudFormation has. */
const templatable = (payload: unknown, path: readonly PathSegment[]) => isJsonValue(payload) && (path.length === 0 || cfnRootMembers.has(String(path[0])));

/** Every single-fault task payload of the corpus, as a template. */
export function faultTemplates(): TemplateCase[] {
  const out: TemplateCase[] = [];
  const spec = specOperations.find((s) => s.operation === OPERATION)!;
  for (const c of spec.constraints.filter((c) => kindOf(c) === 'request')) {
    for (const f of casesFor(OPERATION, c, spec.constraints).fail) if (templatable(f.payload, f.expect.path)) out.push(template(f.name, 'constraint', f.payload));
  }
  for (const { path, meta, mapKey } of positions(operations[OPERATION].request)) {
    if (mapKey) continue;
    const base = basePayloads(OPERATION, 'request').find((b) => resolve(b, parseSpecPath(path)))!;
    const at = resolve(base, parseSpecPath(path))!;
    const payload = setAt(base, at.path, WRONG_TYPE[meta.type]);
    if (templatable(payload, at.path)) out.push(template(`${path}: ${meta.type} given ${JSON.stringify(WRONG_TYPE[meta.type])}`, 'type', payload));
  }
  const structures = [{ path: '' }, ...positions(operations[OPERATION].request).filter((p) => p.meta.type === 'structure')];
  for (const { path } of structures) {
    const base = basePayloads(OPERATION, 'request').find((b) => path === '' || resolve(b, parseSpecPath(path)))!;
    const at = path === '' ? [] : resolve(base, parseSpecPath(path))!.path;
    const payload = setAt(base, [...at, 'Bogus'], 'x');
    if (templatable(payload, at)) out.push(template(`${path || '(root)'}: unknown member Bogus`, 'unknown member', payload));
  }
  for (const f of loadFixtures('bad').filter((f) => f.operation === OPERATION && f.kind === 'request')) {
    const errors = f.issues.filter((i) => i.severity === 'error');
    if (errors.length === 1) out.push(template(`fixture ${f.name}`, 'rule fixture', f.payload));
  }
  const good = loadFixtures('good').filter((f) => f.operation === OPERATION && f.kind === 'request');
  for (const [id, fault] of Object.entries(RULE_FAULTS).filter(([, r]) => r.operation === OPERATION)) {
    for (const f of good) {
      const payload = fault.apply(structuredClone(f.payload) as Record<string, unknown>);
      if (payload) out.push(template(`${f.name} broken for ${id}`, 'rule fault', payload));
    }
  }
  return [...out, ...templateOnlyCases()];
}

/** The good fixtures as templates: nothing may fail on them. */
export function validTemplates(): TemplateCase[] {
  return loadFixtures('good')
    .filter((f) => f.operation === OPERATION && f.kind === 'request')
    .map((f) => template(`good ${f.name}`, 'rule fixture', f.payload));
}

const BASE = {
  WindowId: 'mw-0123456789abcdef0',
  TaskArn: 'AWS-RunShellScript',
  TaskType: 'RUN_COMMAND',
  Priority: 1,
  Targets: [{ Key: 'WindowTargetIds', Values: ['e32eecb2-646c-4f4b-8ed1-205fbEXAMPLE'] }],
  MaxConcurrency: '1',
  MaxErrors: '0',
  ServiceRoleArn: 'arn:aws:iam::111122223333:role/MaintenanceWindows',
};
const LAMBDA = { ...BASE, TaskType: 'LAMBDA', TaskArn: 'arn:aws:lambda:us-east-1:111122223333:function:Patch' };

function raw(name: string, properties: Record<string, unknown>, metadata?: { resource?: unknown; template?: unknown }): TemplateCase {
  const resource = { Type: 'AWS::SSM::MaintenanceWindowTask', ...(metadata?.resource ? { Metadata: metadata.resource } : {}), Properties: properties };
  const body = { AWSTemplateFormatVersion: '2010-09-09', ...(metadata?.template ? { Metadata: metadata.template } : {}), Resources: { Task: resource } };
  return { name, origin: 'template', json: `${JSON.stringify(body, null, 2)}\n` };
}

const payload = (text: string) => ({ TaskInvocationParameters: { MaintenanceWindowLambdaParameters: { Payload: text } } });
const b64 = (bytes: number) => Buffer.alloc(bytes, 0x41).toString('base64');

/** What only a template writes: values CloudFormation converts, the Lambda Payload as base64 text, suppressions. */
function templateOnlyCases(): TemplateCase[] {
  return [
    raw('template: Priority as integer text', { ...BASE, Priority: '5' }),
    raw('template: Priority as negative integer text', { ...BASE, Priority: '-5' }),
    raw('template: Priority as text that is no integer', { ...BASE, Priority: 'high' }),
    raw('template: Priority beyond 32 bits as text', { ...BASE, Priority: '99999999999999999999' }),
    raw('template: Priority as a boolean', { ...BASE, Priority: true }),
    raw('template: Priority null', { ...BASE, Priority: null }),
    raw('template: MaxErrors as a number', { ...BASE, MaxErrors: 0 }),
    raw('template: MaxConcurrency as the number 0', { ...BASE, MaxConcurrency: 0 }),
    raw('template: Name as a number', { ...BASE, Name: 12 }),
    raw('template: CloudWatchOutputEnabled as "yes"', { ...BASE, TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: { CloudWatchOutputConfig: { CloudWatchOutputEnabled: 'yes' } } } }),
    raw('template: CloudWatchOutputEnabled as "maybe"', { ...BASE, TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: { CloudWatchOutputConfig: { CloudWatchOutputEnabled: 'maybe' } } } }),
    raw('template: CloudWatchOutputEnabled as 1', { ...BASE, TaskInvocationParameters: { MaintenanceWindowRunCommandParameters: { CloudWatchOutputConfig: { CloudWatchOutputEnabled: 1 } } } }),
    raw('template: TaskParameters as JSON text', { ...BASE, TaskParameters: '{"commands": {"Values": ["date"]}}' }),
    raw('template: target Key as a number', { ...BASE, Targets: [{ Key: 7, Values: ['x'] }] }),
    raw('template: a target that is text', { ...BASE, Targets: ['InstanceIds'] }),
    raw('template: Targets an object', { ...BASE, Targets: { Key: 'InstanceIds', Values: ['i-0123456789abcdef0'] } }),
    raw('template: no Properties', {}),
    raw('template: Payload as base64 text', { ...LAMBDA, ...payload(Buffer.from('{"a":1}').toString('base64')) }),
    raw('template: Payload as base64 text with line breaks', { ...LAMBDA, ...payload('eyJh\nIjox\r\nfQ==') }),
    raw('template: Payload as JSON text', { ...LAMBDA, ...payload('{"a":1}') }),
    raw('template: Payload base64 with bits after the padding', { ...LAMBDA, ...payload('eyJhIjoxfR==') }),
    raw('template: Payload of 4096 bytes as base64', { ...LAMBDA, ...payload(b64(4096)) }),
    raw('template: Payload of 4097 bytes as base64', { ...LAMBDA, ...payload(b64(4097)) }),
    raw('template: Payload of 4095 bytes as base64', { ...LAMBDA, ...payload(b64(4095)) }),
    raw('template: Payload of 4098 bytes as base64', { ...LAMBDA, ...payload(b64(4098)) }),
    raw('template: Payload of 4096 bytes through Fn::Base64', { ...LAMBDA, TaskInvocationParameters: { MaintenanceWindowLambdaParameters: { Payload: { 'Fn::Base64': 'A'.repeat(4096) } } } }),
    raw('template: Description through Fn::Join', { ...BASE, Description: { 'Fn::Join': ['', ['a'.repeat(100), 'b'.repeat(100)]] } }),
    raw('template: Targets through Fn::If', { ...BASE, Targets: { 'Fn::If': ['Never', [], { Ref: 'AWS::NoValue' }] } }),
    raw('template: MW003 ignored on the resource by id', { ...LAMBDA, Targets: [] }, { resource: { 'ssm-mw-contracts': { ignore: ['MW003'] } } }),
    raw('template: MW003 ignored on the resource by code', { ...LAMBDA, Targets: [] }, { resource: { 'ssm-mw-contracts': { ignore: 'targetless_task_forbids_rate_controls' } } }),
    raw('template: MW003 ignored on the template', { ...LAMBDA, Targets: [] }, { template: { 'ssm-mw-contracts': { ignore: ['MW003'] } } }),
    raw('template: another rule ignored', { ...LAMBDA, Targets: [] }, { resource: { 'ssm-mw-contracts': { ignore: ['MW011'] } } }),
    raw('template: too_long ignored', { ...BASE, Description: 'd'.repeat(129) }, { resource: { 'ssm-mw-contracts': { ignore: ['too_long'] } } }),
    raw('template: Guard SuppressedRules', { ...BASE, Description: 'd'.repeat(129) }, { resource: { guard: { SuppressedRules: ['TASK_Description_too_long'] } } }),
  ];
}

// --- what lint says, named as the Guard rules are --------------------------------------------------------

/** A finding's path in spec path notation, in CloudFormation's names: `Targets[].Key`. Undefined where the resource has no such property. */
export function specPathOf(resource: GuardResource, path: readonly PathSegment[], mapKey: boolean): string | undefined {
  let meta = metaOf(rootOf(CONTRACT, resource));
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (meta.type === 'structure') {
      const api = resource.members(meta).get(String(segment));
      if (api === undefined) return undefined;
      out = out ? `${out}.${segment}` : String(segment);
      meta = metaOf(meta.members[api]!.schema);
    } else if (meta.type === 'list') {
      out += '[]';
      meta = metaOf(meta.member);
    } else if (meta.type === 'map') {
      const key = i === path.length - 1 && mapKey;
      out += key ? '{key}' : '{}';
      meta = metaOf(key ? meta.key : meta.value);
    } else return undefined;
  }
  return out;
}

/** How a lint finding and a Guard check are named alike: the rule id, or `code@path`. */
export const identityOfCheck = (c: GuardCheck) => ('rule' in c.lint ? c.lint.rule : `${c.lint.code}@${c.lint.path}`);

export function identityOfFinding(resource: GuardResource, f: LintIssue): string {
  if (f.rule) return f.rule;
  const path = specPathOf(resource, f.sourcePath ?? f.path, f.params?.mapKey === true);
  return `${f.code}@${path ?? (f.sourcePath ?? f.path).join('.')}`;
}

/**
 * What in a template's properties Guard cannot see as lint does (D56): intrinsic functions (lint
 * resolves them, Guard sees the function) and YAML tags CloudFormation does not have (lint does
 * not check the value, cfn-guard reads it as plain text).
 */
export function traitsOf(text: string, file = 'template.json'): { intrinsics: boolean; unknownTags: boolean } {
  const found = { intrinsics: false, unknownTags: false };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!isRecord(v)) return;
    const keys = Object.keys(v);
    if (keys.length === 1 && (INTRINSIC_FUNCTIONS as readonly string[]).includes(keys[0]!)) found.intrinsics = true;
    if (keys.length === 1 && keys[0]!.startsWith(UNKNOWN_TAG_PREFIX)) found.unknownTags = true;
    Object.values(v).forEach(visit);
  };
  Object.values(resourcesOf(text, file)).forEach((r) => visit(r.Properties));
  return found;
}

export interface LintView {
  /** Error-level findings, as identities. */
  errors: string[];
  /** The Guard rules that stand for them. */
  expected: string[];
  /** The findings no Guard rule stands for. */
  unexpressed: string[];
}

let checks: GuardCheck[] | undefined;
export function generatedChecks(): GuardCheck[] {
  return (checks ??= guardRules(CONTRACT).checks);
}

interface RawResource {
  Properties?: unknown;
  Metadata?: { guard?: { SuppressedRules?: unknown } };
}

/** A template's resources by logical id, JSON or YAML (short-form tags read as their Ref / Fn:: objects, other tags as `!Tag` objects). */
function resourcesOf(text: string, file: string): Record<string, RawResource> {
  const template = parseTemplate(text, file).value as { Resources?: Record<string, RawResource> } | undefined;
  return isRecord(template) && isRecord(template.Resources) ? template.Resources : {};
}

/** Whether a finding at `path` (CloudFormation's names) lies inside a value written as text: JSON text that lint parses and Guard cannot. */
function insideText(properties: unknown, path: readonly PathSegment[]): boolean {
  let value = properties;
  for (const segment of path) {
    if (typeof value === 'string') return true;
    value = isRecord(value) || Array.isArray(value) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  }
  return false;
}

export function lintView(c: Pick<TemplateCase, 'name' | 'json'>, file = 'template.json'): LintView {
  const resource = generatedChecks()[0]!.resource;
  const byIdentity = new Map(generatedChecks().map((check) => [identityOfCheck(check), check.name]));
  const result = lintFile({ file, text: c.json, explicit: true });
  if (!result || result.reader !== 'cloudformation') throw new Error(`${c.name}: lint did not read the template as CloudFormation`);
  const resources = resourcesOf(c.json, file);
  const findings = findingsOf(result).filter((f) => f.severity === 'error');
  const errors = [...new Set(findings.map((f) => identityOfFinding(resource, f)))].sort();
  // A finding inside JSON text is one Guard cannot express, whatever its code.
  const inText = new Set(findings.filter((f) => f.resource !== undefined && insideText(resources[f.resource]?.Properties, f.sourcePath ?? f.path)).map((f) => identityOfFinding(resource, f)));
  // Guard's own suppression (Metadata guard SuppressedRules) is a convention lint does not read.
  const guardSuppressed = new Set(Object.values(resources).flatMap((r) => (Array.isArray(r.Metadata?.guard?.SuppressedRules) ? (r.Metadata.guard.SuppressedRules as string[]) : [])));
  const expressed = (e: string) => byIdentity.has(e) && !inText.has(e);
  const expected = [...new Set(errors.filter(expressed).map((e) => byIdentity.get(e)!))].filter((n) => !guardSuppressed.has(n)).sort();
  return { errors, expected, unexpressed: errors.filter((e) => !expressed(e)) };
}
