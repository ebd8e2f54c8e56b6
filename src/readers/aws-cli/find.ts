import type { Node, Pair, Scalar } from 'yaml';
import { yaml } from '../../parse/yaml/parse-yaml.js';
import { parseCmd } from '../../parse/shell/cmd.js';
import { lineColumnMap, lineIndexOf, parseSh, type PositionMap, type ShellOptions, type ShellParse, type ShellProblem, type ShellWord, type SourcePosition } from '../../parse/shell/sh.js';

/*
 * Finds `aws ...` command lines where people write them: shell scripts, Windows batch files,
 * Makefile recipes, CI YAML (`run:`, `script:`), and Markdown and reStructuredText code blocks.
 * Pure functions from a file's text to the command lines in it, each word with the line and
 * column it was written at. They find every `aws` command; the reader decides which are
 * `aws ssm` and the command of one of the contract's operations (src/operations/index.ts).
 */

export type Dialect = 'sh' | 'cmd' | 'powershell';

export interface FoundCommandLine {
  dialect: Dialect;
  /** The argv, from the `aws` word on. */
  words: ShellWord[];
  /** Where `aws` is written. */
  position: SourcePosition;
  /**
   * Set when the words cannot be known from the text: PowerShell passes arguments to native
   * programs differently in Windows PowerShell 5.1 and PowerShell 7.3+, so a PowerShell line is
   * found but not read.
   */
  notReadable?: string;
  /** For a line that is not read, its text as written, continuation lines joined (so that its command can be told). */
  source?: string;
  /** Quotes left open and the like, within the command line's own text. */
  problems: ShellProblem[];
  /** Set for text that looks like a command line but that the shell does not run as one (see ShellCommand.hiddenBy). */
  hiddenBy?: ShellProblem;
}

/** How the finders read. */
export interface FindOptions extends ShellOptions {
  /** Receives every problem of the shell text (not only those within an `aws` command line). */
  problems?: ShellProblem[];
}

/** Appends without spreading into a call, which overflows the stack on a few hundred thousand items. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

const WRAPPERS = new Set(['sudo', 'command', 'exec', 'nohup', 'time', 'env', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '{', '!', 'xargs']);
const AWS = /(^|[\\/])aws(\.exe|\.cmd)?$/i;

export const POWERSHELL_NOT_READ =
  'PowerShell passes arguments to native programs differently in Windows PowerShell 5.1 and PowerShell 7.3+, so the argv the AWS CLI receives cannot be known from the line';

const NO_PROBLEMS: ShellProblem[] = [];

/** The `aws` commands of parsed shell text, with wrappers (`sudo`, `env X=1`, `time`, `then`) skipped. */
export function awsCommandLines(parse: ShellParse, dialect: Dialect = 'sh'): FoundCommandLine[] {
  const found: FoundCommandLine[] = [];
  // The problems within a command's text, found by binary search over the problems in text order.
  const offsets = parse.problems.map((p) => p.offset);
  const problemsIn = (from: number, to: number): ShellProblem[] => {
    if (offsets.length === 0 || offsets[offsets.length - 1]! < from) return NO_PROBLEMS;
    let k = lineIndexOf(offsets, from);
    if (offsets[k]! < from) k++;
    const out: ShellProblem[] = [];
    for (; k < offsets.length && offsets[k]! <= to; k++) out.push(parse.problems[k]!);
    return out.length > 0 ? out : NO_PROBLEMS;
  };
  for (const command of parse.commands) {
    const words = command.words;
    let k = 0;
    while (k < words.length && !AWS.test(words[k]!.text)) {
      const w = words[k]!.text;
      if (!WRAPPERS.has(w) && !w.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) && !(k > 0 && words[k - 1]!.text === 'sudo')) break;
      k++;
    }
    if (k >= words.length || !AWS.test(words[k]!.text)) continue;
    const position = words[k]!.positions.at(0)!;
    found.push({ dialect, words: words.slice(k), position, problems: problemsIn(command.from, command.to), ...(command.hiddenBy ? { hiddenBy: command.hiddenBy } : {}) });
  }
  return found;
}

