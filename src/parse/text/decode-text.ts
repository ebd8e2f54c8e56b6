import { LineIndex, type Position } from '../document.js';

/*
 * A file's bytes as text, or why they are not: every file these readers take (JSON, YAML, HCL,
 * shell) is UTF-8 text, as AWS, CloudFormation and Terraform read it. Bytes that are not UTF-8 are
 * reported where they are, never replaced by U+FFFD and checked as if they were what the file says.
 */

export interface TextProblem {
  /** `binary`: a NUL byte, which no text format here allows; `encoding`: bytes that are not UTF-8. */
  kind: 'binary' | 'encoding';
  reason: string;
  /** The byte offset of the first offending byte. */
  offset: number;
  position: Position;
}

export type Decoded = { ok: true; text: string } | { ok: false; problem: TextProblem };

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** The offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The length of the sequence, and the range its second byte must fall in (no overlong forms, no surrogates, nothing above U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n;
  }
  return -1;
}

/** The line and column (UTF-16 units, as everywhere else) of a byte offset. */
export function bytePosition(bytes: Uint8Array, offset: number): Position {
  const before = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset));
  return new LineIndex(before).position(before.length);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 decoding; a leading byte order mark is dropped, so columns count as editors show them. */
export function decodeText(bytes: Uint8Array): Decoded {
  const problem = (kind: TextProblem['kind'], offset: number, reason: string): Decoded => ({ ok: false, problem: { kind, reason, offset, position: bytePosition(bytes, offset) } });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem('encoding', 0, `it is UTF-16 text (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}); save it as UTF-8`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return problem('binary', nul, `it is not a text file: a NUL byte at byte offset ${nul}`);
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const offset = at < 0 ? 0 : at;
    return problem('encoding', offset, `it is not UTF-8 text: byte ${hex(bytes[offset] ?? 0)} at byte offset ${offset} is not valid UTF-8`);
  }
}
