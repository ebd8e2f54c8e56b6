import type { LocatedFinding } from '../issues/located.js';
import type { Severity } from '../issues/codes.js';
import type { Issue, Path } from '../issues/issue.js';
import { DocumentError, type Position } from '../parse/document.js';
import { parseJson } from '../parse/json/parse-json.js';
import { withPositions } from '../readers/payload/payload-document.js';
import { isOperationName, OPERATION_NAMES, SERVICE, type OperationName } from '../operations/index.js';
import { checkOptions } from '../validate/check-options.js';
import { makeIssue, validate, VALIDATE_OPTIONS, type ValidateOptions } from '../validate/validate.js';
import { wordIssue } from '../issues/make.js';

/*
 * The exchange checker: one HTTP exchange with SSM's AWS JSON 1.1 endpoint (the X-Amz-Target
 * header, the request body, the status and the response body), checked against the contract.
 * The request is routed by its target and validated; the response is validated as a result
 * (a 2xx status) or as an error body (4xx, 5xx) whose declared status is checked. Every issue
 * says which part of the exchange it is about. Pure: readers of HTTP text and HAR files
 * (src/exchange/http.ts, har.ts) and the SDK middleware (src/aws-sdk/) build on it.
 */

export type Part = 'request' | 'response';

/** An issue of one part of an exchange; `path` is relative to that part's body, `line`/`column` to its text. */
export type ExchangeIssue = LocatedFinding & { part: Part };

/** A body as text (or the bytes of it), or as a value already parsed from JSON. */
export type Body = string | Uint8Array | Record<string, unknown>;

export interface Exchange {
  /** The X-Amz-Target header, e.g. `AmazonSSM.RegisterTaskWithMaintenanceWindow`. */
  target: string | undefined;
  /** The request body. */
  request: Body;
  /** The response's HTTP status. Without it, a body with `__type` is read as an error, any other as a result. */
  status?: number;
  /** The response body; absent when only the request was recorded. */
  response?: Body;
  /** The response's Content-Type, named in findings when its body is not JSON. */
  responseContentType?: string;
  /** How the recorded response text is encoded, when it is not the body itself: a HAR file's `content.encoding`. */
  responseEncoding?: BodyEncoding;
}

/** `base64`: the text is the body's bytes in base64 (HAR 1.2 `content.encoding`). */
export type BodyEncoding = 'base64';

export interface ExchangeReport {
  target: string | undefined;
  /** The operation the target names, when it is one this library knows. */
  operation: OperationName | null;
  status?: number;
  /** How the response was read: a result, an error body, or not at all (none given, or not routable). */
  responseKind: 'response' | 'error' | null;
  /** False exactly when an issue has severity "error". */
  valid: boolean;
  issues: ExchangeIssue[];
}

function partIssue(part: Part, code: Parameters<typeof makeIssue>[0], severity: Severity, path: Path, params: Record<string, unknown>, at?: Position): ExchangeIssue {
  return { ...wordIssue(makeIssue(code, severity, path, params)), ...at, part };
}

export type Route = { ok: true; operation: OperationName } | { ok: false; issue: ExchangeIssue };

/**
 * The operation an X-Amz-Target header names. A target of another SSM operation is not an error,
 * only outside what this library checks (info); a missing or malformed target is an error, since
 * AWS JSON 1.1 cannot route the request.
 */
export function route(target: string | undefined): Route {
  const prefix = SERVICE.targetPrefix;
  const dot = target === undefined ? -1 : target.lastIndexOf('.');
  const name = dot === -1 ? '' : target!.slice(dot + 1);
  if (target === undefined || dot === -1 || target.slice(0, dot) !== prefix || !/^[A-Za-z]+$/.test(name)) {
    const params = { ...(target === undefined || target === '' ? {} : { actual: target }), prefix };
    return { ok: false, issue: partIssue('request', 'unknown_target', 'error', [], params) };
  }
  if (isOperationName(name)) return { ok: true, operation: name };
  const sameLetters = OPERATION_NAMES.find((op) => op.toLowerCase() === name.toLowerCase());
  const reason = `this library checks ${OPERATION_NAMES.join(', ')} only`;
  const params = { what: target, reason, ...(sameLetters ? { hint: `Operation names are case-sensitive: ${prefix}.${sameLetters}.` } : {}) };
  return { ok: false, issue: partIssue('request', 'not_checked', 'info', [], params) };
}

