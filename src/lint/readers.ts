import { awsCliReader } from '../readers/aws-cli/lint-reader.js';
import { cloudformationReader } from '../readers/cloudformation/reader.js';
import { payloadReader } from '../readers/payload/reader.js';
import { terraformPlanReader, terraformReader } from '../readers/terraform/index.js';
import type { Reader } from '../readers/reader.js';

/**
 * The file kinds lint reads, most specific first: a file goes to the first reader whose `detect`
 * says yes (a CloudFormation template also names payload members, so it comes before payloads).
 * Terraform plans are JSON too, so they also come before payloads. AWS CLI command lines come last:
 * a YAML file is CI configuration only when it is neither a template nor a payload (a template's
 * cfn-init `commands` may well run `aws ssm ...`).
 */
export const readers: readonly Reader[] = [cloudformationReader, terraformReader, terraformPlanReader, payloadReader, awsCliReader];
