import { defineRule } from '../../../rules/types.js';
import { isUnknown } from '../../../values/unknown-value.js';
import { isRecordValue, toText, type Value } from '../evaluate.js';
import type { AttributeType } from '../schema.js';


export default defineRule({
  id: 'MW204',
  code: 'terraform_type_mismatch',
  severity: 'error',
  reader: 'terraform',
  title: 'A value Terraform cannot convert to the argument’s type',
  description:
    'Terraform converts between strings, numbers and booleans where it can ("10" for a number, 5 for a string) and refuses the rest before the provider is called: a string that is not a decimal number for priority or timeout_seconds, anything but true, false, "true" or "false" for a boolean, a list for a string, a string for a list.',
  sources: [
    {
      document: 'tonumber function, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/functions/tonumber',
      quote: 'Only numbers, null, and strings containing decimal representations of numbers can be converted to number. All other values will produce an error.',
    },
    {
      document: 'tobool function, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/functions/tobool',
      quote: 'Only boolean values, null, and the exact strings "true" and "false" can be converted to boolean. All other values will produce an error.',
    },
    {
      document: 'tostring function, Terraform language documentation',
      url: 'https://developer.hashicorp.com/terraform/language/functions/tostring',
      quote: 'Only the primitive types (string, number, and bool) and null can be converted to string.',
    },
  ],

  /**
   * A known value against the type of its argument, as Terraform converts it; with `item`, one item
   * of that list or one value of that map (reported at the argument, the whole value shown).
   */
  check({ argument, expected, value, item }: { argument: string; expected: AttributeType; value: Value; item?: Value }) {
    const found = (received: string) => [{ path: [], params: { argument, expected, received, actual: describe(value) } }];
    if (item !== undefined) {
      if (isUnknown(item)) return [];
      // A map drops a value set to null (the provider's tags); a list cannot hold one.
      if (expected === 'tags') return item !== null && toText(item) === undefined ? found(`a map holding ${kindOf(item)}`) : [];
      return item === null || toText(item) === undefined ? found(`a list holding ${kindOf(item)}`) : [];
    }
    if (isUnknown(value) || value === null) return [];
    switch (expected) {
      case 'string':
        return toText(value) === undefined ? found(kindOf(value)) : [];
      case 'number':
        return typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value)) ? [] : found(kindOf(value));
      case 'bool':
        return typeof value === 'boolean' || value === 'true' || value === 'false' ? [] : found(kindOf(value));
      case 'tags':
        return isRecordValue(value) ? [] : found(kindOf(value));
      case 'list':
        return Array.isArray(value) ? [] : found(kindOf(value));
    }
  },
});

/** The decimal text Terraform converts to a number. */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function kindOf(value: Value): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecordValue(value)) return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a bool';
  return 'null';
}

/** The value as it might be written, for messages (shortened). */
function describe(value: Value): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (isUnknown(v) ? '(unknown)' : v)) ?? String(value);
  return text.length > 60 ? text.slice(0, 59) + '…' : text;
}
