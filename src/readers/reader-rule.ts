import type { Severity, Target } from '../issues/codes.js';
import type { Path } from '../issues/issue.js';
import type { RuleSource } from '../rules/types.js';

/**
 * A rule of one file kind's reader: what CloudFormation, Terraform or the AWS CLI requires or
 * forbids beyond the API itself. Same metadata as the contract's rules (src/rules); ids are
 * reserved per reader: MW100–MW199 CloudFormation, MW200–MW299 Terraform, MW300–MW399 AWS CLI.
 */
export interface ReaderRule<Id extends string = string, Code extends string = string> {
  /** Stable: never changes meaning, never reused. */
  id: Id;
  code: Code;
  severity: Severity;
  title: string;
  description: string;
  /** The file kind whose reader raises it (`Reader.kind`). */
  reader: string;
  sources: readonly [RuleSource, ...RuleSource[]];
  /** Where its findings point: at the member's name (`key`, for a member that should not be there or that is missing) or, by default, at its value. */
  at?: Target;
  /**
   * For rules that can be decided on the mapped API payload (a member the file format requires),
   * the check, at API paths; rules raised while reading the file itself have none.
   */
  check?(payload: Record<string, unknown>): { path: Path; params?: Record<string, unknown> }[];
}

/** Keeps the rule's literal types (its id, its code, whether it has a check). */
export function defineReaderRule<const R extends ReaderRule>(rule: R): R {
  return rule;
}
