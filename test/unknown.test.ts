import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../src/issues/issue.js';
import { operations } from '../src/operations/index.js';
import { walk } from '../src/shapes/walk.js';
import { UNKNOWN } from '../src/values/unknown-value.js';
import { validate } from '../src/validate/validate.js';
import { casesFor } from './support/faults.js';
import { loadFixtures, setAt } from './support/payloads.js';
import { specOperations } from './support/spec.js';

/** Every place of a payload that the shape tree knows (members, items, map values). */
function places(operation: keyof typeof operations, kind: 'request' | 'response', payload: unknown): PathSegment[][] {
  const out: PathSegment[][] = [];
  walk(operations[operation][kind], payload, ({ path }) => {
    if (path.length > 0) out.push([...path]);
  });
  return out;
}

describe('UNKNOWN values (intrinsic functions, expressions, variables) never cause a false error', () => {
  const good = loadFixtures('good').filter((f) => f.kind !== 'error');
  const cases = good.flatMap((f) => places(f.operation, f.kind as 'request' | 'response', f.payload).map((path) => [`${f.name} ${path.join('.')}`, f, path] as const));

  it(`covers every place of every good payload (${cases.length} cases)`, () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases)('%s', (_, f, path) => {
    const result = validate(f.operation, f.kind, setAt(f.payload, path, UNKNOWN));
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.unknown).toEqual([path]);
  });
});

describe('UNKNOWN target keys: what only a deployment knows may be the key a rule looks for', () => {
  it('resource-groups:ResourceTypeFilters beside a target whose key is unknown is no MW067 (it may be resource-groups:Name)', () => {
    const targets = [{ Key: UNKNOWN, Values: ['MyResourceGroup'] }, { Key: 'resource-groups:ResourceTypeFilters', Values: ['AWS::EC2::Instance'] }];
    const { issues } = validate('RegisterTargetWithMaintenanceWindow', 'request', { WindowId: 'mw-0123456789abcdef0', ResourceType: 'RESOURCE_GROUP', Targets: targets });
    expect(issues.filter((i) => i.rule === 'MW067')).toEqual([]);
    const unknownTarget = validate('RegisterTargetWithMaintenanceWindow', 'request', { WindowId: 'mw-0123456789abcdef0', ResourceType: 'RESOURCE_GROUP', Targets: [UNKNOWN, targets[1]] });
    expect(unknownTarget.issues.filter((i) => i.rule === 'MW067')).toEqual([]);
  });
});

describe('UNKNOWN does not hide what is known', () => {
  it('a targetless task that gives MaxConcurrency, even an unknown one, still breaks MW003', () => {
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: 'mw-0123456789abcdef0', TaskArn: 'x', TaskType: 'AUTOMATION', ServiceRoleArn: 'r', MaxConcurrency: UNKNOWN });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['targetless_task_forbids_rate_controls', ['MaxConcurrency']]]);
  });

  it('an unknown Targets list silences the rules that need it, and only those', () => {
    const { issues } = validate('RegisterTaskWithMaintenanceWindow', 'request', { WindowId: 'mw-0123456789abcdef0', TaskArn: 'x', TaskType: 'RUN_COMMAND', ServiceRoleArn: 'r', Targets: UNKNOWN, Priority: -1 });
    expect(issues.map((i) => [i.code, i.path])).toEqual([['too_small', ['Priority']]]);
  });

  const faults = specOperations.flatMap((spec) => spec.constraints.flatMap((c) => casesFor(spec.operation, c, spec.constraints).fail));
  it.each(faults.filter((f) => f.expect.path.length > 0).map((f) => [f.name, f] as const))('%s: making the faulty value unknown silences its error', (_, f) => {
    const { issues } = validate(f.operation, f.kind, setAt(f.payload, f.expect.path, UNKNOWN));
    expect(issues.filter((i) => i.code === f.expect.code && JSON.stringify(i.path) === JSON.stringify(f.expect.path))).toEqual([]);
  });
});
