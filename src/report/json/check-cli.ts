import type { CommandLineCheck } from '../../readers/aws-cli/check-command-line.js';
import { severityCounts } from '../../issues/codes.js';
import { printableJson } from '../printable.js';

export interface CliJsonInput {
  /** The command line as a shell would take it back. */
  command: string;
  /** The AWS CLI release it was read as. */
  version: string;
  check: CommandLineCheck;
  /** The request the AWS CLI would send, printable; shown with the reading's notes when `printRequest`. */
  request: unknown;
  printRequest: boolean;
}

/** `check-cli --format json`: the one command line's result (its outcome, the AWS CLI's exit status when it refuses it, the findings), then the counts. */
export function renderCliJson({ command, version, check, request, printRequest }: CliJsonInput): string {
  const report = {
    results: [
      {
        command,
        operation: check.operation ?? null,
        kind: 'request',
        awsCli: version,
        outcome: check.reading.outcome,
        ...(check.reading.refusal ? { awsCliExit: check.reading.refusal.exit } : {}),
        valid: check.valid,
        issues: check.issues,
        ...(printRequest && request !== undefined ? { request } : {}),
        ...(printRequest && check.reading.notes.length > 0 ? { notes: check.reading.notes } : {}),
      },
    ],
    summary: { commands: 1, ...severityCounts(check.issues) },
  };
  return printableJson(report) + '\n';
}
