import { DEFAULT_LIMITS, formatSize, parseSize, type Limits } from '../parse/limits.js';
import { UsageError } from './io.js';

/** The options that set the readers' limits (src/parse/limits.ts), shared by `validate` and `lint` (parseArgs configuration). */
export const LIMIT_OPTIONS = {
  'max-file-size': { type: 'string' },
  'max-depth': { type: 'string' },
  'max-aliases': { type: 'string' },
} as const;

export const LIMITS_USAGE = `      --max-file-size N  do not read a larger file: N bytes, or e.g. 512KB, 64MB
                         (default ${formatSize(DEFAULT_LIMITS.maxFileSize).replace(' ', '')})
      --max-depth N      refuse JSON or YAML nested deeper (default ${DEFAULT_LIMITS.maxDepth})
      --max-aliases N    refuse YAML whose aliases expand more often (default ${DEFAULT_LIMITS.maxAliasCount})`;

/** The whole number an option `--name` gives, at least `min`; a UsageError for a value that is not one. */
export function wholeNumber(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number from ${min}, not "${text}"`);
  return n;
}

/** The limits the options give, each defaulting to DEFAULT_LIMITS; a UsageError for a value that is not one. */
export function limitsOf(values: { 'max-file-size'?: string; 'max-depth'?: string; 'max-aliases'?: string }): Limits {
  const count = (name: string, text: string | undefined, fallback: number, min: number) => (text === undefined ? fallback : wholeNumber(name, text, min));
  const sizeText = values['max-file-size'];
  const maxFileSize = sizeText === undefined ? DEFAULT_LIMITS.maxFileSize : parseSize(sizeText);
  if (maxFileSize === undefined) throw new UsageError(`--max-file-size must be a size such as 512KB or 64MB, not "${sizeText}"`);
  return {
    maxFileSize,
    maxDepth: count('max-depth', values['max-depth'], DEFAULT_LIMITS.maxDepth, 1),
    maxAliasCount: count('max-aliases', values['max-aliases'], DEFAULT_LIMITS.maxAliasCount, 0),
  };
}
