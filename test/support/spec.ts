import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Kind, OperationName } from '../../src/operations/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SPEC = join(ROOT, 'spec');
/** The in-repository copies of the real-world corpus (sources and licences in its SOURCES.md). */
export const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');

export type ConstraintKind =
  | 'required'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'enum'
  | 'minimum'
  | 'maximum'
  | 'maxBytes'
  | 'minItems'
  | 'maxItems'
  | 'minEntries'
  | 'maxEntries';

export interface SpecConstraint {
  id: string;
  path: string;
  shape: string;
  constraint: ConstraintKind;
  value: unknown;
  source: 'seed' | 'model';
  quote?: string;
  vacuous?: boolean;
  matches?: string[];
  rejects?: string[];
}

export interface SpecOperation {
  operation: OperationName;
  errors: { name: string; httpStatus: number; quote: string }[];
  constraints: SpecConstraint[];
  paginator?: Record<string, string>;
}

export interface ExpectedIssue {
  code: string;
  path: (string | number)[];
  rule?: string;
}

export interface SpecExample {
  operation: OperationName;
  kind: Kind;
  payload?: unknown;
  /** A file that `lint` reads instead of a payload (a template, a payload file): its name (which picks the reader) and text. */
  lint?: { file: string; text: string };
  file?: string;
  errors: ExpectedIssue[];
  warnings?: ExpectedIssue[];
  infos?: ExpectedIssue[];
}

const load = <T>(file: string): T => parse(readFileSync(join(SPEC, file), 'utf8')) as T;

export const specOperations: SpecOperation[] = [
  'RegisterTaskWithMaintenanceWindow',
  'DescribeMaintenanceWindowExecutionTaskInvocations',
  'CreateMaintenanceWindow',
  'UpdateMaintenanceWindow',
  'RegisterTargetWithMaintenanceWindow',
  'UpdateMaintenanceWindowTarget',
  'UpdateMaintenanceWindowTask',
].map((op) => load<SpecOperation>(`${op}.yaml`));

export const specRules = load<{ rules: { id: string; code: string; codes?: string[]; severity: string; operations: string[]; kind: string; title: string; source: string; quote: string; decision?: string }[] }>(
  'rules.yaml',
).rules;

export const specDecisions = load<{ decisions: { id: string; ref?: string; title: string; decision: string; examples?: SpecExample[] | string }[] }>('decisions.yaml').decisions;

export const specExamples = load<{ examples: (SpecExample & { file: string })[] }>('examples/examples.yaml').examples.map((e) => ({
  ...e,
  payload: JSON.parse(readFileSync(join(SPEC, 'examples', e.file), 'utf8')) as unknown,
}));

export function specFiles(): string[] {
  return readdirSync(SPEC);
}
