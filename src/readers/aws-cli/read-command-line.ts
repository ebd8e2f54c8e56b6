import type * as z from 'zod';
import type { Path, PathSegment } from '../../issues/issue.js';
import { anObject, aString, checkOptions, integerIn, oneOf } from '../../validate/check-options.js';
import { operations, type OperationName } from '../../operations/index.js';
import { metaOf } from '../../shapes/meta.js';
import { UNKNOWN } from '../../values/unknown-value.js';
import type { Document as YamlDocument } from 'yaml';
import { DocumentError } from '../../parse/document.js';
import { parseYaml, yaml as yamlModule } from '../../parse/yaml/parse-yaml.js';
import { setOwn } from '../../values/set-own.js';
import { ArgparseError, ArgumentParser, type Action, type ArgString, type ParseResult } from './argparse.js';
import { b64encode, PyBase64Error, pyB64decodeBytes, utf8 } from './base64.js';
import { decodeBlobs, encodeBlobs, InvalidBase64, validateParams, type ValidationLine } from './botocore.js';
import { FileNotAvailable, isParamFile, readParamFile, ResourceLoadingError, UnknownFile, type FileAccess, type PathContext } from './files.js';
import { globalOptions, operationOptions, type OperationOption } from './options.js';
import { PyJsonError, pyJsonLoads } from './pyjson.js';
import { nestingLimit, pyDict, pyInt, pyLstrip, pyStrip, pyStrRepr, TooDeep, tooDeepAt, type Loc, type Py } from './python.js';
import { parseShorthand, ShorthandError } from './shorthand.js';
import { EXPANSION, type Word } from '../../parse/shell/words.js';
import { CLI_PROFILES, type CliProfile, type CliVersion, type RefusalStage } from './versions.js';

/*
 * Reads the argv of `aws ssm register-task-with-maintenance-window ...` or
 * `aws ssm describe-maintenance-window-execution-task-invocations ...` into the API request that
 * the AWS CLI would send, step by step as awscli does it (clidriver.py, argprocess.py,
 * paramfile.py, shorthand.py, customizations/cliinput.py, paginate.py, binaryformat.py, then
 * botocore's paginator, ParamValidator and serializer), and says where each part of the request
 * was written. A command line the CLI would refuse comes back refused, with the CLI's own reason.
 */

export interface ReadOptions {
  /** Which AWS CLI to read the command line as; default '2' (v2 as of 2.36.7). */
  version?: CliVersion;
  /** The directory that relative `file://` paths resolve against. */
  cwd?: string;
  /** How to read files; without it, `file://` values are unknown. */
  files?: FileAccess;
  /** The environment, for `$VAR` in file paths; without it, such paths are unknown. */
  env?: Readonly<Record<string, string | undefined>>;
  /** `cli_binary_format` from the AWS config file (v2); default base64. */
  cliBinaryFormat?: 'base64' | 'raw-in-base64-out';
  /** Shorthand, JSON and YAML values nested deeper are not read (not checked); default DEFAULT_LIMITS.maxDepth. */
  maxDepth?: number;
}

export interface Refusal {
  stage: RefusalStage;
  /** The AWS CLI's exit status for this refusal. */
  exit: number;
  /** The CLI's own message. */
  message: string;
  /** The word (and character) the refusal is about, when it is about one. */
  at?: Loc;
  /** The option the refusal is about (`--targets`). */
  option?: string;
  /** Each line of botocore's parameter validation, for stage `validation`. */
  lines?: ValidationLine[];
}

export interface LocatedPath {
  path: Path;
  value?: Loc;
  key?: Loc;
}

export interface CliReading {
  /**
   * `request`: the CLI sends `request`. `refused`: the CLI refuses (see `refusal`; `request` is set
   * when botocore's validation refused it). `no-request`: help, --version, --generate-cli-skeleton.
   * `other`: not one of the two operations (another `aws` command, or not `aws`).
   * `not-checked`: a shell expansion makes the command line unknowable (see `notChecked`).
   */
  outcome: 'request' | 'refused' | 'no-request' | 'other' | 'not-checked';
  version: CliVersion;
  operation?: OperationName;
  /** The request body as JSON values (blobs as base64 text), with UNKNOWN for shell expansions. */
  request?: Record<string, unknown>;
  refusal?: Refusal;
  noRequest?: 'help' | 'version' | 'skeleton';
  notChecked?: { reason: string; at?: Loc };
  /** Where each API path of the request was written. */
  locations: LocatedPath[];
  /** Facts about how the CLI reads this line that a person may not expect. */
  notes: ReadingNote[];
}

