import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { coldStart } from './cold-start.js';
import { htmlPage } from './html-page.js';
import { lintTree } from './lint.js';
import { repositoryTree } from './repository.js';
import type { Section, SectionResult } from './section.js';
import { throughput } from './throughput.js';

/*
 * npm run bench: every measurement, printed as Markdown tables with the machine they ran on,
 * written to bench/RESULTS.md and into docs/performance.md between its bench markers.
 * npm run bench -- --short: the CI mode (npm test runs it through test/bench.test.ts): a small
 * corpus and few samples, printed only; it checks that every measurement runs and that every
 * party's verdicts match the corpus, and asserts nothing about time.
 * npm run bench -- --only WORD: only the sections whose title has WORD in it (`--only HTML`), printed only.
 */

/** The measurements, in order. Add one by writing a Section (bench/section.ts) and listing it here. */
export const SECTIONS: readonly Section[] = [throughput, coldStart, lintTree, repositoryTree, htmlPage];

const ROOT = join(import.meta.dirname, '..');
const PERFORMANCE = join(ROOT, 'docs', 'performance.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function table({ header, rows }: SectionResult): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

function machine(loadBefore: number[]): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  return `Machine: ${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}; load average ${load(loadBefore)} before, ${load(loadavg())} after. ${new Date().toISOString().slice(0, 10)}.`;
}

export async function main(argv: readonly string[]): Promise<string> {
  const short = argv.includes('--short');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt === -1 ? undefined : argv[onlyAt + 1]?.toLowerCase();
  if (onlyAt !== -1 && !only) throw new Error('--only needs a word of a section title');
  const sections = only === undefined ? SECTIONS : SECTIONS.filter((s) => s.title.toLowerCase().includes(only));
  if (sections.length === 0) throw new Error(`no section title has "${only}" in it: ${SECTIONS.map((s) => s.title).join('; ')}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const loadBefore = loadavg();
  const parts: string[] = [];
  for (const section of sections) {
    log(`${section.title}...`);
    const result = await section.run({ short, log });
    parts.push(`### ${section.title}\n\n${table(result)}\n\n${result.notes.map((n) => `- ${n}`).join('\n')}`);
  }
  const flags = [short ? '--short' : '', only === undefined ? '' : `--only ${argv[onlyAt + 1]}`].filter(Boolean).join(' ');
  const markdown = `${parts.join('\n\n')}\n\n${machine(loadBefore)} Command: \`npm run bench${flags ? ` -- ${flags}` : ''}\`.\n`;
  if (!short && only === undefined) {
    writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), `<!-- Written by npm run bench. -->\n${markdown}`);
    const page = readFileSync(PERFORMANCE, 'utf8');
    const start = page.indexOf(START);
    const end = page.indexOf(END);
    if (start === -1 || end < start) throw new Error(`docs/performance.md has no ${START} ... ${END} block for the results`);
    writeFileSync(PERFORMANCE, `${page.slice(0, start + START.length)}\n${markdown}${page.slice(end)}`);
  }
  return markdown;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (markdown) => process.stdout.write(markdown),
    (error: unknown) => {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
