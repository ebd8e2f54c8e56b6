import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileFindings, LocatedFinding } from '../issues/located.js';
import { printableJson } from './printable.js';
import { SOURCES } from '../rules/types.js';
import { descriptors, type Descriptor } from '../readers/rule-catalog.js';
import { summarize as summarizeLint, type LintReport } from '../lint/engine.js';

/*
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), as GitHub code
 * scanning reads it: every rule and code with its metadata and help link, one result per finding,
 * suppressed findings marked as such, and a fingerprint that survives lines moving. Any command's
 * findings, file by file (lint's today).
 */

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function helpUri(d: Descriptor): string | undefined {
  if (d.sources[0]) return d.sources[0].url;
  // The model's member constraints are documented on the operation's API reference page.
  return d.scope === 'model' ? SOURCES.register.url : undefined;
}

function rule(d: Descriptor) {
  const sources = d.sources.map((s) => `- ${s.document}: “${s.quote}” (${s.url})`);
  const text = [d.description ?? d.title, ...(sources.length > 0 ? ['', 'Sources:', ...sources] : [])].join('\n');
  const uri = helpUri(d);
  return {
    id: d.id,
    name: d.code,
    shortDescription: { text: d.title },
    fullDescription: { text: d.description ?? d.title },
    ...(uri ? { helpUri: uri } : {}),
    // \u201C, not the character: esbuild escapes strings but not regex literals, and one character beyond
    // ASCII makes the whole bundle two-byte text that Node reads and compiles slower (test/cli/bundle-text.test.ts).
    help: { text, markdown: text.replace(/^- (.*?): \u201C/gm, '- **$1**: \u201C') },
    defaultConfiguration: { level: LEVEL[d.severity] },
    properties: { tags: ['aws', 'ssm', 'maintenance-window', d.scope] },
  };
}

/** RFC 3986 pchar, but for pct-encoded: unreserved, sub-delims, ":" and "@". */
const PCHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

/** One path segment of a URI: each character outside pchar written as its UTF-8 bytes, percent-encoded. */
function segment(text: string): string {
  let out = '';
  for (const c of text) out += PCHAR.test(c) ? c : [...Buffer.from(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out;
}

/**
 * Where a file is, as SARIF's artifactLocation: a file under the directory lint ran in as a
 * relative reference (RFC 3986 §4.2) to it, `%SRCROOT%`, each segment percent-encoded so that `#`,
 * `?` and `%` stay in the name; a first segment with a colon is written after `./`, or it would
 * read as a scheme (`javascript:`). A file elsewhere, given by its absolute path, as a file: URI.
 * encodeURI did neither: `c#frag?q.json` became the file `c` with a query and a fragment.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const segments = file.split('/').map(segment);
  return { uri: (segments[0]!.includes(':') ? './' : '') + segments.join('/'), uriBaseId: '%SRCROOT%' };
}

const fingerprint = (file: string, issue: LocatedFinding) =>
  createHash('sha256')
    .update(JSON.stringify([file, issue.resource ?? null, issue.rule ?? issue.code, issue.path, issue.variant ?? null]))
    .digest('hex')
    .slice(0, 32);

/**
 * The SARIF log of these files' findings (suppressed ones marked, not left out). `summary`: the
 * command's own counts, given as the run's properties.
 */
export function renderSarif(files: readonly FileFindings[], options: { version: string; summary: unknown }): string {
  const all = descriptors();
  const index = new Map(all.map((d, i) => [d.id, i]));
  const result = (file: string, issue: LocatedFinding) => {
    const id = issue.rule ?? issue.code;
    const displayPath = issue.sourcePath ?? issue.path;
    return {
      ruleId: id,
      ruleIndex: index.get(id)!,
      level: LEVEL[issue.severity],
      message: { text: issue.hint ? `${issue.message} ${issue.hint}` : issue.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file),
            ...(issue.line ? { region: { startLine: issue.line, startColumn: issue.column } } : {}),
          },
          ...(issue.resource
            ? { logicalLocations: [{ name: issue.resource, fullyQualifiedName: [issue.resource, ...displayPath].join('.'), kind: 'resource' }] }
            : {}),
        },
      ],
      partialFingerprints: { 'ssmMwContracts/v1': fingerprint(file, issue) },
      ...(issue.suppressed
        ? { suppressions: [{ kind: issue.suppressed.kind === 'inline' ? 'inSource' : 'external', justification: `suppressed by ${issue.suppressed.kind === 'inline' ? 'the file' : '--ignore'}: ${issue.suppressed.by}` }] }
        : {}),
      properties: { code: issue.code, path: issue.path, ...(issue.variant ? { variant: issue.variant } : {}) },
    };
  };
  const results = files.flatMap((file) => file.findings.map((i) => result(file.file, i)));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ssm-mw-contracts',
            version: options.version,
            informationUri: 'https://www.npmjs.com/package/ssm-mw-contracts',
            rules: all.map(rule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
        // What was checked, as the command counts it (lint: tasks checked fully or in part, tasks not checked, findings).
        properties: { summary: options.summary },
      },
    ],
  };
  return printableJson(log) + '\n';
}

/** lint's findings as SARIF, suppressed ones included and marked; its counts as the run's summary. */
export function renderLintSarif(report: LintReport, options: { version: string }): string {
  const files = report.files.map((file) => ({
    file: file.file,
    findings: [...file.issues, ...file.suppressed, ...file.tasks.flatMap((t) => [...t.issues, ...t.suppressed])],
  }));
  return renderSarif(files, { version: options.version, summary: summarizeLint(report) });
}

