/*
 * What was thrown, said in words. JavaScript can throw anything: an Error whose `message` getter
 * throws, a DOMException whose `code` is a number, null, a symbol, an object without a prototype, a
 * revoked proxy. Nothing here assumes a shape, and nothing here throws.
 */

function read(value: unknown, key: string): unknown {
  try {
    return (typeof value === 'object' && value !== null) || typeof value === 'function' ? (value as Record<string, unknown>)[key] : undefined;
  } catch {
    return undefined;
  }
}

/** The thrown value's `code` when it is a string (Node's `ENOENT`, `ERR_PARSE_ARGS_...`); a number (a DOMException's) or anything else is not one. */
export function errorCode(thrown: unknown): string | undefined {
  const code = read(thrown, 'code');
  return typeof code === 'string' ? code : undefined;
}

/** The thrown value's message: an Error's `message`, a string itself, else what String() makes of it. */
export function messageOf(thrown: unknown): string {
  const message = read(thrown, 'message');
  if (typeof message === 'string' && message !== '') return message;
  if (typeof thrown === 'string') return thrown;
  try {
    return String(thrown);
  } catch {
    return 'a value that cannot be shown';
  }
}

/** The reason given when this tool fails on one file (a bug): what failed, what was thrown, and to report it. */
export function failedOnFile(what: string, thrown: unknown): string {
  return `${what} failed (${messageOf(thrown)}); please report it with this file`;
}

/** The thrown value's stack, when it has one. */
export function stackOf(thrown: unknown): string | undefined {
  const stack = read(thrown, 'stack');
  return typeof stack === 'string' ? stack : undefined;
}