/** A shell script (sh/bash) or, for `.bat`/`.cmd`, a Windows batch file. */
export function findInScript(text: string, dialect: 'sh' | 'cmd' = 'sh', map?: PositionMap, options: FindOptions = {}): FoundCommandLine[] {
  const parse = dialect === 'cmd' ? parseCmd(text, map) : parseSh(text, map, options);
  if (options.problems) append(options.problems, parse.problems);
  return awsCommandLines(parse, dialect);
}

interface BlockLine {
  text: string;
  /** Where the first character of `text` is written. */
  line: number;
  column: number;
  /**
   * For a line joined from several lines of the file (a folded YAML scalar): where the character at
   * each index of `text` is written, `text.length` being where the line ends.
   */
  at?: (index: number) => SourcePosition;
}

/** Where the character at `index` of a block line is written. */
const positionIn = (l: BlockLine, index: number): SourcePosition => (l.at ? l.at(index) : { line: l.line, column: l.column + index });

/** Joins the lines of a block into one text, with a map from its offsets back to the file. */
function blockText(lines: BlockLine[]): { text: string; map: PositionMap } {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const l of lines) {
    starts.push(length);
    parts.push(l.text, '\n');
    length += l.text.length + 1;
  }
  const map: PositionMap = (offset) => {
    const k = lineIndexOf(starts, offset);
    const l = lines[k];
    if (!l) return { line: 1, column: 1 };
    return positionIn(l, offset - starts[k]!);
  };
  return { text: parts.join(''), map };
}

const SH_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'zsh', 'ksh', 'shell-session', 'shellsession', 'terminal']);
const CMD_LANGS = new Set(['bat', 'batch', 'cmd', 'dos', 'doscon', 'winbatch']);
const PS_LANGS = new Set(['powershell', 'ps', 'ps1', 'pwsh', 'posh']);

function dialectOf(lang: string, lines: BlockLine[]): Dialect | undefined {
  const l = lang.toLowerCase();
  if (SH_LANGS.has(l)) return 'sh';
  if (CMD_LANGS.has(l)) return 'cmd';
  if (PS_LANGS.has(l)) return 'powershell';
  if (l !== '' && l !== 'text' && l !== 'none') return undefined;
  if (lines.some((x) => / \^\s*$/.test(x.text))) return 'cmd';
  if (lines.some((x) => / `\s*$/.test(x.text))) return 'powershell';
  return 'sh';
}

const PROMPT = /^(\$ |% |PS [A-Za-z]:\\[^>]*> ?|[A-Za-z]:\\[^>]*> ?)/;
/** The prompt bash shows on a line that continues a command (PS2). */
const CONTINUATION_PROMPT = /^> /;

const cut = (l: BlockLine, n: number): BlockLine => {
  if (n === 0) return l;
  const at = l.at;
  const first = positionIn(l, n);
  return { text: l.text.slice(n), line: first.line, column: first.column, ...(at ? { at: (index: number) => at(index + n) } : {}) };
};

/**
 * Prompts in documentation (`$ aws ...`, `C:\> aws ...`, `PS C:\> aws ...`) are not part of the
 * command. A block that shows them is a transcript: only the prompted lines, and the lines they
 * continue onto (`\`, `^` or a backtick at the end; bash's `> ` dropped), are commands; the other
 * lines are the commands' output, and are not read.
 */
function stripPrompts(lines: BlockLine[]): BlockLine[] {
  const prompts = lines.map((l) => PROMPT.exec(l.text)?.[0]);
  if (!prompts.some(Boolean)) return lines;
  let continues = false;
  return lines.map((l, k) => {
    const prompt = prompts[k];
    const kept = prompt ? cut(l, prompt.length) : continues ? cut(l, CONTINUATION_PROMPT.exec(l.text)?.[0].length ?? 0) : { ...l, text: '' };
    continues = /(\\|\^|`)\s*$/.test(kept.text);
    return kept;
  });
}

