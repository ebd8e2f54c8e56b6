import { pyInt, pyStrRepr } from './python.js';
import { EXPANSION } from '../../parse/shell/words.js';

/*
 * Python 3.11's argparse `parse_known_args`, which the AWS CLI runs three times (global options,
 * the service, the operation's options): options anywhere, `--opt=value`, unique prefixes of an
 * option (`--prio 5`), `--` ending options, negative numbers and words with spaces read as values,
 * nargs `None` / `?` / `*` / 0, the last occurrence winning, and the same error messages.
 */

/** One argv word (or, for `--opt=value`, the value part of one) and where it came from. */
export interface ArgString {
  text: string;
  /** Index of the argv word. */
  word: number;
  /** Offset of `text` in that word (non-zero for the value of `--opt=value`). */
  offset: number;
}

export interface Action {
  dest: string;
  /** Empty for a positional. */
  optionStrings: readonly string[];
  /** null: exactly one value; '?': zero or one; '*': any number; 0: none (a flag). */
  nargs: null | '?' | '*' | 0;
  /** The value stored by a flag, or by `nargs: '?'` given without a value. */
  const?: unknown;
  type?: 'int';
  choices?: readonly string[];
  required?: boolean;
  /** `--version` prints the version and exits. */
  version?: boolean;
}

export interface Taken {
  value: unknown;
  /** The argv words the value came from (several for a list option). */
  strings: ArgString[];
  /** The option's word as written (`--prio` for `--priority`). */
  optionAt?: ArgString;
}

export class ArgparseError extends Error {
  constructor(
    message: string,
    readonly at?: ArgString,
  ) {
    super(message);
  }
}

export interface ParseResult {
  values: Map<string, Taken>;
  extras: ArgString[];
  /** Set when `--version` was given: the CLI prints its version and sends nothing. */
  version?: boolean;
}

const NEGATIVE_NUMBER = /^-\p{Nd}+$|^-\p{Nd}*\.\p{Nd}+$/u;

type OptionTuple = { action: Action | null; optionString: string; explicit?: string };

function actionName(action: Action): string {
  return action.optionStrings.length > 0 ? action.optionStrings.join('/') : action.dest;
}

/** CLIArgParser's own wording of an invalid choice (awscli/argparser.py), two choices per line. */
function invalidChoice(choices: readonly string[]): string {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) lines.push(choices.slice(i, i + 2).map((c) => c.padEnd(40)).join(' | '));
  return lines.join('\n');
}

function nargsPattern(action: Action): string {
  let pattern: string;
  if (action.nargs === null) pattern = '(-*A-*)';
  else if (action.nargs === '?') pattern = '(-*A?-*)';
  else if (action.nargs === '*') pattern = '(-*[A-]*)';
  else pattern = '(-*-*)';
  if (action.optionStrings.length > 0) pattern = pattern.replaceAll('-*', '').replaceAll('-', '');
  return pattern;
}

export class ArgumentParser {
  private readonly options = new Map<string, Action>();
  private readonly positionals: Action[];

  constructor(readonly actions: readonly Action[]) {
    for (const a of actions) for (const s of a.optionStrings) this.options.set(s, a);
    this.positionals = actions.filter((a) => a.optionStrings.length === 0);
  }

  private parseOptional(arg: string): OptionTuple | null {
    if (!arg || arg[0] !== '-') return null;
    const exact = this.options.get(arg);
    if (exact) return { action: exact, optionString: arg };
    if (arg.length === 1) return null;
    if (arg.includes('=')) {
      const [name, ...rest] = arg.split('=');
      const action = this.options.get(name!);
      if (action) return { action, optionString: name!, explicit: rest.join('=') };
    }
    const tuples = this.optionTuples(arg);
    if (tuples.length > 1) {
      throw new ArgparseError(`ambiguous option: ${arg} could match ${tuples.map((t) => t.optionString).join(', ')}`);
    }
    if (tuples.length === 1) return tuples[0]!;
    if (NEGATIVE_NUMBER.test(arg)) return null;
    if (arg.includes(' ')) return null;
    return { action: null, optionString: arg };
  }

  private optionTuples(arg: string): OptionTuple[] {
    const result: OptionTuple[] = [];
    if (arg[1] === '-') {
      const eq = arg.indexOf('=');
      const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
      const explicit = eq >= 0 ? arg.slice(eq + 1) : undefined;
      for (const [s, action] of this.options) {
        if (s.startsWith(prefix)) result.push({ action, optionString: s, ...(explicit !== undefined ? { explicit } : {}) });
      }
    } else {
      const short = arg.slice(0, 2);
      for (const [s, action] of this.options) {
        if (s === short) result.push({ action, optionString: s, explicit: arg.slice(2) });
        else if (s.startsWith(arg)) result.push({ action, optionString: s });
      }
    }
    return result;
  }

  private convert(action: Action, s: ArgString): unknown {
    // A shell expansion (U+E000, see reader.ts) is not known: the reader decides what it means.
    if (action.type !== 'int' || s.text.includes(EXPANSION)) return s.text;
    const n = pyInt(s.text);
    if (n === undefined) throw new ArgparseError(`argument ${actionName(action)}: invalid int value: ${pyStrRepr(s.text)}`, s);
    return n;
  }

