import { cloudformationReader } from '../inputs/cloudformation/reader.js';
import { payloadReader } from '../inputs/payload/reader.js';
import type { Reader } from './types.js';

/**
 * The file kinds lint reads, most specific first: a file goes to the first reader whose `detect`
 * says yes (a CloudFormation template also names payload members, so it comes before payloads).
 * Terraform and AWS CLI readers join here.
 */
export const readers: readonly Reader[] = [cloudformationReader, payloadReader];
