import { PyBase64Error, pyB64decodeBytes, utf8 } from './base64.js';
import { PyJsonError, pyJsonLoads } from './pyjson.js';
import { pyInt, pyStrRepr, TooDeep, type Py } from './python.js';
import { general, hasExpansion, NotChecked, tooDeep, type ReadingNote } from './reading.js';

/*
 * The first request of a paginated operation (botocore's paginator): --starting-token, --page-size
 * and --max-items leave the request as PaginationConfig, and a starting token and the page size
 * enter it as the operation's own members.
 */

/** botocore's paginator: PaginationConfig leaves the request; a starting token and the page size enter it. */
export function paginationRequest(params: Extract<Py, { t: 'dict' }>, notes: ReadingNote[], maxDepth: number | undefined) {
  const config = params.v.get('PaginationConfig');
  params.v.delete('PaginationConfig');
  const get = (k: string) => (config?.t === 'dict' ? config.v.get(k) : undefined);
  const maxItems = get('MaxItems');
  const pageSize = get('PageSize');
  const token = get('StartingToken');
  const intOf = (v: Py | undefined): bigint | undefined => {
    if (v === undefined || v.t === 'none') return undefined;
    if (v.t === 'int') return v.v;
    if (v.t === 'str') {
      const n = pyInt(v.v);
      if (n === undefined) throw general(`invalid literal for int() with base 10: ${pyStrRepr(v.v)}`, v.at);
      return n;
    }
    return undefined;
  };
  const max = intOf(maxItems);
  const size = intOf(pageSize);
  notes.push({ kind: 'pagination', paginate: true, ...(max !== undefined ? { maxItems: Number(max) } : {}), ...(size !== undefined ? { pageSize: Number(size) } : {}), ...(token ? { startingToken: true } : {}) });
  if (token && token.t !== 'none') {
    const injected = startingToken(token, maxDepth);
    for (const [k, v] of injected) {
      if (v !== undefined && !(v.t === 'str' && v.v === 'None')) params.v.set(k, v);
      else params.v.delete(k);
    }
  }
  if (size !== undefined) params.v.set('MaxResults', { t: 'int', v: size, at: pageSize?.at });
}

/** botocore's PageIterator._parse_starting_token: the CLI's base64 JSON token, or the older `token___n` form, or a raw service token. */
function startingToken(token: Py, maxDepth: number | undefined): Map<string, Py | undefined> {
  if (token.t === 'unknown') return new Map([['NextToken', token]]);
  if (token.t !== 'str') return new Map([['NextToken', token]]);
  const text = token.v;
  const at = token.at;
  if (hasExpansion(text)) return new Map([['NextToken', { t: 'unknown', source: text, at }]]);
  let decoded: Py | undefined;
  try {
    const bytes = pyB64decodeBytes(utf8(text));
    const json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    decoded = pyJsonLoads(json, () => at, maxDepth);
  } catch (e) {
    if (e instanceof TooDeep) throw tooDeep('--starting-token', e, at);
    if (!(e instanceof PyBase64Error || e instanceof PyJsonError || e instanceof TypeError)) throw e;
  }
  if (decoded !== undefined && decoded.t !== 'list') {
    if (decoded.t !== 'dict') throw general(`'${decoded.t === 'none' ? 'NoneType' : decoded.t}' object has no attribute 'pop'`, at);
    if (decoded.v.has('boto_encoded_keys')) throw new NotChecked('the starting token holds binary (boto_encoded_keys) values', at);
    decoded.v.delete('boto_truncate_amount');
    return new Map([...decoded.v].map(([k, v]) => [k, v.t === 'none' ? undefined : v]));
  }
  let parts = text.split('___');
  if (parts.length === 2 && pyInt(parts[1]!) !== undefined) parts = [parts[0]!];
  else if (parts.length === 2) parts = [text];
  if (parts.length > 1) throw general(`Bad starting token: ${text}`, at);
  return new Map([['NextToken', parts[0] === 'None' ? undefined : { t: 'str', v: parts[0]!, at }]]);
}
