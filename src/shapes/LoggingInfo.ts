import { inputStructure, optional, required } from './build.js';
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
