import type { Node, Pair } from 'yaml';
import { yaml } from '../document.js';
import { parseCmd } from './cmd.js';
import { lineColumnMap, lineIndexOf, parseSh, type PositionMap, type ShellParse, type ShellProblem, type ShellWord, type SourcePosition } from './shell.js';

/*
 * Finds `aws ...` command lines where people write them: shell scripts, Windows batch files,
 * Makefile recipes, CI YAML (`run:`, `script:`), and Markdown and reStructuredText code blocks.
 * Pure functions from a file's text to the command lines in it, each word with the line and
 * column it was written at. They find every `aws` command; the reader decides which are
 * `aws ssm register-task-with-maintenance-window` and `describe-maintenance-window-execution-task-invocations`.
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
  /** Quotes left open and the like, in the block the line was found in. */
  problems: ShellProblem[];
}

const WRAPPERS = new Set(['sudo', 'command', 'exec', 'nohup', 'time', 'env', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '{', '!', 'xargs']);
const AWS = /(^|[\\/])aws(\.exe|\.cmd)?$/i;

export const POWERSHELL_NOT_READ =
  'PowerShell passes arguments to native programs differently in Windows PowerShell 5.1 and PowerShell 7.3+, so the argv the AWS CLI receives cannot be known from the line';

/** The `aws` commands of parsed shell text, with wrappers (`sudo`, `env X=1`, `time`, `then`) skipped. */
export function awsCommandLines(parse: ShellParse, dialect: Dialect = 'sh'): FoundCommandLine[] {
  const found: FoundCommandLine[] = [];
  for (const command of parse.commands) {
    const words = command.words;
    let k = 0;
    while (k < words.length && !AWS.test(words[k]!.text)) {
      const w = words[k]!.text;
      if (!WRAPPERS.has(w) && !w.startsWith('-') && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) && !(k > 0 && words[k - 1]!.text === 'sudo')) break;
      k++;
    }
    if (k >= words.length || !AWS.test(words[k]!.text)) continue;
    found.push({ dialect, words: words.slice(k), position: words[k]!.positions[0]!, problems: parse.problems });
  }
  return found;
}

/** A shell script (sh/bash) or, for `.bat`/`.cmd`, a Windows batch file. */
export function findInScript(text: string, dialect: 'sh' | 'cmd' = 'sh', map?: PositionMap): FoundCommandLine[] {
  return awsCommandLines(dialect === 'cmd' ? parseCmd(text, map) : parseSh(text, map), dialect);
}

interface BlockLine {
  text: string;
  /** Where the first character of `text` is written. */
  line: number;
  column: number;
}

/** Joins the lines of a block into one text, with a map from its offsets back to the file. */
function blockText(lines: BlockLine[]): { text: string; map: PositionMap } {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += l.text + '\n';
  }
  const map: PositionMap = (offset) => {
    const k = lineIndexOf(starts, offset);
    const l = lines[k];
    if (!l) return { line: 1, column: 1 };
    return { line: l.line, column: l.column + offset - starts[k]! };
  };
  return { text, map };
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

const cut = (l: BlockLine, n: number): BlockLine => ({ text: l.text.slice(n), line: l.line, column: l.column + n });

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

function findInBlock(lang: string, lines: BlockLine[]): FoundCommandLine[] {
  const dialect = dialectOf(lang, lines);
  if (!dialect) return [];
  const prompted = stripPrompts(lines);
  if (dialect === 'powershell') {
    const found: FoundCommandLine[] = [];
    prompted.forEach((l, k) => {
      if (!/^\s*(&\s*)?aws(\.exe)?\s/i.test(l.text)) return;
      // A backtick at the end of a line continues the command on the next.
      let source = l.text;
      for (let n = k; /`\s*$/.test(prompted[n]!.text) && n + 1 < prompted.length; n++) source = source.replace(/`\s*$/, ' ') + prompted[n + 1]!.text;
      found.push({ dialect, words: [], position: { line: l.line, column: l.column + l.text.search(/aws/i) }, notReadable: POWERSHELL_NOT_READ, source, problems: [] });
    });
    return found;
  }
  const { text, map } = blockText(prompted);
  return findInScript(text, dialect, map);
}

