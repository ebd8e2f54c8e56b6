import { SERVICE } from '../operations/index.js';
import type { Rule } from '../rules/types.js';
import { GENERATED_NOTE, type Contract } from './contract.js';
import { operationReference, ruleForm, type Field, type OperationReference } from './reference.js';
import { skeletonPath } from './skeleton.js';

/** Markdown: one reference page per operation and a rules page, all from src/generate/reference.ts. */

/** A table cell: pipes escaped, and every run of white space that holds a line break made one space. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, (blank) => (blank.includes('\n') ? ' ' : blank));
const code = (text: string) => `\`${text}\``;

function fieldTable(fields: readonly Field[]): string {
  const rows = fields.map((f) => {
    const deprecated = f.deprecated ? ` **Deprecated:** "${f.deprecated.quote}" Use ${f.deprecated.replacement}.` : '';
    const sensitive = f.sensitive ? ' Sensitive.' : '';
    return `| ${code(f.path)} | ${cell(f.type)} (${f.shape}) | ${f.required ? 'yes' : 'no'} | ${cell(f.constraints.join('; '))} | ${cell(f.doc + deprecated + sensitive)} |`;
  });
  return ['| Field | Type (shape) | Required | Constraints | Description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function ruleSources(rule: Pick<Rule, 'sources'>): string[] {
  return rule.sources.map((s) => `  - [${s.document}](${s.url}): "${s.quote}"`);
}

function operationPage(contract: Contract, ref: OperationReference): string {
  const { operation } = ref;
  const schemas = ref.schemas.map((s) => `[${s.kind} (${s.draft})](../${s.path})`).join(', ');
  const ruleRows = ref.rules.map((r) => `| [${r.id}](rules.md#${r.id.toLowerCase()}) | ${r.severity} | ${r.appliesTo.kind} | ${cell(r.title)} | ${cell(ruleForm(r))} |`);
  return [
    `<!-- ${GENERATED_NOTE} -->`,
    `# ${operation.name}`,
    '',
    operation.doc,
    '',
    `- AWS documentation: <${operation.url}>`,
    `- AWS CLI: ${code(`aws ssm ${operation.cliCommand}`)}`,
    `- Protocol: AWS JSON ${SERVICE.jsonVersion}, ${code('POST /')} with ${code(`X-Amz-Target: ${ref.target}`)} and ${code(`Content-Type: ${SERVICE.contentType}`)}`,
    `- JSON Schema: ${schemas}`,
    `- OpenAPI: [3.1](../openapi/openapi-3.1.yaml), [3.0](../openapi/openapi-3.0.yaml)`,
    `- Skeletons: [input (JSON)](../${skeletonPath(operation, 'input')}), [input (YAML)](../${skeletonPath(operation, 'yaml-input')}), [output](../${skeletonPath(operation, 'output')})`,
    ...(operation.paginator ? [`- Paginated: ${code(operation.paginator.inputToken)} in, ${code(operation.paginator.outputToken)} out, ${code(operation.paginator.limitKey)} limits, results in ${code(operation.paginator.resultKey)}`] : []),
    '',
    '## Request',
    '',
    'Requests are strict: a member not listed here is an error.',
    '',
    fieldTable(ref.request),
    '',
    '## Response',
    '',
    'Responses are tolerant: AWS adds members, so an unlisted member is reported as info, not an error.',
    '',
    ref.response.length ? fieldTable(ref.response) : 'The response has no members.',
    '',
    '## Errors',
    '',
    `An error body is ${code('{"__type": "<error>", "message": "..."}')}; ${code('__type')} may carry a namespace prefix (${code('com.amazonaws.ssm#')}).`,
    '',
    '| Error | HTTP status | Fault | Description |',
    '| --- | --- | --- | --- |',
    ...ref.errors.map((e) => `| ${e.name} | ${e.httpStatus} | ${e.fault ? 'server' : 'client'} | ${cell(e.doc)} |`),
    '',
    '## Rules',
    '',
    'The documented rules beyond the model that apply to this operation ([all rules](rules.md)).',
    '',
    '| Rule | Severity | Checks the | Title | In JSON Schema |',
    '| --- | --- | --- | --- | --- |',
    ...ruleRows,
    '',
    ...ref.rules.flatMap((r) => [`- **${r.id}**: ${r.description}`, ...ruleSources(r)]),
    '',
  ].join('\n');
}

function rulesPage(contract: Contract): string {
  const rules = [...contract.rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  return [
    `<!-- ${GENERATED_NOTE} -->`,
    '# Rules',
    '',
    "The rules AWS documents beyond its service model, each checked by `ssm-mw-contracts validate`. In the generated JSON Schema an error-level rule is either expressed (in the allOf of the operation's schema) or listed under `x-ssm-mw-contracts-rules` as validator-only; warnings and infos never affect validity.",
    '',
    '| Rule | Severity | Operations | Checks the | Title |',
    '| --- | --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} | ${r.appliesTo.operations.join(', ')} | ${r.appliesTo.kind} | ${cell(r.title)} |`),
    '',
    ...rules.flatMap((r) => [
      `## ${r.id}`,
      '',
      `**${r.title}** (${r.severity}, code ${code(r.code)})`,
      '',
      r.description,
      '',
      'Sources:',
      '',
      ...ruleSources(r).map((line) => line.slice(2)),
      '',
      `In JSON Schema: ${ruleForm(r)}.`,
      '',
      ...(r.jsonSchema.form === 'schema' ? ['```json', JSON.stringify(r.jsonSchema.schema, null, 2), '```', ''] : []),
    ]),
    ...readerRulesSection(contract),
  ].join('\n');
}

/** The rules of lint's file readers: what a file format requires or forbids beyond the API. */
function readerRulesSection(contract: Contract): string[] {
  const rules = [...contract.readerRules].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (rules.length === 0) return [];
  return [
    '# Rules of the file readers',
    '',
    'What a file format requires or forbids beyond the API, checked by `ssm-mw-contracts lint` on the files of that kind.',
    '',
    '| Rule | Severity | Files | Title |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} | ${r.reader} | ${cell(r.title)} |`),
    '',
    ...rules.flatMap((r) => [`## ${r.id}`, '', `**${r.title}** (${r.severity}, code ${code(r.code)}, ${r.reader} files)`, '', r.description, '', 'Sources:', '', ...ruleSources(r).map((line) => line.slice(2)), '']),
  ];
}

export function markdownFiles(contract: Contract): Map<string, string> {
  const files = new Map<string, string>();
  for (const operation of contract.operations) files.set(`docs/${operation.name}.md`, operationPage(contract, operationReference(contract, operation)));
  files.set('docs/rules.md', rulesPage(contract));
  return files;
}
