import { fieldCodes, inputCodes, scheduleCodes, type Code, type DocumentedRuleId, type ruleCodes, type Severity, type Target } from '../issues/codes.js';
import { acrossRules } from './across/rules/index.js';
import { cloudformationRules } from './cloudformation/rules/index.js';
import { terraformRules } from './terraform/rules/index.js';
import { rules, type AnyRule } from '../rules/index.js';
import type { RuleSource } from '../rules/types.js';
import { targetsOf } from '../rules/points-at.js';

/*
 * Every documented rule in one place: the contract's rules (src/rules, MW001–MW079), the rules
 * across the resources of one file (src/readers/across/rules, MW080–MW099) and each reader's rules
 * (MW100–MW199 CloudFormation, MW200–MW299 Terraform; the AWS CLI's refusals are input codes, D58),
 * all defined with the one `defineRule` (src/rules/types.ts). SARIF output and the docs read this
 * list; a reader adds its rules here.
 */
export const readerRules = [...acrossRules, ...cloudformationRules, ...terraformRules] as const;

export type AnyReaderRule = (typeof readerRules)[number];
export type ReaderRuleId = AnyReaderRule['id'];
export type ReaderRuleCode = AnyReaderRule['code'];

export const allRules = [...rules, ...readerRules] as const;

export type DocumentedRule = AnyRule | AnyReaderRule;
export type AnyRuleId = DocumentedRule['id'];

/**
 * The rules and the ids and codes declared at the bottom (src/issues/codes.ts) are the same: a rule
 * whose id is not declared, or whose code is not the one declared for its id, and an id declared
 * without a rule, each fail tsc here.
 */
type Undeclared<R> = R extends { id: infer I extends DocumentedRuleId; code: infer C } ? (C extends (typeof ruleCodes)[I] ? never : R) : R;
const everyRuleDeclared: [Undeclared<DocumentedRule>] extends [never] ? true : false = true;
const everyDeclaredRuleExists: [Exclude<DocumentedRuleId, AnyRuleId>] extends [never] ? true : false = true;
void everyRuleDeclared, everyDeclaredRuleExists;

/** Which part of the project a rule belongs to: the contract itself, or a reader (`cloudformation`, ...). */
export function scopeOf(rule: DocumentedRule): string {
  return 'reader' in rule ? rule.reader : 'contract';
}

export function findRule(id: string): DocumentedRule | undefined {
  return allRules.find((r) => r.id === id);
}

/** What a finding's rule id or code stands for, with its default severity: the metadata SARIF lists. */
export interface Descriptor {
  /** The rule id (`MW003`) or, for the model's constraints and input findings, the code (`pattern_mismatch`). */
  id: string;
  code: Code;
  severity: Severity;
  title: string;
  description?: string;
  sources: readonly RuleSource[];
  scope: string;
}

const codeDescriptors = [
  ...Object.entries(fieldCodes).map(([code, c]) => ({ code, ...c, scope: 'model' })),
  ...Object.entries(inputCodes).map(([code, c]) => ({ code, ...c, scope: 'input' })),
];

/** The codes a rule raises besides its own (the schedule's: MW042 raises cron_name, cron_wildcard, ...), each with that rule's sources. */
function moreCodesOfRules(): Descriptor[] {
  const own = new Set<string>(allRules.map((r) => r.code));
  return allRules.flatMap((r) =>
    ('codes' in r && r.codes ? r.codes : [])
      .filter((code) => !own.has(code))
      .map((code) => ({ id: code, code, severity: scheduleCodes[code].severity, title: scheduleCodes[code].title, description: `Raised by ${r.id}: ${r.title}.`, sources: r.sources, scope: scopeOf(r) })),
  );
}

/** Every rule and every code that is not a rule's, in a stable order. */
export function descriptors(): Descriptor[] {
  return [
    ...allRules.map((r) => ({ id: r.id, code: r.code, severity: r.severity, title: r.title, description: r.description, sources: r.sources, scope: scopeOf(r) })),
    ...moreCodesOfRules(),
    ...codeDescriptors.map((c) => ({ id: c.code, code: c.code as Code, severity: c.severity, title: c.title, sources: [], scope: c.scope })),
  ];
}

/** What starts an inline suppression comment in Terraform, scripts, CI YAML and docs. */
export const DIRECTIVE = 'ssm-mw-contracts:ignore';

let names: Set<string> | undefined;

/** Whether `name` names a rule id or a code, as `--ignore` and inline suppressions accept (the names are gathered once). */
export function isRuleOrCode(name: string): boolean {
  names ??= new Set(descriptors().flatMap((d) => [d.id, d.code]));
  return names.has(name);
}

/**
 * Where a finding of this code points in a file (see `Target`): what its rule or its code declares
 * with `at`, the value by default. Every reader reads it from here.
 */
export const pointsAt = targetsOf(allRules);