/** A PowerShell script (`.ps1`): its `aws` lines are found, not read (see POWERSHELL_NOT_READ). */
export function findInPowerShell(text: string): FoundCommandLine[] {
  return findInBlock('powershell', text.split('\n').map((l, k) => ({ text: l.replace(/\r$/, ''), line: k + 1, column: 1 })));
}

/** Fenced code blocks of a Markdown file (``` and ~~~, indented inside list items too). */
export function findInMarkdown(text: string): FoundCommandLine[] {
  const lines = text.split('\n');
  const found: FoundCommandLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: BlockLine[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^(\s*)(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[2]![0] === fence[0] && close[2]!.length >= fence.length) break;
      const raw = lines[j]!.replace(/\r$/, '');
      const strip = Math.min(indent, raw.length - raw.trimStart().length);
      body.push({ text: raw.slice(strip), line: j + 1, column: strip + 1 });
    }
    found.push(...findInBlock(open[3]!, body));
    i = j;
  }
  return found;
}

/** Literal blocks (`::`) and code-block directives of a reStructuredText file. */
export function findInRst(text: string): FoundCommandLine[] {
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
    found.push(...findInBlock(directive ? directive[2]! : '', dedented));
    i = j - 1;
  }
  return found;
}

/**
 * Recipe lines of a Makefile: each is run by /bin/sh. Make's own `$(VAR)` and `${VAR}` become
 * expansions, `$$` is the shell's `$`, and the `@`, `-` and `+` prefixes are not part of the command.
 */
export function findInMakefile(text: string): FoundCommandLine[] {
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
    // Make expands the recipe before the shell sees it: rewrite it, keeping each character's place.
    const shellLines = recipe.map((l) => {
      let out = '';
      const cols: number[] = [];
      for (let k = 0; k < l.text.length; k++) {
        if (l.text[k] === '$' && l.text[k + 1] === '$') {
          out += '$';
          cols.push(k);
          k++;
        } else if (l.text[k] === '$' && (l.text[k + 1] === '(' || l.text[k + 1] === '{')) {
          const close = l.text[k + 1] === '(' ? ')' : '}';
          const end = l.text.indexOf(close, k + 2);
          const name = l.text.slice(k + 2, end < 0 ? undefined : end).replace(/[^A-Za-z0-9_]/g, '_') || 'MAKE';
          out += '${' + name + '}';
          for (let n = 0; n < name.length + 3; n++) cols.push(k);
          k = end < 0 ? l.text.length : end;
        } else {
          out += l.text[k];
          cols.push(k);
        }
      }
      return { out, cols, line: l };
    });
    const joined = shellLines.map((s) => s.out + '\n').join('');
    const starts: number[] = [];
    let total = 0;
    for (const s of shellLines) {
      starts.push(total);
      total += s.out.length + 1;
    }
    const remap: PositionMap = (offset) => {
      const k = lineIndexOf(starts, offset);
      const s = shellLines[k]!;
      const col = s.cols[offset - starts[k]!] ?? s.line.text.length;
      return { line: s.line.line, column: s.line.column + col };
    };
    found.push(...findInScript(joined, 'sh', remap));
    i = j;
  }
  return found;
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
export function findInCiYaml(text: string): FoundCommandLine[] {
  const { parseDocument, isMap, isScalar, isSeq } = yaml();
  const doc = parseDocument(text, { uniqueKeys: false });
  const lineOf = lineColumnMap(text);
  const sourceLines = text.split('\n');
  const found: FoundCommandLine[] = [];
  const scalarLines = (node: Node): BlockLine[] | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
    const [start, , end] = node.range;
    const source = text.slice(start, end);
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      const valueLines = node.value.replace(/\n$/, '').split('\n');
      const headerEnd = source.indexOf('\n');
      const first = lineOf(start + headerEnd + 1).line;
      return valueLines.map((v, k) => {
        const src = sourceLines[first - 1 + k] ?? '';
        const col = v === '' ? 1 : src.indexOf(v) + 1 || src.length - src.trimStart().length + 1;
        return { text: v, line: first + k, column: col };
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
          found.push(...findInBlock(here === 'sh' ? 'sh' : here, lines));
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
