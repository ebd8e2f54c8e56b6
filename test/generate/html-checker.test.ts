import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { printable } from '../../src/report/printable.js';
import { byPosition, type Severity } from '../../src/issues/codes.js';
import { displayPath, type Issue } from '../../src/issues/issue.js';
import { bundledModule, bundleChecker, BUNDLED_FILE } from '../../src/generate/html-checker/build.js';
import { checkPasted } from '../../src/generate/html-checker/check.js';
import { IDS, PASTED_NAME, READY_MARK } from '../../src/generate/html-checker/ids.js';
import { GENERATED } from '../support/ajv.js';
import { findChromium, INSTALL_HINT, render, type Page } from '../support/chromium.js';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/spec.js';

/*
 * The reference page's payload checker, used as a person uses it: the generated file opened from
 * disk in headless Chromium, a payload pasted, an operation and kind chosen or left to inference,
 * Check clicked. What the page shows must be what `ssm-mw-contracts validate -` prints for the same
 * text (the same findings, places and wording), without the page asking the network for anything.
 * Without Chromium this fails (never skips): CI installs it.
 */

const PAGE = join(GENERATED, 'docs', 'index.html');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Case {
  name: string;
  text: string;
  operation?: string;
  kind?: string;
  httpStatus?: string;
}

/** A finding as the page shows it and as the command line's JSON gives it, side by side. */
interface Row {
  where: string;
  severity: Severity;
  message: string;
  hint: string;
  path: string;
  label: string;
  code: string;
}

interface Shown {
  status: string;
  rows: Row[];
  cliText: string;
  /** Elements in the result that no finding should make: a payload's markup would. */
  injected: number;
  pwned: unknown;
}

const SAMPLE = read('spec/examples/register-sample-request.json');
const VALID = read('examples/register-patch-task.json');
const MISTAKES = read('examples/register-task-with-mistakes.yaml');
/** Broken on its third line: a member without its comma before it. */
const BROKEN_JSON = '{\n  "WindowId": "mw-0123456789abcdef0",\n  "TaskArn": "AWS-RunShellScript"\n  "TaskType": "RUN_COMMAND"\n}\n';
const BROKEN_YAML = 'WindowId: mw-0123456789abcdef0\nTaskArn: [AWS-RunShellScript\nTaskType: RUN_COMMAND\n';
const HOSTILE = JSON.stringify(
  {
    WindowId: '<img src=x onerror=window.__pwned=1>',
    TaskArn: 'AWS-RunShellScript',
    TaskType: 'RUN_COMMAND</textarea><script>window.__pwned=2</script>',
    '<b onmouseover=window.__pwned=3>key</b>': '&lt;entity&gt;',
    Targets: [{ Key: 'InstanceIds', Values: ['<svg onload=window.__pwned=4>'] }],
  },
  null,
  2,
);

const CASES: Case[] = [
  { name: 'the seed sample request', text: SAMPLE },
  { name: 'a valid request', text: VALID },
  { name: 'a valid request as YAML', text: stringify(JSON.parse(VALID)) },
  { name: 'a YAML request with mistakes on many lines', text: MISTAKES },
  { name: 'broken JSON', text: BROKEN_JSON },
  { name: 'broken YAML', text: BROKEN_YAML },
  { name: 'a hostile payload', text: HOSTILE },
  { name: 'the sample checked as a response (chosen)', text: SAMPLE, operation: 'RegisterTaskWithMaintenanceWindow', kind: 'response' },
  { name: 'an error body with its HTTP status (the operation chosen, the kind inferred)', text: '{"__type": "DoesNotExistException", "Message": "no such window"}', operation: 'RegisterTaskWithMaintenanceWindow', httpStatus: '500' },
  { name: 'a payload of neither operation', text: '{"Colour": "blue"}' },
];

