import { DocumentError, LineIndex, withoutBom } from '../parse/document.js';
import { checkExchange, type Exchange, type ExchangeIssue, type ExchangeReport, type Part } from './exchange.js';
import { makeIssue, wordIssue } from '../issues/make.js';
import { setOwn } from '../values/set-own.js';

/*
 * Reads an HTTP exchange written as text: a request message (request line, headers, a blank
 * line, the body), optionally followed by the response message (status line, headers, body),
 * as AWS's API reference prints its samples and as proxies and `curl -v` record them. CRLF or
 * LF line ends. The request body ends where the response's status line starts, whatever
 * Content-Length says (recorded text is often reformatted); a Content-Length that does not
 * match the body is reported.
 */

export interface HttpMessage {
  startLine: string;
  /** Header names in lower case; the first of repeated headers wins. */
  headers: Record<string, string>;
  body: string;
  /** 1-based lines of the file: the start line, each header (by lower-case name), the body's first. */
  line: number;
  headerLines: Record<string, number>;
  bodyLine: number;
}

export interface RecordedExchange {
  request: HttpMessage;
  response?: HttpMessage;
  exchange: Exchange;
}

const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/\d(?:\.\d)?$/;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? (\d{3})(?: .*)?$/;
/** A header line: its name, and its value with the blanks around it (RFC 9110 OWS) dropped by trimBlanks. */
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/;

/** A header line's name and value, or undefined when the line is not one. */
export function headerOf(line: string): [name: string, value: string] | undefined {
  const m = HEADER.exec(line);
  return m ? [m[1]!, trimBlanks(m[2]!)] : undefined;
}

/** The text without spaces and tabs at either end (a regex like `[ \t]*(.*?)[ \t]*$` takes quadratic time on a long run of them). */
function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(start, end);
}

interface Line {
  text: string;
  offset: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    lines.push({ text: text.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), offset: start });
  return lines;
}

/** Parses HTTP message text; throws DocumentError, with the line, when it is not one. */
export function parseHttpExchange(text: string): RecordedExchange {
  const source = withoutBom(text);
  const index = new LineIndex(source);
  const lines = splitLines(source);
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  const fail = (message: string, at: number): never => {
    throw new DocumentError(message, index.position(lines[Math.min(at, lines.length - 1)]!.offset));
  };

  const readMessage = (startPattern: RegExp, what: string, endAt?: RegExp): HttpMessage => {
    const start = lines[i];
    if (!start || !startPattern.test(start.text)) fail(`expected ${what}, found ${start ? JSON.stringify(start.text.slice(0, 40)) : 'the end of the file'}`, i);
    const line = ++i;
    const headers: Record<string, string> = {};
    const headerLines: Record<string, number> = {};
    for (; i < lines.length && lines[i]!.text !== ''; i++) {
      const header = headerOf(lines[i]!.text);
      if (!header) fail(`expected a header line "Name: value", found ${JSON.stringify(lines[i]!.text.slice(0, 40))}`, i);
      const name = header![0].toLowerCase();
      if (Object.hasOwn(headers, name)) continue;
      setOwn(headers, name, header![1]);
      setOwn(headerLines, name, i + 1);
    }
    i++; // the blank line
    const first = Math.min(i, lines.length);
    while (i < lines.length && !(endAt && endAt.test(lines[i]!.text))) i++;
    // The line break before the next message (or the file's last one) is not part of the body.
    let last = i - 1;
    while (last >= first && lines[last]!.text === '') last--;
    const body = last < first ? '' : source.slice(lines[first]!.offset, lines[last]!.offset + lines[last]!.text.length);
    return { startLine: start!.text, headers, body, line, headerLines, bodyLine: first + 1 };
  };

  const request = readMessage(REQUEST_LINE, 'an HTTP request line such as "POST / HTTP/1.1"', STATUS_LINE);
  const response = i < lines.length ? readMessage(STATUS_LINE, 'an HTTP status line such as "HTTP/1.1 200 OK"') : undefined;
  const exchange: Exchange = { target: request.headers['x-amz-target'], request: request.body };
  if (response) {
    exchange.status = Number(STATUS_LINE.exec(response.startLine)![1]);
    exchange.response = response.body;
    if (response.headers['content-type'] !== undefined) exchange.responseContentType = response.headers['content-type'];
  }
  return { request, ...(response ? { response } : {}), exchange };
}

function contentLengthIssue(message: HttpMessage, part: Part): ExchangeIssue[] {
  const declared = message.headers['content-length'];
  if (declared === undefined) return [];
  const actual = new TextEncoder().encode(message.body).byteLength;
  if (Number(declared) === actual) return [];
  const params = { part, declared: /^\d+$/.test(declared) ? Number(declared) : declared, actual };
  return [{ ...wordIssue(makeIssue('content_length_mismatch', 'warning', [], params)), part, line: message.headerLines['content-length']!, column: 1 }];
}

/** Where in the file an issue about the whole message belongs: the header or start line it is about. */
function messageLine(issue: ExchangeIssue, recorded: RecordedExchange): number | undefined {
  if (issue.code === 'unknown_target' || issue.code === 'not_checked') return recorded.request.headerLines['x-amz-target'] ?? recorded.request.line;
  if (issue.code === 'unexpected_http_status' || issue.code === 'accepted_invalid_request') return recorded.response?.line;
  return undefined;
}

/** Checks an exchange read from text; lines and columns are the file's. */
export function checkRecordedExchange(recorded: RecordedExchange): ExchangeReport {
  const report = checkExchange(recorded.exchange);
  const place = (issue: ExchangeIssue): ExchangeIssue => {
    const message = issue.part === 'request' ? recorded.request : recorded.response;
    if (issue.line !== undefined && message) return { ...issue, line: issue.line + message.bodyLine - 1 };
    const line = messageLine(issue, recorded);
    return line === undefined ? issue : { ...issue, line, column: 1 };
  };
  const issues = [
    ...contentLengthIssue(recorded.request, 'request'),
    ...(recorded.response ? contentLengthIssue(recorded.response, 'response') : []),
    ...report.issues.map(place),
  ];
  return { ...report, issues };
}
