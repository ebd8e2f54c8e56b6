import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWindowSchedule, nextRuns, type WindowSchedule } from '../../src/schedule/index.js';
import { located, NOW, readYaml, ROOT, sortLocated, type Located } from './support.js';

/*
 * spec/schedule-decisions.yaml: every decision has its sources and examples, and every example holds
 * (the findings exactly, or the run times exactly).
 */

interface Example {
  input: WindowSchedule;
  now?: string;
  valid?: boolean;
  findings?: Located[];
  from?: string;
  count?: number;
  runs?: string[];
  caveats?: string[];
}
interface Decision {
  id: string;
  title: string;
  sources: { source: string; quote: string }[];
  decision: string;
  examples: Example[];
}

const { decisions } = readYaml<{ decisions: Decision[] }>(join(ROOT, 'spec', 'schedule-decisions.yaml'));

describe('spec/schedule-decisions.yaml', () => {
  it('numbers its decisions S01, S02, ... in order, each with a title, sources, a decision and examples', () => {
    expect(decisions.map((d) => d.id)).toEqual(decisions.map((_, i) => `S${String(i + 1).padStart(2, '0')}`));
    for (const d of decisions) {
      expect(d.title.length, d.id).toBeGreaterThan(10);
      expect(d.decision.length, d.id).toBeGreaterThan(20);
      expect(d.sources.length, d.id).toBeGreaterThan(0);
      for (const s of d.sources) expect(s.quote.length, d.id).toBeGreaterThan(5);
      expect(d.examples.length, d.id).toBeGreaterThan(0);
      for (const e of d.examples) expect(e.findings !== undefined || e.runs !== undefined, `${d.id} ${JSON.stringify(e.input)}`).toBe(true);
    }
  });

  describe.each(decisions.map((d) => [`${d.id} ${d.title}`, d] as const))('%s', (_, d) => {
    const checks = d.examples.filter((e) => e.findings);
    const runs = d.examples.filter((e) => e.runs);
    if (checks.length > 0) {
      it.each(checks.map((e) => [JSON.stringify(e.input), e] as const))('%s', (_, e) => {
        const found = checkWindowSchedule(e.input, { now: e.now ? new Date(e.now) : NOW });
        expect(!found.some((f) => f.severity === 'error')).toBe(e.valid);
        expect(sortLocated(found.map((f) => located(e.input, f)))).toEqual(sortLocated(e.findings!));
      });
    }
    if (runs.length > 0) {
      it.each(runs.map((e) => [`${JSON.stringify(e.input)} from ${e.from}`, e] as const))('runs of %s', (_, e) => {
        const result = nextRuns({ Schedule: e.input.Schedule!, ...e.input }, { from: new Date(e.from!), count: e.count ?? e.runs!.length });
        expect(result.findings).toEqual([]);
        expect(result.runs.map((r) => r.iso)).toEqual(e.runs);
        if (e.caveats) expect(result.caveats.map((c) => c.code).filter((c) => c !== 'tzdata')).toEqual(e.caveats);
      });
    }
  });
});
