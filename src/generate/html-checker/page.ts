/// <reference lib="dom" />
import { OPERATION_NAMES } from '../../compiled/generated/shapes.js';
import type { OperationName } from '../../operations/index.js';
import { KINDS, type Kind } from '../../operations/kinds.js';
import { checkPasted, type Finding, type PastedCheck } from './check.js';
import { IDS, READY_MARK } from './ids.js';

/*
 * The script of the reference page (bundled into it by build.ts): it checks what is pasted into
 * the panel as the payload is typed, and shows each finding with its place. Everything shown that
 * comes from the payload goes into the page as text (textContent, never markup), so a payload
 * cannot add elements or run script.
 */

/** Long enough that typing does not check every keystroke; short enough to feel immediate. */
const DELAY_MS = 150;
/** Characters of a long line shown on each side of a finding's column. */
const AROUND = 60;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where each line starts, counting line breaks as the checks do (LF, CRLF, a lone CR). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) starts.push(i + 1);
  }
  return starts;
}

/** The finding's line, cut around its column when long, with a caret under the column. */
function excerpt(text: string, starts: readonly number[], line: number, column: number): string | undefined {
  const start = starts[line - 1];
  if (start === undefined) return undefined;
  const end = line < starts.length ? starts[line]! : text.length;
  const whole = text.slice(start, end).replace(/\r?\n$|\r$/, '');
  const from = Math.max(0, column - 1 - AROUND);
  const to = Math.min(whole.length, column - 1 + AROUND);
  const before = from > 0 ? '…' : '';
  const shown = before + whole.slice(from, to).replace(/\t/g, ' ') + (to < whole.length ? '…' : '');
  return `${shown}\n${' '.repeat(before.length + column - 1 - from)}^`;
}

function findingRow(finding: Finding, text: string, starts: readonly number[], input: HTMLTextAreaElement): HTMLTableRowElement {
  const row = make('tr', `finding sev-row-${finding.severity}`);
  const where = make('td', 'where');
  if (finding.line !== undefined && finding.column !== undefined) {
    const { line, column } = finding;
    const go = make('button', 'goto', finding.where);
    go.type = 'button';
    go.title = 'Select this place in the payload';
    go.addEventListener('click', () => {
      const offset = (starts[line - 1] ?? 0) + column - 1;
      input.focus();
      input.setSelectionRange(offset, Math.min(offset + 1, input.value.length));
    });
    where.append(go);
  } else where.textContent = finding.where;
  const body = make('td', 'text');
  body.append(make('div', 'message', finding.message));
  if (finding.hint) body.append(make('div', 'hint', `↳ ${finding.hint}`));
  if (finding.path) body.append(make('div', 'path', `at ${finding.path}`));
  const shown = finding.line !== undefined && finding.column !== undefined ? excerpt(text, starts, finding.line, finding.column) : undefined;
  if (shown !== undefined) body.append(make('pre', 'excerpt', shown));
  const label = make('td', 'label');
  label.append(make('code', 'rule', finding.label));
  if (finding.label !== finding.code) label.append(make('br'), make('code', 'code', finding.code));
  row.append(where, make('td', `severity sev-${finding.severity}`, finding.severity), body, label);
  return row;
}

function show(result: HTMLElement, check: PastedCheck, text: string, input: HTMLTextAreaElement): void {
  const what = check.operation ? ` as ${check.operation} ${check.kind}${check.inferred ? ' (inferred from its members)' : ''}` : '';
  const status = make('p', `status ${check.valid ? 'valid' : 'invalid'}`);
  status.append(make('strong', 'verdict', check.valid ? 'Valid' : 'Invalid'), `${what}: ${check.counts}`);
  result.replaceChildren(status);
  if (check.findings.length > 0) {
    const starts = lineStarts(text);
    const table = make('table', 'findings');
    const head = make('tr');
    for (const title of ['Line:column', 'Severity', 'Finding', 'Rule or code']) head.append(make('th', undefined, title));
    const body = make('tbody');
    for (const finding of check.findings) body.append(findingRow(finding, text, starts, input));
    const thead = make('thead');
    thead.append(head);
    table.append(thead, body);
    result.append(table);
  }
  const cli = make('details', 'cli');
  cli.append(make('summary', undefined, 'As ssm-mw-contracts validate prints it'), make('pre', 'cli-text', check.cliText));
  result.append(cli);
}

function fail(result: HTMLElement, message: string): void {
  result.replaceChildren(make('p', 'status problem', message));
}

function start(): void {
  const input = element<HTMLTextAreaElement>(IDS.input);
  const operation = element<HTMLSelectElement>(IDS.operation);
  const kind = element<HTMLSelectElement>(IDS.kind);
  const httpStatus = element<HTMLInputElement>(IDS.httpStatus);
  const result = element<HTMLElement>(IDS.result);
  let pending: ReturnType<typeof setTimeout> | undefined;

  const run = () => {
    clearTimeout(pending);
    const text = input.value;
    if (text.trim() === '') {
      fail(result, 'Paste a payload above: it is checked here, in this page.');
      return;
    }
    const status = httpStatus.value.trim();
    const code = status === '' ? undefined : Number(status);
    if (code !== undefined && (!Number.isInteger(code) || code < 100 || code > 599)) {
      fail(result, `The HTTP status must be an HTTP status code (100 to 599), not "${status}".`);
      return;
    }
    const chosenOperation = (OPERATION_NAMES as readonly string[]).includes(operation.value) ? (operation.value as OperationName) : undefined;
    const chosenKind = (KINDS as readonly string[]).includes(kind.value) ? (kind.value as Kind) : undefined;
    try {
      show(result, checkPasted(text, { ...(chosenOperation ? { operation: chosenOperation } : {}), ...(chosenKind ? { kind: chosenKind } : {}), ...(code !== undefined ? { httpStatus: code } : {}) }), text, input);
    } catch (error) {
      // A failure of the checker itself, never of the payload: said, not swallowed.
      fail(result, `The checker failed: ${error instanceof Error ? error.message : String(error)}. Please report it, with the payload.`);
    }
  };
  const later = () => {
    clearTimeout(pending);
    pending = setTimeout(run, DELAY_MS);
  };

  input.addEventListener('input', later);
  for (const control of [operation, kind, httpStatus]) control.addEventListener('change', run);
  element<HTMLButtonElement>(IDS.run).addEventListener('click', run);
  run();
  element<HTMLElement>(IDS.section).dataset.ready = 'true';
  performance.mark(READY_MARK);
}

start();
