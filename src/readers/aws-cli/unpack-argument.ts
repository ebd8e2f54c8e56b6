import { plainShape } from '../../compiled/shape-lookup.js';
import { EXPANSION } from '../../parse/shell/words.js';
import type { ArgString } from './argparse.js';
import { isParamFile, readParamFile, ResourceLoadingError, UnknownFile } from './files.js';
import type { OperationOption } from './options.js';
import { PyJsonError, pyJsonLoads } from './pyjson.js';
import { pyDict, pyInt, pyLstrip, pyStrip, pyStrRepr, TooDeep, type Loc, type Py } from './python.js';
import { general, hasExpansion, locOf, noteUnread, NotChecked, paramError, tooDeep, type ReadContext } from './reading.js';
import { parseShorthand, ShorthandError } from './shorthand.js';
import type { CliProfile } from './versions.js';

/*
 * One option's words as the value awscli hands botocore (argprocess.py, paramfile.py,
 * shorthand.py): a `file://` value replaced by the file's contents, then shorthand, JSON or a
 * scalar by the member's shape, with a shell expansion kept as a value not known statically.
 */

type Loaded = string | string[] | bigint | Py;

/** load-cli-arg: a single-word value that starts with file:// (or, in v1, http(s)://) is replaced by what it names. */
export function loadArgument(raw: unknown, strings: ArgString[], option: string, profile: CliProfile, context: ReadContext): Loaded {
  let value = raw as Loaded;
  if (Array.isArray(value) && value.length === 1) value = value[0]!;
  if (typeof value !== 'string' || !isParamFile(value, profile.followUrls)) return raw as Loaded;
  const at = strings[0] ? locOf(strings[0]) : undefined;
  if (value.startsWith('http')) throw new NotChecked(`AWS CLI v1 fetches ${value} for ${option}`, at);
  if (hasExpansion(value)) return { t: 'unknown', source: value, at };
  try {
    const read = readParamFile(value, context);
    return 'text' in read ? { t: 'str', v: read.text, at } : { t: 'bytes', v: read.bytes, at };
  } catch (e) {
    if (e instanceof ResourceLoadingError) throw paramError(option, e.message, at);
    if (e instanceof UnknownFile) {
      noteUnread(e, value, context, at);
      return { t: 'unknown', source: value, at };
    }
    throw e;
  }
}

const isPy = (v: Loaded): v is Py => typeof v === 'object' && !Array.isArray(v);

