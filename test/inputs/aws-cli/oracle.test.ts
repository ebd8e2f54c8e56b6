import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../src/operations/index.js';
import { readCommandLine, type CliReading } from '../../../src/readers/aws-cli/read-command-line.js';
import { CLIS, cliAvailable, cliEnv, makeCaseDir, nodeFiles, runCliCases, startCapture, tempRoot, type CliBinary, type CliRun } from '../../support/awscli.js';
import { COMMANDS, ORACLE_CASES, type OracleCase } from './oracle-cases.js';

/*
 * The oracle: every case runs through the real AWS CLI v1 (pip awscli 1.45.11, `aws` on PATH) and
 * v2.9.19 (Debian's awscli, /usr/bin/aws), live, and through our reader set to the same version.
 * Where the CLI sends a request, ours must be identical; where it refuses, ours must refuse for
 * the same reason with the same exit status.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Outcome {
  run: CliRun;
  ours: CliReading;
}

const results = new Map<string, Outcome>();
let root = '';

const key = (c: OracleCase, cli: CliBinary) => `${cli.version}/${c.name}`;

beforeAll(async () => {
  for (const cli of CLIS) {
    if (!cliAvailable(cli.command)) throw new Error(`AWS CLI ${cli.version} not found at ${cli.command}: install it (apt-get install awscli gives v2.9.19; .ci/run does).`);
  }
  root = tempRoot('ssm-mw-oracle-');
  const capture = await startCapture();
  const env = cliEnv(root);
  const releases = new Map<string, string>();
  await Promise.all(
    CLIS.map(async (cli, j) => {
      const cases = ORACLE_CASES.map((c, i) => ({
        id: `c${i}v${j}`,
        cwd: makeCaseDir(root, `${cli.version}-${c.name}`, c.files),
        argv: ['--endpoint-url', `http://127.0.0.1:${capture.port}/c${i}v${j}/`, ...(c.globals ?? []), 'ssm', COMMANDS[c.command], ...c.args],
      }));
      const { release, results: runs } = await runCliCases(cli, cases, env, 2);
      releases.set(cli.version, release);
      ORACLE_CASES.forEach((c, i) => {
        const { id, cwd } = cases[i]!;
        const run: CliRun = { ...runs.get(id)! };
        const sent = capture.bodies.get(id);
        if (sent) {
          run.body = JSON.parse(sent.body) as Record<string, unknown>;
          run.target = sent.target;
        }
        const ours = readCommandLine(['aws', ...(c.globals ?? []), 'ssm', COMMANDS[c.command], ...c.args], { version: cli.version, cwd, files: nodeFiles, env: { HOME: root } });
        results.set(key(c, cli), { run, ours });
      });
    }),
  );
  for (const cli of CLIS) if (releases.get(cli.version) !== cli.release) throw new Error(`expected AWS CLI ${cli.release}, found ${releases.get(cli.version)}`);
  await capture.close();
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The first line of the CLI's reason, without v1's `{self._error_location()}` rendering bug. */
function reason(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('usage:') && !l.startsWith('To see help') && !l.startsWith('  aws'));
  return (lines.find((l) => l.startsWith('aws: error:') || /Error|Unknown|Invalid|Cannot|Expected|Second|Missing|Bad|Only|string|int\(\)|object|Unable/.test(l)) ?? lines[0] ?? '').replace(/^aws: error: /, '').trim();
}

describe('the oracle table', () => {
  it('has at least 150 cases', () => {
    expect(ORACLE_CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ORACLE_CASES.map((c) => c.name)).size).toBe(ORACLE_CASES.length);
  });

  it('calls every command the reader reads', () => {
    const called = new Set(ORACLE_CASES.map((c) => COMMANDS[c.command]));
    expect([...called].sort()).toEqual(Object.values(operations).map((o) => o.cliCommand).sort());
  });
});

