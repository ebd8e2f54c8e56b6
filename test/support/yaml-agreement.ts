import type { Path } from '../../src/issues/issue.js';
import type { ParsedDocument } from '../../src/parse/document.js';

/*
 * Whether two readings of one YAML file agree in everything a reader sees: the value (NaN, -0 and
 * key order included), the duplicate keys, the unknown tags, and where `locate` puts every key and
 * value (and a few places that are not there). The first difference, as text; undefined when none.
 */

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) for (const k of Object.keys(value)) paths((value as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

function same(a: unknown, b: unknown, at: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${at}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${at}: array vs not`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\0') !== kb.join('\0')) return `${at}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return undefined;
}

export function yamlDifference(fast: ParsedDocument, slow: ParsedDocument): string | undefined {
  const value = same(fast.value, slow.value, '');
  if (value) return `value ${value}`;
  const dups = same(JSON.parse(JSON.stringify(fast.duplicates)), JSON.parse(JSON.stringify(slow.duplicates)), '');
  if (dups) return `duplicates ${dups}: ${JSON.stringify(fast.duplicates)} vs ${JSON.stringify(slow.duplicates)}`;
  if (fast.unknownTags || slow.unknownTags) return `unknown tags ${JSON.stringify(fast.unknownTags)} vs ${JSON.stringify(slow.unknownTags)}`;
  const all = paths(slow.value);
  for (const p of [...all, ...all.slice(0, 20).map((p) => [...p, 'missing']), ...all.slice(0, 20).map((p) => [...p, 99])]) {
    for (const target of ['key', 'value'] as const) {
      const a = fast.locate(p, target);
      const b = slow.locate(p, target);
      if (JSON.stringify(a) !== JSON.stringify(b)) return `locate(${JSON.stringify(p)}, ${target}): ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    }
  }
  return undefined;
}
