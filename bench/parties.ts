import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { ValidateFunction } from 'ajv';
import { RULES_EXTENSION } from '../src/generate/json-schema.js';
import { RegisterTaskWithMaintenanceWindowRequest } from '../src/operations/RegisterTaskWithMaintenanceWindow.js';
import { pathToFileURL } from 'node:url';
import { validateWithZod } from '../test/support/validate-zod.js';

/*
 * Who checks a RegisterTaskWithMaintenanceWindow request, side by side. ajv compiles the JSON
 * Schema we generate (generated/json-schema/2020-12), in strict mode, with its default messages;
 * its standalone code is emitted from the same compiled validator and loaded as a module, as a
 * build step would ship it. Each party answers valid or not; ours also produce every issue with
 * its message, hint and params, and run the documented rules (warnings and infos included).
 */

export interface Party {
  name: string;
  /** The baseline the ratios are given against. */
  baseline?: 'first-error' | 'all-errors';
  check(payload: unknown): boolean;
}

const ROOT = join(import.meta.dirname, '..');
const SCHEMA = join(ROOT, 'generated', 'json-schema', '2020-12', 'RegisterTaskWithMaintenanceWindow.request.schema.json');
const CACHE = join(ROOT, 'node_modules', '.cache', 'ssm-mw-contracts-bench');

function compileAjv(allErrors: boolean, source = false): { ajv: Ajv2020; fn: ValidateFunction } {
  const ajv = new Ajv2020({ strict: true, allErrors, ...(source ? { code: { source: true } } : {}) });
  ajv.addKeyword(RULES_EXTENSION);
  return { ajv, fn: ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object) };
}

/** ajv's standalone code for the schema, written to a module and loaded like one. */
function standalone(allErrors: boolean): ValidateFunction {
  const { ajv, fn } = compileAjv(allErrors, true);
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `ajv-standalone-${allErrors ? 'all-errors' : 'first-error'}.cjs`);
  writeFileSync(file, standaloneCode(ajv, fn));
  return createRequire(import.meta.url)(file) as ValidateFunction;
}

/**
 * validate() as users run it: the built package (dist/, `npm run bench` builds it first), not the
 * sources through tsx, whose transform (esbuild's keepNames) wraps every function the code makes.
 */
async function builtValidate(): Promise<typeof import('../src/index.js').validate> {
  const built = join(ROOT, 'dist', 'index.js');
  return ((await import(pathToFileURL(built).href)) as typeof import('../src/index.js')).validate;
}

export async function parties(): Promise<Party[]> {
  const validate = await builtValidate();
  const first = compileAjv(false).fn;
  const all = compileAjv(true).fn;
  const firstStandalone = standalone(false);
  const allStandalone = standalone(true);
  return [
    { name: 'validate()', check: (p) => validate('RegisterTaskWithMaintenanceWindow', 'request', p).valid },
    { name: 'validate() on Zod (before)', check: (p) => validateWithZod('RegisterTaskWithMaintenanceWindow', 'request', p).valid },
    { name: 'Zod safeParse', check: (p) => RegisterTaskWithMaintenanceWindowRequest.safeParse(p).success },
    { name: 'ajv', baseline: 'first-error', check: (p) => first(p) },
    { name: 'ajv allErrors', baseline: 'all-errors', check: (p) => all(p) },
    { name: 'ajv standalone', check: (p) => firstStandalone(p) },
    { name: 'ajv standalone allErrors', check: (p) => allStandalone(p) },
  ];
}