for (const cli of CLIS) {
  describe(`AWS CLI ${cli.version}`, () => {
    it.each(ORACLE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const { run, ours } = results.get(key(c, cli))!;
      const context = `${c.name} with AWS CLI ${cli.version}: exit ${run.exit}\n${run.stderr}`;
      if (run.body) {
        expect(ours.outcome, context).toBe('request');
        const body = { ...run.body };
        if (!ours.request || !('ClientToken' in ours.request)) {
          if (typeof body.ClientToken === 'string' && UUID.test(body.ClientToken)) delete body.ClientToken;
        }
        expect(JSON.stringify(ours.request), context).toBe(JSON.stringify(body));
        return;
      }
      if (run.exit === 0) {
        expect(ours.outcome, context).toBe('no-request');
        return;
      }
      if (ours.outcome === 'no-request' && ours.noRequest === 'skeleton') {
        // `--generate-cli-skeleton output` stubs a response that fails the CLI's own validation.
        expect(run.stderr, context).toMatch(/WindowTaskId|WindowExecutionTaskInvocationIdentities|Parameter validation failed/);
        return;
      }
      expect(ours.outcome, context).toBe('refused');
      expect(ours.refusal!.exit, context).toBe(run.exit);
      if (ours.refusal!.stage === 'validation') {
        const lines = run.stderr.slice(run.stderr.indexOf('Parameter validation failed:')).split('\n').slice(1).filter((l) => l.trim() !== '');
        expect(ours.refusal!.lines!.map((l) => l.message), context).toEqual(lines);
      } else {
        const theirs = reason(run.stderr);
        const mine = ours.refusal!.message.split('\n')[0]!.replace(/^aws: error: /, '');
        expect(theirs.startsWith(mine.replace(/ for input:$/, '')) || mine.startsWith(theirs), `${context}\nours: ${ours.refusal!.message}`).toBe(true);
      }
    });
  });
}

/**
 * Where AWS CLI v1 and v2.9.19 read the same argument list differently (beyond exit statuses and
 * the wording of messages), as recorded in docs/aws-cli.md. A change in either CLI fails this test.
 */
export const V1_DIFFERS = [
  'targets-quoted-backslash-before-quote',
  'tip-lambda-payload-base64',
  'tip-lambda-payload-not-base64',
  'tip-lambda-payload-json-text',
  'tip-lambda-payload-base64-with-junk',
  'tip-lambda-payload-non-ascii',
  'tip-lambda-payload-one-extra-char',
  'tip-lambda-payload-stops-at-padding',
  'tip-lambda-raw-in-base64-out',
  'tip-file-json',
  'tip-at-file',
  'tip-at-file-list',
  'tip-at-file-missing',
  'tip-at-plain-value',
  'tip-at-file-spaced',
  'cli-input-json-invalid',
  'cli-input-json-list',
  'cli-input-yaml',
  'cli-input-both',
  'skeleton-yaml-input',
  'global-no-cli-pager',
  'cli-input-max-results-with-page-size',
  // v1 has no --cli-input-yaml (D41's YAML case).
  'cli-input-yaml-priority-with-fraction',
  // Issue 16's commands: v1 has neither --cli-input-yaml nor --cli-binary-format.
  'cw-cli-input-yaml',
  'uw-cli-input-yaml',
  'rt-cli-input-yaml',
  'uk-lambda-raw-payload',
  'uk-cli-input-yaml',
];

/** Where our reader, set to AWS CLI v2 as of 2.36.7, reads differently from v2.9.19. */
export const V2_LATEST_DIFFERS = ['targets-quoted-backslash-before-quote', 'tip-at-file', 'tip-at-file-list', 'tip-at-file-missing', 'tip-at-plain-value', 'tip-at-file-spaced'];

describe('differences between the CLIs', () => {
  const line = (c: OracleCase) => ['aws', ...(c.globals ?? []), 'ssm', COMMANDS[c.command], ...c.args];

  it('v1 and v2.9.19 differ exactly where docs/aws-cli.md says', () => {
    const sig = (o: Outcome) => (o.run.body ? JSON.stringify({ ...o.run.body, ClientToken: undefined }) : o.run.exit === 0 ? 'no request' : `refused: ${reason(o.run.stderr).replace(/^Error during pagination: /, '')}`);
    const differing = ORACLE_CASES.filter((c) => sig(results.get(`1/${c.name}`)!) !== sig(results.get(`2.9.19/${c.name}`)!)).map((c) => c.name);
    expect(differing).toEqual(V1_DIFFERS);
  });

  it('our reader of the current v2 differs from v2.9.19 only in @= and the quoted-string regex', () => {
    const differing = ORACLE_CASES.filter((c) => {
      const latest = readCommandLine(line(c), { version: '2', cwd: join(root, `2.9.19-${c.name}`), files: nodeFiles, env: { HOME: root } });
      const old = results.get(`2.9.19/${c.name}`)!.ours;
      return JSON.stringify([latest.outcome, latest.request, latest.refusal?.message]) !== JSON.stringify([old.outcome, old.request, old.refusal?.message]);
    }).map((c) => c.name);
    expect(differing).toEqual(V2_LATEST_DIFFERS);
  });
});
