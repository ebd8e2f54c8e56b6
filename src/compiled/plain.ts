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
 * shape tree, parents first, in the payload's key order. `into(shape)` may prune: the walk only
 * descends into values whose shape it accepts.
 */
export function walkShapes(root: string, value: unknown, visit: (v: PlainVisit) => void, into: (shape: string) => boolean = () => true): void {
  const step = (name: string, v: unknown, path: Path, member?: PlainMember): void => {
    const shape = plainShape(name);
    visit(member ? { shape, value: v, path, member } : { shape, value: v, path });
    if (!into(name)) return;
    if (shape.type === 'structure' && isRecord(v)) {
      for (const key of Object.keys(v)) {
        const m = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        if (m && v[key] !== undefined) step(m.shape, v[key], [...path, key], m);
      }
    } else if (shape.type === 'list' && Array.isArray(v)) {
      v.forEach((item, i) => step(shape.member, item, [...path, i]));
    } else if (shape.type === 'map' && isRecord(v)) {
      for (const key of Object.keys(v)) step(shape.value, v[key], [...path, key]);
    }
  };
  step(root, value, []);
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
