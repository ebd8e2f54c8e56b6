import { checkResponseBody, type ExchangeIssue } from '../exchange/exchange.js';
import { displayPath, type Issue } from '../issues/issue.js';
import { isOperationName, operations, type OperationName } from '../operations/index.js';
import { aBoolean, aFunction, checkOptions } from '../validate/check-options.js';
import { makeIssue, validate } from '../validate/validate.js';
import { wordIssue } from '../issues/make.js';
import { messageOf } from '../values/thrown.js';
import { ContractViolationError } from './error.js';
import { asSent } from './sdk-input.js';

/*
 * Pre-flight for the AWS SDK for JavaScript v3: `client.middlewareStack.use(preflight())`.
 *
 * Where it sits, and why:
 * - The request check is an `initialize` middleware with priority `low`: it runs once per call
 *   (retries happen later, in `finalizeRequest`), after any other initialize middleware has had
 *   its say about the input, and before the `serialize` step, where the SDK resolves the
 *   endpoint, picks the auth scheme and resolves credentials (which can mean network calls to
 *   IMDS, SSO or STS), fills the idempotency token and serializes. Signing and sending come later
 *   still. So an invalid call throws before anything is serialized, signed or sent.
 * - The response check is a `deserialize` middleware with priority `low`: the innermost
 *   middleware, next to the HTTP handler, so it sees each attempt's raw HTTP response (status,
 *   headers, the body as AWS sent it: epoch-second timestamps, base64 blobs, unknown members,
 *   error bodies with their `__type`) before the SDK's deserializer turns it into output or an
 *   exception. It reads the body into memory (the deserializer does so anyway) and hands the
 *   bytes on. Its findings are reported; it never changes what the call returns or throws.
 *
 * Nothing here imports the SDK: the plugin is plain functions typed structurally, so the SDK is
 * an optional peer dependency and any v3 client version with the standard steps works.
 */

/** What the plugin needs of `@smithy/types`' MiddlewareStack. */
export interface MiddlewareStackLike {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(middleware: any, options: { step: 'initialize' | 'deserialize'; priority?: 'high' | 'normal' | 'low'; name?: string; tags?: string[]; override?: boolean }): void;
}

/** A `Pluggable` of the AWS SDK v3: pass it to `client.middlewareStack.use()`. */
export interface PreflightPlugin {
  applyToStack(stack: MiddlewareStackLike): void;
}

/** The client's logger (`new SSMClient({ logger })`), as the SDK hands it to middleware. */
export interface LoggerLike {
  debug?(...content: unknown[]): void;
  info?(...content: unknown[]): void;
  warn?(...content: unknown[]): void;
  error?(...content: unknown[]): void;
}

export interface IssueContext {
  operation: OperationName;
  /** The SDK command, e.g. `RegisterTaskWithMaintenanceWindowCommand`. */
  commandName: string;
  /** The HTTP status of the response the issue is about. */
  httpStatus?: number;
}

export interface PreflightOptions {
  /**
   * Validate what the service answers, results and error bodies, and report where it breaks the
   * contract. Never changes the outcome of the call. Default false.
   */
  checkResponses?: boolean;
  /**
   * Receives the warnings and infos of requests that are sent, and every finding of checked
   * responses. Without it they go to the client's logger (warnings and errors to `warn`, infos to
   * `info`). Errors of requests are never passed here: they throw ContractViolationError.
   */
  onIssue?: (issue: ExchangeIssue, context: IssueContext) => void;
}

interface Context {
  clientName?: string;
  commandName?: string;
  logger?: LoggerLike;
}

interface HttpResponseLike {
  statusCode: number;
  headers?: Record<string, string>;
  body?: unknown;
}

type Next = (args: { input: object; request?: unknown }) => Promise<{ output: unknown; response: unknown }>;

export const REQUEST_MIDDLEWARE = 'ssmMwContractsPreflight';
export const RESPONSE_MIDDLEWARE = 'ssmMwContractsResponseCheck';

/** The operation a command of the SSM client runs, when it is one this library checks. */
function operationOf(context: Context): OperationName | undefined {
  if (context.clientName !== undefined && context.clientName !== 'SSMClient') return undefined;
  const name = context.commandName?.replace(/Command$/, '');
  return isOperationName(name) ? name : undefined;
}

