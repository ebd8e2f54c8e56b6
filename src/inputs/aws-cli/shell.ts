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
 */

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count. */
  column: number;
}

export interface ShellWord {
  /** The word as the program receives it; each expansion is one EXPANSION character. */
  text: string;
  /** The source of each expansion, in order. */
  expansions: string[];
  /** Where each character of `text` was written; one more entry for the end of the word. */
  positions: SourcePosition[];
  /** An unquoted `{a,b}` that bash would expand into several words. */
  braceExpansion?: boolean;
}

export interface ShellCommand {
  words: ShellWord[];
  /** `NAME=value` words before the command name. */
  assignments: ShellWord[];
  dialect: 'sh' | 'cmd';
}

export interface ShellProblem {
  message: string;
  position: SourcePosition;
}

export interface ShellParse {
  commands: ShellCommand[];
  problems: ShellProblem[];
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

const BLANK = new Set([' ', '\t']);
const OPERATOR_START = new Set([';', '&', '|', '<', '>', '(', ')', '\n']);
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

class WordBuilder {
  text = '';
  expansions: string[] = [];
  offsets: number[] = [];
  braceExpansion = false;
  started = false;

  add(ch: string, offset: number) {
    this.text += ch;
    for (let k = 0; k < ch.length; k++) this.offsets.push(offset);
    this.started = true;
  }

  expansion(source: string, offset: number) {
    this.text += EXPANSION;
    this.offsets.push(offset);
    this.expansions.push(source);
    this.started = true;
  }

