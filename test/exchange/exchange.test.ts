import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkExchange, checkResponseBody, route } from '../../src/exchange/exchange.js';
import { checkRecordedExchange, parseHttpExchange } from '../../src/exchange/http.js';
import { checkRecordedText } from '../../src/exchange/recorded.js';
import { DocumentError } from '../../src/parse/document.js';
import { ROOT } from '../support/spec.js';

const EXAMPLES = join(ROOT, 'spec', 'examples');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'exchange');
const read = (...p: string[]) => readFileSync(join(...p), 'utf8');
const json = (...p: string[]) => JSON.parse(read(...p)) as Record<string, unknown>;

type Expected = { part: string; code: string; path: (string | number)[]; rule?: string };
const key = (i: Expected) => `${i.part} ${i.code} at ${JSON.stringify(i.path)}${i.rule ? ` (${i.rule})` : ''}`;
const bySeverity = (issues: readonly (Expected & { severity: string })[], severity: string) =>
  issues.filter((i) => i.severity === severity).map(key).sort();

describe('the seed’s sample HTTP request (spec/examples/examples.yaml, http)', () => {
  const { http } = parseYaml(read(EXAMPLES, 'examples.yaml')) as { http: { file: string; errors: Expected[]; warnings: Expected[] }[] };

  it.each(http.map((h) => [h.file, h] as const))('%s is reported as spec/ says', (file, h) => {
    const report = checkRecordedExchange(parseHttpExchange(read(EXAMPLES, file)));
    expect(report.operation).toBe('RegisterTaskWithMaintenanceWindow');
    expect(report.valid).toBe(false);
    expect(bySeverity(report.issues, 'error')).toEqual(h.errors.map(key).sort());
    expect(bySeverity(report.issues, 'warning')).toEqual(h.warnings.map(key).sort());
  });

  it('places the window ID’s error at its line and column in the file', () => {
    const report = checkRecordedExchange(parseHttpExchange(read(EXAMPLES, 'register-sample-http-request.txt')));
    expect(report.issues.find((i) => i.code === 'pattern_mismatch')).toMatchObject({ path: ['WindowId'], line: 11, column: 15, part: 'request' });
    expect(report.issues.find((i) => i.code === 'content_length_mismatch')).toMatchObject({ line: 9, params: { declared: 362, actual: 378 } });
  });

  it('with the sample response after it, reports the response’s ID too, and that it was accepted', () => {
    const text = `${read(EXAMPLES, 'register-sample-http-request.txt')}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n\r\n${read(EXAMPLES, 'register-sample-response.json')}`;
    const report = checkRecordedExchange(parseHttpExchange(text));
    expect(report.status).toBe(200);
    expect(report.responseKind).toBe('response');
    expect(bySeverity(report.issues, 'error')).toEqual(['request pattern_mismatch at ["WindowId"]', 'response pattern_mismatch at ["WindowTaskId"]']);
    expect(bySeverity(report.issues, 'warning')).toContain('response accepted_invalid_request at []');
  });

  it('finds nothing wrong with the corrected request and response', () => {
    const report = checkExchange({
      target: 'AmazonSSM.RegisterTaskWithMaintenanceWindow',
      request: read(EXAMPLES, 'register-sample-request.corrected.json'),
      status: 200,
      response: read(EXAMPLES, 'register-sample-response.corrected.json'),
    });
    expect(bySeverity(report.issues, 'error')).toEqual([]);
    expect(report.valid).toBe(true);
  });
});

describe('recorded exchanges in test/fixtures/exchange/{good,bad}', () => {
  const fixtures = ['good', 'bad'].flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => !f.endsWith('.expected.json'))
      .map((f) => [`${dir}/${f}`, dir, f] as const),
  );

  it.each(fixtures)('%s', (_, dir, file) => {
    const expected = json(FIXTURES, dir, file.replace(/\.(txt|json|har)$/, '.expected.json'));
    const recorded = checkRecordedText(read(FIXTURES, dir, file));
    const actual = {
      format: recorded.format,
      skipped: recorded.skipped,
      exchanges: recorded.reports.map((r) => ({
        ...(r.entry !== undefined ? { entry: r.entry } : {}),
        operation: r.operation,
        ...(r.status !== undefined ? { status: r.status } : {}),
        responseKind: r.responseKind,
        valid: r.valid,
        issues: r.issues.map((i) => ({ part: i.part, severity: i.severity, code: i.code, path: i.path, ...(i.rule ? { rule: i.rule } : {}), line: i.line })),
      })),
    };
    expect(actual).toEqual(expected);
    const errors = recorded.reports.flatMap((r) => r.issues).filter((i) => i.severity === 'error');
    if (dir === 'good') expect(errors).toEqual([]);
    else expect(recorded.reports.some((r) => r.issues.some((i) => i.severity !== 'info'))).toBe(true);
  });
});