export type ReadingNote =
  | { kind: 'client-token'; }
  | { kind: 'pagination'; paginate: boolean; maxItems?: number; pageSize?: number; startingToken?: boolean }
  /** AWS CLI v2 decoded a blob from text that was not base64: it dropped these characters, and sends other bytes than the text. */
  | { kind: 'blob-not-base64'; path: Path; at?: Loc; dropped: string }
  /** A `file://` value whose file is not available to the reader (FileAccess said why): the value is unknown. */
  | { kind: 'file-not-read'; value: string; reason: string; at?: Loc };

/** How files are read while one command line is read, and where the files that could not be are noted. */
interface ReadContext extends PathContext {
  notes: ReadingNote[];
  maxDepth?: number;
}

/**
 * A value nested past the reader's depth: the line is not checked, at the level that goes too deep.
 * A value read from a file (`fileText`) is located at the word that names the file, so the message
 * says where in the file that level opens.
 */
function tooDeep(option: string, e: TooDeep, at: Loc | undefined, fileText?: string): NotChecked {
  const where = fileText === undefined ? '' : ` (${lineColumnIn(fileText, e.index)} of the file it names)`;
  const fix = e.readerLimit ? `this reader goes no deeper, whatever --max-depth says` : 'raise --max-depth if the command line is genuine';
  return new NotChecked(`the value of ${option} is ${e.message}${where}, which is not read (${fix})`, at);
}