  private check(action: Action, value: unknown, at?: ArgString) {
    if (action.choices && !action.choices.includes(value as string)) {
      throw new ArgparseError(`argument ${actionName(action)}: ${invalidChoice(action.choices)}`, at);
    }
  }

  private values(action: Action, strings: ArgString[]): unknown {
    const dash = strings.findIndex((s) => s.text === '--');
    if (dash >= 0) strings.splice(dash, 1);
    if (strings.length === 0 && action.nargs === '?') {
      const value = action.optionStrings.length > 0 ? action.const : undefined;
      if (typeof value === 'string') this.check(action, value);
      return value;
    }
    if (strings.length === 0 && action.nargs === '*' && action.optionStrings.length === 0) return [];
    if (strings.length === 1 && (action.nargs === null || action.nargs === '?')) {
      const value = this.convert(action, strings[0]!);
      this.check(action, value, strings[0]);
      return value;
    }
    if (action.nargs === 0) return action.const;
    const list = strings.map((s) => this.convert(action, s));
    list.forEach((v, i) => this.check(action, v, strings[i]));
    return list;
  }

  parseKnownArgs(args: readonly ArgString[]): ParseResult {
    const optionAt = new Map<number, OptionTuple>();
    // 'O' for an option, 'A' for anything else, '-' for `--`: argparse's arg_strings_pattern.
    const letters: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i]!.text === '--') {
        letters.push('-', 'A'.repeat(args.length - i - 1));
        break;
      }
      const tuple = this.parseOptional(args[i]!.text);
      if (tuple === null) letters.push('A');
      else {
        optionAt.set(i, tuple);
        letters.push('O');
      }
    }
    const pattern = letters.join('');
    // The options' indices, ascending: the next one at or after any index is found by moving forward.
    const optionIndices = [...optionAt.keys()];
    let nextOption = 0;

    const values = new Map<string, Taken>();
    const seen = new Set<Action>();
    const extras: ArgString[] = [];
    const addExtras = (from: number, to: number) => {
      for (let k = from; k < to; k++) extras.push(args[k]!);
    };
    let version = false;
    const take = (action: Action, strings: ArgString[], optionAt?: ArgString) => {
      seen.add(action);
      const value = this.values(action, [...strings]);
      if (action.version) version = true;
      values.set(action.dest, { value, strings, ...(optionAt ? { optionAt } : {}) });
    };

    const consumeOptional = (start: number): number => {
      const { action, explicit } = optionAt.get(start)!;
      if (action === null) {
        extras.push(args[start]!);
        return start + 1;
      }
      if (explicit !== undefined) {
        const count = this.match(action, 'A', 0);
        if (count !== 1) throw new ArgparseError(`argument ${actionName(action)}: ignored explicit argument ${pyStrRepr(explicit)}`, args[start]);
        const word = args[start]!;
        take(action, [{ text: explicit, word: word.word, offset: word.offset + word.text.length - explicit.length }], word);
        return start + 1;
      }
      const count = this.match(action, pattern, start + 1);
      take(action, args.slice(start + 1, start + 1 + count), args[start]);
      return start + 1 + count;
    };

    const positionals = [...this.positionals];
    const consumePositionals = (start: number): number => {
      const counts = this.matchPartial(positionals, pattern, start);
      counts.forEach((count, i) => {
        take(positionals[i]!, args.slice(start, start + count));
        start += count;
      });
      positionals.splice(0, counts.length);
      return start;
    };

    let start = 0;
    const maxOption = optionIndices.length > 0 ? optionIndices[optionIndices.length - 1]! : -1;
    while (start <= maxOption) {
      while (optionIndices[nextOption]! < start) nextOption++;
      const next = optionIndices[nextOption]!;
      if (start !== next) {
        const end = consumePositionals(start);
        if (end > start) {
          start = end;
          continue;
        }
        start = end;
      }
      if (!optionAt.has(start)) {
        addExtras(start, next);
        start = next;
      }
      start = consumeOptional(start);
    }
    const stop = consumePositionals(start);
    addExtras(stop, args.length);

    const missing = this.actions.filter((a) => a.required && !seen.has(a)).map(actionName);
    if (missing.length > 0) throw new ArgparseError(`the following arguments are required: ${missing.join(', ')}`);
    return { values, extras, ...(version ? { version } : {}) };
  }

  /** How many strings from `from` on `action` takes: argparse's `re.match(nargs_pattern, arg_strings_pattern[from:])`, without the copy. */
  private match(action: Action, pattern: string, from: number): number {
    const re = stickyRegex(nargsPattern(action));
    re.lastIndex = from;
    const m = re.exec(pattern);
    if (!m) {
      const expected = action.nargs === null ? 'expected one argument' : action.nargs === '?' ? 'expected at most one argument' : `expected ${action.nargs} arguments`;
      throw new ArgparseError(`argument ${actionName(action)}: ${expected}`);
    }
    return m[1]!.length;
  }

  private matchPartial(actions: readonly Action[], pattern: string, from: number): number[] {
    for (let i = actions.length; i > 0; i--) {
      const re = stickyRegex(actions.slice(0, i).map(nargsPattern).join(''));
      re.lastIndex = from;
      const m = re.exec(pattern);
      if (m) return m.slice(1).map((g) => g.length);
    }
    return [];
  }
}

/** The compiled sticky form of each nargs pattern, made once. */
const compiled = new Map<string, RegExp>();
function stickyRegex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, 'y')));
  return re;
}
