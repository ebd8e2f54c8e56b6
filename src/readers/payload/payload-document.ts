import type { LocatedFinding } from '../../issues/located.js';
import { nearestLocated, type IssueData, type Path, type Span } from '../../issues/issue.js';
import { plainShape, rootShape } from '../../compiled/shape-lookup.js';
import { OPERATION_NAMES, OPERATIONS } from '../../compiled/generated/shapes.js';
import { makeIssue } from '../../issues/make.js';
import { rules } from '../../rules/index.js';
import { targetsOf } from '../../rules/points-at.js';
import type { OperationName } from '../../operations/index.js';
import { KINDS, type Kind } from '../../operations/kinds.js';
import { errorTypeOf } from '../../shapes/error-names.js';
import { isRecord } from '../../values/value-facts.js';
import { UNKNOWN } from '../../values/unknown-value.js';
import { withValuesAt } from '../../validate/validate.js';
import { detectFormat, DocumentError, type ParsedDocument, type Position } from '../../parse/document.js';
import { duplicateFindings } from '../../parse/duplicate-keys.js';

// A payload file holds what validate() finds: field codes and the contract's rules, never a reader's.
const pointsAt = targetsOf(rules);

export interface Target {
  operation: OperationName;
  kind: Kind;
}

export type Inference =
  | { ok: true; target: Target }
  | { ok: false; reason: 'not-an-object' | 'no-known-members' | 'ambiguous'; candidates: Target[] };

function membersOf(target: Target): string[] {
  const shape = plainShape(target.kind === 'error' ? OPERATIONS[target.operation].errors[0]! : rootShape(target.operation, target.kind));
  return shape.type === 'structure' ? Object.keys(shape.members) : [];
}

/** A request the payload gives every required member of (responses require none, so they are never complete in this sense). */
function isCompleteRequest(target: Target, keys: readonly string[]): boolean {
  if (target.kind !== 'request') return false;
  const shape = plainShape(rootShape(target.operation, target.kind));
  if (shape.type !== 'structure') return false;
  const required = Object.entries(shape.members).filter(([, m]) => m.required);
  return required.length > 0 && required.every(([name]) => keys.includes(name));
}

/** Error bodies name their type; the operation is known only when one operation declares it. */
function errorCandidates(payload: Record<string, unknown>): Target[] {
  const type = errorTypeOf(payload);
  const declaring = OPERATION_NAMES.filter((name) => type !== undefined && OPERATIONS[name].errors.includes(type));
  return (declaring.length > 0 ? declaring : OPERATION_NAMES).map((operation) => ({ operation, kind: 'error' as const }));
}

/**
 * Which operation and kind a payload is for, from its member names: the candidate that knows
 * the most of them wins. Among those that tie, the one request that the payload gives every
 * required member of wins (a CreateMaintenanceWindow request has the members of an
 * UpdateMaintenanceWindow response too, but it has all five that Create requires), else the one
 * candidate whose members are all given; any other tie is ambiguous. Either may be fixed in advance.
 */
export function inferTarget(payload: unknown, fixed: Partial<Target> = {}): Inference {
  const all: Target[] = OPERATION_NAMES.flatMap((operation) => KINDS.map((kind) => ({ operation, kind })));
  const allowed = all.filter((t) => (!fixed.operation || t.operation === fixed.operation) && (!fixed.kind || t.kind === fixed.kind));
  if (allowed.length === 1) return { ok: true, target: allowed[0]! };
  if (!isRecord(payload)) return { ok: false, reason: 'not-an-object', candidates: allowed };

  if ('__type' in payload && (!fixed.kind || fixed.kind === 'error')) {
    const errors = errorCandidates(payload).filter((t) => allowed.some((a) => a.operation === t.operation));
    return errors.length === 1 ? { ok: true, target: errors[0]! } : { ok: false, reason: 'ambiguous', candidates: errors };
  }

  const keys = Object.keys(payload);
  const scored = allowed
    .filter((t) => t.kind !== 'error')
    .map((t) => {
      const members = membersOf(t);
      return { t, score: keys.filter((k) => members.includes(k)).length };
    });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.t);
  if (best === 0) return { ok: false, reason: 'no-known-members', candidates: top };
  if (top.length === 1) return { ok: true, target: top[0]! };
  // A tie (an update without Replace has the members of its result): the one request that has every
  // member it requires, else the one candidate whose every member is given ({"WindowTaskId": ...} is a
  // whole RegisterTaskWithMaintenanceWindowResult), is read as such (D79).
  const complete = top.filter((t) => isCompleteRequest(t, keys));
  if (complete.length === 1) return { ok: true, target: complete[0]! };
  const whole = top.filter((t) => membersOf(t).every((m) => Object.hasOwn(payload, m)));
  return whole.length === 1 ? { ok: true, target: whole[0]! } : { ok: false, reason: 'ambiguous', candidates: top };
}