describe('route', () => {
  it('routes the two operations by X-Amz-Target', () => {
    expect(route('AmazonSSM.RegisterTaskWithMaintenanceWindow')).toEqual({ ok: true, operation: 'RegisterTaskWithMaintenanceWindow' });
    expect(route('AmazonSSM.DescribeMaintenanceWindowExecutionTaskInvocations')).toEqual({ ok: true, operation: 'DescribeMaintenanceWindowExecutionTaskInvocations' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['without a prefix', 'RegisterTaskWithMaintenanceWindow'],
    ['of another service', 'AmazonEC2.RegisterTaskWithMaintenanceWindow'],
    ['with a trailing dot', 'AmazonSSM.'],
  ])('refuses a target that is %s', (_, target) => {
    const r = route(target);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ code: 'unknown_target', severity: 'error', part: 'request', path: [] });
  });

  it('does not check other SSM operations, and says so as info', () => {
    const r = route('AmazonSSM.DeleteMaintenanceWindow');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue).toMatchObject({ code: 'not_checked', severity: 'info' });
    expect(checkExchange({ target: 'AmazonSSM.DeleteMaintenanceWindow', request: '{}' }).valid).toBe(true);
    expect(route('AmazonSSM.CreateMaintenanceWindow')).toEqual({ ok: true, operation: 'CreateMaintenanceWindow' });
  });

  it('names the operation a wrongly cased target meant', () => {
    const r = route('AmazonSSM.registerTaskWithMaintenanceWindow');
    expect(!r.ok && r.issue.hint).toContain('AmazonSSM.RegisterTaskWithMaintenanceWindow');
  });
});

describe('responses', () => {
  const op = 'RegisterTaskWithMaintenanceWindow';

  it('reads 2xx as a result and 4xx/5xx as an error body, checking the declared status', () => {
    expect(checkResponseBody(op, 200, '{"WindowTaskId": "216ae877-0be9-4746-a19d-ed654eb7cd2b"}')).toMatchObject({ kind: 'response', valid: true });
    expect(checkResponseBody(op, 400, '{"__type": "DoesNotExistException", "Message": "gone"}')).toMatchObject({ kind: 'error', valid: true });
    const wrong = checkResponseBody(op, 503, '{"__type": "DoesNotExistException"}');
    expect(wrong.issues.map((i) => [i.code, i.part])).toEqual([['error_http_status', 'response']]);
  });

  it('reads an empty success body as no members, and an empty error body as one without __type', () => {
    expect(checkResponseBody(op, 200, '')).toMatchObject({ valid: true, issues: [] });
    expect(checkResponseBody(op, 400, '').issues.map((i) => [i.code, i.path])).toEqual([['required', ['__type']]]);
  });

  it('tells an error body from a result by __type when the status is unknown', () => {
    expect(checkResponseBody(op, undefined, { __type: 'InternalServerError' }).kind).toBe('error');
    expect(checkResponseBody(op, undefined, { WindowTaskId: '216ae877-0be9-4746-a19d-ed654eb7cd2b' }).kind).toBe('response');
  });

  it('reports a body that is not JSON, or not UTF-8, naming the Content-Type', () => {
    const html = checkResponseBody(op, 500, '<html></html>', 'text/html');
    expect(html.issues).toMatchObject([{ code: 'body_not_json', part: 'response', params: { contentType: 'text/html' }, line: 1, column: 1 }]);
    expect(checkResponseBody(op, 200, new Uint8Array([0x7b, 0xff, 0x7d])).issues.map((i) => i.code)).toEqual(['body_not_json']);
  });

  it('reports statuses that carry neither a result nor an error', () => {
    for (const status of [101, 304, 302]) expect(checkResponseBody(op, status, '').issues.map((i) => i.code)).toEqual(['unexpected_http_status']);
  });

  it('reads bodies given as bytes', () => {
    const bytes = new TextEncoder().encode('{"WindowTaskId": "216ae877-0be9-4746-a19d-ed654EXAMPLE"}');
    expect(checkResponseBody(op, 200, bytes).issues.map((i) => [i.code, i.path])).toEqual([['pattern_mismatch', ['WindowTaskId']]]);
  });
});

describe('requests', () => {
  it('reports a request body that is not JSON at its position, and a server that accepts it', () => {
    const report = checkExchange({ target: 'AmazonSSM.RegisterTaskWithMaintenanceWindow', request: '{\n  "WindowId": }', status: 200, response: '{}' });
    expect(report.issues).toMatchObject([
      { code: 'body_not_json', part: 'request', line: 2, column: 15 },
      { code: 'accepted_invalid_request', part: 'response', params: { codes: ['body_not_json'] } },
    ]);
  });

  it('does not say the server accepted an invalid request when it refused it', () => {
    const report = checkExchange({ target: 'AmazonSSM.RegisterTaskWithMaintenanceWindow', request: { WindowId: 'x' }, status: 400, response: { __type: 'ValidationException', message: 'no' } });
    expect(report.issues.filter((i) => i.part === 'response')).toEqual([]);
  });
});

