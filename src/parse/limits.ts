/*
 * How much of a file the readers take on before they refuse it: the bounds that keep a run's time
 * and memory in proportion to what a maintenance-window task can be, whatever a pull request puts in
 * a repository. Every bound is an option of `validate` and `lint` (docs/limits.md).
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

/**
 * However high --max-depth is set, each reader goes no deeper than its own cap: past it, a file is
 * refused at the place, and the finding says that raising --max-depth does not help (D43, D44). Each cap
 * is about half the depth where reading first overflowed V8's default stack (about 1 MB, on the main
 * thread), measured on Node 20 with cold code, whose frames are the largest, over the whole read:
 * parsing, then every walk of the file and its tasks.
 * - json: the JSON parser recurses twice per level; `validate` and `lint` overflowed between 3,000 and 5,000.
 * - yaml: the `yaml` package builds a document by recursion; a flow sequence overflowed near 850.
 * - hcl: about ten frames per level; tuples, objects, calls, templates and for expressions
 *   overflowed between 760 and 1,100 levels.
 */
export const READER_MAX_DEPTH = Object.freeze({ json: 1000, yaml: 500, hcl: 400 });

/** How deep a reader goes for a --max-depth, and whether that is its own cap (raising --max-depth would not help). */
export function depthFor(reader: keyof typeof READER_MAX_DEPTH, maxDepth: number | undefined): { limit: number; capped: boolean } {
  const wanted = maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const limit = Math.min(wanted, READER_MAX_DEPTH[reader]);
  return { limit, capped: limit < wanted };
}

/** What to do about a file nested past a reader's depth (see depthFor). */
export function deeperAdvice(capped: boolean): string {
  return capped ? 'this reader reads no deeper, whatever --max-depth says' : 'raise --max-depth if the file is genuine';
}

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