export type LocatedIssue = LocatedFinding;

/**
 * Where a part of a string value is written (an issue's `span`: the Hours field of a schedule), given
 * where the value starts (`at`, its first character or its opening quote): that many characters on,
 * when the file writes the string's characters as they are up to the span's end (a plain scalar, or
 * a quoted one with no escape before it); otherwise the value's start.
 */
export function spanPosition(text: string, at: Position, value: unknown, span: Span): Position {
  if (typeof value !== 'string') return at;
  let start = 0;
  for (let line = 1; line < at.line; line++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return at;
    start = newline + 1;
  }
  const first = start + at.column - 1;
  const quote = text[first] === '"' || text[first] === "'" ? 1 : 0;
  const end = span.offset + span.length;
  const written = text.slice(first + quote, first + quote + end);
  if (written !== value.slice(0, end) || written.includes('\n')) return at;
  return { line: at.line, column: at.column + quote + span.offset };
}

/** The value at `path` in `root`, if every step of it is there. */
export function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/**
 * The line and column of an issue: where its path (its key or its value, see `pointsAt`) is written, or
 * its nearest written parent; for an issue about a part of a string (`span`), where that part is, when
 * the file's `text` is given.
 */
export function locateIssue(doc: Pick<ParsedDocument, 'locate' | 'value'>, issue: IssueData, base: Path = [], text?: string): Position | undefined {
  const located = nearestLocated(issue.path, pointsAt(issue.code), (at, target) => doc.locate([...base, ...at], target));
  if (!located || !issue.span || text === undefined || located.rest.length > 0) return located?.found;
  return spanPosition(text, located.found, valueAt(doc.value, [...base, ...issue.path]), issue.span);
}

export function withPositions<I extends IssueData>(doc: Pick<ParsedDocument, 'locate' | 'value'>, issues: I[], base: Path = [], text?: string): (I & Partial<Position>)[] {
  return issues.map((issue) => ({ ...issue, ...locateIssue(doc, issue, base, text) }));
}

/** Keys given twice in a payload, placed where the second one is: AWS uses the last value (a YAML payload is refused). */
export function payloadDuplicates(doc: ParsedDocument) {
  return duplicateFindings(doc, { uses: 'AWS', payload: true });
}

/**
 * Values under a YAML tag that nothing resolves (D37): AWS CLI v2's --cli-input-yaml refuses the
 * file, and the value is none of what it would send, so each is an error at its tag, and the value
 * is checked as unknown, never as the text after the tag.
 */
export function payloadTags(doc: ParsedDocument): { findings: { issue: IssueData; location: Position }[]; value: unknown } {
  const tags = doc.unknownTags ?? [];
  const findings = tags.map(({ tag, path, position }) => ({ issue: makeIssue('yaml_unknown_tag', 'error', [...path], { tag }), location: position }));
  // One copy for all of them: a template has thousands of tags.
  return { findings, value: tags.length === 0 ? doc.value : withValuesAt(doc.value, tags.map((t) => t.path), UNKNOWN) };
}

/** A payload file that is not valid JSON or YAML (the parser's error says where). */
export function syntaxError(error: DocumentError, text: string, file: string): IssueData {
  return makeIssue('syntax_error', 'error', [], { reason: error.message, format: detectFormat(text, file).toUpperCase() });
}