const CONTINUED = /`\s*$/;

function findInBlock(lang: string, lines: BlockLine[], options: FindOptions = {}): FoundCommandLine[] {
  const dialect = dialectOf(lang, lines);
  if (!dialect) return [];
  const prompted = stripPrompts(lines);
  if (dialect === 'powershell') {
    const found: FoundCommandLine[] = [];
    for (let k = 0; k < prompted.length; k++) {
      const l = prompted[k]!;
      // A line that a backtick continues belongs to the command above it.
      if (k > 0 && CONTINUED.test(prompted[k - 1]!.text)) continue;
      if (!/^\s*(&\s*)?aws(\.exe)?\s/i.test(l.text)) continue;
      const parts = [l.text];
      for (let n = k; CONTINUED.test(prompted[n]!.text) && n + 1 < prompted.length; n++) {
        parts[parts.length - 1] = parts[parts.length - 1]!.replace(CONTINUED, ' ');
        parts.push(prompted[n + 1]!.text);
      }
      found.push({ dialect, words: [], position: positionIn(l, l.text.search(/aws/i)), notReadable: POWERSHELL_NOT_READ, source: parts.join(''), problems: [] });
    }
    return found;
  }
  const { text, map } = blockText(prompted);
  return findInScript(text, dialect, map, options);
}

/** A PowerShell script (`.ps1`): its `aws` lines are found, not read (see POWERSHELL_NOT_READ). */
export function findInPowerShell(text: string, _options: FindOptions = {}): FoundCommandLine[] {
  return findInBlock('powershell', text.split('\n').map((l, k) => ({ text: l.replace(/\r$/, ''), line: k + 1, column: 1 })));
}

/** One blockquote marker (`>` and the space after it), as CommonMark reads it. */
const QUOTE_MARKER = /^ {0,3}> ?/;
/** List item markers before a fence on the same line (`- ```sh`, `1. ```sh`): they indent the fence's content. */
const LIST_MARKERS = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]))+[ \t]+/;
const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^`\s]*)/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/** A line's blockquote markers, at most `max` of them: how many, and how many characters they take. */
function quoteMarkers(line: string, max = Infinity): { quotes: number; width: number } {
  let quotes = 0;
  let width = 0;
  while (quotes < max) {
    const m = QUOTE_MARKER.exec(line.slice(width, width + 5));
    if (!m) break;
    quotes++;
    width += m[0].length;
  }
  return { quotes, width };
}

/**
 * Fenced code blocks of a Markdown file (``` and ~~~), also inside list items (indented, or on the
 * marker's own line) and blockquotes (`> ```sh`, each line of the block behind its `>`).
 */
export function findInMarkdown(text: string, options: FindOptions = {}): FoundCommandLine[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const found: FoundCommandLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const { quotes, width } = quoteMarkers(lines[i]!);
    const inner = lines[i]!.slice(width);
    const list = LIST_MARKERS.exec(inner)?.[0].length ?? 0;
    const open = FENCE_OPEN.exec(inner.slice(list));
    if (!open) continue;
    // The fence's indentation, list markers counted as spaces: the content lines lose as much.
    const indent = list + open[1]!.length;
    const fence = open[2]!;
    const body: BlockLine[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const raw = lines[j]!;
      const markers = quoteMarkers(raw, quotes);
      // A line outside the blockquote ends it, and the code block with it.
      if (markers.quotes < quotes) break;
      const content = raw.slice(markers.width);
      const close = FENCE_CLOSE.exec(content);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      const strip = Math.min(indent, content.length - content.trimStart().length);
      body.push({ text: content.slice(strip), line: j + 1, column: markers.width + strip + 1 });
    }
    append(found, findInBlock(open[3]!, body, options));
    i = j < lines.length && quoteMarkers(lines[j]!, quotes).quotes < quotes ? j - 1 : j;
  }
  return found;
}

