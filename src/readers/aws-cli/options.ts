import { plainShape } from '../../compiled/shape-lookup.js';
import { OPERATIONS } from '../../compiled/generated/shapes.js';
import type { OperationName } from '../../operations/index.js';
import type { Action } from './argparse.js';
import type { CliProfile } from './versions.js';

/*
 * The options of `aws ssm <operation>`, derived as the CLI derives them: one per member of the
 * operation's input shape, named by botocore's `xform_name` (`TaskInvocationParameters` becomes
 * `--task-invocation-parameters`), lists taking any number of words, then the options the CLI's
 * customizations add (--cli-input-json, pagination, --generate-cli-skeleton), then the global ones.
 */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
// botocore's `[A-Z]{2,}s$`, matched only where a run of capitals starts (the same leftmost match, in linear time).
const SPECIAL_CASE = /(?<![A-Z])[A-Z]{2,}s$/;

/** botocore's `xform_name(name, sep)`: `MaxResults` → `max-results`, `GatewayARNs` → `gateway-arns`. */
export function xformName(name: string, sep = '-'): string {
  if (name.includes(sep)) return name;
  const special = SPECIAL_CASE.exec(name);
  if (special) name = name.slice(0, -special[0].length) + sep + special[0].toLowerCase();
  return name.replace(FIRST_CAP, `$1${sep}$2`).replace(END_CAP, `$1${sep}$2`).toLowerCase();
}

export type OptionKind = 'member' | 'cli-input-json' | 'cli-input-yaml' | 'starting-token' | 'page-size' | 'max-items' | 'generate-cli-skeleton';

export interface OperationOption {
  kind: OptionKind;
  action: Action;
  /** The input member the option sets, for `member` options. */
  member?: string;
  /** The member's shape, by AWS name. */
  shape?: string;
}

export interface OperationOptions {
  operation: OperationName;
  cliCommand: string;
  options: OperationOption[];
  paginated: boolean;
}

const dest = (option: string) => option.replace(/^--/, '').replaceAll('-', '_');

function store(option: string, extra: Partial<Action> = {}): Action {
  return { dest: dest(option), optionStrings: [option], nargs: null, ...extra };
}

const operationTables = new WeakMap<CliProfile, Map<OperationName, OperationOptions>>();

/** An operation's options for a CLI profile: built once per profile and operation (every command line reads them). */
export function operationOptions(operation: OperationName, profile: CliProfile): OperationOptions {
  let byOperation = operationTables.get(profile);
  if (!byOperation) operationTables.set(profile, (byOperation = new Map()));
  let table = byOperation.get(operation);
  if (!table) byOperation.set(operation, (table = buildOperationOptions(operation, profile)));
  return table;
}

function buildOperationOptions(operation: OperationName, profile: CliProfile): OperationOptions {
  const op = OPERATIONS[operation];
  const request = plainShape(op.request);
  const members = request.type === 'structure' ? request.members : {};
  const options: OperationOption[] = [];
  for (const [member, m] of Object.entries(members)) {
    const option = '--' + xformName(member);
    const type = plainShape(m.shape).type;
    const required = m.required && !m.idempotencyToken;
    if (type === 'boolean') {
      options.push({ kind: 'member', member, shape: m.shape, action: store(option, { nargs: 0, const: true }) });
      options.push({ kind: 'member', member, shape: m.shape, action: { dest: dest(option), optionStrings: ['--no-' + option.slice(2)], nargs: 0, const: false } });
      continue;
    }
    options.push({ kind: 'member', member, shape: m.shape, action: store(option, { ...(type === 'list' ? { nargs: '*' as const } : {}), required }) });
  }
  options.push({ kind: 'cli-input-json', action: store('--cli-input-json') });
  if (profile.yamlInput) options.push({ kind: 'cli-input-yaml', action: store('--cli-input-yaml') });
  const paginated = op.paginator !== undefined;
  if (paginated) {
    options.push({ kind: 'starting-token', action: store('--starting-token') });
    options.push({ kind: 'page-size', action: store('--page-size', { type: 'int' }) });
    options.push({ kind: 'max-items', action: store('--max-items', { type: 'int' }) });
  }
  const skeletons = profile.yamlInput ? ['input', 'output', 'yaml-input'] : ['input', 'output'];
  options.push({ kind: 'generate-cli-skeleton', action: store('--generate-cli-skeleton', { nargs: '?', const: 'input', choices: skeletons }) });
  return { operation, cliCommand: op.cliCommand, options, paginated };
}

const globalTables = new WeakMap<CliProfile, readonly Action[]>();

/** The global options of `aws` (awscli/data/cli.json), which the CLI accepts anywhere on the line; built once per profile. */
export function globalOptions(profile: CliProfile): readonly Action[] {
  let actions = globalTables.get(profile);
  if (!actions) globalTables.set(profile, (actions = buildGlobalOptions(profile)));
  return actions;
}

function buildGlobalOptions(profile: CliProfile): Action[] {
  const flag = (option: string, destName = dest(option), value: unknown = true): Action => ({ dest: destName, optionStrings: [option], nargs: 0, const: value });
  const actions: Action[] = [
    flag('--debug'),
    store('--endpoint-url'),
    flag('--no-verify-ssl', 'verify_ssl', false),
    flag('--no-paginate', 'paginate', false),
    store('--output', { choices: profile.major === 2 ? ['json', 'text', 'table', 'yaml', 'yaml-stream'] : ['json', 'text', 'table'] }),
    store('--query'),
    store('--profile'),
    store('--region'),
    store('--color', { choices: ['on', 'off', 'auto'] }),
    flag('--no-sign-request', 'sign_request', false),
    store('--ca-bundle'),
    store('--cli-read-timeout', { dest: 'read_timeout' }),
    store('--cli-connect-timeout', { dest: 'connect_timeout' }),
  ];
  if (profile.major === 2) {
    actions.push(
      store('--cli-binary-format', { choices: ['base64', 'raw-in-base64-out'] }),
      flag('--no-cli-pager'),
      flag('--cli-auto-prompt'),
      flag('--no-cli-auto-prompt'),
    );
  } else {
    actions.push(flag('--v2-debug'));
  }
  actions.push({ dest: 'version', optionStrings: ['--version'], nargs: 0, version: true });
  actions.push({ dest: 'command', optionStrings: [], nargs: null, required: true });
  return actions;
}
