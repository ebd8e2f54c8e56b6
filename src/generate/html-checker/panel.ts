import { createHash } from 'node:crypto';
import { KINDS } from '../../operations/kinds.js';
import type { Contract } from '../contract.js';
import { CHECKER_SCRIPT } from './bundled.js';
import { IDS } from './ids.js';

/*
 * The reference page's checker: a panel where a person pastes a payload and sees its findings,
 * computed in the page by the script bundled from src/ (page.ts, built by build.ts). The page stays
 * one file that asks nothing of the network: its Content-Security-Policy allows that one inline
 * script (by its hash) and inline styles, and nothing else, not even an image.
 */

export const CHECKER_STYLE = `
#${IDS.section} textarea { box-sizing: border-box; width: 100%; min-height: 14rem; font: 13px/1.4 ui-monospace, monospace; tab-size: 2; }
#${IDS.section} .controls { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; margin: .5rem 0; }
#${IDS.section} .status { font-size: 16px; } #${IDS.section} .status.valid .verdict { color: #1d6b1d; } #${IDS.section} .status.invalid .verdict { color: #b0001e; }
#${IDS.section} .findings td.where { white-space: nowrap; width: 7rem; } #${IDS.section} .findings td.severity { width: 5rem; } #${IDS.section} .findings td.label { width: 11rem; }
#${IDS.section} .hint, #${IDS.section} .path { color: #444; } #${IDS.section} pre { margin: .3rem 0 0; overflow-x: auto; font-size: 12px; background: #f4f4f4; padding: .2rem .4rem; }
#${IDS.section} button.goto { font: 13px ui-monospace, monospace; cursor: pointer; }
`;

/** The policy of the page: only its own inline script and styles; no request to anywhere. */
export function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(CHECKER_SCRIPT).digest('base64');
  return `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
}

export function checkerPanel(contract: Contract): string {
  const operations = contract.operations.map((o) => `<option value="${o.name}">${o.name}</option>`).join('');
  const kinds = KINDS.map((k) => `<option value="${k}">${k}</option>`).join('');
  return `<section id="${IDS.section}">
<h2>Check a payload</h2>
<p>Paste a request, response or error body (JSON or YAML). It is checked here, in this page, by the same checks as <code>ssm-mw-contracts validate</code>, and nothing leaves the page. Each finding shows where it is (select it to go there), what is wrong and what to do.</p>
<div class="controls">
<label>Operation <select id="${IDS.operation}"><option value="">infer from the members</option>${operations}</select></label>
<label>Kind <select id="${IDS.kind}"><option value="">infer</option>${kinds}</select></label>
<label>HTTP status (error bodies) <input id="${IDS.httpStatus}" type="number" min="100" max="599" step="1" size="5"></label>
<button id="${IDS.run}" type="button">Check</button>
</div>
<textarea id="${IDS.input}" spellcheck="false" autocomplete="off" aria-label="Payload (JSON or YAML)" placeholder="{ &quot;WindowId&quot;: &quot;mw-0123456789abcdef0&quot;, &quot;TaskArn&quot;: &quot;AWS-RunShellScript&quot;, ... }"></textarea>
<div id="${IDS.result}" aria-live="polite"><noscript><p>Checking a payload needs JavaScript; the reference below does not.</p></noscript></div>
</section>`;
}

/** The script, as the last element of the body: it finds the panel already parsed. */
export function checkerScript(): string {
  return `<script>${CHECKER_SCRIPT}</script>`;
}