/** `line L, column C` of an index of a text, columns in UTF-16 code units as editors count. */
function lineColumnIn(text: string, index: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${index - start + 1}`;
}

/** An UnknownFile of a value: noted when the file is not available (a `$VAR` in its path is not worth a note). */
function noteUnread(e: UnknownFile, value: string, context: ReadContext, at: Loc | undefined) {
  if (e instanceof FileNotAvailable) context.notes.push({ kind: 'file-not-read', value, reason: e.message, ...(at ? { at } : {}) });
}

class Refused extends Error {
  constructor(readonly refusal: Omit<Refusal, 'exit'>) {
    super(refusal.message);
  }
}

class NotChecked extends Error {
  constructor(
    readonly reason: string,
    readonly at?: Loc,
  ) {
    super(reason);
  }
}

const hasExpansion = (s: string) => s.includes(EXPANSION);

const locOf = (s: ArgString): Loc => ({ word: s.word, offset: s.offset });

/** A Python exception that is not one the CLI turns into a parameter error: exit 255. */
function general(message: string, at?: Loc): Refused {
  return new Refused({ stage: 'general', message, ...(at ? { at } : {}) });
}

function paramError(option: string, message: string, at?: Loc): Refused {
  return new Refused({ stage: 'parameter', message: `Error parsing parameter '${option}': ${message}`, option, ...(at ? { at } : {}) });
}

const isAwsCommand = (word: string) => /(^|[\\/])aws(\.exe|\.cmd)?$/i.test(word);

/** readCommandLine()'s options, as checkOptions checks them (D51). */
export const READ_OPTIONS = {
  version: oneOf(...(Object.keys(CLI_PROFILES) as CliVersion[])),
  cwd: aString,
  files: { expected: 'an object with a read function', ok: (v: unknown) => anObject.ok(v) && typeof (v as FileAccess).read === 'function' },
  env: anObject,
  cliBinaryFormat: oneOf('base64', 'raw-in-base64-out'),
  maxDepth: integerIn(1, Number.MAX_SAFE_INTEGER),
};

export function readCommandLine(words: readonly Word[], options: ReadOptions = {}): CliReading {
  checkOptions('readCommandLine()', options, READ_OPTIONS);
  const profile = CLI_PROFILES[options.version ?? '2'];
  const base: CliReading = { outcome: 'other', version: profile.version, locations: [], notes: [] };
  const texts = words.map((w) => (typeof w === 'string' ? w : w.text));
  const expansionsOf = (i: number) => {
    const w = words[i];
    return typeof w === 'string' ? [] : (w?.expansions ?? []);
  };
  if (texts.length === 0 || !isAwsCommand(texts[0]!)) return base;
  const args: ArgString[] = texts.slice(1).map((text, i) => ({ text, word: i + 1, offset: 0 }));

  // 1. Global options, then the service, then the operation.
  let globals: ParseResult;
  try {
    globals = new ArgumentParser(globalOptions(profile)).parseKnownArgs(args);
  } catch (e) {
    if (!(e instanceof ArgparseError)) throw e;
    const ours = texts.includes('ssm') ? ourOperation(texts) : undefined;
    if (!ours) return base;
    return finish({ ...base, operation: ours }, profile, new Refused({ stage: 'usage', message: e.message, ...(e.at ? { at: locOf(e.at) } : {}) }));
  }
  const command = globals.values.get('command');
  if (command?.value !== 'ssm') {
    // Another word took the service's place (an option this CLI does not have, and its value).
    const taken = command?.strings[0];
    const rest = texts.slice(taken ? taken.word + 1 : 0);
    const operation = rest.includes('ssm') ? ourOperation(rest) : undefined;
    if (!operation || !taken) return base;
    return finish({ ...base, operation }, profile, invalidChoice('command', taken));
  }
  let service: ParseResult;
  try {
    service = new ArgumentParser([{ dest: 'operation', optionStrings: [], nargs: null, required: true }]).parseKnownArgs(globals.extras);
  } catch {
    return base;
  }
  const cliCommand = service.values.get('operation')?.value;
  let operation = (Object.keys(operations) as OperationName[]).find((o) => operations[o].cliCommand === cliCommand);
  if (!operation) {
    // Another word took the operation's place (`aws --cli-binary-format x ssm ...` in v1, where the
    // option does not exist): argparse refuses it as an invalid choice of operation.
    const taken = service.values.get('operation')!.strings[0];
    operation = ourOperation(texts.slice(taken ? taken.word + 1 : 0));
    if (!operation || !taken) return base;
    return finish({ ...base, operation }, profile, invalidChoice('operation', taken));
  }
  const reading: CliReading = { ...base, operation };
  if (globals.version) return { ...reading, outcome: 'no-request', noRequest: 'version' };

  try {
    return readOperation(reading, operation, service.extras, globals, profile, options, expansionsOf);
  } catch (e) {
    if (e instanceof Refused) return finish(reading, profile, e);
    if (e instanceof NotChecked) return { ...reading, outcome: 'not-checked', notChecked: { reason: e.reason, ...(e.at ? { at: e.at } : {}) } };
    throw e;
  }
}

/** argparse's answer when a word that is not a service (or an operation) takes its place. */
function invalidChoice(what: 'command' | 'operation', taken: ArgString): Refused {
  const choices = what === 'command' ? 'the AWS services' : 'the operations of ssm';
  return new Refused({ stage: 'usage', message: `argument ${what}: Invalid choice, valid choices are:\n\n(${choices}; got ${pyStrRepr(taken.text)})`, at: locOf(taken) });
}

function ourOperation(texts: readonly string[]): OperationName | undefined {
  return (Object.keys(operations) as OperationName[]).find((o) => texts.includes(operations[o].cliCommand));
}

function finish(reading: CliReading, profile: CliProfile, e: Refused): CliReading {
  return { ...reading, outcome: 'refused', refusal: { ...e.refusal, exit: profile.exit[e.refusal.stage] } };
}

function readOperation(
  reading: CliReading,
  operation: OperationName,
  args: ArgString[],
  globals: ParseResult,
  profile: CliProfile,
  options: ReadOptions,
  expansionsOf: (word: number) => readonly string[],
): CliReading {
  const table = operationOptions(operation, profile);
  const schema = operations[operation].request as z.ZodType;

  // Required options are not required with --cli-input-json/yaml, or --generate-cli-skeleton other than `output`.
  const texts = args.map((a) => a.text);
  const skeletonAt = texts.indexOf('--generate-cli-skeleton');
  const lifted =
    texts.includes('--cli-input-json') || (profile.yamlInput && texts.includes('--cli-input-yaml')) || (skeletonAt >= 0 && texts[skeletonAt + 1] !== 'output');
  const actions: Action[] = table.options.map((o) => (lifted ? { ...o.action, required: false } : o.action));
  actions.push({ dest: 'help', optionStrings: [], nargs: '?' });

  let parsed: ParseResult;
  try {
    parsed = new ArgumentParser(actions).parseKnownArgs(args);
  } catch (e) {
    if (!(e instanceof ArgparseError)) throw e;
    throw new Refused({ stage: 'usage', message: e.message, ...(e.at ? { at: locOf(e.at) } : {}) });
  }
  const value = (dest: string) => parsed.values.get(dest);
  const help = value('help');
  if (help?.value === 'help') return { ...reading, outcome: 'no-request', noRequest: 'help' };
  const extras = [...parsed.extras];
  if (typeof help?.value === 'string' && help.value !== '') extras.push(help.strings[0]!);
  if (extras.length > 0) {
    const unknown = extras.find((e) => hasExpansion(e.text));
    if (unknown) throw new NotChecked(`${expansionsOf(unknown.word).join(' ') || 'a shell expansion'} may add options to the command line`, locOf(unknown));
    throw new Refused({ stage: 'unknown-options', message: `Unknown options: ${extras.map((e) => e.text).join(', ')}`, at: locOf(extras[0]!) });
  }
  for (const [dest, taken] of parsed.values) {
    if (dest !== 'help' && taken.strings.some((s) => s.text.startsWith('-') && hasExpansion(s.text))) {
      throw new NotChecked('an option value that starts with "-" holds a shell expansion', locOf(taken.strings[0]!));
    }
  }

  // 2. Pagination flags (operation-args-parsed): --max-results / --next-token switch paging off.
  let paginate = globals.values.get('paginate')?.value !== false;
  if (table.paginated) {
    if (value('next_token')?.value !== undefined || value('max_results')?.value !== undefined) paginate = false;
    if (!paginate) {
      const used = ['starting_token', 'page_size', 'max_items'].filter((d) => truthy(value(d)?.value));
      if (used.length > 0) {
        const message = `Cannot specify --no-paginate along with pagination arguments: ${used.map((d) => '--' + d.replaceAll('_', '-')).join(', ')}`;
        const first = value(used[0]!)!;
        throw new Refused({
          stage: profile.major === 2 ? 'parameter' : 'general',
          message: profile.major === 2 ? message : `Error during pagination: ${message}`,
          at: locOf(first.strings[0] ?? args[0]!),
          option: '--' + used[0]!.replaceAll('_', '-'),
        });
      }
    }
  }

  // 3. Every argument in the order of the argument table: file://, then shorthand or JSON.
  const params = pyDict();
  const keyAt = new Map<string, Loc>();
  params.keyAt = keyAt;
  const notes: ReadingNote[] = [];
  const context: ReadContext = { cwd: options.cwd ?? '/', notes, maxDepth: options.maxDepth, ...(options.env ? { env: options.env } : {}), ...(options.files ? { files: options.files } : {}) };
  for (const option of table.options) {
    const taken = value(option.action.dest);
    if (!taken || taken.value === undefined || taken.value === null) continue;
    if (option.action.optionStrings[0]!.startsWith('--no-')) continue;
    const name = option.action.optionStrings[0]!;
    const raw = taken.value;
    const first = taken.strings[0];
    const at = first ? locOf(first) : undefined;
    let loaded = loadArgument(raw, taken.strings, name, profile, context);
    if (option.kind === 'member') {
      const py = unpackMember(loaded, taken.strings, option, profile, context);
      // A list option given no words (`--targets` alone) is written where the option is.
      if (!py.at && taken.optionAt) py.at = locOf(taken.optionAt);
      params.v.set(option.member!, py);
      if (taken.optionAt) keyAt.set(option.member!, locOf(taken.optionAt));
    } else if (option.kind === 'starting-token' || option.kind === 'page-size' || option.kind === 'max-items') {
      const key = { 'starting-token': 'StartingToken', 'page-size': 'PageSize', 'max-items': 'MaxItems' }[option.kind];
      let config = params.v.get('PaginationConfig');
      if (!config || config.t !== 'dict') {
        config = pyDict();
        params.v.set('PaginationConfig', config);
      }
      if (typeof loaded === 'bigint') loaded = { t: 'int', v: loaded, at };
      else if (typeof loaded === 'string') loaded = hasExpansion(loaded) ? { t: 'unknown', source: loaded, at } : { t: 'str', v: loaded, at };
      config.v.set(key, loaded as Py);
    }
  }

  // 4. calling-command: --cli-input-json/yaml merge, --generate-cli-skeleton, paging keys. v1
  // looks for paging keys before it merges --cli-input-json, v2 after.
  const pagingKeys = () => {
    if (table.paginated && (params.v.has('NextToken') || params.v.has('MaxResults'))) paginate = false;
  };
  if (profile.major === 1) pagingKeys();
  mergeCliInput(params, parsed.values, profile, context);
  const skeleton = value('generate_cli_skeleton')?.value;
  if (typeof skeleton === 'string' && skeleton !== 'output') return { ...reading, outcome: 'no-request', noRequest: 'skeleton' };
  if (profile.major === 2) pagingKeys();

  // 5. botocore: the paginator's first request, v2's blob decoding, ClientToken, validation.
  if (table.paginated && paginate) paginationRequest(params, notes, context.maxDepth);
  const binaryFormat = globals.values.get('cli_binary_format')?.value ?? options.cliBinaryFormat ?? 'base64';
  if (profile.binaryFormat && hasExpansion(String(binaryFormat))) throw new NotChecked('--cli-binary-format is a shell expansion');
  const blobsDecoded = profile.binaryFormat && binaryFormat === 'base64';
  if (blobsDecoded) {
    try {
      decodeBlobs(params, schema, (path, at, dropped) => notes.push({ kind: 'blob-not-base64', path, dropped, ...(at ? { at } : {}) }));
    } catch (e) {
      if (e instanceof InvalidBase64) throw general(e.message, e.at);
      throw e;
    }
  }
  if (metaOf(schema).type === 'structure') {
    for (const [member, m] of Object.entries((metaOf(schema) as { members: Record<string, { idempotencyToken?: boolean }> }).members)) {
      if (m.idempotencyToken && !params.v.has(member)) notes.push({ kind: 'client-token' });
    }
  }
  const lines = validateParams(params, schema);
  encodeBlobs(params, schema);
  const request = toRequest(params) as Record<string, unknown>;
  const result = { ...reading, request, notes };
  if (lines.length > 0) {
    return placed({ ...result, outcome: 'refused', refusal: { stage: 'validation', exit: profile.exit.validation, message: `Parameter validation failed:\n${lines.map((l) => l.message).join('\n')}`, lines } }, params);
  }
  if (skeleton === 'output') return placed({ ...result, outcome: 'no-request', noRequest: 'skeleton' }, params);
  return placed({ ...result, outcome: 'request' }, params);
}

/** The parameters each reading was made from, for placePath: where each part of the request was written. */
const readFrom = new WeakMap<CliReading, Py>();

/**
 * A reading whose `locations` list is made only when it is read: a request of 130,000 targets is
 * placed by walking its parameters (placePath), not by a list of every path in it.
 */
function placed(reading: Omit<CliReading, 'locations'>, params: Py): CliReading {
  const out = reading as CliReading;
  Object.defineProperty(out, 'locations', {
    enumerable: true,
    configurable: true,
    get() {
      const locations = locate(params);
      Object.defineProperty(out, 'locations', { value: locations, enumerable: true, configurable: true, writable: true });
      return locations;
    },
  });
  readFrom.set(out, params);
  return out;
}

/**
 * Where the value (or key) at `path` was written, or the nearest enclosing place that was: the
 * parameters walked down the path, or, for a reading not made here (a copy), its locations list.
 */
export function placePath(reading: CliReading, path: Path, target: 'key' | 'value' = 'value'): Loc | undefined {
  const params = readFrom.get(reading);
  if (!params) {
    for (let n = path.length; n > 0; n--) {
      const found = reading.locations.find((l) => l.path.length === n && l.path.every((s, i) => s === path[i]));
      // A missing member (`key`) is placed at its nearest written parent's key: an option word, a JSON or shorthand key.
      const loc = target === 'key' ? (found?.key ?? found?.value) : found?.value;
      if (loc) return loc;
    }
    return undefined;
  }
  let node: Py | undefined = params;
  let nearest: Loc | undefined;
  for (let n = 0; n < path.length && node; n++) {
    const segment = path[n]!;
    let key: Loc | undefined;
    let child: Py | undefined;
    if (node.t === 'dict' && typeof segment === 'string') {
      child = node.v.get(segment);
      key = node.keyAt?.get(segment);
    } else if (node.t === 'list' && typeof segment === 'number') child = node.v[segment];
    if (!child) break;
    // The deepest written member wins: the member's own key, or for a missing one its nearest parent's key.
    const loc = target === 'key' && key && key.offset >= 0 ? key : child.at;
    if (loc) nearest = loc;
    node = child;
  }
  return nearest;
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v !== '';
  if (typeof v === 'bigint') return v !== 0n;
  return Boolean(v);
}

type Loaded = string | string[] | bigint | Py;

/** load-cli-arg: a single-word value that starts with file:// (or, in v1, http(s)://) is replaced by what it names. */
function loadArgument(raw: unknown, strings: ArgString[], option: string, profile: CliProfile, context: ReadContext): Loaded {
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
function unpackMember(loaded: Loaded, strings: ArgString[], option: OperationOption, profile: CliProfile, context: ReadContext): Py {
  const name = option.action.optionStrings[0]!;
  const shape = option.schema!;
  const meta = metaOf(shape);
  const at = strings[0] ? locOf(strings[0]) : undefined;
  if (isPy(loaded) && loaded.t === 'unknown') return loaded;
  // A file read as text is a str; its locations are the word that named it.
  const fromFile = isPy(loaded);
  const text = (v: Loaded): string | Uint8Array | string[] => (isPy(v) ? (v.t === 'str' ? v.v : v.t === 'bytes' ? v.v : '') : (v as string | string[]));
  const value = text(loaded);
  const locateIn = (s: ArgString | undefined) => (index: number): Loc | undefined => (s && !fromFile ? { word: s.word, offset: s.offset + index } : at);

  if (Array.isArray(value) && value.some((w) => w === EXPANSION)) return { t: 'unknown', source: value.join(' '), at };
  if (typeof value === 'string' && value === EXPANSION) return { t: 'unknown', source: value, at };

  const complex = meta.type === 'structure' || meta.type === 'map' || (meta.type === 'list' && ['structure', 'list', 'map'].includes(metaOf(meta.member).type));
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
function backCompat(value: Py, shape: z.ZodType, at: Loc | undefined): void {
  const visit = (parent: Map<string, Py> | Py[] | null, key: string | number, v: Py | undefined, s: z.ZodType) => {
    if (v === undefined || v.t === 'unknown') return;
    const meta = metaOf(s);
    const set = (x: Py) => {
      if (parent instanceof Map) parent.set(key as string, x);
      else if (parent) parent[key as number] = x;
    };
    switch (meta.type) {
      case 'structure':
        if (v.t !== 'dict') return;
        for (const [member, m] of Object.entries(meta.members)) visit(v.v, member, v.v.get(member), m.schema);
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
  shape: z.ZodType,
  name: string,
  at: Loc | undefined,
  strings: ArgString[],
  locateIn: (s: ArgString | undefined) => (index: number) => Loc | undefined,
  maxDepth: number | undefined,
  fromFile: boolean,
): Py {
  const meta = metaOf(shape);
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
      const member = metaOf(meta.member);
      if (member.type === 'structure' || member.type === 'map') return { t: 'list', v: value.map((w, i) => structure(w, strings[i])), at };
      return { t: 'list', v: value.map((w, i) => scalar(w, meta.member, name, strings[i] ? locOf(strings[i]!) : at)), at };
    }
    default:
      return scalar(value as string, shape, name, at);
  }
}

function scalar(value: string, shape: z.ZodType, _name: string, at: Loc | undefined): Py {
  if (hasExpansion(value)) return { t: 'unknown', source: value, at };
  const meta = metaOf(shape);
  if (meta.type === 'integer') {
    const n = pyInt(value);
    if (n === undefined) throw general(`invalid literal for int() with base 10: ${pyStrRepr(value)}`, at);
    return { t: 'int', v: n, at };
  }
  if (meta.type === 'boolean') return { t: 'bool', v: value.toLowerCase() === 'false' ? false : value !== '', at };
  return { t: 'str', v: value, at };
}

/** The index in `text` of a line and column that parseYaml reports (it reads past a byte order mark, and a lone CR ends a line). */
function offsetOf(text: string, position: { line: number; column: number }): number {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1, i = start; line < position.line && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return start + position.column - 1;
}

/**
 * However high --max-depth is set, --cli-input-yaml is read at most this deep: the `yaml` package
 * builds a document by recursion (a flow sequence overflows the stack near 850 levels), and AWS CLI
 * v2.9.19 itself stops, exit 255 "maximum recursion depth exceeded", past 486 levels.
 */
const MAX_YAML_NESTING = 500;

/** --cli-input-json / --cli-input-yaml: a shallow merge where the command line's members win. */
function mergeCliInput(params: Extract<Py, { t: 'dict' }>, values: ParseResult['values'], profile: CliProfile, context: ReadContext) {
  const json = values.get('cli_input_json');
  const yaml = profile.yamlInput ? values.get('cli_input_yaml') : undefined;
  const given = [json, yaml].filter((t) => t?.value !== undefined && t?.value !== null);
  if (given.length === 0) return;
  if (given.length > 1) throw new Refused({ stage: 'parameter', message: 'Only one --cli-input- parameter may be specified.' });
  const taken = given[0]!;
  const isYaml = taken === yaml;
  const option = isYaml ? '--cli-input-yaml' : '--cli-input-json';
  const s = taken.strings[0]!;
  const at = locOf(s);
  let text = taken.value as string;
  let fromFile = false;
  if (hasExpansion(text)) throw new NotChecked(`${option} is a shell expansion: any member may come from it`, at);
  if (isParamFile(text, false)) {
    try {
      const read = readParamFile(text, context);
      text = 'text' in read ? read.text : new TextDecoder().decode(read.bytes);
      fromFile = true;
    } catch (e) {
      if (e instanceof ResourceLoadingError) throw general(e.message, at);
      if (e instanceof UnknownFile) {
        const why = e instanceof FileNotAvailable ? ` (${e.message})` : '';
        throw new NotChecked(`${option} names a file that is not read${why}: any member may come from it`, at);
      }
      throw e;
    }
  }
  const locateIn = (index: number): Loc => (fromFile ? at : { word: s.word, offset: s.offset + index });
  let loaded: Py;
  if (isYaml) {
    const limit = nestingLimit(context.maxDepth, MAX_YAML_NESTING);
    const refused = () => new Refused({ stage: 'parameter', message: "Error parsing parameter 'cli-input-yaml': Invalid YAML received.", option, at });
    let doc: ReturnType<typeof parseYaml>;
    try {
      doc = parseYaml(text, { maxDepth: limit });
      // The nodes again, for how each number is written: ruamel reads 1.0 as a float, which botocore refuses for an integer.
      const { parseDocument } = yamlModule();
      const nodes = parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
      loaded = fromYaml(doc.value, at, { text, doc: nodes, node: nodes.contents });
    } catch (e) {
      // Nesting past the limit is this reader's, not the CLI's: the YAML is not read.
      if (e instanceof DocumentError && e.message.startsWith('nesting deeper than')) {
        const index = offsetOf(text, e.position);
        throw tooDeep(option, tooDeepAt(index, limit, context.maxDepth), locateIn(index), fromFile ? text : undefined);
      }
      throw refused();
    }
    // ruamel.yaml has no constructor for a tag it does not know (`!Include`, `!!js/function`): the CLI refuses the file (D37).
    if (doc.unknownTags) throw refused();
  } else {
    try {
      loaded = pyJsonLoads(text, locateIn, context.maxDepth);
    } catch (e) {
      if (e instanceof TooDeep) throw tooDeep(option, e, locateIn(e.index), fromFile ? text : undefined);
      if (!(e instanceof PyJsonError)) throw e;
      const message = profile.major === 2 ? "Error parsing parameter 'cli-input-json': Invalid JSON received." : `Error parsing parameter 'cli-input-json': Invalid JSON: ${e.message}\nJSON received: ${text}`;
      throw new Refused({ stage: 'parameter', message, option, at: locateIn(e.index) });
    }
  }
  if (loaded.t !== 'dict') {
    if (profile.major === 1) throw general(`'${loaded.t === 'none' ? 'NoneType' : loaded.t}' object has no attribute 'keys'`, at);
    const pyType = loaded.t === 'none' ? 'NoneType' : loaded.t;
    throw new Refused({ stage: 'parameter', message: `Error parsing parameter '${option}': Invalid type: expecting map, received <class '${pyType}'>`, option, at });
  }
  for (const [k, v] of loaded.v) {
    if (!params.v.has(k)) {
      params.v.set(k, v);
      const keyLoc = loaded.keyAt?.get(k);
      if (keyLoc) params.keyAt?.set(k, keyLoc);
    }
  }
}

/** Where a YAML value is written: the document's node for it, when it is known. */
interface YamlSource {
  text: string;
  doc: YamlDocument;
  node: unknown;
}

/** The node of a member or item of `source`'s node (an alias resolved); undefined where the value comes from elsewhere (a merge key). */
function childNode(source: YamlSource | undefined, key: string | number): YamlSource | undefined {
  if (!source) return undefined;
  const { isAlias, isMap, isScalar, isSeq } = yamlModule();
  let node = source.node;
  if (isAlias(node)) node = node.resolve(source.doc);
  let child: unknown;
  if (isSeq(node) && typeof key === 'number') child = node.items[key];
  else if (isMap(node)) {
    // Built once per mapping: the last pair of a key gives its value, as toJS does.
    let byKey = yamlPairs.get(node);
    if (!byKey) {
      byKey = new Map();
      for (const pair of node.items) if (isScalar(pair.key)) byKey.set(String(pair.key.value ?? ''), pair.value);
      yamlPairs.set(node, byKey);
    }
    child = byKey.get(String(key));
  }
  return child === undefined ? undefined : { ...source, node: isAlias(child) ? child.resolve(source.doc) : child };
}
const yamlPairs = new WeakMap<object, Map<string, unknown>>();

/** A number written with a fraction or an exponent (`1.0`, `1e0`): a float for ruamel, whatever its value. */
function writtenAsFloat(source: YamlSource | undefined): boolean {
  const range = (source?.node as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return false;
  const written = source!.text.slice(range[0], range[1]);
  return !/^[-+]?0[xo]/i.test(written) && /[.eE]/.test(written);
}

/** A YAML value as ruamel's safe loader gives it to the CLI. */
function fromYaml(v: unknown, at: Loc, source?: YamlSource): Py {
  if (v === null || v === undefined) return { t: 'none', at };
  if (typeof v === 'string') return { t: 'str', v, at };
  if (typeof v === 'boolean') return { t: 'bool', v, at };
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) && !writtenAsFloat(source) ? { t: 'int', v: BigInt(v), at } : { t: 'float', v, at };
  if (typeof v === 'bigint') return { t: 'int', v, at };
  if (v instanceof Uint8Array) return { t: 'bytes', v, at };
  if (Array.isArray(v)) return { t: 'list', v: v.map((x, i) => fromYaml(x, at, childNode(source, i))), at };
  if (typeof v === 'object') return pyDict(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromYaml(x, at, childNode(source, k))]), at);
  return { t: 'str', v: String(v), at };
}

/** botocore's paginator: PaginationConfig leaves the request; a starting token and the page size enter it. */
function paginationRequest(params: Extract<Py, { t: 'dict' }>, notes: ReadingNote[], maxDepth: number | undefined) {
  const config = params.v.get('PaginationConfig');
  params.v.delete('PaginationConfig');
  const get = (k: string) => (config?.t === 'dict' ? config.v.get(k) : undefined);
  const maxItems = get('MaxItems');
  const pageSize = get('PageSize');
  const token = get('StartingToken');
  const intOf = (v: Py | undefined): bigint | undefined => {
    if (v === undefined || v.t === 'none') return undefined;
    if (v.t === 'int') return v.v;
    if (v.t === 'str') {
      const n = pyInt(v.v);
      if (n === undefined) throw general(`invalid literal for int() with base 10: ${pyStrRepr(v.v)}`, v.at);
      return n;
    }
    return undefined;
  };
  const max = intOf(maxItems);
  const size = intOf(pageSize);
  notes.push({ kind: 'pagination', paginate: true, ...(max !== undefined ? { maxItems: Number(max) } : {}), ...(size !== undefined ? { pageSize: Number(size) } : {}), ...(token ? { startingToken: true } : {}) });
  if (token && token.t !== 'none') {
    const injected = startingToken(token, maxDepth);
    for (const [k, v] of injected) {
      if (v !== undefined && !(v.t === 'str' && v.v === 'None')) params.v.set(k, v);
      else params.v.delete(k);
    }
  }
  if (size !== undefined) params.v.set('MaxResults', { t: 'int', v: size, at: pageSize?.at });
}

/** botocore's PageIterator._parse_starting_token: the CLI's base64 JSON token, or the older `token___n` form, or a raw service token. */
function startingToken(token: Py, maxDepth: number | undefined): Map<string, Py | undefined> {
  if (token.t === 'unknown') return new Map([['NextToken', token]]);
  if (token.t !== 'str') return new Map([['NextToken', token]]);
  const text = token.v;
  const at = token.at;
  if (hasExpansion(text)) return new Map([['NextToken', { t: 'unknown', source: text, at }]]);
  let decoded: Py | undefined;
  try {
    const bytes = pyB64decodeBytes(utf8(text));
    const json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    decoded = pyJsonLoads(json, () => at, maxDepth);
  } catch (e) {
    if (e instanceof TooDeep) throw tooDeep('--starting-token', e, at);
    if (!(e instanceof PyBase64Error || e instanceof PyJsonError || e instanceof TypeError)) throw e;
  }
  if (decoded !== undefined && decoded.t !== 'list') {
    if (decoded.t !== 'dict') throw general(`'${decoded.t === 'none' ? 'NoneType' : decoded.t}' object has no attribute 'pop'`, at);
    if (decoded.v.has('boto_encoded_keys')) throw new NotChecked('the starting token holds binary (boto_encoded_keys) values', at);
    decoded.v.delete('boto_truncate_amount');
    return new Map([...decoded.v].map(([k, v]) => [k, v.t === 'none' ? undefined : v]));
  }
  let parts = text.split('___');
  if (parts.length === 2 && pyInt(parts[1]!) !== undefined) parts = [parts[0]!];
  else if (parts.length === 2) parts = [text];
  if (parts.length > 1) throw general(`Bad starting token: ${text}`, at);
  return new Map([['NextToken', parts[0] === 'None' ? undefined : { t: 'str', v: parts[0]!, at }]]);
}

/** The request as JSON values: what botocore's serializer writes (blobs base64-encoded). */
export function toRequest(v: Py): unknown {
  switch (v.t) {
    case 'str':
      return v.v;
    case 'bytes':
      return b64encode(v.v);
    case 'int':
      return Number(v.v);
    case 'float':
      return v.v;
    case 'bool':
      return v.v;
    case 'none':
      return null;
    case 'list':
      return v.v.map(toRequest);
    case 'dict': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of v.v) setOwn(out, k, toRequest(x));
      return out;
    }
    case 'unknown':
      return UNKNOWN;
  }
}

function locate(params: Py): LocatedPath[] {
  const out: LocatedPath[] = [];
  const walk = (v: Py, path: PathSegment[], key?: Loc) => {
    out.push({ path, ...(v.at ? { value: v.at } : {}), ...(key && key.offset >= 0 ? { key } : {}) });
    if (v.t === 'list') v.v.forEach((x, i) => walk(x, [...path, i]));
    else if (v.t === 'dict') for (const [k, x] of v.v) walk(x, [...path, k], v.keyAt?.get(k));
  };
  if (params.t === 'dict') for (const [k, x] of params.v) walk(x, [k], params.keyAt?.get(k));
  return out;
}

export { EXPANSION, type CommandWord, type Word } from '../../parse/shell/words.js';
