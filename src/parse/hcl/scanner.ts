/*
 * The tokens of HCL's native syntax, following the lexical rules of hclsyntax/spec.md and the
 * scanner it describes: a main mode for the structural and expression languages, and two template
 * modes (quoted strings and heredocs) entered at `"` and `<<EOT`, in which `${` and `%{` switch
 * back to the main mode until the matching `}`.
 */

export type TokenType =
  | 'Ident'
  | 'Number'
  | 'Newline'
  | 'Comment'
  | 'OBrace'
  | 'CBrace'
  | 'OBrack'
  | 'CBrack'
  | 'OParen'
  | 'CParen'
  | 'Comma'
  | 'Dot'
  | 'Ellipsis'
  | 'Colon'
  | 'DoubleColon'
  | 'Question'
  | 'Equal'
  | 'FatArrow'
  | 'Op'
  | 'Bang'
  | 'OQuote'
  | 'CQuote'
  /** Literal text inside a quoted template, escapes not yet processed. */
  | 'QuotedLit'
  /** A newline inside a quoted template: not allowed. */
  | 'QuotedNewline'
  | 'OHeredoc'
  | 'CHeredoc'
  /** Literal text inside a heredoc, one line (with its newline) or up to an interpolation. */
  | 'HeredocLit'
  /** `${` or `${~` */
  | 'TemplateInterp'
  /** `%{` or `%{~` */
  | 'TemplateControl'
  /** `}` or `~}` closing an interpolation or directive. */
  | 'TemplateSeqEnd'
  | 'Invalid'
  | 'EOF';

export interface Token {
  type: TokenType;
  start: number;
  end: number;
  /** The source text of the token. */
  text: string;
}

export interface HeredocOpen extends Token {
  type: 'OHeredoc';
  marker: string;
  flush: boolean;
}

export interface ScanResult {
  tokens: Token[];
  /** Problems found while scanning (an unterminated comment), as offsets and a summary. */
  problems: { start: number; end: number; summary: string; detail: string }[];
}

const ID_START = /[\p{ID_Start}_]/u;
const ID_CONTINUE = /[\p{ID_Continue}-]/u;

/** Operators of the expression language (the single-character ones that are not punctuation). */
const OPERATORS_2 = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const SINGLE: Record<string, TokenType> = {
  '[': 'OBrack',
  ']': 'CBrack',
  '(': 'OParen',
  ')': 'CParen',
  ',': 'Comma',
  '.': 'Dot',
  ':': 'Colon',
  '?': 'Question',
  '=': 'Equal',
  '!': 'Bang',
  '+': 'Op',
  '-': 'Op',
  '*': 'Op',
  '/': 'Op',
  '%': 'Op',
  '<': 'Op',
  '>': 'Op',
};

type Mode = { kind: 'main' } | { kind: 'quoted' } | { kind: 'heredoc'; marker: string; startOfLine: boolean };

function codePointAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** The end of an identifier starting at `i`, or `i` when none starts there. */
export function identifierEnd(text: string, i: number): number {
  const first = codePointAt(text, i);
  if (!first || !ID_START.test(first)) return i;
  let j = i + first.length;
  while (j < text.length) {
    const c = codePointAt(text, j);
    if (!ID_CONTINUE.test(c)) break;
    j += c.length;
  }
  return j;
}

/**
 * NumberLit = digit (digit | '.' | [eE][+-]?digit)*, longest match not ending in '.': so `foo.0.bar`
 * scans `0` alone, while `0.0` is one (fractional) number.
 */
function numberEnd(text: string, i: number): number {
  let j = i + 1;
  let lastGood = j;
  while (j < text.length) {
    const c = text[j]!;
    if (isDigit(c)) {
      j++;
      lastGood = j;
    } else if (c === '.') {
      j++;
    } else if ((c === 'e' || c === 'E') && (isDigit(text[j + 1]) || ((text[j + 1] === '+' || text[j + 1] === '-') && isDigit(text[j + 2])))) {
      j += isDigit(text[j + 1]) ? 2 : 3;
      lastGood = j;
    } else break;
  }
  return lastGood;
}

/** `<<EOT` or `<<-EOT` followed by a newline, at `i`: the marker, flush flag and the end of the introducer. */
function heredocIntroducer(text: string, i: number): { marker: string; flush: boolean; end: number } | undefined {
  let j = i + 2;
  const flush = text[j] === '-';
  if (flush) j++;
  const end = identifierEnd(text, j);
  if (end === j) return undefined;
  const marker = text.slice(j, end);
  if (text[end] === '\n') return { marker, flush, end: end + 1 };
  if (text[end] === '\r' && text[end + 1] === '\n') return { marker, flush, end: end + 2 };
  return undefined;
}