describe('HTTP message text', () => {
  it('reads LF and CRLF messages alike, and a body up to the status line', () => {
    const lf = 'POST / HTTP/1.1\nX-Amz-Target: AmazonSSM.DescribeMaintenanceWindowExecutionTaskInvocations\n\n{}\n\nHTTP/1.1 400 Bad Request\n\n{"__type": "DoesNotExistException"}';
    for (const text of [lf, lf.replace(/\n/g, '\r\n')]) {
      const { exchange, request, response } = parseHttpExchange(text);
      expect(exchange).toMatchObject({ target: 'AmazonSSM.DescribeMaintenanceWindowExecutionTaskInvocations', request: '{}', status: 400, response: '{"__type": "DoesNotExistException"}' });
      expect([request.bodyLine, response?.line, response?.bodyLine]).toEqual([4, 6, 8]);
    }
  });

  it.each([
    ['not an HTTP message', '{"WindowId": "x"}', 1, /expected an HTTP request line/],
    ['a broken header', 'POST / HTTP/1.1\nX-Amz-Target AmazonSSM.X\n\n{}', 2, /expected a header line/],
    ['nothing but blank lines', '\n\n', 3, /expected an HTTP request line .*, found the end of the file/],
  ])('refuses %s with the line', (_, text, line, message) => {
    let error: unknown;
    try {
      parseHttpExchange(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message).toMatch(message);
    expect((error as DocumentError).position.line).toBe(line);
  });

  it('keeps a line that is no status line in the body', () => {
    const report = checkRecordedExchange(parseHttpExchange('POST / HTTP/1.1\nX-Amz-Target: AmazonSSM.RegisterTaskWithMaintenanceWindow\n\n{}\nHTTP/1.1 OK\n'));
    expect(report.issues.map((i) => [i.code, i.part, i.line])).toEqual([['body_not_json', 'request', 5]]);
  });
});

describe('HAR files', () => {
  it('refuses a HAR without log.entries', () => {
    expect(() => checkRecordedText('{"log": {"version": "1.2"}}')).toThrow(/log.entries/);
  });

  it('reads base64 response content', () => {
    const body = Buffer.from('{"WindowTaskId": "216ae877-0be9-4746-a19d-ed654eb7cd2b"}').toString('base64');
    const har = { log: { entries: [{ request: { url: 'https://ssm.eu-west-1.amazonaws.com/', headers: [{ name: 'X-Amz-Target', value: 'AmazonSSM.RegisterTaskWithMaintenanceWindow' }], postData: { text: '{}' } }, response: { status: 200, headers: [], content: { encoding: 'base64', text: body } } }] } };
    const [report] = checkRecordedText(JSON.stringify(har)).reports;
    expect(report!.issues.filter((i) => i.part === 'response')).toMatchObject([{ code: 'accepted_invalid_request' }]);
  });

  it('reports response content marked base64 that is not base64 as a body that cannot be read, at the text, and checks the request', () => {
    const entry = (text: string) => ({
      request: { url: 'https://ssm.eu-west-1.amazonaws.com/', headers: [{ name: 'X-Amz-Target', value: 'AmazonSSM.RegisterTaskWithMaintenanceWindow' }], postData: { text: '{"WindowId": "mw-1"}' } },
      response: { status: 200, headers: [], content: { encoding: 'base64', text } },
    });
    const har = JSON.stringify({ log: { entries: [entry('!!!not base64***'), entry('eyJ9'), entry('abcde')] } }, null, 1);
    const [broken, notJson, badLength] = checkRecordedText(har).reports;
    const response = (r: typeof broken) => r!.issues.filter((i) => i.part === 'response' && i.code !== 'accepted_invalid_request');
    expect(response(broken)).toMatchObject([{ code: 'body_not_json', severity: 'error', params: { part: 'response', encoding: 'base64' }, line: 22 }]);
    expect(response(broken)[0]!.message).toBe('The response body is not a JSON object: its recorded text is marked base64 but is not base64: "!" at character 1 is not a base64 character.');
    expect(response(broken)[0]!.hint).toMatch(/^The recording is broken, not necessarily the exchange/);
    expect(broken!.issues.filter((i) => i.part === 'request').map((i) => i.code)).toContain('pattern_mismatch');
    // Base64 of text that is not JSON is a body that is not JSON, as it is without the encoding.
    expect(response(notJson)).toMatchObject([{ code: 'body_not_json', params: { encoding: 'base64' } }]);
    expect(response(notJson)[0]!.message).not.toMatch(/marked base64/);
    expect(response(badLength)[0]!.message).toMatch(/marked base64 but is not base64: its length or its padding is wrong/);
  });

  it('takes a call to an SSM endpoint without X-Amz-Target as one, and reports the missing target', () => {
    const har = { log: { entries: [{ request: { url: 'https://ssm.us-east-1.amazonaws.com/', headers: [], postData: { text: '{}' } } }] } };
    expect(checkRecordedText(JSON.stringify(har)).reports[0]!.issues.map((i) => i.code)).toEqual(['unknown_target']);
  });
});
