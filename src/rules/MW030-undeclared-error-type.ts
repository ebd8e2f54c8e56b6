import { OPERATION_NAMES, OPERATIONS } from '../compiled/generated/shapes.js';
import type { OperationName } from '../operations/index.js';
import { COMMON_ERRORS, errorTypeName } from '../shapes/error-names.js';
import { defineRule, SOURCES } from './types.js';

export function declaredErrors(operation: OperationName): string[] {
  return [...OPERATIONS[operation].errors];
}

export default defineRule({
  id: 'MW030',
  code: 'undeclared_error_type',
  severity: 'warning',
  title: 'An error body names an error the operation declares, or a common AWS error',
  description:
    'Each operation declares its errors (RegisterTaskWithMaintenanceWindow five, RegisterTargetWithMaintenanceWindow four, CreateMaintenanceWindow three and no DoesNotExistException, the others two); any operation may also return the common errors (AccessDeniedException, ThrottlingException, ValidationException, ...). Anything else is outside the contract: a warning, since a client must still handle it.',
  appliesTo: { operations: OPERATION_NAMES, kind: 'error' },
  sources: [
    { ...SOURCES.model, quote: '"errors": [IdempotentParameterMismatch, DoesNotExistException, ResourceLimitExceededException, FeatureNotAvailableException, InternalServerError]' },
    { ...SOURCES.register, quote: 'For information about the errors that are common to all actions, see Common Errors.' },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload, { operation }) {
    if (typeof payload.__type !== 'string') return [];
    const type = errorTypeName(payload.__type);
    const declared = declaredErrors(operation);
    if (declared.includes(type) || (COMMON_ERRORS as readonly string[]).includes(type)) return [];
    return [{ path: ['__type'], params: { type, operation, declared } }];
  },
});