export function scan(text: string): ScanResult {
  const tokens: Token[] = [];
  const problems: ScanResult['problems'] = [];
  const modes: Mode[] = [{ kind: 'main' }];
  let braces = 0;
  const retBraces: number[] = [];
  let i = 0;

  const emit = (type: TokenType, start: number, end: number) => {
    tokens.push({ type, start, end, text: text.slice(start, end) });
  };
  const top = () => modes[modes.length - 1]!;

  /** `${`/`%{` (with an optional `~`) at `i` in a template: enter the main mode until the matching `}`. */
  const templateSequence = (): boolean => {
    const c = text[i];
    if ((c !== '$' && c !== '%') || text[i + 1] !== '{') return false;
    const end = text[i + 2] === '~' ? i + 3 : i + 2;
    emit(c === '$' ? 'TemplateInterp' : 'TemplateControl', i, end);
    braces++;
    retBraces.push(braces);
    const mode = top();
    if (mode.kind === 'heredoc') mode.startOfLine = false;
    modes.push({ kind: 'main' });
    i = end;
    return true;
  };

  /** Where literal template text starting at `i` ends: before `${`/`%{` (unless doubled as `$${`/`%%{`), a quote or newline. */
  const literalEnd = (quoted: boolean): number => {
    let j = i;
    while (j < text.length) {
      const c = text[j]!;
      if (c === '\n' || c === '\r') break;
      if (quoted && c === '"') break;
      if (quoted && c === '\\') {
        // An escape takes the next character along, whatever it is (except a newline).
        j += text[j + 1] === undefined || text[j + 1] === '\n' || text[j + 1] === '\r' ? 1 : 2;
        continue;
      }
      if ((c === '$' || c === '%') && text[j + 1] === '{') break;
      if ((c === '$' || c === '%') && text[j + 1] === c && text[j + 2] === '{') {
        // `$${` and `%%{` are escapes for a literal `${` and `%{`; a `~` after them is literal too.
        j += 3;
        continue;
      }
      j++;
    }
    return j;
  };

  while (i < text.length) {
    const mode = top();
    if (mode.kind === 'quoted') {
      if (templateSequence()) continue;
      const c = text[i]!;
      if (c === '"') {
        emit('CQuote', i, i + 1);
        i++;
        modes.pop();
        continue;
      }
      if (c === '\n' || c === '\r') {
        // Quoted strings cannot span lines: end this one here (the parser reports it), so that the
        // next line is read as configuration again rather than as the inside of a string.
        emit('QuotedNewline', i, i);
        modes.pop();
        continue;
      }
      const end = literalEnd(true);
      emit('QuotedLit', i, end);
      i = end;
      continue;
    }

    if (mode.kind === 'heredoc') {
      if (mode.startOfLine) {
        // A line holding only the marker (surrounded by any whitespace) closes the heredoc.
        let lineEnd = i;
        while (lineEnd < text.length && text[lineEnd] !== '\n') lineEnd++;
        const line = text.slice(i, lineEnd).replace(/\r$/, '');
        if (line.trim() === mode.marker) {
          const markerStart = i + line.indexOf(mode.marker);
          emit('CHeredoc', markerStart, markerStart + mode.marker.length);
          modes.pop();
          i = markerStart + mode.marker.length;
          continue;
        }
      }
      if (templateSequence()) continue;
      let end = literalEnd(false);
      if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
      else if (text[end] === '\n') end += 1;
      else if (text[end] === '\r') end += 1;
      mode.startOfLine = end > i && text[end - 1] === '\n';
      if (end === i) {
        // Nothing literal here: a stray character (a lone carriage return was consumed above).
        end = i + 1;
      }
      emit('HeredocLit', i, end);
      i = end;
      continue;
    }

    // --- main mode -------------------------------------------------------------------------------
    const c = text[i]!;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      const end = c === '\n' ? i + 1 : i + 2;
      emit('Newline', i, end);
      i = end;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      let j = i;
      while (j < text.length && text[j] !== '\n' && !(text[j] === '\r' && text[j + 1] === '\n')) j++;
      emit('Comment', i, j);
      i = j;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) {
        problems.push({ start: i, end: text.length, summary: 'Unterminated comment', detail: 'There is no */ to close this comment before the end of the file.' });
        emit('Comment', i, text.length);
        i = text.length;
        continue;
      }
      emit('Comment', i, close + 2);
      i = close + 2;
      continue;
    }
    if (isDigit(c)) {
      const end = numberEnd(text, i);
      emit('Number', i, end);
      i = end;
      continue;
    }
    const identEnd = identifierEnd(text, i);
    if (identEnd > i) {
      emit('Ident', i, identEnd);
      i = identEnd;
      continue;
    }
    if (c === '"') {
      emit('OQuote', i, i + 1);
      i++;
      modes.push({ kind: 'quoted' });
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const heredoc = heredocIntroducer(text, i);
      if (heredoc) {
        const token: HeredocOpen = { type: 'OHeredoc', start: i, end: heredoc.end, text: text.slice(i, heredoc.end), marker: heredoc.marker, flush: heredoc.flush };
        tokens.push(token);
        modes.push({ kind: 'heredoc', marker: heredoc.marker, startOfLine: true });
        i = heredoc.end;
        continue;
      }
    }
    if (c === '{') {
      braces++;
      emit('OBrace', i, i + 1);
      i++;
      continue;
    }
    if (c === '}' || (c === '~' && text[i + 1] === '}')) {
      const end = c === '}' ? i + 1 : i + 2;
      const closesSequence = retBraces.length > 0 && retBraces[retBraces.length - 1] === braces;
      // `~}` is always a sequence end, so that the parser reports it when it closes an ordinary brace.
      emit(closesSequence || c === '~' ? 'TemplateSeqEnd' : 'CBrace', i, end);
      braces--;
      if (closesSequence) {
        retBraces.pop();
        modes.pop();
      }
      i = end;
      continue;
    }
    const three = text.slice(i, i + 3);
    if (three === '...') {
      emit('Ellipsis', i, i + 3);
      i += 3;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (OPERATORS_2.has(two)) {
      emit('Op', i, i + 2);
      i += 2;
      continue;
    }
    if (two === '::') {
      emit('DoubleColon', i, i + 2);
      i += 2;
      continue;
    }
    if (two === '=>') {
      emit('FatArrow', i, i + 2);
      i += 2;
      continue;
    }
    const single = SINGLE[c];
    if (single) {
      emit(single, i, i + 1);
      i++;
      continue;
    }
    const width = codePointAt(text, i).length || 1;
    emit('Invalid', i, i + width);
    i += width;
  }
  emit('EOF', text.length, text.length);
  return { tokens, problems };
}
