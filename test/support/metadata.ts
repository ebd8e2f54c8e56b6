import type * as z from 'zod';
import { metaOf, type ShapeMeta } from '../../src/shapes/meta.js';
import type { ConstraintKind } from './spec.js';

/** A constraint as the schema metadata declares it, in spec path notation. */
export interface DeclaredConstraint {
  path: string;
  shape: string;
  constraint: ConstraintKind;
  value: unknown;
}

/** Every member and list/map position of a schema, in spec path notation, with its shape metadata. */
export function positions(schema: z.ZodType, path = ''): { path: string; meta: ShapeMeta; required: boolean; mapKey?: boolean }[] {
  const out: { path: string; meta: ShapeMeta; required: boolean; mapKey?: boolean }[] = [];
  const visit = (s: z.ZodType, p: string, required: boolean) => {
    const meta = metaOf(s);
    if (p) out.push({ path: p, meta, required });
    if (meta.type === 'structure') {
      for (const [name, m] of Object.entries(meta.members)) if (!m.envelope) visit(m.schema, p ? `${p}.${name}` : name, m.required);
    } else if (meta.type === 'list') visit(meta.member, `${p}[]`, false);
    else if (meta.type === 'map') {
      out.push({ path: `${p}{key}`, meta: metaOf(meta.key), required: false, mapKey: true });
      visit(meta.value, `${p}{}`, false);
    }
  };
  visit(schema, path, false);
  return out;
}

/** The constraints the schema enforces, read from its metadata. */
export function declaredConstraints(schema: z.ZodType): DeclaredConstraint[] {
  const out: DeclaredConstraint[] = [];
  for (const { path, meta, required } of positions(schema)) {
    const add = (constraint: ConstraintKind, value: unknown) => out.push({ path, shape: meta.shape, constraint, value });
    if (required) add('required', true);
    switch (meta.type) {
      case 'string':
        if (meta.min !== undefined) add('minLength', meta.min);
        if (meta.max !== undefined) add('maxLength', meta.max);
        if (meta.pattern !== undefined) add('pattern', meta.pattern);
        if (meta.enum) add('enum', [...meta.enum]);
        break;
      case 'integer':
        if (meta.min !== undefined) add('minimum', meta.min);
        if (meta.max !== undefined) add('maximum', meta.max);
        break;
      case 'blob':
        if (meta.max !== undefined) add('maxBytes', meta.max);
        break;
      case 'list':
        if (meta.min !== undefined) add('minItems', meta.min);
        if (meta.max !== undefined) add('maxItems', meta.max);
        break;
      case 'map':
        if (meta.min !== undefined) add('minEntries', meta.min);
        if (meta.max !== undefined) add('maxEntries', meta.max);
        break;
    }
  }
  return out;
}
