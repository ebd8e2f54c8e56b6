import type { Path, PathSegment } from '../../issues/issue.js';
import { plainShape } from '../../compiled/shape-lookup.js';
import { OPERATION_NAMES, OPERATIONS } from '../../compiled/generated/shapes.js';
import type { OperationName } from '../../operations/index.js';
import type { Word } from '../../parse/shell/words.js';
import { aDepth, anObject, aString, checkOptions, oneOf } from '../../validate/check-options.js';
import { setOwn } from '../../values/set-own.js';
import { UNKNOWN } from '../../values/unknown-value.js';
import { ArgparseError, ArgumentParser, type Action, type ArgString, type ParseResult } from './argparse.js';
import { b64encode } from './base64.js';
import { decodeBlobs, encodeBlobs, InvalidBase64, validateParams } from './botocore.js';
import { mergeCliInput } from './cli-input.js';
import type { FileAccess } from './files.js';
import { globalOptions, operationOptions, type OperationOptions } from './options.js';
import { paginationRequest } from './pagination.js';
import { pyDict, pyStrRepr, type Loc, type Py } from './python.js';
import { general, hasExpansion, locOf, NotChecked, Refused, type CliReading, type LocatedPath, type ReadContext, type ReadingNote, type ReadOptions } from './reading.js';
import { loadArgument, unpackMember } from './unpack-argument.js';
import { CLI_PROFILES, type CliProfile, type CliVersion } from './versions.js';

export type { CliReading, LocatedPath, ReadingNote, ReadOptions, Refusal } from './reading.js';

/*
 * Reads the argv of `aws ssm <command> ...`, for the command of one of the contract's operations
 * (`aws ssm create-maintenance-window ...`, `register-task-with-maintenance-window`, ...), into the API request that
 * the AWS CLI would send, step by step as awscli does it (clidriver.py, argprocess.py,
 * paramfile.py, shorthand.py, customizations/cliinput.py, paginate.py, binaryformat.py, then
 * botocore's paginator, ParamValidator and serializer), and says where each part of the request
 * was written. A command line the CLI would refuse comes back refused, with the CLI's own reason.
 * Here: the order of those steps, argparse, and botocore's validation; each option's value is
 * unpacked by unpack-argument.ts, --cli-input-json/yaml merged by cli-input.ts, the paginator's
 * first request made by pagination.ts (what they share: reading.ts).
 */

const isAwsCommand = (word: string) => /(^|[\\/])aws(\.exe|\.cmd)?$/i.test(word);

/** readCommandLine()'s options, as checkOptions checks them (D51). */
export const READ_OPTIONS = {
  version: oneOf(...(Object.keys(CLI_PROFILES) as CliVersion[])),
  cwd: aString,
  files: { expected: 'an object with a read function', ok: (v: unknown) => anObject.ok(v) && typeof (v as FileAccess).read === 'function' },
  env: anObject,
  cliBinaryFormat: oneOf('base64', 'raw-in-base64-out'),
  maxDepth: aDepth,
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
  // 2. top-level-args-parsed: the global options' values are resolved before the service reads
  // its own. `--end` (for --end-date) is a prefix of --endpoint-url alone, which the global parser takes.
  const endpoint = globals.version ? undefined : endpointRefusal(globals);
  if (endpoint) {
    const operation = ourOperation(texts);
    return operation ? finish({ ...base, operation }, profile, endpoint) : base;
  }
  let service: ParseResult;
  try {
    service = new ArgumentParser([{ dest: 'operation', optionStrings: [], nargs: null, required: true }]).parseKnownArgs(globals.extras);
  } catch {
    return base;
  }
  const cliCommand = service.values.get('operation')?.value;
  let operation = OPERATION_NAMES.find((o) => OPERATIONS[o].cliCommand === cliCommand);
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

/** The boolean member's flag (`--enabled`, `--no-enabled`) that the option word `at` names, written in full. */
function flagAt(table: OperationOptions, at: ArgString): string | undefined {
  const written = at.text.split('=')[0]!;
  if (written.length <= 2) return undefined;
  const option = table.options.find((o) => o.kind === 'member' && o.action.nargs === 0 && o.action.optionStrings[0]!.startsWith(written));
  return option?.action.optionStrings[0];
}

/** The scheme Python's urlparse finds (3.11: C0 controls and spaces stripped first, tabs and newlines removed). */
function urlScheme(url: string): string {
  const text = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  const colon = text.indexOf(':');
  const scheme = colon > 0 ? text.slice(0, colon) : '';
  return /^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme) ? scheme.toLowerCase() : '';
}

/** awscli's _resolve_endpoint_url (customizations/globalargs.py): an endpoint without a scheme is refused. */
function endpointRefusal(globals: ParseResult): Refused | undefined {
  const taken = globals.values.get('endpoint_url');
  if (!taken || typeof taken.value !== 'string' || hasExpansion(taken.value) || urlScheme(taken.value) !== '') return undefined;
  const message = `Bad value for --endpoint-url "${taken.value}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`;
  const at = taken.strings[0] ?? taken.optionAt;
  return new Refused({ stage: 'parameter', message, ...(at ? { at: locOf(at) } : {}), option: '--endpoint-url' });
}