/** What the page shows for one payload: pasted, the choices made, Check clicked. */
async function check(page: Page, c: Case): Promise<Shown> {
  await page.choose(`#${IDS.operation}`, c.operation ?? '');
  await page.choose(`#${IDS.kind}`, c.kind ?? '');
  await page.choose(`#${IDS.httpStatus}`, c.httpStatus ?? '');
  await page.paste(`#${IDS.input}`, c.text);
  await page.click(`#${IDS.run}`);
  return (await page.evaluate(`(() => {
    const result = document.getElementById(${JSON.stringify(IDS.result)});
    const text = (row, selector) => row.querySelector(selector)?.textContent ?? '';
    return {
      status: text(result, '.status'),
      rows: [...result.querySelectorAll('tr.finding')].map((row) => ({
        where: text(row, '.where'), severity: text(row, '.severity'), message: text(row, '.message'), hint: text(row, '.hint').replace(/^↳ /, ''),
        path: text(row, '.path').replace(/^at /, ''), label: text(row, '.rule'), code: text(row, '.code') || text(row, '.rule'),
      })),
      cliText: text(result, '.cli-text'),
      injected: result.querySelectorAll('img, script, svg, b, iframe, textarea').length,
      pwned: window.__pwned,
    };
  })()`)) as Shown;
}

/** What `ssm-mw-contracts validate -` says of the same text with the same choices: its text output and its findings. */
async function cli(c: Case) {
  const options = [...(c.operation ? ['--operation', c.operation] : []), ...(c.kind ? ['--kind', c.kind] : []), ...(c.httpStatus ? ['--http-status', c.httpStatus] : [])];
  const text = await runCli(['validate', ...options, '-'], { stdin: c.text });
  const json = await runCli(['validate', ...options, '--format', 'json', '-'], { stdin: c.text });
  const report = JSON.parse(json.stdout).results[0] as { valid: boolean; operation: string | null; kind: string | null; issues: (Issue & { line?: number; column?: number })[] };
  const rows: Row[] = [...report.issues].sort(byPosition).map((i) => ({
    where: i.line ? `${i.line}:${i.column}` : '-',
    severity: i.severity,
    message: printable(i.message),
    hint: i.hint ? printable(i.hint) : '',
    path: printable(displayPath(i.path)),
    label: i.rule ?? i.code,
    code: i.code,
  }));
  return { stdout: text.stdout.replace('<stdin>', PASTED_NAME), code: text.code, valid: report.valid, operation: report.operation, kind: report.kind, rows };
}

