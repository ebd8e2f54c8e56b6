import { DEFAULT_LIMITS } from '../limits.js';
import { EXPANSION } from './words.js';

/*
 * Shell words as a POSIX shell (with bash's `$'...'`) splits a script into commands and words:
 * single and double quotes, backslashes, backslash-newline continuations, comments, `;` `&&` `||`
 * `|` `&` and newlines between commands, redirections and here-documents, and expansions
 * (`$VAR`, `${...}`, `$(...)`, `$((...))`, backticks, `~`), which become one EXPANSION character
 * in a word's text: their value is not known statically. Commands inside `$(...)` and backticks
 * are read too. Every character of a word keeps the position it was written at.
 *
 * Assumptions, stated because a script cannot tell: an unquoted expansion yields exactly one
 * word, and glob characters match no file (they stay as written). A word that bash would
 * brace-expand (`{a,b}` unquoted) is flagged, since `sh` leaves it alone.
 *
 * Nothing here recurses and no text is scanned more than twice: command substitutions are read
 * from a queue of ranges (at most --max-depth deep), and the end of every `$(` and `${` is found
 * once by a scan with an explicit stack, then remembered. Text hidden by an unterminated quote or
 * here-document is read a second time, once, for the command lines that bash does not see.
 */

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count. */
  column: number;
}

/** Maps an offset of the text being parsed to where it was written. */
export type PositionMap = (offset: number) => SourcePosition;

/** The index of the last of the ascending `starts` at or before `offset` (0 when none is): which line an offset is on. */
export function lineIndexOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function lineColumnMap(text: string): PositionMap {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    const k = lineIndexOf(starts, offset);
    return { line: k + 1, column: 1 + offset - starts[k]! };
  };
}

/**
 * Where each character of a word was written, and one more entry for where the word ends. Kept as
 * runs of consecutive offsets, mapped on demand: a 15 MB word costs its text, not 15 million
 * positions, and a word written in one piece (most are) costs two numbers.
 */
export class WordPositions {
  constructor(
    /** The index in the word where each run starts (undefined: one run, from index 0). */
    private readonly starts: readonly number[] | undefined,
    /** The offset of each run's first character (a number for one run). */
    private readonly offsets: readonly number[] | number,
    readonly length: number,
    private readonly map: PositionMap,
  ) {}

  /** As Array.prototype.at: a negative index counts from the end. */
  at(index: number): SourcePosition | undefined {
    const i = index < 0 ? this.length + index : index;
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) return undefined;
    if (this.starts === undefined) return this.map((this.offsets as number) + i);
    const k = lineIndexOf(this.starts, i);
    return this.map((this.offsets as readonly number[])[k]! + i - this.starts[k]!);
  }

  /** The positions from index `from` on. */
  slice(from: number): WordPositions {
    const runs = new PositionRuns();
    const starts = this.starts ?? [0];
    const offsets = typeof this.offsets === 'number' ? [this.offsets] : this.offsets;
    for (let k = 0; k < starts.length; k++) {
      const end = starts[k + 1] ?? this.length;
      const start = Math.max(starts[k]!, from);
      if (start < end) runs.add(offsets[k]! + start - starts[k]!, end - start);
    }
    return runs.positions(this.map);
  }

  *[Symbol.iterator](): IterableIterator<SourcePosition> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/** Builds WordPositions one character (or one run of consecutive characters) at a time. */
export class PositionRuns {
  private readonly starts: number[] = [];
  private readonly offsets: number[] = [];
  private length = 0;
  private last = -2;

  /** `count` characters written at `offset`, `offset + 1`, ... */
  add(offset: number, count = 1): void {
    if (count <= 0) return;
    if (this.length === 0 || offset !== this.last + 1) {
      this.starts.push(this.length);
      this.offsets.push(offset);
    }
    this.length += count;
    this.last = offset + count - 1;
  }

  positions(map: PositionMap): WordPositions {
    if (this.starts.length <= 1) return new WordPositions(undefined, this.offsets[0] ?? 0, this.length, map);
    return new WordPositions(this.starts, this.offsets, this.length, map);
  }
}

