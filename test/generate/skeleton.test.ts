import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputSkeleton, outputSkeleton, skeletonText, yamlInputSkeleton } from '../../src/generate/skeleton.js';
import { OPERATION_NAMES, operations } from '../../src/operations/index.js';
import { validate } from '../../src/validate/validate.js';
import { ROOT } from '../support/spec.js';

/** Recorded with `aws ssm <command> --generate-cli-skeleton [input|yaml-input]`, aws-cli/2.9.19 (Debian's awscli). */
const AWS_CLI = join(ROOT, 'test', 'fixtures', 'aws-cli');
const recorded = (command: string, ext: 'json' | 'yaml') => readFileSync(join(AWS_CLI, `${command}.input.${ext}`), 'utf8');

describe('skeletons', () => {
  it.each(OPERATION_NAMES.map((n) => [n]))('%s: the JSON input skeleton is byte-identical to AWS CLI v2', (name) => {
    expect(skeletonText(operations[name], 'input')).toBe(recorded(operations[name].cliCommand, 'json'));
  });

  it.each(OPERATION_NAMES.map((n) => [n]))('%s: the YAML input skeleton holds what AWS CLI v2 prints, member for member', (name) => {
    const ours = parse(yamlInputSkeleton(operations[name]));
    const theirs = parse(recorded(operations[name].cliCommand, 'yaml'));
    expect(ours).toEqual(theirs);
    // and the same data as the JSON one, but for blobs, which JSON writes as null
    const blobsAsNull = (v: unknown): unknown =>
      v instanceof Uint8Array ? null : Array.isArray(v) ? v.map(blobsAsNull) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blobsAsNull(x)])) : v;
    expect(blobsAsNull(ours)).toEqual(inputSkeleton(operations[name]));
  });

  it('marks required members, enum values and deprecations in the YAML comments', () => {
    const yaml = yamlInputSkeleton(operations.RegisterTaskWithMaintenanceWindow);
    expect(yaml).toMatch(/^WindowId: '' # \[REQUIRED\] /m);
    expect(yaml).toMatch(/^TaskType: RUN_COMMAND # \[REQUIRED\] .* Valid values are: RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS, LAMBDA\.$/m);
    expect(yaml).toMatch(/^LoggingInfo: # .* Deprecated: use /m);
  });

  it('the input skeletons hold every request member with its type (blobs left null, as AWS leaves them); the output skeletons every response member', () => {
    const blobLeftNull = (i: { code: string; params: Record<string, unknown> }) => i.code === 'invalid_type' && i.params.expected === 'blob' && i.params.received === 'null';
    for (const name of OPERATION_NAMES) {
      const result = validate(name, 'request', inputSkeleton(operations[name]));
      const wrong = result.issues.filter((i) => i.code === 'unknown_member' || (i.code === 'invalid_type' && !blobLeftNull(i)));
      expect(wrong).toEqual([]);
      // UpdateMaintenanceWindowTask's result holds the Lambda Payload, which AWS's output skeleton leaves null too.
      const output = validate(name, 'response', outputSkeleton(operations[name]));
      expect(output.issues.filter((i) => i.code === 'unexpected_member' || (i.code === 'invalid_type' && !blobLeftNull(i)))).toEqual([]);
    }
  });
});
