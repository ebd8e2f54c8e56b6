import { parseArgs } from 'node:util';
import { OPERATION_NAMES, operations } from '../../operations/index.js';
import { SKELETON_FORMS, skeletonText, type SkeletonForm } from '../../generate/skeleton.js';
import { EXIT, UsageError, type Io } from '../io.js';
import { parseOperation } from './validate.js';

export const usage = `Usage: ssm-mw-contracts skeleton OPERATION [input|yaml-input|output]

Prints a skeleton of OPERATION's request (input: JSON, yaml-input: YAML with a comment per
member) or response (output), like 'aws ssm <command> --generate-cli-skeleton'. OPERATION is
the API name or the AWS CLI command name. The input skeletons can be filled in and checked
with 'ssm-mw-contracts validate', or passed to 'aws ssm <command> --cli-input-json file://...'.

Options:
  -h, --help   show this help
`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(usage);
    return EXIT.clean;
  }
  const [name, form = 'input', ...rest] = positionals;
  if (name === undefined) throw new UsageError(`no operation: give one of ${OPERATION_NAMES.join(', ')}`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (!(SKELETON_FORMS as readonly string[]).includes(form)) throw new UsageError(`unknown skeleton "${form}"; use ${SKELETON_FORMS.join(', ')}`);
  io.stdout(skeletonText(operations[parseOperation(name)], form as SkeletonForm));
  return EXIT.clean;
}
