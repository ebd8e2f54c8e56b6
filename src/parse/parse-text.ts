import { detectFormat, type Format, type ParsedDocument } from './document.js';
import { parseJson, type JsonOptions } from './json/parse-json.js';
import { parseYaml, type YamlOptions } from './yaml/parse-yaml.js';

/** A JSON or YAML file read with positions: the format given, or the one its name or text shows (detectFormat). */
export function parseText(text: string, options: { filename?: string; format?: Format } & JsonOptions & YamlOptions = {}): ParsedDocument {
  const format = options.format ?? detectFormat(text, options.filename);
  return format === 'json' ? parseJson(text, options) : parseYaml(text, options);
}
