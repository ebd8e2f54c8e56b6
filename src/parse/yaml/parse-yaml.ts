import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { CollectionTag, CST, Document, Node, ParseOptions, DocumentOptions, ScalarTag, SchemaOptions, ToJSOptions } from 'yaml';
import type { Path, PathSegment } from '../../issues/issue.js';
import { DocumentError, LineIndex, withoutBom, type DuplicateKey, type ParsedDocument, type Position, type UnknownTag } from '../document.js';
import { deeperAdvice, DEFAULT_LIMITS, depthFor } from '../limits.js';
import { readCommonYaml, type CommonYaml, type LocalTag } from './common-yaml.js';

export type { LocalTag } from './common-yaml.js';

export interface YamlOptions {
  /** Local tags (CloudFormation's `!Ref`, ...) by name without the `!`: how a value under each is read. */
  localTags?: ReadonlyMap<string, LocalTag>;
  /** Alias expansions allowed before the file is refused (a "billion laughs" guard). */
  maxAliasCount?: number;
  /** Collections nested deeper than this (never deeper than READER_MAX_DEPTH.yaml) are refused before they are built, so that no step of reading them can exhaust the stack. */
  maxDepth?: number;
}

let yamlModule: typeof Yaml | undefined;

/** The `yaml` package, loaded on the first YAML file: checking JSON never pays for it. */
export function yaml(): typeof Yaml {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/**
 * The offset of the first collection nested deeper than `maxDepth` in a YAML token stream, or
 * undefined. The `yaml` package's parser keeps its own stack, but the step that builds the document
 * from its tokens recurses once per level: that step never sees a file this refuses.
 */
function tooDeep(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    switch (token.type) {
      case 'document':
        stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth >= maxDepth) return token.offset;
        for (const item of token.items) stack.push(['key' in item ? item.key : undefined, depth + 1], [item.value, depth + 1]);
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** The document, as `parseDocument` would build it, but refused before it is built when it nests too deep. */
function composeYaml(text: string, options: ParseOptions & DocumentOptions & SchemaOptions, lineCounter: Yaml.LineCounter, maxDepth: number | undefined, position: (offset: number) => Position): Document.Parsed {
  const { Composer, Parser, YAMLParseError } = yaml();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const { limit, capped } = depthFor('yaml', maxDepth);
  const deep = tooDeep(tokens, limit);
  if (deep !== undefined) throw new DocumentError(`nesting deeper than ${limit} levels (${deeperAdvice(capped)})`, position(deep));
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError(next.range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents; only one is read'));
      break;
    }
  }
  return doc!;
}

/** Where the first alias is written: where a refused expansion starts. */
function firstAlias(doc: Document.Parsed): number | undefined {
  const { visit } = yaml();
  let offset: number | undefined;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/** A mapping key as the JavaScript value names it: a scalar's text, and "" for an empty or null key (`: value`, `~: value`), as the yaml package does. */
function keyText(key: unknown): string | undefined {
  const { isScalar } = yaml();
  if (key === null || (isScalar(key) && key.value === null)) return '';
  return isScalar(key) ? String(key.value) : undefined;
}

/** The local tags as the `yaml` package takes them: for a scalar, for a sequence and for a mapping. */
function customTags(localTags: ReadonlyMap<string, LocalTag>): (ScalarTag | CollectionTag)[] {
  const { Pair, Scalar, YAMLMap } = yaml();
  const tags: (ScalarTag | CollectionTag)[] = [];
  for (const [name, { key, scalar }] of localTags) {
    const wrap = (node: unknown) => {
      const map = new YAMLMap();
      map.items.push(new Pair(new Scalar(key), node));
      return map;
    };
    tags.push({ tag: `!${name}`, resolve: (text: string) => scalar(text) });
    tags.push({ tag: `!${name}`, collection: 'seq', resolve: wrap });
    tags.push({ tag: `!${name}`, collection: 'map', resolve: wrap });
  }
  return tags;
}

/** A document read by readCommonYaml, with positions made on the first question. */
function commonDocument(text: string, read: CommonYaml): ParsedDocument {
  let lines: LineIndex | undefined;
  const position = (offset: number): Position => (lines ??= new LineIndex(text)).position(offset);
  // Each mapping's entries by key, made on its first lookup: a template locates every one of its thousands of resources.
  const indexes = new Map<object, Map<string, number>>();
  const entry = (places: unknown[], map: object, key: string): number => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (let i = 0; i < places.length; i += 4) index.set(places[i] as string, i);
      indexes.set(map, index);
    }
    return index.get(key) ?? -1;
  };
  return {
    format: 'yaml',
    value: read.value,
    duplicates: read.duplicates.map(({ path, first, second }) => ({ path, first: position(first), second: position(second) })),
    locate(path, target = 'value') {
      let node: unknown = read.value;
      let valueAt = read.at;
      let keyAt: number | undefined;
      for (const segment of path) {
        keyAt = undefined;
        const places = typeof node === 'object' && node !== null ? read.places.get(node) : undefined;
        if (!places) return undefined;
        if (Array.isArray(node)) {
          if (typeof segment !== 'number') return undefined;
          const i = segment * 2;
          if (!Number.isInteger(segment) || segment < 0 || i >= places.length) return undefined;
          valueAt = places[i] as number;
          node = places[i + 1];
        } else {
          const i = entry(places, node!, String(segment));
          if (i < 0) return undefined;
          keyAt = places[i + 1] as number;
          valueAt = places[i + 2] as number;
          node = places[i + 3];
        }
      }
      if (target === 'key' && keyAt !== undefined) return keyAt < 0 ? undefined : position(keyAt);
      return position(valueAt);
    },
  };
}

