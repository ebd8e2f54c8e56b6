import type { Path, PathSegment } from '../issues/issue.js';
import type { Kind } from '../operations/kinds.js';
import type { OperationName } from '../operations/index.js';
import { isRecord } from '../values/value-facts.js';
import { OPERATIONS, SHAPES } from './generated/shapes.js';
import type { PlainMember, PlainShape } from './shape-types.js';

/*
 * Look-ups in the shape metadata as plain data (src/compiled/generated/shapes.ts, whose types are
 * src/compiled/shape-types.ts): what runs on every payload (validate(), the rules, the CLI) reads
 * this, so that it never has to load Zod or build the schemas.
 */

/** The body every undeclared error type is read as (src/shapes/errors.ts ErrorBody). */
const ERROR_BODY = 'ErrorBody';

export function isOperation(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(OPERATIONS, name);
}

export function plainShape(name: string): PlainShape {
  const shape = SHAPES[name];
  if (!shape) throw new Error(`no shape ${name} in src/compiled/generated/shapes.ts: run npm run generate`);
  return shape;
}

/** The root shape of an operation's request or response, or of the error body whose `__type` is `type`. */
export function rootShape(operation: OperationName, kind: Kind, type?: string): string {
  const op = OPERATIONS[operation];
  if (kind === 'request') return op.request;
  if (kind === 'response') return op.response;
  return type !== undefined && op.errors.includes(type) ? type : ERROR_BODY;
}

/** The shape at `path` inside the shape `root` (a member, list item or map entry), by AWS name; undefined when the path leaves the tree. */
export function shapeAt(root: string, path: Path): string | undefined {
  let name = root;
  for (const segment of path) {
    const shape = plainShape(name);
    if (shape.type === 'structure' && typeof segment === 'string' && Object.hasOwn(shape.members, segment)) name = shape.members[segment]!.shape;
    else if (shape.type === 'list' && typeof segment === 'number') name = shape.member;
    else if (shape.type === 'map' && typeof segment === 'string') name = shape.value;
    else return undefined;
  }
  return name;
}

/** Whether `path` names a member, list item or map entry inside the shape `root`. */
export const isShapePath = (root: string, path: Path): boolean => shapeAt(root, path) !== undefined;

/**
 * A visit of the plain walk: the value's shape, the value, and where it is. The path is the walk's
 * own, changed as it goes on: a visitor that keeps it keeps a copy.
 */
type PlainVisitor = (shape: PlainShape, value: unknown, path: Path) => void;

/** The part of the shape tree a walk covers: the shapes it visits, and each structure's members among them. */
export interface Region {
  shapes: ReadonlySet<string>;
  members: ReadonlyMap<string, readonly (readonly [string, PlainMember])[]>;
}

const structureMembers = (names: Iterable<string>, keep: (m: PlainMember) => boolean) => {
  const members = new Map<string, [string, PlainMember][]>();
  for (const name of names) {
    const shape = plainShape(name);
    if (shape.type === 'structure') members.set(name, Object.entries(shape.members).filter(([, m]) => keep(m)));
  }
  return members;
};

let whole: Region | undefined;

/** Every shape. */
function wholeTree(): Region {
  return (whole ??= { shapes: new Set(Object.keys(SHAPES)), members: structureMembers(Object.keys(SHAPES), () => true) });
}

/**
 * `walk` (src/shapes/walk.ts) over the plain metadata: visits every value at a known place of the
 * shape tree, parents first; a structure's members in the shape's order, lists and maps in the
 * payload's. A region (regionLeadingTo) prunes it to the values whose shapes lead to what a rule
 * looks for.
 */
export function walkShapes(root: string, value: unknown, visit: PlainVisitor, region: Region = wholeTree()): void {
  // One path for the whole walk, grown and shrunk as it goes: a copy per value was most of a rule's time on a payload.
  if (region.shapes.has(root)) step(root, value, [], visit, region);
}

function step(name: string, v: unknown, path: PathSegment[], visit: PlainVisitor, region: Region): void {
  const shape = plainShape(name);
  visit(shape, v, path);
  if (shape.type === 'structure') {
    const members = region.members.get(name)!;
    if (members.length === 0 || !isRecord(v)) return;
    for (const [key, m] of members) {
      const x = v[key];
      if (x === undefined || !Object.prototype.hasOwnProperty.call(v, key)) continue;
      path.push(key);
      step(m.shape, x, path, visit, region);
      path.pop();
    }
  } else if (shape.type === 'list') {
    if (!Array.isArray(v) || !region.shapes.has(shape.member)) return;
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) continue; // a hole of a sparse array holds no value, as forEach skips it
      path.push(i);
      step(shape.member, v[i], path, visit, region);
      path.pop();
    }
  } else if (shape.type === 'map') {
    if (!isRecord(v) || !region.shapes.has(shape.value)) return;
    for (const key of Object.keys(v)) {
      path.push(key);
      step(shape.value, v[key], path, visit, region);
      path.pop();
    }
  }
}

/** The region of the shapes whose subtree (the shape itself included) holds a shape that `test` accepts. */
export function regionLeadingTo(test: (shape: PlainShape) => boolean): Region {
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
  return { shapes: found, members: structureMembers(found, (m) => found.has(m.shape)) };
}
