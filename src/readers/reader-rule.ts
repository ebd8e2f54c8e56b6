import { defineRule, type ReaderRule } from '../rules/types.js';

export type { ReaderRule } from '../rules/types.js';

/**
 * The one `defineRule` (src/rules/types.ts), under the name reader rules were first defined with.
 * Kept so that rule files written against it still compile; new rules call `defineRule`.
 */
export const defineReaderRule: <const Id extends string, const Code extends string, const Reader extends string, Input>(
  rule: ReaderRule<Id, Code, Input> & { reader: Reader },
) => ReaderRule<Id, Code, Input> & { reader: Reader } = defineRule;
