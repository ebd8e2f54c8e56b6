import { optional, outputStructure, required } from './build.js';
import { String as StringShape } from './scalars.js';

/*
 * Error shapes. On the wire (AWS JSON 1.1) an error body is `{"__type": "...", "message": "..."}`:
 * `__type` names the error (sometimes prefixed with a namespace, `com.amazonaws.ssm#...`), and
 * services write the model's `Message` member as `message`. Both spellings are accepted; the two
 * envelope members are marked so that the drift check against the model skips them.
 */
function envelope() {
  return {
    __type: required(StringShape, 'The error type: the name of the error shape, possibly prefixed with a namespace and "#".', {
      envelope: true,
    }),
    message: optional(StringShape, 'The error message, as AWS JSON 1.1 services spell it.', { envelope: true }),
    Message: optional(StringShape, 'The error message.'),
  };
}

function exception(shape: string, httpStatus: number, doc: string, fault = false) {
  return outputStructure(shape, envelope(), { doc, exception: { httpStatus, fault } });
}

/** Any AWS JSON 1.1 error body: used for error types an operation does not declare. Not a model shape. */
export const ErrorBody = outputStructure('ErrorBody', envelope(), {
  doc: 'An AWS JSON 1.1 error body whose __type is not an error the operation declares.',
});

export const DoesNotExistException = exception(
  'DoesNotExistException',
  400,
  "Error returned when the ID specified for a resource, such as a maintenance window or patch baseline, doesn't exist.",
);
export const FeatureNotAvailableException = exception(
  'FeatureNotAvailableException',
  400,
  "You attempted to register a LAMBDA or STEP_FUNCTIONS task in a region where the corresponding service isn't available.",
);
export const IdempotentParameterMismatch = exception(
  'IdempotentParameterMismatch',
  400,
  "Error returned when an idempotent operation is retried and the parameters don't match the original call to the API with the same idempotency token.",
);
export const InternalServerError = exception('InternalServerError', 500, 'An error occurred on the server side.', true);
export const ResourceLimitExceededException = exception(
  'ResourceLimitExceededException',
  400,
  'Error returned when the caller has exceeded the default resource quotas. For example, too many maintenance windows or patch baselines have been created.',
);

export { COMMON_ERRORS, errorTypeName } from './error-names.js';
