import type { Paginator } from '../operations/index.js';
import type { Deprecation } from '../shapes/meta.js';

/*
 * The shape metadata as plain data, compiled from the Zod schemas' registry (src/shapes/meta.ts)
 * into src/compiled/generated/shapes.ts by `npm run generate`: the types of those tables. Apart
 * from the look-ups (src/compiled/shape-lookup.ts), which read the generated tables, so that the
 * generated file and the look-ups do not import each other.
 */

interface PlainBase {
  shape: string;
  sensitive?: boolean;
}

export type PlainShape = PlainBase &
  (
    | { type: 'string'; enum?: readonly string[]; deprecatedValues?: Readonly<Record<string, Deprecation>>; min?: number; max?: number }
    | { type: 'integer'; min?: number; max?: number }
    | { type: 'boolean' | 'blob' | 'timestamp' }
    | { type: 'list'; member: string; min?: number; max?: number }
    | { type: 'map'; key: string; value: string; min?: number; max?: number }
    | { type: 'structure'; members: Readonly<Record<string, PlainMember>>; direction: 'input' | 'output'; exception?: { httpStatus: number; fault: boolean } }
  );

export interface PlainMember {
  /** The member's shape, by AWS name: a key of SHAPES. */
  shape: string;
  required: boolean;
  deprecated?: Deprecation;
  /** The model's `idempotencyToken` trait: the AWS CLI and SDKs fill it when absent. */
  idempotencyToken?: true;
}

export interface PlainOperation {
  cliCommand: string;
  /** Root shapes, by AWS name. */
  request: string;
  response: string;
  errors: readonly string[];
  paginator?: Paginator;
}
