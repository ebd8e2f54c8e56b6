import { closest } from '../issues/format.js';

/*
 * The options argument of a public function, checked before anything else (spec/decisions.yaml
 * D51): options that are not an object, an option name the function does not have, or an option
 * of the wrong type are the caller's mistake about the call, not about the input, and are thrown
 * as a TypeError that names the function and the option, as a wrong operation or kind is. An
 * option that is undefined is an option left out.
 */

export interface OptionSpec {
  /** What the option must be, in words: `"wire" or "sdk"`, `an integer from 100 to 599`. */
  expected: string;
  ok(value: unknown): boolean;
}

/** A value as a message shows it: short, and never the whole of a large object. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** Throws a TypeError when `options` is not undefined or an object with only these options, each as described. */
export function checkOptions(fn: string, options: unknown, spec: Readonly<Record<string, OptionSpec>>): void {
  if (options === undefined) return;
  const names = Object.keys(spec);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: options must be an object (${names.join(', ')}) or left out, not ${shown(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(spec, key)) {
      const suggestion = closest(key, names);
      throw new TypeError(`${fn}: unknown option ${JSON.stringify(key)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; the options are ${names.join(', ')}`);
    }
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined && !spec[key]!.ok(value)) throw new TypeError(`${fn}: option ${key} must be ${spec[key]!.expected}, not ${shown(value)}`);
  }
}

/** Specs that several functions share. */
export const oneOf = (...values: readonly string[]): OptionSpec => ({
  expected: values.map((v) => JSON.stringify(v)).join(', ').replace(/, ([^,]*)$/, ' or $1'),
  ok: (v) => typeof v === 'string' && values.includes(v),
});
export const integerIn = (min: number, max: number): OptionSpec => ({
  expected: `an integer from ${min} to ${max}`,
  ok: (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
});
/** A nesting depth (maxDepth): a whole number from 1. */
export const aDepth: OptionSpec = integerIn(1, Number.MAX_SAFE_INTEGER);
export const aString: OptionSpec = { expected: 'a string', ok: (v) => typeof v === 'string' };
export const aFunction: OptionSpec = { expected: 'a function', ok: (v) => typeof v === 'function' };
export const aBoolean: OptionSpec = { expected: 'true or false', ok: (v) => typeof v === 'boolean' };
export const aDate: OptionSpec = { expected: 'a valid Date', ok: (v) => v instanceof Date && !Number.isNaN(v.getTime()) };
export const anObject: OptionSpec = { expected: 'an object', ok: (v) => typeof v === 'object' && v !== null && !Array.isArray(v) };
export const aListOf = (what: string, item: (v: unknown) => boolean): OptionSpec => ({
  expected: `a list of ${what}`,
  ok: (v) => Array.isArray(v) && v.every(item),
});
