import { isRecord } from '../values/value-facts.js';
import type { Difference } from './compare.js';

/*
 * Differences between the model and the schemas that spec/model-drift.yaml explains. An entry
 * explains a difference when every field of its `match` equals the difference's (`*` in a
 * string stands for any text). A difference that no entry explains fails the drift check; an
 * entry that explains nothing is stale, and says so.
 */

const FIELDS = ['operation', 'part', 'path', 'shape', 'kind', 'model', 'ours'] as const;
type Field = (typeof FIELDS)[number];

export interface Explanation {
  id: string;
  match: Partial<Record<Field, unknown>>;
  /** Why the schemas differ from the model here. */
  why: string;
  /** Where the reason is documented. */
  source?: string;
}

export interface ExplainedDifference extends Difference {
  /** The id of the explanation that covers it; absent for drift. */
  explainedBy?: string;
}

export interface Explained {
  differences: ExplainedDifference[];
  /** Ids of explanations that matched no difference. */
  unused: string[];
}

const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Whether `text` matches a glob whose only wildcard is `*`, as `^part.*part...$` would (`.` takes
 * anything but a line terminator): the first part starts it, the last ends it, and the others follow
 * in order, each found leftmost (which finds a match whenever there is one), with no line terminator
 * in what a `*` stands for. No regex: `.*` twice backtracks in quadratic time.
 */
export function globMatches(glob: string, text: string): boolean {
  const parts = glob.split('*');
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return text === glob;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end || LINE_TERMINATOR.test(text.slice(at, found))) return false;
    at = found + part.length;
  }
  return !LINE_TERMINATOR.test(text.slice(at, end));
}

function matches(pattern: unknown, actual: unknown): boolean {
  if (typeof pattern === 'string' && pattern.includes('*') && typeof actual === 'string') return globMatches(pattern, actual);
  return JSON.stringify(pattern) === JSON.stringify(actual);
}

export function explain(differences: readonly Difference[], explanations: readonly Explanation[]): Explained {
  const used = new Set<string>();
  const out = differences.map((d) => {
    const by = explanations.find((e) => FIELDS.every((f) => !(f in e.match) || matches(e.match[f], d[f])));
    if (!by) return { ...d };
    used.add(by.id);
    return { ...d, explainedBy: by.id };
  });
  return { differences: out, unused: explanations.filter((e) => !used.has(e.id)).map((e) => e.id) };
}

/** The `explained` list of spec/model-drift.yaml, checked; throws with what is wrong. */
export function parseExplanations(value: unknown): Explanation[] {
  const list = isRecord(value) ? value.explained : undefined;
  if (!Array.isArray(list)) throw new Error('expected a top-level "explained" list');
  const ids = new Set<string>();
  return list.map((entry: unknown, i) => {
    const where = `explained[${i}]`;
    if (!isRecord(entry)) throw new Error(`${where} is not a mapping`);
    const { id, match, why, source } = entry;
    if (typeof id !== 'string' || !/^X\d{2}$/.test(id)) throw new Error(`${where}.id must be X followed by two digits`);
    if (ids.has(id)) throw new Error(`${where}.id ${id} is used twice`);
    ids.add(id);
    if (!isRecord(match) || Object.keys(match).length === 0) throw new Error(`${where}.match must be a non-empty mapping`);
    const unknown = Object.keys(match).filter((k) => !(FIELDS as readonly string[]).includes(k));
    if (unknown.length > 0) throw new Error(`${where}.match has unknown fields: ${unknown.join(', ')} (use ${FIELDS.join(', ')})`);
    if (typeof why !== 'string' || why.trim() === '') throw new Error(`${where}.why must say why`);
    return { id, match: match as Explanation['match'], why, ...(typeof source === 'string' ? { source } : {}) };
  });
}
