import { detectFormat, DocumentError, type ParsedDocument } from '../parse/document.js';
import { parseJson } from '../parse/json/parse-json.js';
import { withPositions } from '../readers/payload/payload-document.js';
import type { Path } from '../issues/issue.js';
import { SERVICE } from '../operations/index.js';
import { isRecord } from '../values/value-facts.js';
import { checkExchange, type Body, type Exchange, type ExchangeIssue, type ExchangeReport } from './exchange.js';
import { checkRecordedExchange, parseHttpExchange } from './http.js';

/*
 * Recorded exchanges, as files: HTTP message text (src/exchange/http.ts), a HAR file (what
 * browsers, mitmproxy and Charles export), or JSON exchange objects `{ target, request, status,
 * response }` (one, or a list). Pure: text in, reports out; a file that is none of these throws
 * DocumentError with where it stops making sense.
 */

export interface RecordedReport extends ExchangeReport {
  /** The exchange's place in the file: the HAR entry or list index, from 0. */
  entry?: number;
}

export interface RecordedFile {
  format: 'http' | 'har' | 'json';
  reports: RecordedReport[];
  /** HAR entries that are not calls to SSM (other hosts, other services). */
  skipped: number;
}

type HarHeader = { name?: unknown; value?: unknown };

function header(headers: unknown, name: string): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  const found = (headers as HarHeader[]).find((h) => isRecord(h) && typeof h.name === 'string' && h.name.toLowerCase() === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

const isSsmHost = (url: unknown) => typeof url === 'string' && /^https?:\/\/ssm(?:-fips)?\.[^/]*amazonaws\.com(?:\.cn)?(?:[:/]|$)/i.test(url);

/** The SSM calls of a HAR log (HAR 1.2): entries whose X-Amz-Target names the service, or that go to an SSM endpoint. */
export function exchangesFromHar(har: Record<string, unknown>, doc?: ParsedDocument): { exchanges: { entry: number; exchange: Exchange }[]; skipped: number } {
  const entries = isRecord(har.log) ? har.log.entries : undefined;
  if (!Array.isArray(entries)) throw new DocumentError('a HAR file needs log.entries, a list', doc?.locate(['log']) ?? { line: 1, column: 1 });
  const exchanges: { entry: number; exchange: Exchange }[] = [];
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || !isRecord(entry.request)) return;
    const { request } = entry;
    const target = header(request.headers, 'x-amz-target');
    const forSsm = target !== undefined ? target.startsWith(`${SERVICE.targetPrefix}.`) : isSsmHost(request.url);
    if (!forSsm) return;
    const postData = isRecord(request.postData) ? request.postData : {};
    const exchange: Exchange = { target, request: typeof postData.text === 'string' ? postData.text : '' };
    const response = isRecord(entry.response) ? entry.response : undefined;
    // Status 0: the request got no response (blocked, aborted, or still pending when recorded).
    if (response && typeof response.status === 'number' && response.status > 0) {
      const content = isRecord(response.content) ? response.content : {};
      const text = typeof content.text === 'string' ? content.text : '';
      exchange.status = response.status;
      // Decoded by the checker, so that text that is not base64 is a finding about this body.
      exchange.response = text;
      if (content.encoding === 'base64') exchange.responseEncoding = 'base64';
      const contentType = header(response.headers, 'content-type') ?? (typeof content.mimeType === 'string' ? content.mimeType : undefined);
      if (contentType) exchange.responseContentType = contentType;
    }
    exchanges.push({ entry: index, exchange });
  });
  return { exchanges, skipped: entries.length - exchanges.length };
}

const isBody = (v: unknown): v is Body => typeof v === 'string' || isRecord(v);

/** An exchange object `{ target, request, status?, response? }`, as the API takes it. */
function exchangeFromJson(value: unknown, path: Path, doc: ParsedDocument): Exchange {
  const fail = (message: string, at: Path): never => {
    throw new DocumentError(message, doc.locate(at) ?? doc.locate(path) ?? { line: 1, column: 1 });
  };
  if (!isRecord(value)) return fail('expected an exchange: an object with target, request, status and response', path);
  const { target, request, status, response, responseContentType } = value;
  if (target !== undefined && typeof target !== 'string') fail('target must be the X-Amz-Target header, a string', [...path, 'target']);
  if (!isBody(request)) return fail('request must be the request body: a JSON object, or its text', [...path, 'request']);
  if (status !== undefined && !(typeof status === 'number' && Number.isInteger(status))) fail('status must be an HTTP status code', [...path, 'status']);
  if (response !== undefined && !isBody(response)) fail('response must be the response body: a JSON object, or its text', [...path, 'response']);
  return {
    target: target as string | undefined,
    request,
    ...(status !== undefined ? { status: status as number } : {}),
    ...(response !== undefined ? { response: response as Body } : {}),
    ...(typeof responseContentType === 'string' ? { responseContentType } : {}),
  };
}

/** Members of the exchange object that issues about the whole message belong to. */
const MESSAGE_MEMBER: Partial<Record<ExchangeIssue['code'], string>> = {
  unknown_target: 'target',
  not_checked: 'target',
  unexpected_http_status: 'status',
  accepted_invalid_request: 'status',
};

/**
 * Places each issue at its line in the file: inside a body given as a JSON value, at the body
 * for one given as text (positions in that text are not the file's), else at the member the
 * issue is about.
 */
function locateIn(doc: ParsedDocument, issues: ExchangeIssue[], base: Path, exchange: Exchange): ExchangeIssue[] {
  return issues.map(({ line: _line, column: _column, ...issue }) => {
    const member = MESSAGE_MEMBER[issue.code] ?? issue.part;
    const value = (exchange as unknown as Record<string, unknown>)[member];
    const at = isRecord(value) ? withPositions(doc, [issue], [...base, member])[0] : (doc.locate([...base, member]) ?? doc.locate(base));
    return { ...issue, ...(at ? { line: at.line, column: at.column } : {}) };
  });
}

/** Checks every exchange in a recorded file. */
export function checkRecordedText(text: string): RecordedFile {
  // JSON (an exchange object or a HAR file) starts like JSON; anything else is HTTP text.
  if (detectFormat(text) !== 'json') return { format: 'http', reports: [checkRecordedExchange(parseHttpExchange(text))], skipped: 0 };

  const doc = parseJson(text);
  const { value } = doc;
  if (isRecord(value) && 'log' in value) {
    const { exchanges, skipped } = exchangesFromHar(value, doc);
    const reports = exchanges.map(({ entry, exchange }) => {
      const report = checkExchange(exchange);
      // Positions inside a body are positions in a JSON string of the HAR file: point at that string.
      const at = (issue: ExchangeIssue) =>
        doc.locate(['log', 'entries', entry, ...(issue.part === 'request' ? ['request', 'postData', 'text'] : ['response', 'content', 'text'])]) ??
        doc.locate(['log', 'entries', entry]);
      const issues = report.issues.map(({ line: _line, column: _column, ...issue }) => ({ ...issue, ...at(issue as ExchangeIssue) }));
      return { ...report, issues, entry };
    });
    return { format: 'har', reports, skipped };
  }
  const items: [unknown, Path][] = Array.isArray(value) ? value.map((v, i) => [v, [i]]) : [[value, []]];
  const reports = items.map(([item, path]) => {
    const exchange = exchangeFromJson(item, path, doc);
    const report = checkExchange(exchange);
    const entry = path.length > 0 ? { entry: path[0] as number } : {};
    return { ...report, issues: locateIn(doc, report.issues, path, exchange), ...entry };
  });
  return { format: 'json', reports, skipped: 0 };
}
