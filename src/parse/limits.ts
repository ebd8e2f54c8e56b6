/*
 * How much of a file the readers take on before they refuse it: the bounds that keep a run's time
 * and memory in proportion to what a maintenance-window task can be, whatever a pull request puts in
 * a repository. Every bound is an option of `validate` and `lint` (README, "Limits").
 */

export interface Limits {
  /** Bytes. A larger file is not read: an error when it is named, an info when a walk finds it. */
  maxFileSize: number;
  /** Collections (objects, arrays, mappings, sequences) nested inside one another, JSON and YAML alike. */
  maxDepth: number;
  /** YAML alias expansions (`*name`), counted as the `yaml` package counts them: a "billion laughs" guard. */
  maxAliasCount: number;
}

/**
 * A CloudFormation template is at most 1 MB (51,200 bytes in the request), an API payload a few
 * kilobytes, a Terraform plan of a large configuration a few megabytes: 16 MiB leaves room for all of
 * them. No task is nested more than about 30 levels deep, even in a plan's module tree; 128 keeps every
 * recursive step (the YAML parser's above all, which overflows the stack a little beyond 300 levels)
 * far from the stack's end. 100 alias expansions is the `yaml` package's own default.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileSize: 16 * 1024 * 1024,
  maxDepth: 128,
  maxAliasCount: 100,
});

const UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** `16MB`, `512k`, `1048576`: a size in bytes (binary units), or undefined when the text is not one. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) return undefined;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** A size as people read it: `16 MiB`, `512 KiB`, `100 bytes`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
