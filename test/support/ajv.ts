import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { RULES_EXTENSION, type Draft } from '../../src/generate/json-schema.js';
import type { Kind, OperationName } from '../../src/operations/index.js';
import { ROOT } from './spec.js';

export const GENERATED = join(ROOT, 'generated');

/** ajv in strict mode, for a draft; the one extension keyword we emit is declared as an annotation. */
export function strictAjv(draft: Draft): Ajv {
  const ajv = draft === '2020-12' ? new Ajv2020({ strict: true, allErrors: true }) : new Ajv({ strict: true, allErrors: true });
  ajv.addKeyword(RULES_EXTENSION);
  return ajv;
}

export function committedSchema(operation: OperationName, kind: Kind, draft: Draft): Record<string, unknown> {
  return JSON.parse(readFileSync(join(GENERATED, 'json-schema', draft, `${operation}.${kind}.schema.json`), 'utf8')) as Record<string, unknown>;
}

const compiled = new Map<string, ValidateFunction>();

/** The committed schema of an operation's request, response or error body, compiled by strict ajv. */
export function ajvValidator(operation: OperationName, kind: Kind, draft: Draft): ValidateFunction {
  const key = `${draft} ${operation} ${kind}`;
  let fn = compiled.get(key);
  if (!fn) {
    fn = strictAjv(draft).compile(committedSchema(operation, kind, draft));
    compiled.set(key, fn);
  }
  return fn;
}
