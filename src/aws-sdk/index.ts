/**
 * ssm-mw-contracts/aws-sdk: the contract inside the AWS SDK for JavaScript v3.
 *
 * ```ts
 * import { SSMClient } from '@aws-sdk/client-ssm';
 * import { preflight, ContractViolationError } from 'ssm-mw-contracts/aws-sdk';
 *
 * const client = new SSMClient({});
 * client.middlewareStack.use(preflight({ checkResponses: true }));
 * ```
 */
export { preflight, REQUEST_MIDDLEWARE, RESPONSE_MIDDLEWARE } from './preflight.js';
export type { PreflightOptions, PreflightPlugin, IssueContext, LoggerLike, MiddlewareStackLike } from './preflight.js';
export { ContractViolationError } from './error.js';
export type { ExchangeIssue, Part } from '../exchange/exchange.js';
export type { Issue, Path, PathSegment } from '../issues/issue.js';
export type { Code, Severity } from '../issues/codes.js';
export type { OperationName } from '../operations/index.js';