/** Literal blocks (`::`) and code-block directives of a reStructuredText file. */
export function findInRst(text: string, options: FindOptions = {}): FoundCommandLine[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const found: FoundCommandLine[] = [];
  const indentOf = (l: string) => l.length - l.trimStart().length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const directive = /^(\s*)\.\. (?:code-block|code|sourcecode)::\s*(\S*)/.exec(line);
    const literal = !directive && /::\s*$/.test(line) && !/^\s*\.\. /.test(line);
    if (!directive && !literal) continue;
    const base = indentOf(line);
    let j = i + 1;
    if (directive) while (j < lines.length && /^\s+:\w[\w-]*:/.test(lines[j]!)) j++;
    const body: BlockLine[] = [];
    let min = Infinity;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.trim() === '') {
        body.push({ text: '', line: j + 1, column: 1 });
        continue;
      }
      if (indentOf(l) <= base) break;
      min = Math.min(min, indentOf(l));
      body.push({ text: l, line: j + 1, column: 1 });
    }
    if (min === Infinity) continue;
    const dedented = body.map((b) => (b.text === '' ? b : { text: b.text.slice(min), line: b.line, column: min + 1 }));
    append(found, findInBlock(directive ? directive[2]! : '', dedented, options));
    i = j - 1;
  }
  return found;
}

/**
 * A recipe line as make hands it to the shell: `$$` is the shell's `$`, `$(VAR)` and `${VAR}` become
 * shell expansions. Each character keeps the column it was written at (an expansion, its `$`'s),
 * kept as runs so that a long line costs no more than its text.
 */
function makeExpanded(l: BlockLine): BlockLine {
  const t = l.text;
  const parts: string[] = [];
  const outStarts: number[] = [];
  const columns: number[] = [];
  const consecutive: boolean[] = [];
  let length = 0;
  const emit = (column: number, out: string, isRun: boolean) => {
    outStarts.push(length);
    columns.push(column);
    consecutive.push(isRun);
    parts.push(out);
    length += out.length;
  };
  let k = 0;
  while (k < t.length) {
    const dollar = t.indexOf('$', k);
    const stop = dollar < 0 ? t.length : dollar;
    if (stop > k) {
      emit(k, t.slice(k, stop), true);
      k = stop;
    } else if (t[k + 1] === '$') {
      emit(k, '$', false);
      k += 2;
    } else if (t[k + 1] === '(' || t[k + 1] === '{') {
      const end = t.indexOf(t[k + 1] === '(' ? ')' : '}', k + 2);
      const name = t.slice(k + 2, end < 0 ? undefined : end).replace(/[^A-Za-z0-9_]/g, '_') || 'MAKE';
      emit(k, '${' + name + '}', false);
      k = end < 0 ? t.length : end + 1;
    } else {
      emit(k, '$', false);
      k++;
    }
  }
  const at = (index: number): SourcePosition => {
    if (index >= length || outStarts.length === 0) return { line: l.line, column: l.column + t.length };
    const r = lineIndexOf(outStarts, index);
    return { line: l.line, column: l.column + columns[r]! + (consecutive[r] ? index - outStarts[r]! : 0) };
  };
  return { text: parts.join(''), line: l.line, column: l.column, at };
}

/**
 * Recipe lines of a Makefile: each is run by /bin/sh. Make's own `$(VAR)` and `${VAR}` become
 * expansions, `$$` is the shell's `$`, and the `@`, `-` and `+` prefixes are not part of the command.
 */
