import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { renderLintSarif as renderSarif } from '../../src/report/sarif.js';
import { allRules, descriptors } from '../../src/readers/rule-catalog.js';
import { runCli } from '../support/cli.js';
import { loadTemplateFixtures } from '../support/cloudformation.js';

/** The SARIF 2.1.0 schema (rtm.5, the one GitHub code scanning documents), as @microsoft/jest-sarif ships it. */
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// unicodeRegExp off: the schema's `language` pattern has a stray "]" that only the u flag rejects.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const fixtures = [...loadTemplateFixtures('bad'), ...loadTemplateFixtures('good')];
const report = lint(fixtures.map((f) => ({ file: f.file, text: readFileSync(f.file, 'utf8'), explicit: true })));

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const log = JSON.parse(renderSarif(report, { version: '1.2.3' }));
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(50);
  });

  it('validates for command lines too, their findings at the option in the logical location', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'test/fixtures/aws-cli/repo']);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
    const patching = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'MW021');
    expect(patching.locations[0].logicalLocations[0]).toMatchObject({ name: 'aws ssm describe-maintenance-window-execution-task-invocations', kind: 'resource' });
    expect(patching.locations[0].physicalLocation.region).toMatchObject({ startLine: 32, startColumn: 33 });
  });

  it('the schema rejects what is not SARIF (the check can fail)', () => {
    const log = JSON.parse(renderSarif(report, { version: '1.2.3' }));
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    expect(validateSarif(log)).toBe(false);
  });

  it('describes every rule and code, each rule with its sources and a help link', () => {
    const driver = JSON.parse(renderSarif({ files: [] }, { version: '1.2.3' })).runs[0].tool.driver;
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(descriptors().map((d) => d.id));
    for (const rule of allRules) {
      const described = driver.rules.find((r: { id: string }) => r.id === rule.id);
      expect(described).toMatchObject({ name: rule.code, shortDescription: { text: rule.title }, helpUri: rule.sources[0].url });
      for (const source of rule.sources) expect(described.help.text).toContain(source.quote);
    }
  });

  it('points each result at its rule, file, line, column and resource; suppressed ones are marked', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'test/fixtures/cloudformation/bad/suppression.yaml']);
    const sarif = JSON.parse(run.stdout);
    const { results, tool } = sarif.runs[0];
    expect(run.code).toBe(1);
    expect(results.map((r: { ruleId: string; ruleIndex: number; level: string; suppressions?: unknown[] }) => [r.ruleId, tool.driver.rules[r.ruleIndex].id, r.level, Boolean(r.suppressions)])).toEqual([
      ['unknown_suppression', 'unknown_suppression', 'warning', false],
      ['pattern_mismatch', 'pattern_mismatch', 'error', false],
      ['MW011', 'MW011', 'note', true],
      ['MW003', 'MW003', 'error', true],
      ['MW003', 'MW003', 'error', true],
    ]);
    expect(results[1].locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'test/fixtures/cloudformation/bad/suppression.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 21, startColumn: 28 } },
      logicalLocations: [
        { name: 'AutomationTask', fullyQualifiedName: 'AutomationTask.TaskInvocationParameters.MaintenanceWindowAutomationParameters.DocumentVersion', kind: 'resource' },
      ],
    });
  });

  describe('artifact URIs: relative references to the file itself (RFC 3986)', () => {
    const payload = JSON.stringify({ WindowId: 'mw-1', TaskArn: 'AWS-RunShellScript', TaskType: 'AUTOMATION' });
    const names: [string, string][] = [
      ['c#frag?q.json', 'c%23frag%3Fq.json'],
      ['javascript:alert(1).json', './javascript:alert(1).json'],
      ['dir/x:y.json', 'dir/x:y.json'],
      ['a b.json', 'a%20b.json'],
      ['100%.json', '100%25.json'],
      ['%41.json', '%2541.json'],
      ['é/ü.json', '%C3%A9/%C3%BC.json'],
      ['back\\slash.json', 'back%5Cslash.json'],
      ['[x]{y}|`^".json', '%5Bx%5D%7By%7D%7C%60%5E%22.json'],
      ["sub-delims!$&'()*+,;=@~.json", "sub-delims!$&'()*+,;=@~.json"],
      ['line\nfeed\u202e.json', 'line%0Afeed%E2%80%AE.json'],
    ];

    const log = JSON.parse(renderSarif(lint(names.map(([file]) => ({ file, text: payload, explicit: true }))), { version: '1.2.3' }));
    const locations: { uri: string; uriBaseId?: string }[] = log.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => r.locations[0]!.physicalLocation.artifactLocation);

    it('validates against the SARIF 2.1.0 schema', () => {
      expect(validateSarif(log) ? [] : validateSarif.errors).toEqual([]);
    });

    it.each(names)('%j is written %j, and resolves to the file itself', (file, uri) => {
      const written = locations.filter((l) => decodeURIComponent(l.uri.replace(/^\.\//, '')) === file);
      expect(written.length).toBeGreaterThan(0);
      for (const location of written) {
        expect(location).toEqual({ uri, uriBaseId: '%SRCROOT%' });
        // Resolved against the root as a URL reader does: the same path, no query, no fragment, no other scheme.
        const resolved = new URL(location.uri, 'file:///src/root/');
        expect([resolved.protocol, resolved.search, resolved.hash]).toEqual(['file:', '', '']);
        expect(decodeURIComponent(resolved.pathname)).toBe(`/src/root/${file}`);
      }
    });

    it('gives a file outside the directory lint ran in as an absolute file: URI, without a base', () => {
      const outside = JSON.parse(renderSarif(lint([{ file: '/elsewhere/c#d %.json', text: payload, explicit: true }]), { version: '1.2.3' }));
      expect(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/c%23d%20%25.json' });
      expect(validateSarif(outside) ? [] : validateSarif.errors).toEqual([]);
    });
  });
});
