import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DRAFTS } from '../../src/generate/json-schema.js';
import { validate } from '../../src/validate/validate.js';
import { GENERATED } from '../support/ajv.js';
import { jsonCases, expressibleVerdict } from '../support/cases.js';
import { ROOT } from '../support/spec.js';

/*
 * What a Python user gets: the recipe of docs/generated.md (jsonschema, with the regex module for \p{L}) on
 * the generated schemas, run as a third party over the shared case table. Python, jsonschema and
 * regex are on every machine (cfn-lint needs them).
 */

const work = mkdtempSync(join(tmpdir(), 'ssm-mw-contracts-python-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cases = jsonCases();

function docsRecipe(): string {
  const page = readFileSync(join(ROOT, 'docs', 'generated.md'), 'utf8');
  const block = /```python\n([\s\S]*?)```/.exec(page);
  if (!block) throw new Error('docs/generated.md has no python block');
  return block[1]!;
}

describe('Python jsonschema on the generated schemas', () => {
  it("the docs' recipe accepts a valid payload and names the faulty path of an invalid one", () => {
    const script = join(work, 'check.py');
    writeFileSync(script, docsRecipe());
    const schema = join(GENERATED, 'json-schema', '2020-12', 'RegisterTaskWithMaintenanceWindow.request.schema.json');
    const good = spawnSync('python3', [script, schema, join(ROOT, 'examples', 'register-patch-task.json')], { encoding: 'utf8' });
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    const bad = spawnSync('python3', [script, schema, join(ROOT, 'spec', 'examples', 'register-sample-request.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^\/WindowId /m);
  });

  it.each(DRAFTS.map((d) => [d]))('agrees with validate() on every case of the shared table (%s)', (draft) => {
    const input = cases.map((c) => JSON.stringify({ schema: join(GENERATED, 'json-schema', draft, `${c.operation}.${c.kind}.schema.json`), draft, data: c.data })).join('\n');
    const out = execFileSync('python3', [join(ROOT, 'test', 'support', 'jsonschema_party.py')], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const verdicts = out.trim().split('\n');
    expect(verdicts.length).toBe(cases.length);
    const disagreements = cases.flatMap((c, i) => {
      // What JSON Schema cannot express (validator-only rules: the schedule dialect, ...) is validate()'s alone.
      const ours = expressibleVerdict(validate(c.operation, c.kind, c.data));
      return (verdicts[i] === 'valid') === ours ? [] : [`${c.description}: validate() ${ours ? 'valid' : 'invalid'} (validator-only rules aside), jsonschema ${verdicts[i]}\n  payload: ${JSON.stringify(c.data)}`];
    });
    expect(disagreements, disagreements.join('\n')).toEqual([]);
  });
});
