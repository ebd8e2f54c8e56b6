/*
 * Python's `base64.b64decode` (not strict: characters outside the alphabet are dropped, decoding
 * stops at a complete padding) and `b64encode`, as AWS CLI v2 uses them for blob arguments and as
 * botocore uses them for pagination tokens.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const TABLE = new Map([...ALPHABET].map((c, i) => [c.charCodeAt(0), i]));

export class PyBase64Error extends Error {}

/** `binascii.a2b_base64(data)` of CPython 3.11, on bytes. */
export function pyB64decodeBytes(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let quad = 0;
  let left = 0;
  let pads = 0;
  for (const byte of data) {
    if (byte === 0x3d) {
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const v = TABLE.get(byte);
    if (v === undefined) continue;
    pads = 0;
    if (quad === 0) [quad, left] = [1, v];
    else if (quad === 1) {
      out.push(((left << 2) | (v >> 4)) & 0xff);
      [quad, left] = [2, v & 0x0f];
    } else if (quad === 2) {
      out.push(((left << 4) | (v >> 2)) & 0xff);
      [quad, left] = [3, v & 0x03];
    } else {
      out.push(((left << 6) | v) & 0xff);
      [quad, left] = [0, 0];
    }
  }
  if (quad === 1) {
    throw new PyBase64Error(`Invalid base64-encoded string: number of data characters (${(Math.floor(out.length / 3) * 4) + 1}) cannot be 1 more than a multiple of 4`);
  }
  if (quad !== 0) throw new PyBase64Error('Incorrect padding');
  return Uint8Array.from(out);
}

/** `base64.b64decode(text)` for a str: only ASCII is accepted (a ValueError otherwise, not a binascii.Error). */
export function pyB64decodeText(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) throw new TypeError('string argument should contain only ASCII characters');
    bytes[i] = c;
  }
  return pyB64decodeBytes(bytes);
}

export function b64encode(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
