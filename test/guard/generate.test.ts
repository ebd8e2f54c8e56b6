import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../src/generate/contract.js';
import { GUARD_FORMS, GUARD_RESOURCES, guardFiles, guardRules, handlerBase64Source } from '../../src/generate/guard.js';
import { asciiPart, guardRegex, lengthTests } from '../../src/generate/guard-regex.js';
import { handlerBase64 } from '../../src/readers/cloudformation/base64.js';
import { defineRule } from '../../src/rules/types.js';
import { compileAwsPattern } from '../../src/shapes/patterns.js';
import { kindOf } from '../support/faults.js';
import { specOperations } from '../support/spec.js';
import { identityOfCheck, specPathOf } from './corpus.js';
import { parseSpecPath } from '../support/payloads.js';
import { operations } from '../../src/operations/index.js';
import { cfnMembers } from '../../src/readers/cloudformation/properties.js';
import { metaOf, type StructureMeta } from '../../src/shapes/meta.js';

const request = operations.RegisterTaskWithMaintenanceWindow.request;

/*
 * The Guard generator on its own (src/generate/guard.ts): what it covers, what it lists, and the
 * regexes it writes. test/guard/guard.test.ts runs its rules in the real engines.
 */

const { checks, unexpressed } = guardRules(CONTRACT);

describe('Guard rules: coverage', () => {
  it('names every rule once, as a Guard identifier, after a lint rule id or a code and a property', () => {
    const names = checks.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of checks) {
      expect(c.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      if ('rule' in c.lint) expect(c.name).toBe(`${c.lint.rule}_${c.lint.code}`);
      else expect([c.name.startsWith('TASK_'), c.name.endsWith(`_${c.lint.code}`)]).toEqual([true, true]);
    }
  });

  it('gives every error-level rule of the task a Guard rule or lists why not; warnings and infos are listed', () => {
    const rules = [...CONTRACT.rules.filter((r) => r.appliesTo.operations.includes('RegisterTaskWithMaintenanceWindow') && r.appliesTo.kind === 'request'), ...CONTRACT.readerRules.filter((r) => r.reader === 'cloudformation')];
    for (const rule of rules) {
      const inGuard = checks.some((c) => 'rule' in c.lint && c.lint.rule === rule.id);
      const listed = unexpressed.some((u) => u.lint === rule.id);
      expect([rule.id, inGuard !== listed]).toEqual([rule.id, true]);
      if (rule.severity !== 'error') expect([rule.id, listed]).toEqual([rule.id, true]);
    }
    expect(checks.filter((c) => 'rule' in c.lint).map((c) => (c.lint as { rule: string }).rule)).toEqual(['MW001', 'MW002', 'MW003', 'MW004', 'MW005', 'MW006', 'MW100', 'MW101', 'MW103']);
  });

  it('refuses to generate when an error-level rule of the task has no Guard form', () => {
    const rule = defineRule({
      id: 'MW099',
      code: 'service_role_recommended',
      severity: 'error',
      title: 'A rule without a Guard form',
      description: 'Test only.',
      appliesTo: { operations: ['RegisterTaskWithMaintenanceWindow'], kind: 'request' },
      sources: [{ document: 'test', url: 'https://example.com', quote: 'test' }],
      jsonSchema: { form: 'validator-only', reason: 'test' },
      check: () => [],
    });
    expect(() => guardRules({ ...CONTRACT, rules: [...CONTRACT.rules, rule] })).toThrow(/MW099 .* no Guard form/);
    expect(Object.keys(GUARD_FORMS)).not.toContain('MW099');
  });

  it('has a rule for every documented constraint a template can break, in the code lint reports it with', () => {
    const spec = specOperations.find((s) => s.operation === 'RegisterTaskWithMaintenanceWindow')!;
    const resource = GUARD_RESOURCES[0]!;
    const identities = new Set(checks.map(identityOfCheck));
    const codeOf = { required: 'required', minLength: 'too_short', maxLength: 'too_long', pattern: 'pattern_mismatch', enum: 'invalid_enum', minimum: 'too_small', maximum: 'too_big', maxBytes: 'too_long', minItems: 'too_few_items', maxItems: 'too_many_items', minEntries: 'too_few_entries', maxEntries: 'too_many_entries' } as const;
    const cfnRoot = new Set(cfnMembers(metaOf(request) as StructureMeta).values());
    const missing: string[] = [];
    for (const c of spec.constraints.filter((c) => kindOf(c) === 'request' && !c.vacuous)) {
      const segments = parseSpecPath(c.path);
      const first = segments[0];
      if (first && 'member' in first && !cfnRoot.has(first.member)) continue; // ClientToken, AlarmConfiguration: not in a template
      // The spec path in CloudFormation's names: walk it as lint's finding paths are walked.
      const apiPath = segments.map((s) => ('member' in s ? s.member : 0));
      const cfn = specPathOf(resource, cfnPathOf(apiPath), segments.some((s) => 'key' in s));
      const identity = `${codeOf[c.constraint]}@${cfn}`;
      if (!identities.has(identity)) missing.push(`${c.id} (${identity})`);
    }
    expect(missing).toEqual([]);
  });
});

