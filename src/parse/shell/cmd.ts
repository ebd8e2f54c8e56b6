import { lineColumnMap, PositionRuns, type PositionMap, type ShellCommand, type ShellParse, type ShellProblem, type ShellWord } from './sh.js';
import { EXPANSION } from './words.js';

/*
 * Windows command lines as cmd.exe and then the program read them, in two steps. cmd.exe joins a
 * line ending in `^` with the next, treats `^` outside double quotes as an escape, splits commands
 * at `&`, `&&`, `||` and `|` outside quotes, drops redirections, and expands `%VAR%` (an
 * EXPANSION here). The program (aws.exe, built with the Microsoft C runtime) then splits the
 * command line into argv: blanks separate words outside double quotes, `"` toggles quoting, `""`
 * inside quotes is a literal quote, and 2n backslashes before a quote are n backslashes while
 * 2n+1 are n backslashes and a literal quote. Every character keeps where it was written.
 */

/**
 * One line as cmd.exe hands it to the program: its characters, each one's offset in the text (4 bytes
 * a character, however long the line), and the `%VAR%` expansions by their index in the line.
 */
class Line {
  private parts: string[] = [];
  private offsets = new Int32Array(64);
  length = 0;
  expansions = new Map<number, string>();

  push(ch: string, offset: number, expansion?: string) {
    if (expansion !== undefined) this.expansions.set(this.length, expansion);
    this.parts.push(ch);
    this.pushOffsets(offset, 1, false);
  }

  /** text[from, to), each character where it is. */
  pushSlice(text: string, from: number, to: number) {
    this.parts.push(text.slice(from, to));
    this.pushOffsets(from, to - from, true);
  }

  private pushOffsets(offset: number, count: number, consecutive: boolean) {
    if (this.length + count > this.offsets.length) {
      const grown = new Int32Array(Math.max(this.offsets.length * 2, this.length + count));
      grown.set(this.offsets.subarray(0, this.length));
      this.offsets = grown;
    }
    for (let k = 0; k < count; k++) this.offsets[this.length++] = consecutive ? offset + k : offset;
  }

  /** The characters, their offsets and expansions; the line is empty afterwards. */
  take(): { chars: string; offsets: Int32Array; expansions: Map<number, string> } {
    const out = { chars: this.parts.join(''), offsets: this.offsets.subarray(0, this.length), expansions: this.expansions };
    this.parts = [];
    this.offsets = new Int32Array(64);
    this.length = 0;
    this.expansions = new Map();
    return out;
  }

  /** The last character, or undefined. */
  last(back = 1): string | undefined {
    if (this.length < back) return undefined;
    let n = back;
    for (let p = this.parts.length - 1; p >= 0; p--) {
      const part = this.parts[p]!;
      if (n <= part.length) return part[part.length - n];
      n -= part.length;
    }
    return undefined;
  }

  pop() {
    const part = this.parts[this.parts.length - 1]!;
    if (part.length === 1) this.parts.pop();
    else this.parts[this.parts.length - 1] = part.slice(0, -1);
    this.length--;
    this.expansions.delete(this.length);
  }
}

/** Characters that cmd.exe or the C runtime read specially; a run of others is taken at once. */
const CMD_SPECIAL = new Set(['\r', '\n', '%', '"', '^', '&', '|', '<', '>']);

/**
 * `%name%`, `%1`, `%*`, `%~dp0` at an index (sticky: no copy of the rest of the line for each `%`).
 * A name is `~?[A-Za-z0-9_]*[A-Za-z_][A-Za-z0-9_ ()]*`, written so that its first letter or
 * underscore is found one way only: the digits before it, then it (the original form backtracks in
 * quadratic time over a long name that never closes).
 */
export const VARIABLE = /%(~?[0-9]*[A-Za-z_][A-Za-z0-9_ ()]*)%|%[0-9*]|%~[a-z]*[0-9]/y;

