import type { Path } from '../issues/issue.js';
import type { Kind } from '../operations/kinds.js';
import type { OperationName } from '../operations/index.js';
import type { Deprecation } from '../shapes/meta.js';
import { isRecord } from '../shapes/values.js';
import { OPERATIONS, SHAPES } from './shapes.js';

/*
 * The shape metadata as plain data, compiled from the Zod schemas' registry (src/shapes/meta.ts)
 * into src/compiled/shapes.ts by `npm run generate`. What runs on every payload (validate(), the
 * rules, the CLI) reads this, so that it never has to load Zod or build the schemas; the schemas
 * stay the one place where the facts are declared.
 */

interface PlainBase {
  shape: string;
  sensitive?: boolean;
}

export type PlainShape = PlainBase &
  (
    | { type: 'string'; enum?: readonly string[]; deprecatedValues?: Readonly<Record<string, Deprecation>> }
    | { type: 'integer' | 'boolean' | 'blob' | 'timestamp' }
    | { type: 'list'; member: string }
    | { type: 'map'; value: string }
    | { type: 'structure'; members: Readonly<Record<string, PlainMember>>; direction: 'input' | 'output'; exception?: { httpStatus: number; fault: boolean } }
  );

export interface PlainMember {
  /** The member's shape, by AWS name: a key of SHAPES. */
  shape: string;
  required: boolean;
  deprecated?: Deprecation;
}

export interface PlainOperation {
  cliCommand: string;
  /** Root shapes, by AWS name. */
  request: string;
  response: string;
  errors: readonly string[];
}

/** The body every undeclared error type is read as (src/shapes/errors.ts ErrorBody). */
export const ERROR_BODY = 'ErrorBody';

export function isOperation(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(OPERATIONS, name);
}

export function plainShape(name: string): PlainShape {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`no shape ${name} in src/compiled/shapes.ts: run npm run generate`);
  return shape;
}

/** The root shape of an operation's request or response, or of the error body whose `__type` is `type`. */
export function rootShape(operation: OperationName, kind: Kind, type?: string): string {
  const op = OPERATIONS[operation];
  if (kind === 'request') return op.request;
  if (kind === 'response') return op.response;
  return type !== undefined && op.errors.includes(type) ? type : ERROR_BODY;
}

export interface PlainVisit {
  shape: PlainShape;
  value: unknown;
  path: Path;
  member?: PlainMember;
}

/**
 * `walk` (src/shapes/walk.ts) over the plain metadata: visits every value at a known place of the
 * shape tree, parents first; a structure's members in the shape's order, lists and maps in the
 * payload's. `wanted` prunes: the walk visits and descends into only the values whose shape it
 * holds (a rule that looks for one thing wants the shapes that lead to it, see shapesLeadingTo).
 */
export function walkShapes(root: string, value: unknown, visit: (v: PlainVisit) => void, wanted?: ReadonlySet<string>): void {
  if (!wanted || wanted.has(root)) step(root, value, [], undefined, visit, wanted);
}

/** A structure's members that lead somewhere wanted, by wanted set. */
const wantedMembers = new WeakMap<ReadonlySet<string>, Map<string, [string, PlainMember][]>>();

function membersOf(name: string, shape: Extract<PlainShape, { type: 'structure' }>, wanted: ReadonlySet<string> | undefined): [string, PlainMember][] {
  if (!wanted) return Object.entries(shape.members);
  let byShape = wantedMembers.get(wanted);
  if (!byShape) wantedMembers.set(wanted, (byShape = new Map()));
  let members = byShape.get(name);
  if (!members) byShape.set(name, (members = Object.entries(shape.members).filter(([, m]) => wanted.has(m.shape))));
  return members;
}

function step(name: string, v: unknown, path: Path, member: PlainMember | undefined, visit: (v: PlainVisit) => void, wanted: ReadonlySet<string> | undefined): void {
  const shape = plainShape(name);
  visit(member ? { shape, value: v, path, member } : { shape, value: v, path });
  if (shape.type === 'structure' && isRecord(v)) {
    for (const [key, m] of membersOf(name, shape, wanted)) {
      const x = v[key];
      if (x !== undefined && Object.hasOwn(v, key)) step(m.shape, x, [...path, key], m, visit, wanted);
    }
  } else if (shape.type === 'list' && Array.isArray(v)) {
    if (!wanted || wanted.has(shape.member)) v.forEach((item, i) => step(shape.member, item, [...path, i], undefined, visit, wanted));
  } else if (shape.type === 'map' && isRecord(v)) {
    if (!wanted || wanted.has(shape.value)) for (const key of Object.keys(v)) step(shape.value, v[key], [...path, key], undefined, visit, wanted);
  }
}

/** The shapes whose subtree (the shape itself included) holds a shape that `test` accepts. */
export function shapesLeadingTo(test: (shape: PlainShape) => boolean): Set<string> {
  const found = new Set<string>();
  const children = (s: PlainShape): string[] =>
    s.type === 'structure' ? Object.values(s.members).map((m) => m.shape) : s.type === 'list' ? [s.member] : s.type === 'map' ? [s.value] : [];
  const leads = (name: string, seen: Set<string>): boolean => {
    if (found.has(name)) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    const shape = plainShape(name);
    const result = test(shape) || children(shape).some((c) => leads(c, seen));
    if (result) found.add(name);
    return result;
  };
  for (const name of Object.keys(SHAPES)) leads(name, new Set());
  return found;
}
