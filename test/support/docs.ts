import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './spec.js';

/*
 * The project's documentation as the doc tests read it: README.md and every page of docs/, with
 * helpers that find what a page shows (code blocks, links, headings) outside or inside its code.
 */

export const DOCS = join(ROOT, 'docs');

/** README.md, ARCHITECTURE.md and docs/*.md, as paths from the repository's root. */
export const PAGES: readonly string[] = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

export function readPage(page: string): string {
  return readFileSync(join(ROOT, page), 'utf8');
}

/** Every page's text, README.md first. */
export function allPages(): { page: string; text: string }[] {
  return PAGES.map((page) => ({ page, text: readPage(page) }));
}

export interface CodeBlock {
  /** The info string after the opening fence (`sh`, `ts`, or empty). */
  lang: string;
  body: string;
  /** Index in the page's text of the opening fence, and just past the closing one. */
  start: number;
  end: number;
}

/** The fenced code blocks of a page (``` fences at the start of a line), in order. */
export function codeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const m of text.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    blocks.push({ lang: m[1]!.trim(), body: m[2]!, start: m.index, end: m.index + m[0].length });
  }
  return blocks;
}

/** The page without its code blocks and code spans: where Markdown links and headings are what they look like. */
export function prose(text: string): string {
  return text.replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, '').replace(/`[^`\n]*`/g, '``');
}

/** The targets of the inline links `[text](target)` of a page's prose. */
export function linkTargets(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a Markdown page's headings, numbered as GitHub numbers repeated ones (`-1`, `-2`). */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  // Code spans are kept here: their text is part of the heading (`lint` in "Linting a repository: `lint`").
  const withoutBlocks = text.replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, '');
  for (const m of withoutBlocks.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const base = slug(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Lines as `wc -l` counts them, plus a last line without a newline. */
export function lineCount(text: string): number {
  const newlines = (text.match(/\n/g) ?? []).length;
  return text.endsWith('\n') || text === '' ? newlines : newlines + 1;
}
