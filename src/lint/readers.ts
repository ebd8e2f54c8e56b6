import { cloudformationReader } from '../inputs/cloudformation/reader.js';
import { payloadReader } from '../inputs/payload/reader.js';
import { terraformPlanReader, terraformReader } from '../inputs/terraform/index.js';
import type { Reader } from './types.js';

/**
 * The file kinds lint reads, most specific first: a file goes to the first reader whose `detect`
 * says yes (a CloudFormation template also names payload members, so it comes before payloads).
 * Terraform plans are JSON too, so they also come before payloads.
 */
export const readers: readonly Reader[] = [cloudformationReader, terraformReader, terraformPlanReader, payloadReader];
