import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../src/generate/reference.js';
import { OPERATION_NAMES, operations } from '../../src/operations/index.js';
import { allRules } from '../../src/readers/rule-catalog.js';
import { GENERATED } from '../support/ajv.js';
import { findChromium, INSTALL_HINT, render } from '../support/chromium.js';

/*
 * The HTML reference, opened in headless Chromium as a person would open the file: it must
 * render without asking the network for anything, and show both operations, every request field
 * and every rule. Its one script is the payload checker (test/generate/html-checker.test.ts uses it).
 * Without Chromium this fails (never skips): CI installs it.
 */

describe('the HTML reference in headless Chromium', () => {
  it('renders both operations, every request and response field and every rule, from the file alone', { timeout: 300_000 }, async () => {
    expect(findChromium(), INSTALL_HINT).toBeDefined();
    const url = pathToFileURL(join(GENERATED, 'docs', 'index.html')).href;
    const page = await render(url, {
      facts: {
        title: 'document.title',
        scripts: `[...document.scripts].map((s) => s.src || 'inline')`,
        policy: `document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content`,
        external: `[...document.querySelectorAll('link, img, iframe, object, embed, [src]')].length`,
        tablesLaidOut: `[...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().width > 600).length`,
        tables: `document.querySelectorAll('table').length`,
        height: 'document.documentElement.scrollHeight',
        overflowsSideways: 'document.documentElement.scrollWidth > window.innerWidth',
      },
    });
    expect(page.requests).toEqual([url]);
    expect(page.facts.title).toBe('ssm-mw-contracts reference');
    expect(page.facts.scripts).toEqual(['inline']);
    // Only that script may run, and nothing may be fetched: not an image, a style sheet or a font.
    expect(page.facts.policy).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}='; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'$/);
    expect(page.facts.external).toBe(0);
    expect(page.facts.tablesLaidOut).toBe(page.facts.tables);
    expect(page.facts.height as number).toBeGreaterThan(5000);
    expect(page.facts.overflowsSideways).toBe(false);

    const missing: string[] = [];
    for (const name of OPERATION_NAMES) {
      if (!page.text.includes(name)) missing.push(name);
      for (const field of [...fieldsOf(operations[name].request), ...fieldsOf(operations[name].response)]) if (!page.text.includes(field.path)) missing.push(`${name} ${field.path}`);
    }
    for (const rule of allRules) if (!page.text.includes(`${rule.id}: ${rule.title}`)) missing.push(rule.id);
    expect(missing).toEqual([]);
  });
});