describe('the reference page checks a pasted payload, in headless Chromium, offline', () => {
  it('shows what validate prints for each payload, where it is, escaped, and asks the network for nothing', { timeout: 300_000 }, async () => {
    expect(findChromium(), INSTALL_HINT).toBeDefined();
    const url = pathToFileURL(PAGE).href;
    const page = await render(url, {
      facts: {
        ready: `document.getElementById(${JSON.stringify(IDS.section)}).dataset.ready`,
        readyMs: `performance.getEntriesByName(${JSON.stringify(READY_MARK)})[0]?.startTime`,
        prompt: `document.getElementById(${JSON.stringify(IDS.result)}).textContent`,
      },
      interact: async (p) => {
        const shown: Shown[] = [];
        for (const c of CASES) shown.push(await check(p, c));
        // Selecting a finding's place selects it in the payload: the YAML's typo, on line 6.
        await check(p, CASES[3]!);
        await p.click(`#${IDS.result} tr.finding button.goto`);
        const selected = await p.evaluate(`(() => { const t = document.getElementById(${JSON.stringify(IDS.input)}); return [document.activeElement === t, t.value.slice(0, t.selectionStart).split('\\n').length, t.value.slice(t.selectionStart, t.selectionStart + 13)]; })()`);
        // Typing checks too, without a click, once the typing pauses: the invalid YAML above becomes a valid request.
        await p.paste(`#${IDS.input}`, VALID);
        const typed = await p.waitFor(`(() => { const s = document.querySelector('#${IDS.result} .status')?.textContent; return s?.startsWith('Valid') && s; })()`);
        return { shown, selected, typed };
      },
    });
    const { shown, selected, typed } = page.interaction!;

    expect(page.facts.ready).toBe('true');
    expect(page.facts.readyMs).toBeGreaterThan(0);
    expect(page.facts.prompt).toMatch(/^Paste a payload above/);
    // The file itself, and nothing else: no script, style, font or image from anywhere, and nothing the checks fetched.
    expect(page.requests).toEqual([url]);

    for (const [i, c] of CASES.entries()) {
      const expected = await cli(c);
      const got = shown[i]!;
      expect({ name: c.name, rows: got.rows }).toEqual({ name: c.name, rows: expected.rows });
      expect(got.cliText, c.name).toBe(expected.stdout);
      expect(got.status.startsWith(expected.valid ? 'Valid' : 'Invalid'), `${c.name}: ${got.status}`).toBe(true);
      if (expected.operation) expect(got.status, c.name).toContain(` as ${expected.operation} ${expected.kind}`);
      expect(got.injected, c.name).toBe(0);
      expect(got.pwned, c.name).toBeUndefined();
    }

    const [sample, valid, validYaml, mistakes, brokenJson, brokenYaml, hostile, asResponse, errorBody, neither] = shown as [Shown, Shown, Shown, Shown, Shown, Shown, Shown, Shown, Shown, Shown];
    // The seed's sample: exactly one error, at WindowId (its placeholder ID), besides the info and warning validate gives.
    expect(sample.rows.filter((r) => r.severity === 'error')).toEqual([expect.objectContaining({ where: '1:15', path: 'WindowId', code: 'pattern_mismatch' })]);
    expect(sample.rows.map((r) => [r.severity, r.label])).toEqual([['info', 'MW011'], ['error', 'pattern_mismatch'], ['warning', 'MW007']]);
    expect(sample.status).toBe('Invalid as RegisterTaskWithMaintenanceWindow request (inferred from its members): 1 error, 1 warning, 1 info');
    expect(valid.status).toBe('Valid as RegisterTaskWithMaintenanceWindow request (inferred from its members): 0 errors, 0 warnings, 0 infos');
    expect(valid.rows).toEqual([]);
    expect(validYaml.status).toBe(valid.status);
    expect(mistakes.rows.map((r) => r.where)).toEqual(expect.arrayContaining(['6:1', '8:11']));
    // Where each broken file stops being JSON or YAML.
    expect(brokenJson.rows).toEqual([expect.objectContaining({ where: '4:3', severity: 'error', code: 'syntax_error' })]);
    expect(brokenJson.rows[0]!.message).toContain('JSON');
    expect(brokenYaml.rows).toEqual([expect.objectContaining({ severity: 'error', code: 'syntax_error' })]);
    expect(brokenYaml.rows[0]!.where).toMatch(/^[23]:\d+$/);
    // The hostile markup is shown as the text it is.
    const messages = hostile.rows.map((r) => r.message).join('\n');
    for (const markup of ['"<img src=x onerror=window.__pwned=1>"', '["<b onmouseover=window.__pwned=3>key</b>"]', '"<svg onload=window.__pwned=4>"']) expect(messages).toContain(markup);
    expect(messages).toContain('RUN_COMMAND</textarea><script>window.__pwned=2</script>');
    expect(asResponse.status).toContain('as RegisterTaskWithMaintenanceWindow response:');
    expect(asResponse.status).not.toContain('inferred');
    expect(errorBody.status).toContain('as RegisterTaskWithMaintenanceWindow error (inferred from its members)');
    expect(errorBody.rows.map((r) => r.label)).toEqual(['MW031']);
    expect(neither.rows).toEqual([expect.objectContaining({ code: 'unrecognized_payload', severity: 'error' })]);

    expect(selected).toEqual([true, 6, 'MaxConcurency']);
    expect(typed).toBe(valid.status);
  });
});

describe('checkPasted, the checker without the page', () => {
  it('gives the text validate prints, the file named as a paste', async () => {
    for (const c of CASES) {
      const choice = { ...(c.operation ? { operation: c.operation as 'RegisterTaskWithMaintenanceWindow' } : {}), ...(c.kind ? { kind: c.kind as 'response' } : {}), ...(c.httpStatus ? { httpStatus: Number(c.httpStatus) } : {}) };
      expect(checkPasted(c.text, choice).cliText, c.name).toBe((await cli(c)).stdout);
    }
  });
});

describe("the page's bundled script", () => {
  it('is what src/ bundles to now: the same bytes on every run, with no path of this machine in it', async () => {
    const script = await bundleChecker();
    expect(await bundleChecker()).toBe(script);
    expect(bundledModule(script)).toBe(read(BUNDLED_FILE));
    expect(script).not.toContain(ROOT);
    expect(script).not.toMatch(/\/(?:home|tmp|work|Users)\//);
    // Plain ASCII (esbuild writes tabs and line feeds raw in strings): the page's bytes do not depend on how an editor or a server declares its encoding.
    expect(/^[\t\n\x20-\x7e]*$/.test(script)).toBe(true);
  });
});
