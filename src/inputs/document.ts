import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node, ParseOptions, DocumentOptions, SchemaOptions, ToJSOptions } from 'yaml';
import type { Path } from '../issues/issue.js';
import { parseJson, type JsonOptions } from './json.js';

/** 1-based, as editors and CI annotations count. */
export interface Position {
  line: number;
  column: number;
}

export interface DuplicateKey {
  path: Path;
  first: Position;
  second: Position;
}

/** A JSON or YAML file read with positions. */
export interface ParsedDocument {
  format: 'json' | 'yaml';
  value: unknown;
  /** Keys given twice in one object; the last value is the one kept. */
  duplicates: DuplicateKey[];
  /** Where the value (or, for `key`, the member name) at `path` is written. */
  locate(path: Path, target?: 'key' | 'value'): Position | undefined;
}

/** A file that is not valid JSON or YAML, with where it stops being valid. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly position: Position,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Offset → line and column, by binary search over line starts. */
export class LineIndex {
  private starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

export interface YamlOptions {
  /** Custom tags (CloudFormation's `!Ref`, ...), passed to the `yaml` package. */
  customTags?: SchemaOptions['customTags'];
  /** Alias expansions allowed before the file is refused (a "billion laughs" guard). */
  maxAliasCount?: number;
}

let yamlModule: typeof Yaml | undefined;

/** The `yaml` package, loaded on the first YAML file: checking JSON never pays for it. */
function yaml(): typeof Yaml {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

export function parseYaml(text: string, options: YamlOptions = {}): ParsedDocument {
  const { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument: parseYamlDocument } = yaml();
  const lineCounter = new LineCounter();
  const parseOptions: ParseOptions & DocumentOptions & SchemaOptions = { lineCounter, prettyErrors: false, uniqueKeys: false };
  if (options.customTags) parseOptions.customTags = options.customTags;
  const doc = parseYamlDocument(text, parseOptions);
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError) throw new DocumentError(firstError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''), position(firstError.pos[0]));
  if (doc.contents === null) throw new DocumentError('the file is empty', { line: 1, column: 1 });

  const toJs: ToJSOptions = { maxAliasCount: options.maxAliasCount ?? 100 };
  let value: unknown;
  try {
    value = doc.toJS(toJs);
  } catch (error) {
    throw new DocumentError(error instanceof Error ? error.message : String(error), { line: 1, column: 1 });
  }

  // Duplicate keys: the `yaml` package keeps the last value with uniqueKeys off; record them.
  const duplicates: DuplicateKey[] = [];
  const seen = new Set<Node>();
  const visit = (node: unknown, path: Path) => {
    if (!node || seen.has(node as Node)) return;
    seen.add(node as Node);
    if (isMap(node)) {
      const keys = new Map<string, number>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const offset = (pair.key as Node | null)?.range?.[0];
        if (key !== undefined && offset !== undefined) {
          const first = keys.get(key);
          if (first !== undefined) duplicates.push({ path: [...path, key], first: position(first), second: position(offset) });
          keys.set(key, offset);
        }
        if (key !== undefined) visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    }
  };
  visit(doc.contents, []);

  return {
    format: 'yaml',
    value,
    duplicates,
    locate(path, target = 'value') {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const segment of path) {
        keyNode = undefined;
        if (isMap(node)) {
          // The last pair with the key is the one whose value is kept.
          const pair = [...node.items].reverse().find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
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

export type Format = 'json' | 'yaml';

/** JSON when the name says so or the text starts like JSON; YAML otherwise. */
export function detectFormat(text: string, filename?: string): Format {
  if (filename && /\.json$/i.test(filename)) return 'json';
  if (filename && /\.ya?ml$/i.test(filename)) return 'yaml';
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

export function parseText(text: string, options: { filename?: string; format?: Format } & JsonOptions & YamlOptions = {}): ParsedDocument {
  const format = options.format ?? detectFormat(text, options.filename);
  return format === 'json' ? parseJson(text, options) : parseYaml(text, options);
}
