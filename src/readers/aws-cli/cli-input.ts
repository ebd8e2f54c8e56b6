import type { Document as YamlDocument } from 'yaml';
import { DocumentError } from '../../parse/document.js';
import { READER_MAX_DEPTH } from '../../parse/limits.js';
import { parseYaml, yaml as yamlModule } from '../../parse/yaml/parse-yaml.js';
import type { ParseResult } from './argparse.js';
import { FileNotAvailable, isParamFile, readParamFile, ResourceLoadingError, UnknownFile } from './files.js';
import { PyJsonError, pyJsonLoads } from './pyjson.js';
import { nestingLimit, pyDict, TooDeep, tooDeepAt, type Loc, type Py } from './python.js';
import { general, hasExpansion, locOf, NotChecked, Refused, tooDeep, type ReadContext } from './reading.js';
import type { CliProfile } from './versions.js';

/*
 * --cli-input-json and --cli-input-yaml (awscli/customizations/cliinput.py): the members of a JSON
 * or YAML object merged under those the command line gives, read as Python's json and ruamel.yaml
 * read them.
 */

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
 * builds a document by recursion (READER_MAX_DEPTH.yaml), and AWS CLI v2.9.19 itself stops, exit 255
 * "maximum recursion depth exceeded", past 486 levels.
 */
const MAX_YAML_NESTING = READER_MAX_DEPTH.yaml;

/** --cli-input-json / --cli-input-yaml: a shallow merge where the command line's members win. */
export function mergeCliInput(params: Extract<Py, { t: 'dict' }>, values: ParseResult['values'], profile: CliProfile, context: ReadContext) {
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
