import { OPERATION_NAMES } from '../compiled/generated/shapes.js';
import { plainShape, rootShape } from '../compiled/shape-lookup.js';
import { errorTypeName } from '../shapes/error-names.js';
import { defineRule, SOURCES } from './types.js';

export default defineRule({
  id: 'MW031',
  code: 'error_http_status',
  severity: 'error',
  title: 'A declared error comes with its documented HTTP status',
  description:
    'The API reference gives each error its HTTP status: 400 for the client errors, 500 for InternalServerError. Checked when the status is known (an HTTP exchange, or --http-status).',
  appliesTo: { operations: OPERATION_NAMES, kind: 'error' },
  sources: [
    { ...SOURCES.register, quote: 'DoesNotExistException ... HTTP Status Code: 400' },
    { ...SOURCES.register, quote: 'InternalServerError An error occurred on the server side. HTTP Status Code: 500' },
  ],
  jsonSchema: { form: 'validator-only', reason: 'The HTTP status is not part of the error body that the schema describes.' },
  check(payload, { operation, httpStatus }) {
    if (httpStatus === undefined || typeof payload.__type !== 'string') return [];
    const type = errorTypeName(payload.__type);
    // An undeclared type is read as ErrorBody, which has no documented status.
    const meta = plainShape(rootShape(operation, 'error', type));
    if (meta.type !== 'structure' || !meta.exception || meta.exception.httpStatus === httpStatus) return [];
    return [{ path: [], params: { type, expected: meta.exception.httpStatus, actual: httpStatus } }];
  },
});