export function findInMakefile(text: string, options: FindOptions = {}): FoundCommandLine[] {
  const lines = text.split('\n');
  const found: FoundCommandLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('\t')) continue;
    const recipe: BlockLine[] = [];
    let j = i;
    for (; j < lines.length; j++) {
      const raw = lines[j]!.replace(/\r$/, '');
      const m = j === i ? /^\t[@+-]*/.exec(raw)! : /^\t?/.exec(raw)!;
      recipe.push({ text: raw.slice(m[0].length), line: j + 1, column: m[0].length + 1 });
      if (!raw.endsWith('\\')) break;
    }
    const { text: joined, map } = blockText(recipe.map(makeExpanded));
    append(found, findInScript(joined, 'sh', map, options));
    i = j;
  }
  return found;
}

/** Builds the lines of a scalar's value from pieces of the file, each piece where it is written. */
class ValueLines {
  readonly lines: BlockLine[] = [];
  private pieces: { text: string; line: number; column: number; index: number }[] = [];
  private length = 0;

  /** `text` written at line and column (a separator that folding makes of a line break: where the break is). */
  add(text: string, line: number, column: number) {
    if (text === '') return;
    this.pieces.push({ text, line, column, index: this.length });
    this.length += text.length;
  }

  /** Ends the current line of the value (a line break kept), placed at `line` when it is empty. */
  end(line: number) {
    const pieces = this.pieces;
    const first = pieces[0];
    const text = pieces.map((p) => p.text).join('');
    if (pieces.length <= 1) this.lines.push({ text, line: first?.line ?? line, column: first?.column ?? 1 });
    else {
      const starts = pieces.map((p) => p.index);
      const at = (index: number): SourcePosition => {
        const p = pieces[lineIndexOf(starts, index)]!;
        return { line: p.line, column: p.column + index - p.index };
      };
      this.lines.push({ text, line: first!.line, column: first!.column, at });
    }
    this.pieces = [];
    this.length = 0;
  }

  /** The value the lines make, for comparison with the parser's. */
  value(): string {
    return this.lines.map((l) => l.text).join('\n');
  }
}

const leadingSpaces = (l: string) => l.length - l.replace(/^ +/, '').length;

/** Without the spaces and tabs at its end (a loop: /[ \t]+$/ takes quadratic time on a long run of blanks that ends before the line does). */
function trimWhiteEnd(l: string): string {
  let end = l.length;
  while (end > 0 && (l[end - 1] === ' ' || l[end - 1] === '\t')) end--;
  return l.slice(0, end);
}

function trailingBackslashes(s: string): number {
  let n = 0;
  while (n < s.length && s[s.length - 1 - n] === '\\') n++;
  return n;
}

/** Text of a single-quoted scalar, `''` read as `'`. */
function addSingleQuoted(out: ValueLines, content: string, line: number, column: number) {
  let k = 0;
  for (let q = content.indexOf("''"); q >= 0; q = content.indexOf("''", k)) {
    out.add(content.slice(k, q + 1), line, column + k);
    k = q + 2;
  }
  out.add(content.slice(k), line, column + k);
}

