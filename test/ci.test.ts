import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/spec.js';

/*
 * .ci/run on a machine that has the tools npm test runs, and on one that has only Debian's: apt-get
 * and npm are stubs that record what they are asked (nothing is installed, nothing is run).
 */

const stubs = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-ci-'));
afterAll(() => rmSync(stubs, { recursive: true, force: true }));
const LOG = join(stubs, 'log');
for (const tool of ['apt-get', 'npm']) {
  writeFileSync(join(stubs, tool), `#!/bin/sh\necho "${tool} $*" >> "${LOG}"\n`);
  chmodSync(join(stubs, tool), 0o755);
}

function ciRun(path: string) {
  writeFileSync(LOG, '');
  const run = spawnSync('bash', [join(ROOT, '.ci', 'run')], { encoding: 'utf8', env: { ...process.env, PATH: `${stubs}:${path}` } });
  return { status: run.status, stderr: run.stderr, calls: readFileSync(LOG, 'utf8').split('\n').filter(Boolean) };
}

describe('.ci/run', () => {
  it('on this machine, which has every tool npm test needs: npm ci, npm test, then the suites again on Node 24', () => {
    const run = ciRun(process.env.PATH ?? '');
    expect(run.stderr).toBe('');
    expect(run.calls).toEqual(['npm ci', 'npm test', 'npm run test:node24']);
    expect(run.status).toBe(0);
  });

  it('with only Debian: installs what apt provides, then names each missing tool and how to install it, and runs nothing', () => {
    const run = ciRun('/usr/bin:/bin');
    const apt = run.calls.filter((c) => c.startsWith('apt-get'));
    if (apt.length > 0) expect(apt[0]).toBe('apt-get update');
    expect(run.calls.filter((c) => c.startsWith('npm'))).toEqual([]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^CI needs, and cannot install from Debian:\n/);
    for (const tool of ['botocore 1.43.11 for python3', 'AWS CLI v1 1.45.11', 'moto_server 5.2.1', 'cfn-lint 1.51.0']) expect(run.stderr).toContain(`  - ${tool}`);
    expect(run.stderr).toContain("  python3 -m pip install botocore==1.43.11 awscli==1.45.11 jsonschema==4.26.0 regex==2026.5.9 'moto[server]==5.2.1' cfn-lint==1.51.0\n");
  });
});
