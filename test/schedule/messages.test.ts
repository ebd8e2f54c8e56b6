import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCaveat, formatIssue } from '../../src/issues/format.js';
import { checkWindowSchedule, nextRuns, scheduleCodes, type Caveat, type CaveatCode, type ScheduleFinding, type WindowSchedule } from '../../src/schedule/index.js';
import { FIXTURES, NOW, readFileSyncText, readYaml, ROOT } from './support.js';

/*
 * Every finding and caveat has words, made from its params alone (no "undefined", no "[object"), and
 * docs/schedule.md lists exactly the codes, the field table and the caveats that the module has.
 */

type Fixtures = Record<string, { bad: { input: WindowSchedule }[] }>;
const fixtures = readYaml<Fixtures>(join(FIXTURES, 'findings.yaml'));
const findings: ScheduleFinding[] = Object.values(fixtures).flatMap((f) => f.bad.flatMap((b) => checkWindowSchedule(b.input, { now: NOW })));

const caveatCases: Record<CaveatCode, () => Caveat[]> = {
  tzdata: () => nextRuns({ Schedule: 'cron(0 10 * * ? *)', ScheduleTimezone: 'Asia/Seoul' }, { from: NOW }).caveats,
  dst_gap: () => nextRuns({ Schedule: 'cron(30 2 * * ? *)', ScheduleTimezone: 'America/Los_Angeles' }, { from: new Date('2026-03-07T00:00:00Z') }).caveats,
  dst_overlap: () => nextRuns({ Schedule: 'cron(30 1 * * ? *)', ScheduleTimezone: 'America/Los_Angeles' }, { from: new Date('2026-10-31T00:00:00Z') }).caveats,
  rate_anchor: () => nextRuns({ Schedule: 'rate(1 day)' }, { from: NOW }).caveats,
  at_timezone: () => nextRuns({ Schedule: 'at(2027-01-01T00:00:00)', ScheduleTimezone: 'Europe/Berlin' }, { from: NOW }).caveats,
  search_limit: () => [{ code: 'search_limit', params: { steps: 200000 } }],
};

const clean = (text: string) => !/undefined|NaN|\[object/.test(text) && text.length > 5;

describe('the words for each finding (src/issues/format.ts)', () => {
  it('has fixtures raising every code', () => {
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(Object.keys(scheduleCodes)));
  });
  it.each(findings.map((f) => [`${f.code} ${JSON.stringify(f.params)}`, f] as const))('%s', (_, f) => {
    const { message, hint } = formatIssue(f.code, f.params, [f.member]);
    expect(clean(message), message).toBe(true);
    if (hint !== undefined) expect(clean(hint), hint).toBe(true);
  });
});

describe('formatCaveat', () => {
  it.each(Object.entries(caveatCases))('%s', (code, make) => {
    const caveat = make().find((c) => c.code === code);
    expect(caveat).toBeDefined();
    expect(clean(formatCaveat(caveat!)), formatCaveat(caveat!)).toBe(true);
  });
});

describe('docs/schedule.md', () => {
  const docs = readFileSyncText(join(ROOT, 'docs', 'schedule.md'));
  const rows = (header: string) => {
    const start = docs.indexOf(header);
    return docs.slice(start).split('\n').slice(2).filter((l, i, all) => all.slice(0, i + 1).every((x) => x.startsWith('|'))).map((l) => l.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, '')));
  };

  it('lists exactly the finding codes, with their severity and title', () => {
    expect(rows('| Code | Severity | Meaning |')).toEqual(Object.entries(scheduleCodes).map(([code, { severity, title }]) => [code, severity, title]));
  });

  it('prints the field table the parser uses', async () => {
    const { CRON_FIELDS } = await import('../../src/schedule/index.js');
    const { allows } = await import('../../src/schedule/fields.js');
    expect(rows('| Field | Allows |')).toEqual(Object.entries(CRON_FIELDS).map(([name, spec]) => [spec.label, allows(name as keyof typeof CRON_FIELDS)]));
  });

  it('lists exactly the caveats', () => {
    expect(rows('| Caveat | When |').map((r) => r[0])).toEqual(Object.keys(caveatCases));
  });

  it('refers to every decision', () => {
    const { decisions } = readYaml<{ decisions: { id: string }[] }>(join(ROOT, 'spec', 'schedule-decisions.yaml'));
    for (const { id } of decisions) expect(docs, id).toMatch(new RegExp(`\\b${id}\\b`));
  });
});
