import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/lint/engine.js';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

/*
 * lint --show-schedule: each window's schedule in words and its next run times, from the request its
 * resource stands for (offset, time zone, active period applied), in every variant whose schedule the
 * file decides; a schedule only a deployment knows, or one with errors, says why it has none.
 */

const FILE = 'test/fixtures/cloudformation/schedules/windows.yaml';
const text = readFileSync(join(ROOT, FILE), 'utf8');

describe('lint --show-schedule', () => {
  const result = lintFile({ file: FILE, text, explicit: true }, { showSchedule: { count: 3, now: new Date('2026-03-06T00:00:00Z') } })!;
  const of = (resource: string) => result.tasks.find((t) => t.resource === resource)!.schedules;

  it("applies the offset and the zone's daylight-saving changes: AWS's own example, two days after each third Tuesday", () => {
    expect(of('ThirdTuesday')).toEqual([
      expect.objectContaining({
        schedule: 'cron(30 23 ? * TUE#3 *)',
        words: 'at 23:30 on the third Tuesday of every month, moved 2 days later (America/Los_Angeles)',
        runs: ['2099-01-22T23:30:00-08:00', '2099-02-19T23:30:00-08:00', '2099-03-19T23:30:00-07:00'],
      }),
    ]);
  });

  it('shows each variant that decides the schedule, labelled, and counts a rate from StartDate', () => {
    expect(of('Weekly')!.map((s) => [s.variant, s.runs])).toEqual([
      ['parameter Zone = "America/Los_Angeles"', ['2098-12-31T07:03:15-08:00', '2099-01-07T07:03:15-08:00', '2099-01-14T07:03:15-08:00']],
      ['parameter Zone = "Europe/Berlin"', ['2098-12-31T16:03:15+01:00', '2099-01-07T16:03:15+01:00', '2099-01-14T16:03:15+01:00']],
    ]);
  });

  it('says why a schedule only a deployment knows has no run times', () => {
    expect(of('FromAParameter')).toEqual([expect.objectContaining({ runs: [], why: 'schedule is known only at deployment', unknown: ['schedule'] })]);
  });

  it('gives no schedule for tasks and targets, nor without the option', () => {
    expect(lintFile({ file: FILE, text, explicit: true })!.tasks.every((t) => t.schedules === undefined)).toBe(true);
  });

  it('prints them after the findings, in the text and JSON formats', async () => {
    const run = await runCli(['lint', '--show-schedule', FILE]);
    expect(run.code).toBe(0);
    const tz = `(tzdata ${process.versions.tz})`;
    expect(run.stdout).toContain(
      [
        `${FILE}:10:3: schedule cron(30 23 ? * TUE#3 *): at 23:30 on the third Tuesday of every month, moved 2 days later (America/Los_Angeles) (ThirdTuesday)`,
        '  active from 2099-01-01T00:00:00-08:00',
        '  next runs: 2099-01-22T23:30:00-08:00, 2099-02-19T23:30:00-08:00, 2099-03-19T23:30:00-07:00, 2099-04-23T23:30:00-07:00, 2099-05-21T23:30:00-07:00',
        `  ↳ UTC offsets of America/Los_Angeles come from this machine's time-zone data ${tz}; AWS's may differ for recent changes.`,
      ].join('\n'),
    );
    expect(run.stdout).toContain(`${FILE}:32:3: schedule (known at deployment) (FromAParameter)\n  no run times: schedule is known only at deployment\n`);
    const json = JSON.parse((await runCli(['lint', '--show-schedule', '-f', 'json', FILE])).stdout) as { results: { resource: string; schedules?: { runs: string[] }[] }[] };
    expect(json.results.find((r) => r.resource === 'ThirdTuesday')!.schedules![0]!.runs).toHaveLength(5);
  });
});
