import { lineColumnMap, type PositionMap, type ShellCommand, type ShellParse, type ShellProblem, type ShellWord } from './shell.js';
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

interface Char {
  ch: string;
  offset: number;
  /** cmd.exe escaped it with ^: literal for cmd, ordinary for the C runtime. */
  escaped?: boolean;
  expansion?: string;
}

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
  let line: Char[] = [];
  let quoted = false;

  const flush = () => {
    const words = splitArgv(line, map);
    line = [];
    quoted = false;
    if (words.length === 0) return;
    const first = words[0]!.text.toLowerCase();
    if (first === 'rem' || first.startsWith('::') || first === '@rem') return;
    if (words[0]!.text.startsWith('@')) words[0] = { ...words[0]!, text: words[0]!.text.slice(1), positions: words[0]!.positions.slice(1) };
    commands.push({ words, assignments: [], dialect: 'cmd' });
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      i++;
      continue;
    }
    if (c === '%') {
      VARIABLE.lastIndex = i;
      const m = VARIABLE.exec(text);
      if (m) {
        line.push({ ch: EXPANSION, offset: i, expansion: m[0] });
        i += m[0].length;
        continue;
      }
      if (text[i + 1] === '%') {
        line.push({ ch: '%', offset: i });
        i += 2;
        continue;
      }
    }
    if (c === '"') {
      quoted = !quoted;
      line.push({ ch: c, offset: i });
      i++;
      continue;
    }
    if (!quoted && c === '^') {
      const next = text[i + 1];
      if (next === '\r' && text[i + 2] === '\n') {
        i += 3;
        continue;
      }
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next !== undefined) line.push({ ch: next, offset: i + 1, escaped: true });
      i += 2;
      continue;
    }
    if (!quoted && (c === '&' || c === '|')) {
      flush();
      i += text[i + 1] === c ? 2 : 1;
      continue;
    }
    if (!quoted && (c === '<' || c === '>')) {
      // Drop the redirection and its target (and a handle number written right before it).
      while (line.length > 0 && /[0-9]/.test(line[line.length - 1]!.ch) && (line.length === 1 || /[ \t]/.test(line[line.length - 2]!.ch))) line.pop();
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
    line.push({ ch: c, offset: i });
    i++;
  }
  flush();
  return { commands, problems };
}

/** The Microsoft C runtime's argv split of one command line. */
function splitArgv(chars: Char[], map: PositionMap): ShellWord[] {
  const words: ShellWord[] = [];
  let text = '';
  let offsets: number[] = [];
  let expansions: string[] = [];
  let started = false;
  let inQuotes = false;
  const push = (ch: string, offset: number) => {
    text += ch;
    offsets.push(offset);
    started = true;
  };
  const end = (at: number) => {
    if (started) words.push({ text, expansions, positions: [...offsets, at].map(map) });
    text = '';
    offsets = [];
    expansions = [];
    started = false;
  };
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (c.expansion !== undefined) {
      text += EXPANSION;
      offsets.push(c.offset);
      expansions.push(c.expansion);
      started = true;
      i++;
      continue;
    }
    if (!inQuotes && (c.ch === ' ' || c.ch === '\t')) {
      end(c.offset);
      i++;
      continue;
    }
    if (c.ch === '\\') {
      let n = 0;
      while (chars[i + n]?.ch === '\\' && chars[i + n]?.expansion === undefined) n++;
      if (chars[i + n]?.ch === '"') {
        for (let k = 0; k < Math.floor(n / 2); k++) push('\\', chars[i + 2 * k]!.offset);
        if (n % 2 === 1) {
          push('"', chars[i + n]!.offset);
          i += n + 1;
        } else {
          i += n;
        }
        continue;
      }
      for (let k = 0; k < n; k++) push('\\', chars[i + k]!.offset);
      i += n;
      continue;
    }
    if (c.ch === '"') {
      if (inQuotes && chars[i + 1]?.ch === '"') {
        push('"', chars[i + 1]!.offset);
        i += 2;
        continue;
      }
      inQuotes = !inQuotes;
      started = true;
      i++;
      continue;
    }
    push(c.ch, c.offset);
    i++;
  }
  end(chars.length > 0 ? chars[chars.length - 1]!.offset + 1 : 0);
  return words;
}