export function parseCmd(text: string, map: PositionMap = lineColumnMap(text)): ShellParse {
  const commands: ShellCommand[] = [];
  const problems: ShellProblem[] = [];
  const line = new Line();
  let lineStart = 0;
  let quoted = false;

  const flush = (end: number) => {
    const words = splitArgv(line.take(), map);
    quoted = false;
    const from = lineStart;
    lineStart = end;
    if (words.length === 0) return;
    const first = words[0]!.text.toLowerCase();
    if (first === 'rem' || first.startsWith('::') || first === '@rem') return;
    if (words[0]!.text.startsWith('@')) words[0] = { ...words[0]!, text: words[0]!.text.slice(1), positions: words[0]!.positions.slice(1) };
    commands.push({ words, assignments: [], dialect: 'cmd', from, to: end });
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === '\n') {
      flush(i);
      i++;
      continue;
    }
    if (c === '%') {
      VARIABLE.lastIndex = i;
      const m = VARIABLE.exec(text);
      if (m) {
        line.push(EXPANSION, i, m[0]);
        i += m[0].length;
        continue;
      }
      if (text[i + 1] === '%') {
        line.push('%', i);
        i += 2;
        continue;
      }
    }
    if (c === '"') {
      quoted = !quoted;
      line.push(c, i);
      i++;
      continue;
    }
    if (!quoted && c === '^') {
      // Escaped: literal for cmd, an ordinary character for the C runtime.
      const next = text[i + 1];
      if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
        continue;
      }
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next !== undefined) line.push(next, i + 1);
      i += 2;
      continue;
    }
    if (!quoted && (c === '&' || c === '|')) {
      flush(i);
      i += text[i + 1] === c ? 2 : 1;
      continue;
    }
    if (!quoted && (c === '<' || c === '>')) {
      // Drop the redirection and its target (and a handle number written right before it).
      while (line.length > 0 && /[0-9]/.test(line.last()!) && (line.length === 1 || /[ \t]/.test(line.last(2)!))) line.pop();
      i += text[i + 1] === c || text[i + 1] === '&' ? 2 : 1;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      while (i < text.length && !/[ \t\r\n&|<>]/.test(text[i]!)) {
        if (text[i] === '"') {
          const e = text.indexOf('"', i + 1);
          i = e < 0 ? text.length : e + 1;
        } else i++;
      }
      continue;
    }
    const run = i;
    do i++;
    while (i < text.length && !CMD_SPECIAL.has(text[i]!));
    line.pushSlice(text, run, i);
  }
  flush(text.length);
  return { commands, problems };
}

/** The Microsoft C runtime's argv split of one command line. */
function splitArgv(line: { chars: string; offsets: Int32Array; expansions: Map<number, string> }, map: PositionMap): ShellWord[] {
  const { chars, offsets, expansions: lineExpansions } = line;
  const words: ShellWord[] = [];
  let parts: string[] = [];
  let runs = new PositionRuns();
  let expansions: string[] = [];
  let started = false;
  let inQuotes = false;
  const push = (ch: string, at: number) => {
    parts.push(ch);
    runs.add(offsets[at]!);
    started = true;
  };
  const end = (at: number) => {
    if (started) {
      runs.add(at);
      words.push({ text: parts.join(''), expansions, positions: runs.positions(map) });
    }
    parts = [];
    runs = new PositionRuns();
    expansions = [];
    started = false;
  };
  const isExpansion = (k: number) => lineExpansions.has(k);
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    const expansion = lineExpansions.get(i);
    if (expansion !== undefined) {
      push(EXPANSION, i);
      expansions.push(expansion);
      i++;
      continue;
    }
    if (!inQuotes && (c === ' ' || c === '\t')) {
      end(offsets[i]!);
      i++;
      continue;
    }
    if (c === '\\') {
      let n = 0;
      while (chars[i + n] === '\\' && !isExpansion(i + n)) n++;
      if (chars[i + n] === '"' && !isExpansion(i + n)) {
        for (let k = 0; k < Math.floor(n / 2); k++) push('\\', i + 2 * k);
        if (n % 2 === 1) {
          push('"', i + n);
          i += n + 1;
        } else {
          i += n;
        }
        continue;
      }
      for (let k = 0; k < n; k++) push('\\', i + k);
      i += n;
      continue;
    }
    if (c === '"') {
      if (inQuotes && chars[i + 1] === '"' && !isExpansion(i + 1)) {
        push('"', i + 1);
        i += 2;
        continue;
      }
      inQuotes = !inQuotes;
      started = true;
      i++;
      continue;
    }
    push(c, i);
    i++;
  }
  end(chars.length > 0 ? offsets[chars.length - 1]! + 1 : 0);
  return words;
}
