/*
 * Writes test/fixtures/aws-cli/{good,bad}/NAME.sh from the request fixtures of the contract core
 * (test/fixtures/payload): the same request as an `aws ssm` command line, one option per line,
 * lists of simple targets and filters in shorthand (one word per item), everything else as JSON.
 * NAME.expected.json keeps the core fixture's issues and adds the line of the option each one
 * belongs to (the command's first line where the member is not written), so the test checks
 * where the reader places every finding.
 *
 *   npx tsx scripts/aws-cli-fixtures.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../src/operations/index.js';
import { xformName } from '../src/readers/aws-cli/options.js';
import { loadFixtures, type Fixture } from '../test/support/payloads.js';
import { ROOT } from '../test/support/spec.js';

const OUT = join(ROOT, 'test', 'fixtures', 'aws-cli');
const SIMPLE = /^[A-Za-z0-9:._/@-]+$/;

const shellQuote = (s: string) => (/^[A-Za-z0-9:._/@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The words of one option, as a person would write them. */
function optionWords(member: string, value: unknown): string[] {
  if (Array.isArray(value) && (member === 'Targets' || member === 'Filters')) {
    const simple = value.every(
      (t) => t && typeof t === 'object' && typeof t.Key === 'string' && SIMPLE.test(t.Key) && Array.isArray(t.Values) && t.Values.length > 0 && t.Values.every((v: unknown) => typeof v === 'string' && SIMPLE.test(v)) && Object.keys(t).length === 2,
    );
    if (simple) return value.map((t: { Key: string; Values: string[] }) => shellQuote(`Key=${t.Key},Values=${t.Values.join(',')}`));
    if (value.length === 0) return [];
  }
  if (typeof value === 'boolean') return [];
  if (typeof value === 'string') return [shellQuote(value)];
  if (typeof value === 'number') return [String(value)];
  return [shellQuote(JSON.stringify(value))];
}

function commandLine(f: Fixture): { text: string; lineOf: Map<string, number> } {
  const payload = f.payload as Record<string, unknown>;
  const lines = [`aws ssm ${operations[f.operation].cliCommand}`];
  const lineOf = new Map<string, number>();
  for (const [member, value] of Object.entries(payload)) {
    lineOf.set(member, lines.length + 1);
    // A top-level boolean is a flag pair, --name or --no-name, and takes no value.
    const words = typeof value === 'boolean' ? [`--${value ? '' : 'no-'}${xformName(member)}`] : ['--' + xformName(member), ...optionWords(member, value)];
    lines.push(`  ${words.join(' ')}`);
  }
  return { text: lines.map((l, i) => (i < lines.length - 1 ? `${l} \\` : l)).join('\n') + '\n', lineOf };
}

for (const dir of ['good', 'bad'] as const) {
  mkdirSync(join(OUT, dir), { recursive: true });
  for (const f of loadFixtures(dir).filter((x) => x.kind === 'request')) {
    const { text, lineOf } = commandLine(f);
    writeFileSync(join(OUT, dir, `${f.name}.sh`), `# The request of test/fixtures/payload/${dir}/${f.name}.json as a command line.\n${text}`);
    const issues = f.issues.map((i) => ({ ...i, line: (lineOf.get(String(i.path[0])) ?? 1) + 1 }));
    writeFileSync(join(OUT, dir, `${f.name}.expected.json`), JSON.stringify({ operation: f.operation, issues }, null, 2) + '\n');
  }
}