type Read = { ok: true; value: unknown; locate?: (issues: Issue[]) => (Issue & Partial<Position>)[] } | { ok: false; issue: ExchangeIssue };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Base64 as HAR writers encode bodies (ASCII whitespace ignored, padding optional: WHATWG's forgiving-base64), or why the text is not base64. */
function fromBase64(text: string): Uint8Array | { reason: string } {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    const bad = /[^A-Za-z0-9+/=\t\n\f\r ]/.exec(text);
    const what = bad ? `${JSON.stringify(bad[0])} at character ${bad.index + 1} is not a base64 character` : 'its length or its padding is wrong';
    return { reason: `its recorded text is marked base64 but is not base64: ${what}` };
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A body as a value: text is parsed strictly (with positions); an empty body is `{}`, as AWS JSON 1.1 clients read it. */
export function readBody(body: Body, part: Part, contentType?: string, encoding?: BodyEncoding): Read {
  if (!(typeof body === 'string' || body instanceof Uint8Array)) return { ok: true, value: body };
  const notJson = (reason: string, at?: Position): Read => ({
    ok: false,
    issue: partIssue(part, 'body_not_json', 'error', [], { part, reason, ...(contentType ? { contentType } : {}), ...(encoding ? { encoding } : {}) }, at),
  });
  if (encoding === 'base64' && typeof body === 'string') {
    // Positions in the decoded text are not positions in the recorded file: issues inside it are placed at the body.
    const bytes = fromBase64(body);
    if (!(bytes instanceof Uint8Array)) return notJson(bytes.reason);
    body = bytes;
  }
  let text: string;
  try {
    text = typeof body === 'string' ? body : decoder.decode(body);
  } catch {
    return notJson('it is not UTF-8 text');
  }
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const doc = parseJson(text);
    return { ok: true, value: doc.value, locate: (issues) => withPositions(doc, issues) };
  } catch (error) {
    if (error instanceof DocumentError) return notJson(error.message, error.position);
    throw error;
  }
}

export interface PartCheck {
  valid: boolean;
  issues: ExchangeIssue[];
}

/** Validates a request body of `operation`. */
export function checkRequestBody(operation: OperationName, body: Body, options: Pick<ValidateOptions, 'representation'> = {}): PartCheck {
  checkOptions('checkRequestBody()', options, { representation: VALIDATE_OPTIONS.representation });
  return validatePart(operation, 'request', readBody(body, 'request'), 'request', options);
}

function validatePart(operation: OperationName, kind: 'request' | 'response' | 'error', read: Read, part: Part, options: ValidateOptions): PartCheck {
  if (!read.ok) return { valid: false, issues: [read.issue] };
  const result = validate(operation, kind, read.value, options);
  const located = read.locate ? read.locate(result.issues) : result.issues;
  return { valid: result.valid, issues: located.map((issue) => ({ ...issue, part })) };
}

export interface ResponseCheck extends PartCheck {
  kind: 'response' | 'error' | null;
}

const hasType = (value: unknown) => typeof value === 'object' && value !== null && '__type' in value;

/**
 * Validates a response of `operation`: a 2xx status carries a result, a 4xx or 5xx status an
 * error body, whose type must be declared with that status. Without a status, a body with
 * `__type` is read as an error.
 */
export function checkResponseBody(operation: OperationName, status: number | undefined, body: Body, contentType?: string, encoding?: BodyEncoding): ResponseCheck {
  if (status !== undefined && !(status >= 200 && status < 300) && !(status >= 400 && status < 600)) {
    return { kind: null, valid: false, issues: [partIssue('response', 'unexpected_http_status', 'error', [], { actual: status })] };
  }
  const read = readBody(body, 'response', contentType, encoding);
  const kind = status !== undefined ? (status < 300 ? 'response' : 'error') : read.ok && hasType(read.value) ? 'error' : 'response';
  const check = validatePart(operation, kind, read, 'response', status === undefined ? {} : { httpStatus: status });
  return { kind, ...check };
}

/** Checks one exchange: its target, its request, and its response when one is given. */
export function checkExchange(exchange: Exchange): ExchangeReport {
  const { target, status } = exchange;
  const base = { target, ...(status !== undefined ? { status } : {}) };
  const routed = route(target);
  if (!routed.ok) return { ...base, operation: null, responseKind: null, valid: routed.issue.severity !== 'error', issues: [routed.issue] };

  const { operation } = routed;
  const request = checkRequestBody(operation, exchange.request);
  const issues = [...request.issues];
  let responseKind: ExchangeReport['responseKind'] = null;
  if (exchange.response !== undefined || status !== undefined) {
    const response = checkResponseBody(operation, status, exchange.response ?? '', exchange.responseContentType, exchange.responseEncoding);
    responseKind = response.kind;
    issues.push(...response.issues);
    const errors = request.issues.filter((i) => i.severity === 'error');
    if (response.kind === 'response' && errors.length > 0) {
      const codes = [...new Set(errors.map((i) => i.rule ?? i.code))];
      issues.push(partIssue('response', 'accepted_invalid_request', 'warning', [], { status: status ?? 200, errors: errors.length, codes }));
    }
  }
  return { ...base, operation, responseKind, valid: !issues.some((i) => i.severity === 'error'), issues };
}
