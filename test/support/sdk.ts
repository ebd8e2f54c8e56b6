import { operations, type OperationName } from '../../src/operations/index.js';
import { base64ByteLength } from '../../src/shapes/build.js';
import { walk } from '../../src/shapes/walk.js';
import type { PathSegment } from '../../src/issues/issue.js';
import { clone, setAt } from './payloads.js';

/**
 * A wire-shaped request payload (as in test/fixtures and spec/) as SDK input: blobs sent as
 * base64 text become the bytes the SDK base64-encodes itself. Undefined when the payload cannot
 * be SDK input with the same meaning: a blob that is not base64 text (a wire-only fault), or a
 * null member (the SDK drops it instead of sending it).
 */
export function toSdkInput(operation: OperationName, payload: unknown): unknown {
  let out = clone(payload);
  let expressible = true;
  const blobs: { path: PathSegment[]; text: string }[] = [];
  walk(operations[operation].request, payload, ({ meta, value, path }) => {
    if (value === null) expressible = false;
    else if (meta.type === 'blob' && typeof value === 'string') blobs.push({ path: [...path], text: value });
  });
  for (const { path, text } of blobs) {
    if (base64ByteLength(text) === undefined) return undefined;
    out = setAt(out, path, new Uint8Array(Buffer.from(text, 'base64')));
  }
  return expressible ? out : undefined;
}