/** process-cli-arg / unpack_cli_arg for an input member: shorthand, JSON or a scalar. */
export function unpackMember(loaded: Loaded, strings: ArgString[], option: OperationOption, profile: CliProfile, context: ReadContext): Py {
  const name = option.action.optionStrings[0]!;
  const shape = option.shape!;
  const meta = plainShape(shape);
  const at = strings[0] ? locOf(strings[0]) : undefined;
  if (isPy(loaded) && loaded.t === 'unknown') return loaded;
  // A file read as text is a str; its locations are the word that named it.
  const fromFile = isPy(loaded);
  const text = (v: Loaded): string | Uint8Array | string[] => (isPy(v) ? (v.t === 'str' ? v.v : v.t === 'bytes' ? v.v : '') : (v as string | string[]));
  const value = text(loaded);
  const locateIn = (s: ArgString | undefined) => (index: number): Loc | undefined => (s && !fromFile ? { word: s.word, offset: s.offset + index } : at);

  if (Array.isArray(value) && value.some((w) => w === EXPANSION)) return { t: 'unknown', source: value.join(' '), at };
  if (typeof value === 'string' && value === EXPANSION) return { t: 'unknown', source: value, at };

  const complex = meta.type === 'structure' || meta.type === 'map' || (meta.type === 'list' && ['structure', 'list', 'map'].includes(plainShape(meta.member).type));
  const checkValue = Array.isArray(value) ? value[0] : value;
  const looksJson = typeof checkValue === 'string' && /^[[{]/.test(pyStrip(checkValue));
  if (complex && !looksJson) {
    if (value instanceof Uint8Array) throw general("'in <string>' requires string as left operand, not int", at);
    const shorthandOptions = (s: ArgString | undefined) => ({
      maxDepth: context.maxDepth,
      paramFiles: profile.shorthandParamFiles,
      legacyQuotedRegex: profile.legacyQuotedRegex,
      locate: locateIn(s),
      loadParamFile: (v: string): Py | undefined => {
        if (!v.startsWith('file://') && !v.startsWith('fileb://')) return undefined;
        if (hasExpansion(v)) return { t: 'unknown', source: v };
        try {
          const read = readParamFile(v, context);
          return 'text' in read ? { t: 'str', v: read.text } : { t: 'bytes', v: read.bytes };
        } catch (e) {
          if (e instanceof ResourceLoadingError) throw general(e.message, at);
          if (e instanceof UnknownFile) {
            noteUnread(e, v, context, at);
            return { t: 'unknown', source: v };
          }
          throw e;
        }
      },
    });
    const parseOne = (word: string, s: ArgString | undefined): Py => {
      try {
        return withExpansions(parseShorthand(word, shorthandOptions(s)), true, word);
      } catch (e) {
        if (e instanceof ShorthandError) {
          if (hasExpansion(word)) return { t: 'unknown', source: word, at: s ? locOf(s) : at };
          throw paramError(name, e.reason, locateIn(s)(e.index));
        }
        if (e instanceof TooDeep) throw tooDeep(name, e, locateIn(s)(e.index), fromFile ? word : undefined);
        throw e;
      }
    };
    const parsed: Py = Array.isArray(value) ? { t: 'list', v: value.map((w, i) => parseOne(w, strings[i])), at } : parseOne(value, strings[0]);
    backCompat(parsed, shape, at);
    return parsed;
  }
  return unpackCliArg(value, shape, name, at, strings, locateIn, context.maxDepth, fromFile);
}

/**
 * Strings holding a shell expansion become unknown, and so does a map with one in a key. In
 * shorthand an expansion may hold commas, so a list with an unknown item is unknown as a whole.
 */
function withExpansions(v: Py, shorthand: boolean, source: string): Py {
  if (v.t === 'str') return hasExpansion(v.v) ? { t: 'unknown', source, at: v.at } : v;
  if (v.t === 'list') {
    const items = v.v.map((x) => withExpansions(x, shorthand, source));
    if (shorthand && items.some((x) => x.t === 'unknown')) return { t: 'unknown', source, at: v.at };
    return { ...v, v: items };
  }
  if (v.t === 'dict') {
    if ([...v.v.keys()].some(hasExpansion)) return { t: 'unknown', source, at: v.at };
    const out = pyDict([...v.v].map(([k, x]) => [k, withExpansions(x, shorthand, source)]), v.at);
    if (v.keyAt) out.keyAt = v.keyAt;
    return out;
  }
  return v;
}

/** BackCompatVisitor (awscli/shorthand.py): the model-driven coercion after a shorthand parse. */
function backCompat(value: Py, shape: string, at: Loc | undefined): void {
  const visit = (parent: Map<string, Py> | Py[] | null, key: string | number, v: Py | undefined, s: string) => {
    if (v === undefined || v.t === 'unknown') return;
    const meta = plainShape(s);
    const set = (x: Py) => {
      if (parent instanceof Map) parent.set(key as string, x);
      else if (parent) parent[key as number] = x;
    };
    switch (meta.type) {
      case 'structure':
        if (v.t !== 'dict') return;
        for (const [member, m] of Object.entries(meta.members)) visit(v.v, member, v.v.get(member), m.shape);
        return;
      case 'list':
        if (v.t !== 'list') set({ t: 'list', v: [v], at: v.at });
        else v.v.forEach((x, i) => visit(v.v, i, x, meta.member));
        return;
      case 'map':
        if (v.t !== 'dict') return;
        for (const [k, x] of v.v) visit(v.v, k, x, meta.value);
        return;
      case 'integer': {
        if (v.t === 'str') {
          const n = pyInt(v.v);
          if (n === undefined) throw general(`invalid literal for int() with base 10: ${pyStrRepr(v.v)}`, v.at ?? at);
          set({ t: 'int', v: n, at: v.at });
        } else if (v.t === 'list' || v.t === 'dict') {
          throw general(`int() argument must be a string, a bytes-like object or a real number, not '${v.t}'`, v.at ?? at);
        }
        return;
      }
      case 'boolean':
        if (v.t === 'str') {
          if (v.v.toLowerCase() === 'true') set({ t: 'bool', v: true, at: v.at });
          else if (v.v.toLowerCase() === 'false') set({ t: 'bool', v: false, at: v.at });
        } else if (v.t === 'list' || v.t === 'dict') {
          throw general(`'${v.t}' object has no attribute 'lower'`, v.at ?? at);
        }
        return;
      default:
        return;
    }
  };
  visit(null, '', value, shape);
}

/** unpack_cli_arg (awscli/argprocess.py): JSON for structures, maps and lists, int() for integers, text otherwise. */
function unpackCliArg(
  value: string | Uint8Array | string[],
  shape: string,
  name: string,
  at: Loc | undefined,
  strings: ArgString[],
  locateIn: (s: ArgString | undefined) => (index: number) => Loc | undefined,
  maxDepth: number | undefined,
  fromFile: boolean,
): Py {
  const meta = plainShape(shape);
  const json = (text: string, s: ArgString | undefined): Py => {
    try {
      return withExpansions(pyJsonLoads(text, locateIn(s), maxDepth), false, text);
    } catch (e) {
      if (e instanceof TooDeep) throw tooDeep(name, e, locateIn(s)(e.index), fromFile ? text : undefined);
      if (e instanceof PyJsonError) {
        if (hasExpansion(text)) return { t: 'unknown', source: text, at };
        throw paramError(name, `Invalid JSON: ${e.message}\nJSON received: ${text}`, locateIn(s)(e.index));
      }
      throw e;
    }
  };
  const structure = (v: string, s: ArgString | undefined): Py => {
    const stripped = pyLstrip(v);
    if (stripped === '') throw general('string index out of range', s ? locOf(s) : at);
    if (stripped[0] === '{') return json(v, s);
    throw paramError(name, `Invalid JSON:\n${v}`, s ? locOf(s) : at);
  };
  if (value instanceof Uint8Array) {
    if (meta.type === 'integer') {
      const n = pyInt(new TextDecoder('latin1').decode(value));
      if (n === undefined) throw general(`invalid literal for int() with base 10: b${pyStrRepr(new TextDecoder('latin1').decode(value))}`, at);
      return { t: 'int', v: n, at };
    }
    if (meta.type === 'structure' || meta.type === 'map' || meta.type === 'list') throw general("'bytes' object has no attribute 'lstrip'", at);
    return { t: 'bytes', v: value, at };
  }
  switch (meta.type) {
    case 'structure':
    case 'map':
      return structure(Array.isArray(value) ? value[0]! : value, strings[0]);
    case 'list': {
      if (typeof value === 'string') {
        const stripped = pyLstrip(value);
        if (stripped === '') throw general('string index out of range', at);
        if (stripped[0] === '[') return json(value, strings[0]);
        // The CLI then reads the string's characters one by one as list members.
        return { t: 'list', v: [...value].map((c) => structure(c, undefined)), at };
      }
      if (value.length === 1) {
        const single = pyStrip(value[0]!);
        if (single && single[0] === '[') return json(value[0]!, strings[0]);
      }
      const member = plainShape(meta.member);
      if (member.type === 'structure' || member.type === 'map') return { t: 'list', v: value.map((w, i) => structure(w, strings[i])), at };
      return { t: 'list', v: value.map((w, i) => scalar(w, meta.member, name, strings[i] ? locOf(strings[i]!) : at)), at };
    }
    default:
      return scalar(value as string, shape, name, at);
  }
}

function scalar(value: string, shape: string, _name: string, at: Loc | undefined): Py {
  if (hasExpansion(value)) return { t: 'unknown', source: value, at };
  const meta = plainShape(shape);
  if (meta.type === 'integer') {
    const n = pyInt(value);
    if (n === undefined) throw general(`invalid literal for int() with base 10: ${pyStrRepr(value)}`, at);
    return { t: 'int', v: n, at };
  }
  if (meta.type === 'boolean') return { t: 'bool', v: value.toLowerCase() === 'false' ? false : value !== '', at };
  return { t: 'str', v: value, at };
}
