import type { Path, PathSegment } from '../../issues/issue.js';
import { setOwn } from '../../values/set-own.js';
import { detectFormat, DocumentError, withoutBom, type ParsedDocument, type Position } from '../../parse/document.js';
import { parseText } from '../../parse/parse-text.js';
import type { LocalTag, YamlOptions } from '../../parse/yaml/parse-yaml.js';

/*
 * Reading a CloudFormation template (JSON or YAML) with positions. YAML's short forms (`!Ref X`,
 * `!If [C, A, B]`, `!GetAtt R.Attr`) become the long forms (`{ "Ref": "X" }`, `{ "Fn::If": [...] }`)
 * that JSON templates write, so that the rest of the reader sees one language. A collection keeps
 * its place in the document under the wrapper key, so `locate` can find what is inside it.
 */

/** Short-form tag → the long form's key. */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'And', 'Base64', 'Cidr', 'Contains', 'EachMemberEquals', 'EachMemberIn', 'Equals', 'FindInMap', 'ForEach', 'GetAZs', 'GetAtt', 'If',
      'ImportValue', 'Join', 'Length', 'Not', 'Or', 'RefAll', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform', 'ValueOf', 'ValueOfAll',
    ].map((name) => [name, `Fn::${name}`]),
  ),
};

/**
 * The key an unknown tag (`!Include`, `!Rain::Embed`: a preprocessor's, not CloudFormation's) is
 * read under, so that its value is never taken literally.
 */
export const UNKNOWN_TAG_PREFIX = '!';

/**
 * The intrinsic function an object with these keys calls, if it is one: its only key is `Ref`, an
 * `Fn::` name or an unknown tag, or (`condition`: where conditions are read) `Condition`.
 */
export function intrinsicOf(keys: readonly string[], condition = false): string | undefined {
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  if (key === 'Ref' || key.startsWith('Fn::') || key.startsWith(UNKNOWN_TAG_PREFIX)) return key;
  return condition && key === 'Condition' ? key : undefined;
}

function keyFor(tag: string): string {
  return Object.hasOwn(SHORT_FORMS, tag) ? SHORT_FORMS[tag]! : UNKNOWN_TAG_PREFIX + tag;
}

function scalarValue(tag: string, text: string): unknown {
  // `!GetAtt Resource.Attribute`: the attribute name may itself hold dots.
  if (tag === 'GetAtt') {
    const dot = text.indexOf('.');
    return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
  }
  return text;
}

function tagsFor(names: Iterable<string>): Map<string, LocalTag> {
  const tags = new Map<string, LocalTag>();
  for (const name of names) {
    const key = keyFor(name);
    // Set, not `{ [key]: ... }`: V8 makes an object literal with a computed key through its runtime,
    // several times slower, and templates hold thousands of tags.
    const scalar = (text: string) => {
      const call: Record<string, unknown> = {};
      setOwn(call, key, scalarValue(name, text));
      return call;
    };
    tags.set(name, { key, scalar });
  }
  return tags;
}

/** The local tags (`!Name`) written in the text, each read as its short form; an extra one found inside a string only registers an unused tag. */
export function templateTags(text: string): Map<string, LocalTag> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s[{,:-])!([A-Za-z][\w:.-]*)/gm)) found.add(m[1]!);
  return tagsFor(found);
}

/**
 * Indents the continuation lines of a quoted scalar that YAML 1.2 wants indented and
 * CloudFormation's (and cfn-lint's) YAML 1.1 parsers accept at any indentation:
 *
 *     Description: "patches your instances
 *     by creating a baseline"
 *
 * A quoted scalar folds the leading spaces of its continuation lines away, so its value is unchanged;
 * so is every line number. Undefined when the quote never closes: the template is then broken.
 */