  build(end: number, map: PositionMap): ShellWord {
    return {
      text: this.text,
      expansions: this.expansions,
      positions: [...this.offsets, end].map(map),
      ...(this.braceExpansion ? { braceExpansion: true } : {}),
    };
  }
}

const ANSI_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Parses POSIX shell text (a script, a code block, a CI `run:` block) into commands. */
export function parseSh(text: string, map: PositionMap = lineColumnMap(text)): ShellParse {
  const commands: ShellCommand[] = [];
  const problems: ShellProblem[] = [];
  parseRange(text, 0, text.length, map, commands, problems);
  return { commands, problems };
}

function parseRange(text: string, from: number, to: number, map: PositionMap, commands: ShellCommand[], problems: ShellProblem[]): void {
  let i = from;
  let words: ShellWord[] = [];
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  const problem = (message: string, at: number) => problems.push({ message, position: map(at) });

  const endCommand = () => {
    if (words.length === 0) return;
    const assignments: ShellWord[] = [];
    while (words.length > 0 && ASSIGNMENT.test(words[0]!.text)) assignments.push(words.shift()!);
    if (words.length > 0 || assignments.length > 0) commands.push({ words, assignments, dialect: 'sh' });
    words = [];
  };

  /** The end of a `$(`...`)` or `${`...`}` starting at `start` (just after the opening), quotes and nesting respected. */
  const matching = (start: number, open: string, close: string): number => {
    let depth = 1;
    let j = start;
    while (j < to) {
      const c = text[j]!;
      if (c === '\\') j += 2;
      else if (c === "'" && open === '(') {
        const e = text.indexOf("'", j + 1);
        j = e < 0 || e >= to ? to : e + 1;
      } else if (c === '"') j = skipDouble(j + 1);
      else if (c === '`') {
        const e = skipBacktick(j + 1);
        j = e;
      } else if (c === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) {
        // An unterminated inner one leaves this one unterminated too (-1 would restart the scan: endless recursion on "$($(").
        const inner = text[j + 1] === '(' ? matching(j + 2, '(', ')') : matching(j + 2, '{', '}');
        if (inner < 0) return -1;
        j = inner;
      } else if (c === '#' && open === '(' && (j === start || /\s/.test(text[j - 1]!))) {
        const e = text.indexOf('\n', j);
        j = e < 0 || e >= to ? to : e;
      } else {
        if (c === open) depth++;
        else if (c === close && --depth === 0) return j + 1;
        j++;
      }
    }
    return -1;
  };
  const skipDouble = (start: number): number => {
    let j = start;
    while (j < to && text[j] !== '"') {
      if (text[j] === '\\') j += 2;
      else if (text[j] === '$' && text[j + 1] === '(') j = Math.max(matching(j + 2, '(', ')'), j + 2);
      else if (text[j] === '$' && text[j + 1] === '{') j = Math.max(matching(j + 2, '{', '}'), j + 2);
      else if (text[j] === '`') j = skipBacktick(j + 1);
      else j++;
    }
    return Math.min(j + 1, to);
  };
  const skipBacktick = (start: number): number => {
    let j = start;
    while (j < to && text[j] !== '`') j += text[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, to);
  };

  /** `$...` at i (inside or outside double quotes); adds to the word and returns the next index. */
  const dollar = (w: WordBuilder, at: number, quoted: boolean): number => {
    const next = text[at + 1];
    if (next === '(') {
      const arithmetic = text[at + 2] === '(';
      const end = matching(at + 2, '(', ')');
      if (end < 0) {
        problem('unterminated $(', at);
        w.expansion(text.slice(at, to), at);
        return to;
      }
      if (!arithmetic) parseRange(text, at + 2, end - 1, map, commands, problems);
      w.expansion(text.slice(at, end), at);
      return end;
    }
    if (next === '{') {
      const end = matching(at + 2, '{', '}');
      if (end < 0) {
        problem('unterminated ${', at);
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

  const ansiC = (w: WordBuilder, start: number): number => {
    let j = start;
    w.started = true;
    while (j < to && text[j] !== "'") {
      if (text[j] !== '\\') {
        w.add(text[j]!, j);
        j++;
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
    if (j >= to) problem("unterminated $'", start - 2);
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
      } else if (c === '$') j = dollar(w, j, true);
      else if (c === '`') {
        const end = skipBacktick(j + 1);
        parseRange(text, j + 1, end - 1, map, commands, problems);
        w.expansion(text.slice(j, end), j);
        j = end;
      } else {
        w.add(c, j);
        j++;
      }
    }
    if (j >= to) problem('unterminated double quote', start - 1);
    return Math.min(j + 1, to);
  };

  const readHeredocs = () => {
    // i is just after a newline: skip each pending here-document's body.
    for (const { delimiter, stripTabs } of pendingHeredocs) {
      while (i < to) {
        const e = text.indexOf('\n', i);
        const lineEnd = e < 0 || e > to ? to : e;
        let line = text.slice(i, lineEnd);
        if (stripTabs) line = line.replace(/^\t+/, '');
        i = Math.min(lineEnd + 1, to);
        if (line === delimiter) break;
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
      if (BLANK.has(c) || OPERATOR_START.has(c)) {
        // An IO number: digits right before < or >.
        break;
      }
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
        if (e < 0 || e >= to) problem('unterminated single quote', i);
        w.started = true;
        for (let k = i + 1; k < end; k++) w.add(text[k]!, k);
        i = end + 1;
      } else if (c === '"') {
        i = doubleQuoted(w, i + 1);
      } else if (c === '$') {
        i = dollar(w, i, false);
      } else if (c === '`') {
        const end = skipBacktick(i + 1);
        parseRange(text, i + 1, end - 1, map, commands, problems);
        w.expansion(text.slice(i, end), i);
        i = end;
      } else if (c === '~' && !w.started) {
        const m = /^~[A-Za-z0-9._-]*/.exec(text.slice(i, to))!;
        const after = text[i + m[0].length];
        if (after === undefined || after === '/' || BLANK.has(after) || OPERATOR_START.has(after)) {
          w.expansion(m[0], i);
          i += m[0].length;
        } else {
          w.add('~', i);
          i++;
        }
      } else {
        if (c === '{') braceDepth++;
        else if (c === ',' && braceDepth > 0) braceComma = true;
        else if (c === '}' && braceDepth > 0) {
          braceDepth--;
          if (braceComma) w.braceExpansion = true;
        }
        w.add(c, i);
        i++;
      }
    }
    // An unterminated quote or a final backslash ends the word at the text's end, not past it.
    return w.started ? w.build(Math.min(i, to), map) : undefined;
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
      const op = /^(<<-|<<<|<<|>>|<&|>&|<>|>\||<|>)/.exec(text.slice(i, i + 3))![0];
      i += op.length;
      while (i < to && BLANK.has(text[i]!)) i++;
      const start = i;
      const target = readWord();
      if (op === '<<' || op === '<<-') {
        const raw = text.slice(start, i);
        pendingHeredocs.push({ delimiter: target ? (/['"\\]/.test(raw) ? target.text : raw) : '', stripTabs: op === '<<-' });
      }
    } else {
      const start = i;
      const word = readWord();
      if (word && /^[0-9]+$/.test(text.slice(start, i)) && (text[i] === '<' || text[i] === '>')) continue;
      if (word) words.push(word);
      else i++;
    }
  }
  endCommand();
}