const YAML_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };
const YAML_HEX: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Text of a double-quoted scalar, its escapes read, each character where it is written. */
function addDoubleQuoted(out: ValueLines, content: string, line: number, column: number) {
  let k = 0;
  for (let b = content.indexOf('\\'); b >= 0 && b < content.length - 1; b = content.indexOf('\\', k)) {
    out.add(content.slice(k, b), line, column + k);
    const e = content[b + 1]!;
    const digits = YAML_HEX[e];
    if (digits !== undefined) {
      const hex = content.slice(b + 2, b + 2 + digits);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? parseInt(hex, 16) : NaN;
      out.add(cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd', line, column + b);
      k = b + 2 + digits;
    } else {
      out.add(YAML_ESCAPES[e] ?? e, line, column + b);
      k = b + 2;
    }
  }
  out.add(content.slice(k), line, column + k);
}

/**
 * The lines of a scalar's value placed where each of their characters is written, folding as YAML
 * 1.2 does: a literal block (`|`) keeps its line breaks; a folded block (`>`) turns a break between
 * two lines into a space, except around more-indented lines and where blank lines stand (one line
 * break each); a plain or quoted scalar over several lines folds the same way, without its
 * indentation. Undefined when the result is not the parser's value (escapes in a double-quoted
 * scalar), so that nothing is ever placed by a guess.
 */
function placeScalar(node: Scalar<string>, text: string, lineOf: PositionMap): BlockLine[] | undefined {
  const [start, valueEnd, end] = node.range!;
  const out = new ValueLines();
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const headerEnd = text.indexOf('\n', start);
    if (headerEnd < 0 || headerEnd >= end) return undefined;
    const header = /^[|>]([1-9+-]{0,2})/.exec(text.slice(start, start + 3))?.[1] ?? '';
    const digit = /[1-9]/.exec(header)?.[0];
    const keep = header.includes('+');
    const contentStart = headerEnd + 1;
    const raw = text.slice(contentStart, end).split('\n');
    if (raw[raw.length - 1] === '') raw.pop();
    const firstLine = lineOf(contentStart).line;
    // The content's indentation: the parent's and the indicator's, or the first line that is not blank.
    const parent = (node.srcToken as { indent?: number } | undefined)?.indent;
    const firstText = raw.find((l) => l.trim() !== '');
    if (firstText === undefined || (digit && parent === undefined)) return undefined;
    const n = digit ? parent! + Number(digit) : leadingSpaces(firstText);
    let previous: 'normal' | 'spaced' | undefined;
    let blanks: number[] = [];
    for (const [k, r] of raw.entries()) {
      const line = firstLine + k;
      if (r.length <= n && r.trim() === '') {
        blanks.push(line);
        continue;
      }
      const content = r.slice(n);
      const kind = content[0] === ' ' || content[0] === '\t' ? 'spaced' : 'normal';
      if (previous !== undefined) {
        // The break after the previous text line: folded into a space between two lines of text, else kept.
        if (node.type === 'BLOCK_FOLDED' && previous === 'normal' && kind === 'normal' && blanks.length === 0) out.add(' ', line - 1, raw[k - 1]!.length + 1);
        else if (node.type === 'BLOCK_LITERAL' || previous === 'spaced' || kind === 'spaced') out.end(line - 1);
      }
      for (const b of blanks) out.end(b);
      blanks = [];
      out.add(content, line, n + 1);
      previous = kind;
    }
    out.end(firstLine + raw.length - 1);
    if (keep) for (const b of blanks) out.end(b);
    const expected = node.value.replace(/\n$/, '');
    return out.value() === expected ? out.lines : undefined;
  }
  // A flow scalar: its first line from where it starts, the others without their indentation; lines folded.
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
  const from = start + quote.length;
  const to = valueEnd - quote.length;
  if (to < from) return undefined;
  const rows = text.slice(from, to).split('\n');
  const at = lineOf(from);
  let blanks = 0;
  let wrote = false;
  let joinNext = false;
  for (const [k, r] of rows.entries()) {
    const lead = k === 0 ? 0 : r.length - r.replace(/^[ \t]+/, '').length;
    let content = k === rows.length - 1 && quote ? r.slice(lead) : trimWhiteEnd(r.slice(lead));
    if (content === '' && k > 0 && k < rows.length - 1) {
      blanks++;
      continue;
    }
    if (k > 0 && !joinNext) {
      if (blanks === 0) out.add(' ', at.line + k - 1, (k === 1 ? at.column : 1) + rows[k - 1]!.length);
      for (let b = 0; b < blanks; b++) out.end(at.line + k - 1);
    }
    blanks = 0;
    // In double quotes, a backslash at the end of a line joins it to the next without a space.
    joinNext = quote === '"' && k < rows.length - 1 && trailingBackslashes(content) % 2 === 1;
    if (joinNext) content = content.slice(0, -1);
    const column = k === 0 ? at.column : lead + 1;
    if (quote === "'") addSingleQuoted(out, content, at.line + k, column);
    else if (quote === '"') addDoubleQuoted(out, content, at.line + k, column);
    else out.add(content, at.line + k, column);
    wrote = true;
  }
  out.end(at.line + rows.length - 1);
  return wrote && out.value() === node.value ? out.lines : undefined;
}