/** The expansions of a word that has none, shared. */
const NO_EXPANSIONS: readonly string[] = Object.freeze([]);

export interface ShellWord {
  /** The word as the program receives it; each expansion is one EXPANSION character. */
  text: string;
  /** The source of each expansion, in order. */
  expansions: readonly string[];
  /** Where each character of `text` was written; one more entry for the end of the word. */
  positions: WordPositions;
  /** An unquoted `{a,b}` that bash would expand into several words. */
  braceExpansion?: boolean;
}

export interface ShellCommand {
  words: ShellWord[];
  /** `NAME=value` words before the command name. */
  assignments: ShellWord[];
  dialect: 'sh' | 'cmd';
  /** Where the command's text starts and ends, as offsets of the text parsed. */
  from: number;
  to: number;
  /**
   * Set for a command that the shell does not run as one: it lies in text that an unterminated
   * quote (or a here-document without its terminator) turns into part of a word (or of the
   * document). It is read only so that it can be reported as not checked.
   */
  hiddenBy?: ShellProblem;
}

/**
 * `unterminated`: a quote, `$(`, `${` or backtick that nothing closes (bash -n refuses the script).
 * `heredoc`: a here-document that the end of the text delimits (bash warns and runs it).
 * `depth`: a command substitution nested deeper than the limit: its commands are not read.
 */
export type ShellProblemKind = 'unterminated' | 'heredoc' | 'depth';

export interface ShellProblem {
  kind: ShellProblemKind;
  /** What it is, as a noun phrase: `an unterminated double quote`. */
  message: string;
  /** What bash -n says about it, for `unterminated` and `heredoc`. */
  bash?: string;
  position: SourcePosition;
  /** Its offset in the text parsed. */
  offset: number;
  /** The text it hides from the shell's command reader: to the end of the text, or the too deep substitution. */
  hides: string;
}

export interface ShellParse {
  commands: ShellCommand[];
  /** In the order of their offsets. */
  problems: ShellProblem[];
}

export interface ShellOptions {
  /** Command substitutions nested deeper are not read (a `depth` problem); default DEFAULT_LIMITS.maxDepth. */
  maxDepth?: number;
}

const BLANK = new Set([' ', '\t']);
const OPERATOR_START = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);
/** Characters that end a run of ordinary characters in an unquoted word. */
const WORD_SPECIAL = new Set([...BLANK, ...OPERATOR_START, '\\', "'", '"', '$', '`', '{', '}', ',']);
/** ... and in a double-quoted string. */
const DOUBLE_SPECIAL = new Set(['\\', '$', '`', '"']);
/** Where a `#` starts a comment inside `$(...)`: at the start of a word. */
const BEFORE_WORD = /[\s;&|()<>]/;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const TILDE = /~[A-Za-z0-9._-]*/y;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

class WordBuilder {
  private readonly parts: string[] = [];
  private readonly runs = new PositionRuns();
  private expansions: string[] | undefined;
  braceExpansion = false;
  started = false;

  add(ch: string, offset: number) {
    this.parts.push(ch);
    for (let k = 0; k < ch.length; k++) this.runs.add(offset);
    this.started = true;
  }

  /** text[from, to) as it is written. */
  addSlice(text: string, from: number, to: number) {
    if (to > from) {
      this.parts.push(text.slice(from, to));
      this.runs.add(from, to - from);
    }
    this.started = true;
  }

  expansion(source: string, offset: number) {
    this.parts.push(EXPANSION);
    this.runs.add(offset);
    (this.expansions ??= []).push(source);
    this.started = true;
  }

  build(end: number, map: PositionMap): ShellWord {
    this.runs.add(end);
    return {
      text: this.parts.length === 1 ? this.parts[0]! : this.parts.join(''),
      expansions: this.expansions ?? NO_EXPANSIONS,
      positions: this.runs.positions(map),
      ...(this.braceExpansion ? { braceExpansion: true } : {}),
    };
  }
}

const ANSI_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** bash -n's words for a construct that the end of the text leaves open. */
const unexpectedEof = (closer: string) => `unexpected EOF while looking for matching \`${closer}'`;

