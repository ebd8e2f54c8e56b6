import { inputStructure, optional, required } from './build.js';
import type { Deprecation } from './meta.js';
import { S3BucketName, S3KeyPrefix, S3Region } from './scalars.js';

export const LoggingInfo = inputStructure(
  'LoggingInfo',
  {
    S3BucketName: required(S3BucketName, 'The name of an S3 bucket where execution logs are stored.'),
    S3KeyPrefix: optional(S3KeyPrefix, '(Optional) The S3 bucket subfolder.'),
    S3Region: required(S3Region, 'The Amazon Web Services Region where the S3 bucket is located.'),
  },
  {
    doc: 'Information about an Amazon Simple Storage Service (Amazon S3) bucket to write managed node-level logs to. LoggingInfo has been deprecated.',
  },
);

/** The documentation deprecates the member (every operation that has it), not the shape: member metadata, shared. */
export const LoggingInfoDeprecation: Deprecation = {
  replacement: 'TaskInvocationParameters.RunCommand.OutputS3BucketName and OutputS3KeyPrefix',
  quote:
    'LoggingInfo has been deprecated. To specify an Amazon Simple Storage Service (Amazon S3) bucket to contain logs, instead use the OutputS3BucketName and OutputS3KeyPrefix options in the TaskInvocationParameters structure.',
};