/** argparse's answer when a word that is not a service (or an operation) takes its place. */
function invalidChoice(what: 'command' | 'operation', taken: ArgString): Refused {
  const choices = what === 'command' ? 'the AWS services' : 'the operations of ssm';
  return new Refused({ stage: 'usage', message: `argument ${what}: Invalid choice, valid choices are:\n\n(${choices}; got ${pyStrRepr(taken.text)})`, at: locOf(taken) });
}

function ourOperation(texts: readonly string[]): OperationName | undefined {
  return OPERATION_NAMES.find((o) => texts.includes(OPERATIONS[o].cliCommand));
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
  const root = OPERATIONS[operation].request;

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
    const flag = e.at && e.message.includes('ignored explicit argument') ? flagAt(table, e.at) : undefined;
    throw new Refused({ stage: 'usage', message: e.message, ...(e.at ? { at: locOf(e.at) } : {}), ...(flag ? { flag } : {}) });
  }
  const value = (dest: string) => parsed.values.get(dest);
  const help = value('help');
  if (help?.value === 'help') return { ...reading, outcome: 'no-request', noRequest: 'help' };
  const extras = [...parsed.extras];
  if (typeof help?.value === 'string' && help.value !== '') extras.push(help.strings[0]!);
  if (extras.length > 0) {
    const unknown = extras.find((e) => hasExpansion(e.text));
    if (unknown) throw new NotChecked(`${expansionsOf(unknown.word).join(' ') || 'a shell expansion'} may add options to the command line`, locOf(unknown));
    const flag = [...parsed.values.values()].find((t) => t.optionAt?.word === extras[0]!.word - 1 && t.strings.length === 0)?.optionAt;
    const flagName = flag ? flagAt(table, flag) : undefined;
    throw new Refused({ stage: 'unknown-options', message: `Unknown options: ${extras.map((e) => e.text).join(', ')}`, at: locOf(extras[0]!), ...(flagName ? { flag: flagName } : {}) });
  }
  for (const [dest, taken] of parsed.values) {
    if (dest !== 'help' && taken.strings.some((s) => s.text.startsWith('-') && hasExpansion(s.text))) {
      throw new NotChecked('an option value that starts with "-" holds a shell expansion', locOf(taken.strings[0]!));
    }
  }

  // 3. Pagination flags (operation-args-parsed): --max-results / --next-token switch paging off.
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

  // 4. Every argument in the order of the argument table: file://, then shorthand or JSON.
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
    // A boolean member is a flag (--replace, --no-replace): the CLI puts its value in the parameters as it is.
    if (option.kind === 'member' && typeof raw === 'boolean') {
      const flagAt = taken.optionAt ? locOf(taken.optionAt) : undefined;
      params.v.set(option.member!, { t: 'bool', v: raw, ...(flagAt ? { at: flagAt } : {}) });
      if (flagAt) keyAt.set(option.member!, flagAt);
      continue;
    }
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

  // 5. calling-command: --cli-input-json/yaml merge, --generate-cli-skeleton, paging keys. v1
  // looks for paging keys before it merges --cli-input-json, v2 after.
  const pagingKeys = () => {
    if (table.paginated && (params.v.has('NextToken') || params.v.has('MaxResults'))) paginate = false;
  };
  if (profile.major === 1) pagingKeys();
  mergeCliInput(params, parsed.values, profile, context);
  const skeleton = value('generate_cli_skeleton')?.value;
  if (typeof skeleton === 'string' && skeleton !== 'output') return { ...reading, outcome: 'no-request', noRequest: 'skeleton' };
  if (profile.major === 2) pagingKeys();

  // 6. botocore: the paginator's first request, v2's blob decoding, ClientToken, validation.
  if (table.paginated && paginate) paginationRequest(params, notes, context.maxDepth);
  const binaryFormat = globals.values.get('cli_binary_format')?.value ?? options.cliBinaryFormat ?? 'base64';
  if (profile.binaryFormat && hasExpansion(String(binaryFormat))) throw new NotChecked('--cli-binary-format is a shell expansion');
  const blobsDecoded = profile.binaryFormat && binaryFormat === 'base64';
  if (blobsDecoded) {
    try {
      decodeBlobs(params, root, (path, at, dropped) => notes.push({ kind: 'blob-not-base64', path, dropped, ...(at ? { at } : {}) }));
    } catch (e) {
      if (e instanceof InvalidBase64) throw general(e.message, e.at);
      throw e;
    }
  }
  const input = plainShape(root);
  if (input.type === 'structure') {
    for (const [member, m] of Object.entries(input.members)) if (m.idempotencyToken && !params.v.has(member)) notes.push({ kind: 'client-token' });
  }
  const lines = validateParams(params, root);
  encodeBlobs(params, root);
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