/**
 * The keys whose values are shell commands, in the CI systems that write them in YAML: GitHub
 * Actions (`run`, with `shell`), GitLab CI (`script`, `before_script`, `after_script`), CircleCI
 * (`run`, `command`), Buildkite (`command`, `commands`), AWS CodeBuild (`commands`, `finally`),
 * Bitbucket Pipelines (`script`, `after-script`), Azure Pipelines (`script`, `bash`), Travis CI
 * (`install`, `before_install`, `script`, `after_success`, ...), Drone and Woodpecker (`commands`),
 * Task (`cmds`, `cmd`), Ansible (`shell`, `command`).
 */
export const CI_KEYS: ReadonlySet<string> = new Set([
  'run',
  'script',
  'before_script',
  'after_script',
  'after-script',
  'command',
  'commands',
  'cmd',
  'cmds',
  'shell_command',
  'bash',
  'finally',
  'install',
  'before_install',
  'after_success',
  'after_failure',
  'before_deploy',
  'after_deploy',
  'shell',
  'ansible.builtin.shell',
  'ansible.builtin.command',
]);

/**
 * Shell commands in CI YAML (the keys of CI_KEYS; `shell: cmd` or `pwsh` beside `run` switches
 * the dialect). Block scalars keep their lines, so each word is placed at the line and column it
 * is written at in the YAML file.
 */
export function findInCiYaml(text: string, options: FindOptions = {}): FoundCommandLine[] {
  const { parseDocument, isMap, isScalar, isSeq } = yaml();
  // Source tokens give a block scalar's indentation, which its indentation indicator counts from.
  const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: true });
  const lineOf = lineColumnMap(text);
  const sourceLines = text.split('\n');
  const found: FoundCommandLine[] = [];
  const scalarLines = (node: Node): BlockLine[] | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const placed = placeScalar(node as Scalar<string>, text, lineOf);
    if (placed) return placed;
    // A value whose folding is not reproduced below (escapes in a double-quoted scalar): its lines by the value alone.
    const [start, , end] = node.range;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      const first = lineOf(start + text.slice(start, end).indexOf('\n') + 1).line;
      return node.value.replace(/\n$/, '').split('\n').map((v, k) => {
        const src = sourceLines[first - 1 + k] ?? '';
        return { text: v, line: first + k, column: v === '' ? 1 : src.length - src.trimStart().length + 1 };
      });
    }
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    const at = lineOf(start + quoted);
    return node.value.split('\n').map((v, k) => ({ text: v, line: at.line + k, column: k === 0 ? at.column : 1 }));
  };
  const dialectOfShell = (shell: unknown): Dialect => {
    const s = String(shell ?? '').toLowerCase();
    if (s.startsWith('cmd')) return 'cmd';
    if (s.startsWith('pwsh') || s.startsWith('powershell')) return 'powershell';
    return 'sh';
  };
  const visit = (node: unknown, shell: Dialect) => {
    if (isMap(node)) {
      const shellPair = node.items.find((p: Pair) => isScalar(p.key) && p.key.value === 'shell');
      const here = shellPair && isScalar(shellPair.value) ? dialectOfShell(shellPair.value.value) : shell;
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const values = CI_KEYS.has(key) ? (isSeq(pair.value) ? pair.value.items : [pair.value]) : [];
        let handled = false;
        for (const v of values) {
          const lines = scalarLines(v as Node);
          if (!lines) continue;
          handled = true;
          append(found, findInBlock(here === 'sh' ? 'sh' : here, lines, options));
        }
        if (!handled) visit(pair.value, here);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, shell);
    }
  };
  visit(doc.contents, 'sh');
  return found;
}
