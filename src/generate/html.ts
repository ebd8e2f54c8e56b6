import { SERVICE } from '../operations/index.js';
import type { ReaderRule } from '../rules/types.js';
import type { Rule } from '../rules/types.js';
import { GENERATED_NOTE, type Contract } from './contract.js';
import { IDS } from './html-checker/ids.js';
import { CHECKER_STYLE, checkerPanel, checkerScript, contentSecurityPolicy } from './html-checker/panel.js';
import { operationReference, ruleForm, type Field, type OperationReference } from './reference.js';

/**
 * One self-contained HTML page of the reference (the same model as the Markdown): inline style,
 * one inline script (the payload checker, html-checker/), no request to anywhere, so it opens from
 * a file in any browser.
 */

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const code = (text: string) => `<code>${escape(text)}</code>`;
/** Inline `code` spans of the reference's own wording, as code elements. */
const prose = (text: string) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem; color: #1b1b1b; }
h1 { border-bottom: 2px solid #232f3e; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 14px; }
th, td { border: 1px solid #d5d5d5; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f2f3f3; } tr.deprecated td { color: #6b6b6b; }
code { font-family: ui-monospace, monospace; font-size: 13px; background: #f4f4f4; padding: 0 .2em; overflow-wrap: anywhere; }
table.fields { table-layout: fixed; } table.fields td:first-child code { overflow-wrap: normal; }
.sev-error { color: #b0001e; font-weight: 600; } .sev-warning { color: #8a5a00; font-weight: 600; } .sev-info { color: #0b5394; }
nav ul { columns: 2; } blockquote { margin: .3rem 0 .3rem 1rem; color: #444; }
`;

function fieldRows(fields: readonly Field[]): string {
  return fields
    .map((f) => {
      const depth = f.path.split(/\.|\[\]|\{\}/).length - 1;
      const doc = [prose(f.doc), f.deprecated ? `<strong>Deprecated:</strong> “${escape(f.deprecated.quote)}” Use ${escape(f.deprecated.replacement)}.` : '', f.sensitive ? 'Sensitive.' : ''].filter(Boolean).join(' ');
      // A path breaks after its dots only, so that member names stay whole.
      const path = `<code>${escape(f.path).replace(/\./g, '.<wbr>')}</code>`;
      return `<tr${f.deprecated ? ' class="deprecated"' : ''}><td style="padding-left:${0.5 + depth}rem">${path}</td><td>${escape(f.type)}<br><small>${escape(f.shape)}</small></td><td>${f.required ? 'yes' : 'no'}</td><td>${f.constraints.map(prose).join('<br>')}</td><td>${doc}</td></tr>`;
    })
    .join('\n');
}

function fieldTable(fields: readonly Field[]): string {
  if (!fields.length) return '<p>No members.</p>';
  return `<table class="fields"><colgroup><col style="width:27%"><col style="width:15%"><col style="width:7%"><col style="width:21%"><col style="width:30%"></colgroup><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Constraints</th><th>Description</th></tr></thead><tbody>\n${fieldRows(fields)}\n</tbody></table>`;
}

const severity = (rule: Rule) => `<span class="sev-${rule.severity}">${rule.severity}</span>`;

function operationSection(ref: OperationReference): string {
  const { operation } = ref;
  return `<section id="${operation.name}">
<h2>${escape(operation.name)}</h2>
<p>${escape(operation.doc)}</p>
<ul>
<li>AWS documentation: <a href="${escape(operation.url)}">${escape(operation.url)}</a></li>
<li>AWS CLI: ${code(`aws ssm ${operation.cliCommand}`)}</li>
<li>Protocol: AWS JSON ${SERVICE.jsonVersion}, ${code('POST /')} with ${code(`X-Amz-Target: ${ref.target}`)} and ${code(`Content-Type: ${SERVICE.contentType}`)}</li>
</ul>
<h3>Request</h3>
<p>Requests are strict: a member not listed here is an error.</p>
${fieldTable(ref.request)}
<h3>Response</h3>
<p>Responses are tolerant: AWS adds members, so an unlisted member is reported as info.</p>
${fieldTable(ref.response)}
<h3>Errors</h3>
<table><thead><tr><th>Error</th><th>HTTP status</th><th>Fault</th><th>Description</th></tr></thead><tbody>
${ref.errors.map((e) => `<tr><td>${escape(e.name)}</td><td>${e.httpStatus}</td><td>${e.fault ? 'server' : 'client'}</td><td>${escape(e.doc)}</td></tr>`).join('\n')}
</tbody></table>
<h3>Rules</h3>
<table><thead><tr><th>Rule</th><th>Severity</th><th>Checks the</th><th>Title</th><th>In JSON Schema</th></tr></thead><tbody>
${ref.rules.map((r) => `<tr><td><a href="#${r.id}">${r.id}</a></td><td>${severity(r)}</td><td>${r.appliesTo.kind}</td><td>${escape(r.title)}</td><td>${escape(ruleForm(r))}</td></tr>`).join('\n')}
</tbody></table>
</section>`;
}

function ruleSection(rule: Rule): string {
  return `<section id="${rule.id}">
<h3>${rule.id}: ${escape(rule.title)}</h3>
<p>${severity(rule)}, code ${code(rule.code)}, ${escape(rule.appliesTo.operations.join(', '))} (${rule.appliesTo.kind})</p>
<p>${escape(rule.description)}</p>
${rule.sources.map((s) => `<blockquote>“${escape(s.quote)}” <a href="${escape(s.url)}">${escape(s.document)}</a></blockquote>`).join('\n')}
<p>In JSON Schema: ${escape(ruleForm(rule))}.</p>
</section>`;
}

function readerRuleSection(rule: ReaderRule): string {
  return `<section id="${rule.id}">
<h3>${rule.id}: ${escape(rule.title)}</h3>
<p>${escape(rule.severity)}, code ${code(rule.code)}, ${escape(rule.reader)} files</p>
<p>${escape(rule.description)}</p>
${rule.sources.map((s) => `<blockquote>“${escape(s.quote)}” <a href="${escape(s.url)}">${escape(s.document)}</a></blockquote>`).join('\n')}
</section>`;
}

export function htmlPage(contract: Contract): string {
  const refs = contract.operations.map((o) => operationReference(contract, o));
  const rules = [...contract.rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  return `<!DOCTYPE html>
<!-- ${escape(GENERATED_NOTE)} -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<title>ssm-mw-contracts reference</title>
<style>${STYLE}${CHECKER_STYLE}</style>
</head>
<body>
<h1>AWS Systems Manager maintenance-window tasks: the contract</h1>
<p>Every field of ${refs.map((r) => code(r.operation.name)).join(' and ')}, with the constraints of AWS's service model and the rules AWS documents beyond it, as <code>ssm-mw-contracts</code> checks them.</p>
<nav><ul>
<li><a href="#${IDS.section}">Check a payload</a></li>
${refs.map((r) => `<li><a href="#${r.operation.name}">${escape(r.operation.name)}</a></li>`).join('\n')}
<li><a href="#rules">Rules</a></li>
<li><a href="#reader-rules">Rules of the file readers</a></li>
</ul></nav>
${checkerPanel(contract)}
${refs.map(operationSection).join('\n')}
<section id="rules">
<h2>Rules</h2>
<p>In the generated JSON Schema an error-level rule is either expressed (in the allOf of the operation's schema) or listed under <code>x-ssm-mw-contracts-rules</code> as validator-only; warnings and infos never affect validity.</p>
${rules.map(ruleSection).join('\n')}
</section>
<section id="reader-rules">
<h2>Rules of the file readers</h2>
<p>What a file format requires or forbids beyond the API, checked by <code>ssm-mw-contracts lint</code> on the files of that kind.</p>
${[...contract.readerRules].sort((a, b) => (a.id < b.id ? -1 : 1)).map(readerRuleSection).join('\n')}
</section>
${checkerScript()}
</body>
</html>
`;
}

export function htmlFiles(contract: Contract): Map<string, string> {
  return new Map([['docs/index.html', htmlPage(contract)]]);
}