export function parseYaml(source: string, options: YamlOptions = {}): ParsedDocument {
  // A lone CR ends a line in YAML (and in editors), but not for the yaml package: made an LF, one character for one, so offsets stay.
  const bare = withoutBom(source);
  const text = bare.includes('\r') ? bare.replace(/\r(?!\n)/g, '\n') : bare;
  const common = readCommonYaml(text, options.localTags, depthFor('yaml', options.maxDepth).limit);
  return common ? commonDocument(text, common) : parseWithYaml(text, options);
}

/** Any YAML, by the `yaml` package. */
export function parseWithYaml(text: string, options: YamlOptions = {}): ParsedDocument {
  const { isMap, isPair, isSeq, LineCounter } = yaml();
  const lineCounter = new LineCounter();
  // logLevel 'error': the yaml package would otherwise print warnings (a mapping used as a key) on the process's stderr.
  const parseOptions: ParseOptions & DocumentOptions & SchemaOptions = { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' };
  if (options.localTags) parseOptions.customTags = customTags(options.localTags);
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const doc = composeYaml(text, parseOptions, lineCounter, options.maxDepth, position);
  const firstError = doc.errors[0];
  if (firstError) throw new DocumentError(firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), position(firstError.pos[0]));
  if (doc.contents === null) throw new DocumentError('the file is empty', { line: 1, column: 1 });

  const maxAliasCount = options.maxAliasCount ?? DEFAULT_LIMITS.maxAliasCount;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount } satisfies ToJSOptions);
  } catch (error) {
    const alias = firstAlias(doc);
    const reason = error instanceof ReferenceError && /alias count/i.test(error.message)
      ? `its aliases (*name) expand more than ${maxAliasCount} times (a "billion laughs" file?); raise --max-aliases if the file is genuine`
      : error instanceof Error ? error.message : String(error);
    throw new DocumentError(reason, alias !== undefined ? position(alias) : { line: 1, column: 1 });
  }

  // Duplicate keys: the `yaml` package keeps the last value with uniqueKeys off; record them.
  // `path` is one stack for the whole walk, copied only for a duplicate: most files have none. An
  // alias is a node of its own, not followed, so the walk meets each node once.
  // The tags the parser warned it could not resolve, by where the value they tag starts.
  const unresolved = new Map<number, { tag: string; at: number }>();
  for (const warning of doc.warnings) {
    // A tag it cannot resolve, or a scalar tag on a collection (`!!str [a]`) or the reverse: the value is read without it.
    if (warning.code !== 'TAG_RESOLVE_FAILED' && warning.code !== 'BAD_COLLECTION_TYPE') continue;
    const [start, end] = warning.pos;
    let value = end;
    while (value < text.length && ' \t\r\n'.includes(text[value]!)) value++;
    unresolved.set(value, { tag: text.slice(start, end), at: start });
  }
  const unknownTags: UnknownTag[] = [];
  const tagged = (node: unknown, at: Path) => {
    const start = (node as Node | null)?.range?.[0];
    const found = start === undefined ? undefined : unresolved.get(start);
    if (!found) return;
    // A tagged mapping starts where its first key does: the tag is the outer node's, met first.
    unresolved.delete(start!);
    unknownTags.push({ tag: found.tag, path: at, position: position(found.at) });
  };

  const duplicates: DuplicateKey[] = [];
  const path: PathSegment[] = [];
  const visit = (node: unknown) => {
    if (unresolved.size > 0) tagged(node, [...path]);
    if (isMap(node)) {
      const keys = new Map<string, number>();
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === undefined) continue;
        const offset = (pair.key as Node | null)?.range?.[0];
        if (offset !== undefined) {
          const first = keys.get(key);
          if (first !== undefined) duplicates.push({ path: [...path, key], first: position(first), second: position(offset) });
          keys.set(key, offset);
        }
        path.push(key);
        if (unresolved.size > 0) tagged(pair.key, [...path]);
        visit(pair.value);
        path.pop();
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        path.push(i);
        visit(node.items[i]);
        path.pop();
      }
    }
  };
  visit(doc.contents);

  // Each mapping's pairs by key, made on the first lookup: a template locates every one of its thousands of resources.
  const pairsOf = new WeakMap<object, Map<string, Yaml.Pair>>();
  const pairOf = (map: Yaml.YAMLMap, key: string): Yaml.Pair | undefined => {
    let pairs = pairsOf.get(map);
    if (!pairs) {
      pairs = new Map();
      // The last pair with the key is the one whose value is kept.
      for (const p of map.items) {
        const text = isPair(p) ? keyText(p.key) : undefined;
        if (text !== undefined) pairs.set(text, p as Yaml.Pair);
      }
      pairsOf.set(map, pairs);
    }
    return pairs.get(key);
  };

  return {
    format: 'yaml',
    value,
    duplicates,
    ...(unknownTags.length > 0 ? { unknownTags } : {}),
    locate(path, target = 'value') {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const segment of path) {
        keyNode = undefined;
        if (isMap(node)) {
          const pair = pairOf(node, String(segment));
          if (!pair) return undefined;
          keyNode = pair.key as Node;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          node = node.items[segment];
        } else return undefined;
      }
      const target_ = target === 'key' && keyNode ? keyNode : (node as Node | null);
      const offset = target_?.range?.[0] ?? keyNode?.range?.[0];
      return offset === undefined ? undefined : position(offset);
    },
  };
}
