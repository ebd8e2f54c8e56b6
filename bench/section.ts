import { availableParallelism, loadavg } from 'node:os';
/*
 * A section of the benchmark: it measures one thing and returns its rows. bench/index.ts runs the
 * sections in order (SECTIONS) and writes one Markdown table per section. A new measurement (the
 * lint command against cfn-lint, for one) is one more file exporting a Section, and one more
 * entry in SECTIONS.
 */

export interface BenchOptions {
  /** CI mode: a small corpus and few samples; checks that every measurement still runs and agrees. */
  short: boolean;
  /** Prints progress lines. */
  log(line: string): void;
}

export interface SectionResult {
  /** Markdown table: a header row and rows of cells. */
  header: string[];
  rows: string[][];
  /** What the table measured and how, under it. */
  notes: string[];
}

export interface Section {
  title: string;
  run(options: BenchOptions): Promise<SectionResult>;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const fixed = (n: number, digits = 2) => n.toFixed(digits);

/** The machine's load and cores as a section measures them: every figure is given with the load it was taken under. */
export function loadLine(): string {
  return `Load average (1, 5, 15 min) when the section started: ${loadavg().map((l) => l.toFixed(2)).join(', ')}, on ${availableParallelism()} cores.`;
}