function deliver(options: PreflightOptions, context: Context, issues: readonly ExchangeIssue[], about: IssueContext): void {
  for (const issue of issues) {
    try {
      if (options.onIssue) options.onIssue(issue, about);
      else {
        const level = issue.severity === 'info' ? 'info' : 'warn';
        const where = displayPath(issue.path);
        context.logger?.[level]?.(
          `ssm-mw-contracts: ${about.operation} ${issue.part}${where ? ` at ${where}` : ''}: ${issue.message}${issue.hint ? ` ${issue.hint}` : ''} (${issue.rule ?? issue.code})`,
        );
      }
    } catch {
      // A failing callback or logger must not fail the call it reports on.
    }
  }
}

const tagged = (issues: readonly Issue[], part: ExchangeIssue['part']): ExchangeIssue[] => issues.map((issue) => ({ ...issue, part }));

function requestMiddleware(options: PreflightOptions) {
  return (next: Next, context: Context) =>
    async (args: { input: object }) => {
      const operation = operationOf(context);
      if (!operation) return next(args);
      // What the SDK's serializer will write, read as it reads it (D50), not the object as it looks.
      const sent = asSent(operations[operation].request, args.input);
      const result = validate(operation, 'request', sent.payload, { representation: 'sdk' });
      const issues = sent.unreadable.length ? [...sent.unreadable, ...result.issues] : result.issues;
      if (!result.valid || sent.unreadable.length) throw new ContractViolationError(operation, issues);
      deliver(options, context, tagged(issues, 'request'), { operation, commandName: context.commandName! });
      return next(args);
    };
}

/** The bytes of a response body: Node streams, web streams, Blobs, strings and bytes. */
export async function collectBody(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  const chunks: Uint8Array[] = [];
  if (typeof (body as ReadableStream).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  } else if (typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  } else if (typeof (body as Blob).arrayBuffer === 'function') {
    return new Uint8Array(await (body as Blob).arrayBuffer());
  } else {
    throw new TypeError(`a response body of an unknown kind (${Object.prototype.toString.call(body)})`);
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function isHttpResponse(value: unknown): value is HttpResponseLike {
  return typeof value === 'object' && value !== null && typeof (value as HttpResponseLike).statusCode === 'number';
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

function responseMiddleware(options: PreflightOptions) {
  return (next: Next, context: Context) =>
    async (args: { input: object; request?: unknown }) => {
      const operation = operationOf(context);
      const result = await next(args);
      const { response } = result;
      if (!operation || !isHttpResponse(response)) return result;
      // Read errors propagate: the deserializer would have met them too.
      const bytes = await collectBody(response.body);
      response.body = bytes;
      const about: IssueContext = { operation, commandName: context.commandName!, httpStatus: response.statusCode };
      let issues: ExchangeIssue[];
      try {
        issues = checkResponseBody(operation, response.statusCode, bytes, headerValue(response.headers, 'content-type')).issues;
      } catch (error) {
        const reason = messageOf(error);
        issues = [{ ...wordIssue(makeIssue('not_checked', 'info', [], { what: 'The response', reason })), part: 'response' }];
      }
      deliver(options, context, issues, about);
      return result;
    };
}

/**
 * The pre-flight plugin: validates the input of the command of every operation of the contract
 * (RegisterTaskWithMaintenanceWindowCommand, UpdateMaintenanceWindowTaskCommand, ...) before it
 * is serialized, signed or sent, and throws ContractViolationError when it breaks the contract.
 * Other commands pass untouched.
 *
 * ```ts
 * const client = new SSMClient({});
 * client.middlewareStack.use(preflight({ checkResponses: true, onIssue: (issue) => console.warn(issue.message) }));
 * ```
 */
export function preflight(options: PreflightOptions = {}): PreflightPlugin {
  // Checked here, when the client is set up, rather than on the first call (D51).
  checkOptions('preflight()', options, { checkResponses: aBoolean, onIssue: aFunction });
  return {
    applyToStack(stack) {
      stack.add(requestMiddleware(options), { step: 'initialize', priority: 'low', name: REQUEST_MIDDLEWARE, tags: ['SSM_MW_CONTRACTS'], override: true });
      if (options.checkResponses) {
        stack.add(responseMiddleware(options), { step: 'deserialize', priority: 'low', name: RESPONSE_MIDDLEWARE, tags: ['SSM_MW_CONTRACTS'], override: true });
      }
    },
  };
}