interface Range {
  from: number;
  to: number;
  /** How many command substitutions enclose it. */
  depth: number;
  hidden?: ShellProblem;
}

/** Parses POSIX shell text (a script, a code block, a CI `run:` block) into commands. */
export function parseSh(text: string, map: PositionMap = lineColumnMap(text), options: ShellOptions = {}): ShellParse {
  const maxDepth = options.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const commands: ShellCommand[] = [];
  const problems: ShellProblem[] = [];
  // The end of each `$(` and `${` (keyed by the offset after its opening), -1 for one not closed.
  const ends = new Map<number, number>();
  const queue: Range[] = [{ from: 0, to: text.length, depth: 0 }];
  for (let next = queue.pop(); next; next = queue.pop()) parseRange(text, next, map, maxDepth, ends, queue, commands, problems);
  // Commands in the order they end (a substitution's before the command that holds it), problems in text order.
  commands.sort((a, b) => a.to - b.to || a.from - b.from);
  problems.sort((a, b) => a.offset - b.offset);
  return { commands, problems };
}

function parseRange(text: string, range: Range, map: PositionMap, maxDepth: number, ends: Map<number, number>, queue: Range[], commands: ShellCommand[], problems: ShellProblem[]): void {
  const { from, to, depth, hidden } = range;
  let i = from;
  let words: ShellWord[] = [];
  let commandStart = -1;
  const pendingHeredocs: { delimiter: string; stripTabs: boolean; at: number }[] = [];
  // Set once a construct left open has taken the rest of the range: there is nothing more to report in it.
  let swallowed = false;

  /**
   * A construct at `at` that the end of the range leaves open. It hides the rest of the range, which is
   * read once more (but not a third time: text hidden in hidden text is not read) for the commands written there.
   */
  const hides = (problem: ShellProblem, bodyStart: number) => {
    if (swallowed) return;
    swallowed = true;
    if (hidden) return;
    problems.push(problem);
    if (bodyStart < to) queue.push({ from: bodyStart, to, depth, hidden: problem });
  };
  const unterminated = (message: string, closer: string, at: number, bodyStart: number) =>
    hides({ kind: 'unterminated', message, bash: unexpectedEof(closer), position: map(at), offset: at, hides: text.slice(bodyStart, to) }, bodyStart);

  const endCommand = () => {
    if (words.length === 0) return;
    let k = 0;
    while (k < words.length && ASSIGNMENT.test(words[k]!.text)) k++;
    commands.push({ words: words.slice(k), assignments: words.slice(0, k), dialect: 'sh', from: commandStart, to: i, ...(hidden ? { hiddenBy: hidden } : {}) });
    words = [];
    commandStart = -1;
  };

  /**
   * The end of the `$(`...`)` or `${`...`}` whose text starts at `start` (just after the opening),
   * or -1 when the range ends first: quotes, backticks, comments, here-documents and nesting
   * respected. Every `$(` and `${` met inside is settled on the way and remembered.
   */
  const matching = (start: number, open: '(' | '{'): number => {
    const known = ends.get(start);
    if (known !== undefined) return known;
    // An arithmetic `$((` has no comments (`16#ff`) and no here-documents (`1 << 2`).
    const frame = (kind: '(' | '{', at: number) => ({ open: kind, start: at, depth: 1, arithmetic: kind === '(' && text[at] === '(' });
    const stack: { open: '(' | '{' | '"'; start: number; depth: number; arithmetic: boolean }[] = [frame(open, start)];
    const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
    let j = start;
    /** Opens (or, when it is known, skips) the expansion whose text starts at `inner`; false when it is known not to close. */
    const enter = (inner: number, kind: '(' | '{'): boolean => {
      const end = ends.get(inner);
      if (end === -1) return false;
      if (end !== undefined) j = end;
      else {
        stack.push(frame(kind, inner));
        j = inner;
      }
      return true;
    };
    scan: while (j < to && stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const c = text[j]!;
      if (c === '\\') j += 2;
      else if (c === '`') {
        const e = skipBacktick(j + 1);
        if (e < 0) break;
        j = e;
      } else if (c === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) {
        if (!enter(j + 2, text[j + 1] as '(' | '{')) break;
      } else if (top.open === '"') {
        if (c === '"') stack.pop();
        j++;
      } else if (c === '"') {
        stack.push({ open: '"', start: j, depth: 1, arithmetic: false });
        j++;
      } else if (top.open === '(' && c === "'") {
        const e = text.indexOf("'", j + 1);
        if (e < 0 || e >= to) break;
        j = e + 1;
      } else if (top.open === '(' && c === '$' && text[j + 1] === "'") {
        j += 2;
        while (j < to && text[j] !== "'") j += text[j] === '\\' ? 2 : 1;
        if (j >= to) break;
        j++;
      } else if (top.open === '(' && !top.arithmetic && c === '#' && (j === top.start || BEFORE_WORD.test(text[j - 1]!))) {
        const e = text.indexOf('\n', j);
        j = e < 0 || e >= to ? to : e;
      } else if (top.open === '(' && !top.arithmetic && c === '<' && text[j + 1] === '<' && text[j + 2] !== '<') {
        // A here-document: its body, from the next line, is text.
        const stripTabs = text[j + 2] === '-';
        j += stripTabs ? 3 : 2;
        while (j < to && BLANK.has(text[j]!)) j++;
        const wordStart = j;
        while (j < to && !BLANK.has(text[j]!) && !OPERATOR_START.has(text[j]!)) j++;
        heredocs.push({ delimiter: text.slice(wordStart, j).replace(/['"\\]/g, ''), stripTabs });
      } else if (c === '\n' && heredocs.length > 0) {
        j++;
        for (const { delimiter, stripTabs } of heredocs.splice(0)) {
          for (;;) {
            if (j >= to) break scan;
            const e = text.indexOf('\n', j);
            const lineEnd = e < 0 || e > to ? to : e;
            const line = text.slice(j, lineEnd);
            j = Math.min(lineEnd + 1, to);
            if ((stripTabs ? line.replace(/^\t+/, '') : line) === delimiter) break;
          }
        }
      } else {
        if (c === top.open) top.depth++;
        else if (c === (top.open === '(' ? ')' : '}') && --top.depth === 0) {
          ends.set(top.start, j + 1);
          stack.pop();
        }
        j++;
      }
    }
    // Whatever is still open when the range ends is not closed: neither is anything that holds it.
    for (const frame of stack) if (frame.open !== '"') ends.set(frame.start, -1);
    return ends.get(start) ?? -1;
  };

  /** The end of a backtick substitution whose text starts at `start`, or -1 when the range ends first. */
  const skipBacktick = (start: number): number => {
    let j = start;
    while (j < to && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    return j < to ? j + 1 : -1;
  };

  /** The commands of a substitution's text, read later from the queue: not at all past the depth limit. */
  const substitution = (innerFrom: number, innerTo: number, at: number) => {
    if (depth + 1 <= maxDepth) {
      queue.push({ from: innerFrom, to: innerTo, depth: depth + 1, ...(hidden ? { hidden } : {}) });
      return;
    }
    const message = `a command substitution nested deeper than ${maxDepth} levels (raise --max-depth if the script is genuine), whose commands are not read`;
    problems.push({ kind: 'depth', message, position: map(at), offset: at, hides: text.slice(innerFrom, innerTo) });
  };

  /** `$...` at `at` (inside or outside double quotes); adds to the word and returns the next index. */
  const dollar = (w: WordBuilder, at: number, quoted: boolean): number => {
    const next = text[at + 1];
    if (next === '(') {
      const arithmetic = text[at + 2] === '(';
      const end = matching(at + 2, '(');
      if (end < 0) {
        unterminated(arithmetic ? 'an unterminated $((' : 'an unterminated $(', ')', at, at + 2);
        w.expansion(text.slice(at, to), at);
        return to;
      }
      if (!arithmetic) substitution(at + 2, end - 1, at);
      w.expansion(text.slice(at, end), at);
      return end;
    }
    if (next === '{') {
      const end = matching(at + 2, '{');
      if (end < 0) {
        unterminated('an unterminated ${', '}', at, at + 2);
        w.expansion(text.slice(at, to), at);
        return to;
      }
      w.expansion(text.slice(at, end), at);
      return end;
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      w.expansion(text.slice(at, at + 2), at);
      return at + 2;
    }
    NAME.lastIndex = at + 1;
    const m = NAME.exec(text);
    if (m && at + 1 + m[0].length <= to) {
      w.expansion('$' + m[0], at);
      return at + 1 + m[0].length;
    }
    if (!quoted && next === "'") return ansiC(w, at + 2);
    if (!quoted && next === '"') return doubleQuoted(w, at + 2);
    w.add('$', at);
    return at + 1;
  };

  const backtick = (w: WordBuilder, at: number): number => {
    const end = skipBacktick(at + 1);
    if (end < 0) {
      unterminated('an unterminated backtick', '`', at, at + 1);
      w.expansion(text.slice(at, to), at);
      return to;
    }
    substitution(at + 1, end - 1, at);
    w.expansion(text.slice(at, end), at);
    return end;
  };

  const ansiC = (w: WordBuilder, start: number): number => {
    let j = start;
    w.started = true;
    while (j < to && text[j] !== "'") {
      if (text[j] !== '\\') {
        const run = j;
        while (j < to && text[j] !== '\\' && text[j] !== "'") j++;
        w.addSlice(text, run, j);
        continue;
      }
      const e = text[j + 1] ?? '';
      let m: RegExpExecArray | null;
      if (e in ANSI_ESCAPES) {
        w.add(ANSI_ESCAPES[e]!, j);
        j += 2;
      } else if ((m = /^[0-7]{1,3}/.exec(text.slice(j + 1, j + 4)))) {
        w.add(String.fromCharCode(parseInt(m[0], 8) & 0xff), j);
        j += 1 + m[0].length;
      } else if ((m = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(j + 1, j + 4)))) {
        w.add(String.fromCharCode(parseInt(m[1]!, 16)), j);
        j += 1 + m[0].length;
      } else if ((m = /^u([0-9a-fA-F]{1,4})/.exec(text.slice(j + 1, j + 6))) || (m = /^U([0-9a-fA-F]{1,8})/.exec(text.slice(j + 1, j + 10)))) {
        const cp = parseInt(m[1]!, 16);
        w.add(cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd', j);
        j += 1 + m[0].length;
      } else if (e === 'c' && text[j + 2] !== undefined) {
        w.add(String.fromCharCode(text.charCodeAt(j + 2) & 0x1f), j);
        j += 3;
      } else {
        w.add('\\', j);
        j += 1;
      }
    }
    if (j >= to) unterminated("an unterminated $'", "'", start - 2, start);
    return Math.min(j + 1, to);
  };

  const doubleQuoted = (w: WordBuilder, start: number): number => {
    let j = start;
    w.started = true;
    while (j < to && text[j] !== '"') {
      const c = text[j]!;
      if (c === '\\' && j + 1 < to && '$`"\\\n'.includes(text[j + 1]!)) {
        if (text[j + 1] !== '\n') w.add(text[j + 1]!, j + 1);
        j += 2;
      } else if (c === '\\') {
        w.add(c, j);
        j++;
      } else if (c === '$') j = dollar(w, j, true);
      else if (c === '`') j = backtick(w, j);
      else {
        const run = j;
        while (j < to && !DOUBLE_SPECIAL.has(text[j]!)) j++;
        w.addSlice(text, run, j);
      }
    }
    if (j >= to) unterminated('an unterminated double quote', '"', start - 1, start);
    return Math.min(j + 1, to);
  };

  const readHeredocs = () => {
    // i is just after a newline: skip each pending here-document's body.
    for (const { delimiter, stripTabs, at } of pendingHeredocs) {
      const bodyStart = i;
      let closed = false;
      while (i < to) {
        const e = text.indexOf('\n', i);
        const lineEnd = e < 0 || e > to ? to : e;
        let line = text.slice(i, lineEnd);
        if (stripTabs) line = line.replace(/^\t+/, '');
        i = Math.min(lineEnd + 1, to);
        if (line === delimiter) {
          closed = true;
          break;
        }
      }
      if (!closed) {
        const position = map(at);
        const bash = `here-document at line ${position.line} delimited by end-of-file (wanted \`${delimiter}')`;
        hides({ kind: 'heredoc', message: `a here-document that no line ${delimiter} ends`, bash, position, offset: at, hides: text.slice(bodyStart, to) }, bodyStart);
        break;
      }
    }
    pendingHeredocs.length = 0;
  };

  const readWord = (): ShellWord | undefined => {
    const w = new WordBuilder();
    let braceDepth = 0;
    let braceComma = false;
    while (i < to) {
      const c = text[i]!;
      if (BLANK.has(c) || OPERATOR_START.has(c)) break;
      if (c === '\\') {
        if (text[i + 1] === '\n') {
          i += 2;
          continue;
        }
        if (i + 1 < to) w.add(text[i + 1]!, i + 1);
        i += 2;
      } else if (c === "'") {
        const e = text.indexOf("'", i + 1);
        const end = e < 0 || e >= to ? to : e;
        if (end === to) unterminated('an unterminated single quote', "'", i, i + 1);
        w.addSlice(text, i + 1, end);
        i = end + 1;
      } else if (c === '"') {
        i = doubleQuoted(w, i + 1);
      } else if (c === '$') {
        i = dollar(w, i, false);
      } else if (c === '`') {
        i = backtick(w, i);
      } else if (c === '~' && !w.started) {
        TILDE.lastIndex = i;
        const length = Math.min(TILDE.exec(text)![0].length, to - i);
        const after = i + length < to ? text[i + length] : undefined;
        if (after === undefined || after === '/' || BLANK.has(after) || OPERATOR_START.has(after)) {
          w.expansion(text.slice(i, i + length), i);
          i += length;
        } else {
          w.add('~', i);
          i++;
        }
      } else if (c === '{' || c === '}' || c === ',') {
        if (c === '{') braceDepth++;
        else if (c === ',' && braceDepth > 0) braceComma = true;
        else if (c === '}' && braceDepth > 0) {
          braceDepth--;
          if (braceComma) w.braceExpansion = true;
        }
        w.add(c, i);
        i++;
      } else {
        const run = i;
        do i++;
        while (i < to && !WORD_SPECIAL.has(text[i]!));
        w.addSlice(text, run, i);
      }
    }
    // An unterminated quote or a final backslash ends the word at the text's end, not past it.
    if (i > to) i = to;
    return w.started ? w.build(i, map) : undefined;
  };

  while (i < to) {
    const c = text[i]!;
    if (BLANK.has(c)) {
      i++;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
    } else if (c === '#') {
      const e = text.indexOf('\n', i);
      i = e < 0 || e >= to ? to : e;
    } else if (c === '\n') {
      endCommand();
      i++;
      if (pendingHeredocs.length > 0) readHeredocs();
    } else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      endCommand();
      i += text.startsWith('&&', i) || text.startsWith('||', i) || text.startsWith(';;', i) || text.startsWith('|&', i) ? 2 : 1;
    } else if (c === '<' || c === '>') {
      const at = i;
      const op = /^(<<-|<<<|<<|>>|<&|>&|<>|>\||<|>)/.exec(text.slice(i, i + 3))![0];
      i += op.length;
      while (i < to && BLANK.has(text[i]!)) i++;
      const start = i;
      const target = readWord();
      if (op === '<<' || op === '<<-') {
        const raw = text.slice(start, i);
        pendingHeredocs.push({ delimiter: target ? (/['"\\]/.test(raw) ? target.text : raw) : '', stripTabs: op === '<<-', at });
      }
    } else {
      const start = i;
      const word = readWord();
      // An IO number: digits right before < or >.
      if (word && (text[i] === '<' || text[i] === '>') && /^[0-9]+$/.test(text.slice(start, i))) continue;
      if (word) {
        if (commandStart < 0) commandStart = start;
        words.push(word);
      } else i++;
    }
  }
  endCommand();
}