function indentQuotedContinuation(text: string, where: Position): string | undefined {
  const lines = text.split(/(?<=\n)/);
  const opening = lines[where.line - 1];
  if (opening === undefined) return undefined;
  const quote = opening.slice(0, where.column).match(/["'](?=[^"']*$)/)?.[0];
  if (!quote) return undefined;
  const indent = opening.length - opening.trimStart().length;
  const closing = quote === '"' ? /(?<!\\)(?:\\\\)*"/ : /'(?!')/;
  for (let i = where.line; i < lines.length; i++) {
    const line = lines[i]!;
    const own = line.length - line.trimStart().length;
    if (line.trim() !== '' && own <= indent) lines[i] = ' '.repeat(indent + 1 - own) + line;
    if (closing.test(line)) return lines.join('');
  }
  return undefined;
}

/** The limits a template is read within (src/parse/limits.ts). */
export type TemplateLimits = Pick<YamlOptions, 'maxDepth' | 'maxAliasCount'>;

/** Parses a template; throws DocumentError (with where) when it is not valid JSON or YAML. */
export function parseTemplate(written: string, file: string, limits: TemplateLimits = {}): ParsedDocument {
  const text = withoutBom(written);
  const format = detectFormat(text, file);
  if (format === 'json') return parseText(text, { format, ...limits });
  const tags = templateTags(text);
  let source = text;
  for (let attempt = 0; ; attempt++) {
    try {
      return withUnknownTags(parseText(source, { format, localTags: tags, ...limits }));
    } catch (error) {
      const relaxed =
        error instanceof DocumentError && /^Missing closing ["']quote/.test(error.message) && attempt < 50 ? indentQuotedContinuation(source, error.position) : undefined;
      if (relaxed === undefined) throw attempt === 0 ? error : parseError(text, tags, limits, error);
      source = relaxed;
    }
  }
}

/**
 * A value under a tag the parser could not resolve (`!!js/function`, which is no local tag, or
 * `!!int` on text that is no integer) as the short forms of unknown tags are read: under the key
 * UNKNOWN_TAG_PREFIX + tag, so that it is unknown and said to be, never the text after the tag (D37).
 */
function withUnknownTags(doc: ParsedDocument): ParsedDocument {
  if (!doc.unknownTags) return doc;
  let value = doc.value;
  for (const { tag, path } of [...doc.unknownTags].reverse()) value = replaced(value, path, (inner) => ({ [UNKNOWN_TAG_PREFIX + tag.slice(1)]: inner }));
  return { ...doc, value };
}

/** `root` with the value at `path` replaced by `make(value)`, copying only the containers on the way. */
function replaced(root: unknown, path: Path, make: (value: unknown) => unknown): unknown {
  if (path.length === 0) return make(root);
  if (typeof root !== 'object' || root === null) return root;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  const copy = (Array.isArray(root) ? [...root] : { ...root }) as Record<PathSegment, unknown>;
  setOwn(copy, head, replaced(copy[head], rest, make));
  return copy;
}

/** The error the template as written gets, for a template that relaxing did not mend. */
function parseError(text: string, tags: ReadonlyMap<string, LocalTag>, limits: TemplateLimits, fallback: unknown): unknown {
  try {
    parseText(text, { format: 'yaml', localTags: tags, ...limits });
  } catch (error) {
    return error;
  }
  return fallback;
}

const TEMPLATE_FORMAT_VERSION = /\bAWSTemplateFormatVersion\b/;
const RESOURCES = /(?:^|[{,\s])["']?Resources["']?\s*:/m;
const RESOURCE_TYPE = /["']?Type["']?\s*:\s*["']?(?:AWS|Custom|Alexa)::/;

/** What looksLikeTemplate cannot say yes without: one of these words. */
export const TEMPLATE_WORDS = ['AWSTemplateFormatVersion', 'Resources'] as const;

/** Whether a text reads as a CloudFormation template (or a CDK-synthesized one), without parsing it. */
export function looksLikeTemplate(text: string): boolean {
  return TEMPLATE_FORMAT_VERSION.test(text) || (RESOURCES.test(text) && RESOURCE_TYPE.test(text));
}
