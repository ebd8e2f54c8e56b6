/*
 * How AWS::SSM::MaintenanceWindowTask's resource handler reads the Lambda Payload: with the AWS SDK
 * for Java v1's `com.amazonaws.util.Base64.decode` (aws-cloudformation-resource-providers-ssm,
 * util/ResourceRequestTranslator.java). Its `CodecUtils.sanitize` drops spaces, CRs and LFs and
 * refuses any other character above U+007F; `Base64Codec.decode` then wants a multiple of four
 * characters, at most two `=` of padding at the end, the alphabet everywhere else, and zero bits
 * where the last character has bits to spare (`sanityCheckLastPos`). Spec: spec/decisions.yaml D34.
 */

const ALPHABET = /^[A-Za-z0-9+/]*$/;
/** Bits the last data character may not set: after two `=`, its low 4; after one `=`, its low 2. */
const SPARE_BITS = [0, 0b11, 0b1111] as const;
const VALUE = (c: string) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(c);

/** Characters that can never be part of the handler's base64, whatever surrounds them. */
export const NOT_BASE64 = /[^A-Za-z0-9+/= \r\n]/;

/** A character that is not base64, as a finding names it. */
export const notBase64 = (c: string) => (c === '=' ? 'it holds "=" before its end, where base64 has no padding' : `it holds ${JSON.stringify(c)}, which base64 does not have`);

/** The bytes the handler decodes `text` into, or why it refuses it. */
export function handlerBase64(text: string): { bytes: Uint8Array } | { refused: string } {
  let data = '';
  for (const c of text) {
    if (c === ' ' || c === '\r' || c === '\n') continue;
    if (c.codePointAt(0)! > 0x7f) return { refused: notBase64(c) };
    data += c;
  }
  const pads = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  const body = data.slice(0, data.length - pads);
  const stray = [...body].find((c) => !ALPHABET.test(c));
  if (stray !== undefined) return { refused: notBase64(stray) };
  if (data.length % 4 !== 0) return { refused: `it has ${data.length} base64 characters, not a multiple of 4` };
  if (pads > 0 && (VALUE(body[body.length - 1]!) & SPARE_BITS[pads]) !== 0) return { refused: 'its last character before the padding sets bits that base64 leaves zero' };
  return { bytes: new Uint8Array(Buffer.from(data, 'base64')) };
}
