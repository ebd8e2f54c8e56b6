import { isRecord } from '../values/value-facts.js';

/*
 * Error names, without the schemas: what a reader of an error body needs to know which error it
 * names (src/shapes/errors.ts holds the error shapes and re-exports these).
 */

/**
 * Errors any AWS operation may return (the API reference's "Common Errors" page, plus the
 * names AWS JSON 1.1 services use for the same failures). Their HTTP status is not checked.
 */
export const COMMON_ERRORS = [
  'AccessDeniedException',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'NotAuthorized',
  'OptInRequired',
  'RequestExpired',
  'ServiceUnavailable',
  'ThrottlingException',
  'ValidationError',
  'ValidationException',
  'SerializationException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
] as const;

/** `com.amazonaws.ssm#DoesNotExistException` and `DoesNotExistException:http://...` both name DoesNotExistException. */
export function errorTypeName(type: string): string {
  const afterHash = type.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : type;
  const colon = afterHash.indexOf(':');
  return colon === -1 ? afterHash : afterHash.slice(0, colon);
}

/** The error shape an error body names with `__type`, if it is a string. */
export function errorTypeOf(payload: unknown): string | undefined {
  return isRecord(payload) && typeof payload.__type === 'string' ? errorTypeName(payload.__type) : undefined;
}