/** An API path (members and list/map positions as 0) in CloudFormation's names. */
function cfnPathOf(apiPath: readonly (string | number)[]): (string | number)[] {
  let meta = metaOf(request);
  const out: (string | number)[] = [];
  for (const segment of apiPath) {
    if (meta.type === 'structure') {
      const cfn = [...cfnMembers(meta)].find(([, api]) => api === segment)?.[0];
      out.push(cfn ?? segment);
      meta = metaOf(meta.members[String(segment)]!.schema);
    } else if (meta.type === 'list') {
      out.push(0);
      meta = metaOf(meta.member);
    } else if (meta.type === 'map') {
      out.push('key');
      meta = metaOf(meta.value);
    }
  }
  return out;
}

describe('Guard rules: files', () => {
  it('writes one rules file per resource type and a docs page that lists what Guard leaves out', () => {
    const files = guardFiles(CONTRACT);
    expect([...files.keys()]).toEqual([...GUARD_RESOURCES.map((r) => r.file), 'docs/guard.md']);
    const rules = files.get(GUARD_RESOURCES[0]!.file)!;
    for (const c of checks) expect(rules).toContain(`rule ${c.name} when %mw_tasks !empty {`);
    const docs = files.get('docs/guard.md')!;
    for (const u of unexpressed) expect(docs).toContain(u.reason.replace(/\|/g, '\\|'));
    for (const id of ['MW007', 'MW008', 'MW009', 'MW010', 'MW011', 'MW102']) expect(docs).toMatch(new RegExp(`\\| ${id} \\|`));
  });

  it('names the rule and its source in a comment above each rule', () => {
    const rules = guardFiles(CONTRACT).get(GUARD_RESOURCES[0]!.file)!;
    for (const c of checks) {
      const at = rules.indexOf(`rule ${c.name} when`);
      const head = rules.slice(rules.lastIndexOf(`# ${c.name}: `, at), at);
      expect(head).toMatch(/^# \w+: .+\n# lint: .+\n(# Source: .+\n)+$/);
    }
  });
});

describe('Guard regexes', () => {
  it('translates JavaScript regex sources to what they mean in Rust regex', () => {
    expect(guardRegex('^mw-[0-9a-f]{17}$')).toBe('^mw-[0-9a-f]{17}$');
    expect(guardRegex('^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:Name')).toBe('^[\\p{L}\\p{Z}\\p{N}_.:\\x2F=\\-@]*$|resource-groups:Name');
    expect(guardRegex('a.b')).toBe('a[^\\n\\r\\x{2028}\\x{2029}]b');
    expect(guardRegex('^\\d+$')).toBe('^[0-9]+$');
    expect(guardRegex('[\\d.]')).toBe('[0-9.]');
    expect(guardRegex('^\\s*$')).toContain('\\x{FEFF}');
    expect(guardRegex('[a&&b~~c[]')).toBe('[a\\&\\&b\\~\\~c\\[]');
    expect(guardRegex('(?:x)')).toBe('(?:x)');
    for (const unsupported of ['^(?!\\s*$).+', '(a)\\1', '\\bword', '(?<name>x)']) expect(() => guardRegex(unsupported)).toThrow();
  });

  it('narrows a Unicode pattern to a part that matches only what the pattern matches', () => {
    const source = '^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name';
    const part = new RegExp(asciiPart(source)!, 'u');
    const full = compileAwsPattern(source);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !part.test(s) || full.test(s)), { seed: 17, numRuns: 2000 });
    expect(part.test('tag:Patch Group')).toBe(true);
    expect(part.test('Ünïcödé')).toBe(false);
    expect(asciiPart('^[^\\p{L}]$')).toBeUndefined();
    expect(asciiPart('^mw-[0-9a-f]{17}$')).toBeUndefined();
  });

  it('lists length regexes cheapest first, each matching only what the exact one matches', () => {
    for (const [min, max] of [[1, undefined], [3, 20], [0, 128], [0, 1600], [1, 8000]] as const) {
      const tests = lengthTests(min, max).map((r) => new RegExp(r.replace(/^\(\?s\)/, ''), r.startsWith('(?s)') ? 'su' : 'u'));
      const exact = tests[tests.length - 1]!;
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => tests.every((t) => !t.test(s) || exact.test(s))), { seed: 3, numRuns: 500 });
      const length = (s: string) => [...s].length;
      expect(exact.test('😀'.repeat(min))).toBe(true);
      if (max !== undefined) expect(exact.test('😀'.repeat(max + 1))).toBe(false);
      expect(length('😀'.repeat(min))).toBe(min);
    }
  });

  it('accepts exactly the base64 text the CloudFormation handler decodes (D34)', () => {
    const regex = new RegExp(handlerBase64Source());
    const b64 = fc.stringMatching(/^[A-Za-z0-9+/= \r\n\t#é]{0,24}$/);
    fc.assert(fc.property(b64, (s) => regex.test(s) === !('refused' in handlerBase64(s))), { seed: 34, numRuns: 5000 });
    for (const valid of ['', 'eyJhIjoxfQ==', 'eyJh\nIjox\r\nfQ==', 'QUJD', 'QUI=', 'QQ==']) expect([valid, regex.test(valid)]).toEqual([valid, true]);
    for (const invalid of ['eyJhIjoxfR==', '{"a":1}', 'QUJ', 'QU=I', 'QQ=']) expect([invalid, regex.test(invalid)]).toEqual([invalid, false]);
  });
});
