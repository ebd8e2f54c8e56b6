import type { CaveatCode, Code, FieldCode } from './codes.js';
import { displayPath, type Path } from './issue.js';
import type { CaveatOf, CaveatParamsOf, ParamsOf } from './params.js';

/*
 * All wording lives here, keyed by code. Schemas and rules produce codes and params; this
 * turns them into a message (what is wrong) and, when there is something specific to say,
 * a hint (what to do).
 */

type Text = { message: string; hint?: string };

/**
 * How a file names the API's members: the path in the file's own names (`task_invocation_parameters`,
 * `run_command_parameters` in Terraform, `--max-concurrency` on a command line) of an API path, or
 * undefined when the path names no member of the payload's shape.
 */
export type Naming = (apiPath: Path) => Path | undefined;

/** The API's own names, as payload files and `validate` use them. */
const API_NAMING: Naming = (path) => path;

/** Names of API members as a message writes them, in the file's own terms. */
interface Names {
  /** The whole path: `TaskInvocationParameters.RunCommand`, `task_invocation_parameters.run_command_parameters`. */
  path(apiPath: Path): string;
  /** Only the member itself: `RunCommand`, `run_command_parameters`, `--max-concurrency`. */
  member(apiPath: Path): string;
  /**
   * Text in API names (a documented replacement: `TaskInvocationParameters.RunCommand.OutputS3BucketName
   * and OutputS3KeyPrefix`) with each dotted API path in the file's names, and each bare name after
   * one read as its sibling.
   */
  text(apiText: string): string;
}

type Render<P> = (p: P, subject: string, n: Names) => Text;

/** An API path written in text: dotted member names, each starting with a capital. */
const API_TEXT_PATH = /\b[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*\b/g;

/**
 * The API's own names, made once: most issues are worded in them (validate() words every issue it
 * makes), and they need no search: an API path in text, written in the API's names, is itself.
 */
const API_NAMES: Names = {
  path: (apiPath) => displayPath(apiPath),
  member: (apiPath) => String(apiPath.at(-1) ?? ''),
  text: (apiText) => apiText,
};

function namesOf(naming: Naming): Names {
  if (naming === API_NAMING) return API_NAMES;
  const named = (apiPath: Path) => naming(apiPath) ?? apiPath;
  return {
    path: (apiPath) => displayPath(named(apiPath)),
    member: (apiPath) => String(named(apiPath).at(-1) ?? ''),
    text: (apiText) => {
      let parent: Path | undefined;
      return apiText.replace(API_TEXT_PATH, (token) => {
        const parts = token.split('.');
        const apiPath = parts.length === 1 && parent ? [...parent, token] : parts;
        const found = naming(apiPath);
        if (!found) return token;
        parent = apiPath.slice(0, -1);
        return parts.length === 1 && apiPath.length > 1 ? String(found.at(-1)) : displayPath(found);
      });
    },
  };
}

/** How a number, a boolean or a BigInt is written as a string; undefined for any other value, which has no string form to suggest. */
export function stringForm(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function quote(value: unknown, max = 60): string {
  const s = typeof value === 'string' ? value : String(value);
  const shown = s.length > max ? s.slice(0, max - 1) + '…' : s;
  return JSON.stringify(shown);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  boolean: 'a boolean (true or false)',
  list: 'a list (JSON array)',
  structure: 'a structure (JSON object)',
  map: 'a map (JSON object)',
  blob: 'a blob (base64 text, or bytes in SDK input)',
  timestamp: 'a timestamp (epoch seconds, or a Date in SDK output)',
};

const RECEIVED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  undefined: 'undefined',
  array: 'a list (JSON array)',
  object: 'an object',
  bigint: 'a BigInt',
  NaN: 'NaN',
  Infinity: 'an infinite number',
  date: 'a Date',
  bytes: 'bytes',
  function: 'a function',
  symbol: 'a symbol',
};

/** Hints for pattern failures, keyed by AWS shape name. */
const PATTERN_HINTS: Record<string, string> = {
  MaintenanceWindowId: 'A maintenance window ID is "mw-" followed by 17 lowercase hexadecimal digits, e.g. "mw-0123456789abcdef0".',
  MaintenanceWindowTaskId: 'Use a UUID: 8-4-4-4-12 hexadecimal digits.',
  MaintenanceWindowExecutionId: 'Use a UUID: 8-4-4-4-12 hexadecimal digits.',
  MaintenanceWindowExecutionTaskId: 'Use a UUID: 8-4-4-4-12 hexadecimal digits (the task execution ID, as returned in TaskExecutionId).',
  MaintenanceWindowExecutionTaskInvocationId: 'Use a UUID: 8-4-4-4-12 hexadecimal digits.',
  MaxConcurrency: 'Use a number of targets from 1 (e.g. "10") or a percentage from 1% to 100% (e.g. "10%"); "0" and "0%" are not allowed.',
  MaxErrors: 'Use a number of errors (e.g. "1"; "0" stops at the first error) or a percentage from 0% to 100% (e.g. "10%").',
  MaintenanceWindowName: 'Use 3 to 128 characters: letters, digits, "_", "-" and "." only.',
  DocumentVersion: 'Use "$DEFAULT", "$LATEST" or a version number such as "3".',
  TargetKey: 'Use letters, digits, spaces and the characters _ . : / = - @ only.',
  AlarmName: 'Give the CloudWatch alarm name; it cannot be blank.',
};

export function levenshtein(a: string, b: string): number {
  const row: number[] = [];
  for (let j = 0; j <= b.length; j++) row.push(j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The known name a typo most likely meant, if any is close enough to suggest. */
export function closest(actual: string, known: readonly string[]): string | undefined {
  const lower = actual.toLowerCase();
  const limit = Math.max(2, Math.floor(actual.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    // The distance is at least the difference in length: a name that cannot be close enough is not measured.
    const name = k.toLowerCase();
    if (Math.abs(name.length - lower.length) > limit) continue;
    const d = name === lower ? 0 : levenshtein(lower, name);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** Terraform's names of the types a value is converted to. */
const TERRAFORM_TYPES: Record<string, string> = { string: 'a string', number: 'a number', bool: 'a bool', list: 'a list of strings' };
/** What a Terraform reference to an ID holds (src/readers/terraform/references.ts). */
const ID_KINDS: Record<string, string> = {
  window: 'a maintenance window ID',
  'window-target': 'a window target ID',
  task: 'a maintenance window task ID',
  instance: 'an instance ID',
};
const TERRAFORM_TYPE_HINTS: Record<string, string> = {
  number: 'Write a number, e.g. 10 (quotes are allowed only around digits).',
  bool: 'Write true or false.',
  string: 'Write a string, e.g. "value".',
  list: 'Write a list, e.g. ["value"].',
};

const list = (values: readonly unknown[]) => values.map(String).join(', ');
const plural = (n: unknown, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

const lengthText = (p: ParamsOf<'too_short'> | ParamsOf<'too_long'>, subject: string): Text => {
  const bound = 'minimum' in p ? 'minimum' : 'maximum';
  const unit = p.unit === 'bytes' ? 'byte' : 'character';
  const counted = unit === 'character' ? ' (counted in Unicode code points)' : p.encoding === 'bytes' ? ' (counted in bytes, UTF-8 for text)' : ' (after base64 decoding)';
  const what = p.mapKey ? `The key ${quote(subject)}` : subject;
  return { message: `${what} is ${plural(p.actual, unit)} long; the ${bound} is ${'minimum' in p ? p.minimum : p.maximum}${counted}.` };
};

const TARGET_KEYS = ['InstanceIds', 'WindowTargetIds'];
/** A task target's members, which messages name in the file's terms. */
/** What a read-only property of each CloudFormation type holds, for MW100's hint. */
const READ_ONLY_IDS: Record<string, string> = {
  'AWS::SSM::MaintenanceWindowTask': 'task ID',
  'AWS::SSM::MaintenanceWindowTarget': 'window target ID',
  'AWS::SSM::MaintenanceWindow': 'window ID',
};
const TARGET_KEY = ['Targets', 0, 'Key'];
const TARGET_VALUES = ['Targets', 0, 'Values'];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `key` is how the file names a target's Key member. */
function targetValueHint(p: ParamsOf<'task_target_value_format'>, key: string): string | undefined {
  const v = String(p.actual);
  if (/EXAMPLE/.test(v)) return 'This is a placeholder from AWS documentation; use a real ID.';
  if (p.key === 'InstanceIds' && UUID.test(v)) return `This looks like a window target ID: target it with ${key} WindowTargetIds.`;
  if (p.key === 'InstanceIds' && /^mw-/.test(v)) return 'This is a maintenance window ID, not a managed node ID.';
  if (p.key === 'WindowTargetIds' && /^m?i-/.test(v)) return `This looks like a managed node ID: target it with ${key} InstanceIds.`;
  return undefined;
}

/** MW069 and MW071: Replace makes a member required that Register requires. */
function replaceRequires(p: ParamsOf<'task_replace_requires_member'>, n: Names): Text {
  return {
    message: `${n.path([p.member])} is required: with ${n.path(['Replace'])} set to true, an update needs every member ${p.operation} requires.`,
    hint: `Give ${n.path([p.member])}, or leave out ${n.path(['Replace'])} to change only what the request gives.`,
  };
}

/** The AWS CLI release a command line is read as: `AWS CLI v2`, `AWS CLI v1`, `AWS CLI 2.9.19`. */
export function awsCliName(version: unknown): string {
  return `AWS CLI ${version === '2' ? 'v2' : version === '1' ? 'v1' : String(version)}`;
}

/** What is said of a command line that the AWS CLI refuses before it sends anything, with the exit status it gives. */
export function cliRefusalVerdict(version: unknown, exit: unknown): string {
  return `${awsCliName(version)} refuses it (exit status ${exit}) and sends nothing`;
}

/** What to do about the AWS CLI's most common refusals, recognized by its own wording. */
function cliRefusalHint(reason: string, flag?: string): string | undefined {
  if (flag) {
    // A boolean member's flag given a value: `--enabled false`, `--replace=true`.
    const name = flag.replace(/^--(no-)?/, '');
    return `--${name} and --no-${name} are flags: they take no value (--${name} sends true, --no-${name} false).`;
  }
  if (reason.startsWith('Invalid base64')) return 'AWS CLI v2 reads blob values (the Lambda Payload) as base64: encode the payload, or add --cli-binary-format raw-in-base64-out.';
  if (/Second instance of key/.test(reason)) return 'Give each structure of a list as its own shell word: separate them with a space, not a comma.';
  if (/Expected: '=', received: '\{'/.test(reason)) return 'Quote values that contain braces, such as pseudo parameters: InstanceId=["{{TARGET_ID}}"].';
  if (/Expected: '=', received: '@'/.test(reason)) return 'key@=file://... needs AWS CLI v2.20.0 or later (v1 1.36.0 or later).';
  if (/Invalid JSON/.test(reason)) return 'A value that starts with { or [ is read as JSON: check its quotes and commas, or write it in shorthand.';
  if (/invalid literal for int\(\)/.test(reason)) return 'Give a whole number, without quotes or a decimal point.';
  if (/^Unknown options/.test(reason)) return 'Each option takes one value (lists take one word per item): quote values that contain spaces.';
  if (/Cannot specify --no-paginate/.test(reason)) return '--max-results and --next-token turn pagination off: use --page-size, --max-items and --starting-token instead, or only the first two.';
  return undefined;
}

const messages = {
  // --- the model's member constraints -----------------------------------------------------
  required: (_p, s) => ({ message: `${s} is required.` }),
  unknown_member: (p, s) => ({
    message: `${s} is not a member of ${p.shape}.`,
    hint: p.closest ? `Did you mean ${p.closest}?` : `Remove it. ${p.shape} has: ${list(p.known ?? [])}.`,
  }),
  unexpected_member: (p, s) => ({
    message: `${s} is not in the service model's ${p.shape}; AWS may have added it since.`,
  }),
  invalid_type: (p, s) => {
    const expected = TYPE_NAMES[p.expected] ?? p.expected;
    const received = (p.received === 'number' ? stringForm(p.actual) : undefined) ?? (p.received === undefined ? undefined : (RECEIVED[p.received] ?? p.received)) ?? 'this';
    const text: Text = { message: `${s} must be ${expected}, not ${received}.` };
    if (p.expected === 'integer' && p.received === 'string' && typeof p.actual === 'string' && /^-?\d+$/.test(p.actual)) {
      text.hint = `Write ${p.actual} as a number, without quotes.`;
    } else if (p.expected === 'string' && (p.received === 'number' || p.received === 'boolean' || p.received === 'bigint')) {
      // A sensitive member's value is not in the params (it is redacted): then there is nothing to show.
      const written = stringForm(p.actual);
      text.hint = written === undefined ? 'Write the value in quotes, as a string.' : `Write it as a string: ${JSON.stringify(written)}.`;
    } else if (p.expected === 'list' && p.received === 'string') {
      text.hint = 'Write it as a list, e.g. ["value"].';
    }
    return text;
  },
  too_short: (p, s) => lengthText(p, s),
  too_long: (p, s) => lengthText(p, s),
  too_few_items: (p, s) => ({ message: `${s} has ${plural(p.actual, 'item')}; the minimum is ${p.minimum}.` }),
  too_many_items: (p, s) => ({ message: `${s} has ${plural(p.actual, 'item')}; the maximum is ${p.maximum}.` }),
  too_few_entries: (p, s) => ({ message: `${s} has ${plural(p.actual, 'entry', 'entries')}; the minimum is ${p.minimum}.` }),
  too_many_entries: (p, s) => ({ message: `${s} has ${plural(p.actual, 'entry', 'entries')}; the maximum is ${p.maximum}.` }),
  too_small: (p, s) => ({ message: `${s} is ${p.actual}; the minimum is ${p.minimum}.` }),
  too_big: (p, s) => ({ message: `${s} is ${p.actual}; the maximum is ${p.maximum}.` }),
  invalid_enum: (p, s) => {
    const suggestion = typeof p.actual === 'string' ? closest(p.actual, p.allowed ?? []) : undefined;
    return {
      message: `${s} is ${quote(p.actual)}; it must be one of ${list(p.allowed ?? [])}.`,
      ...(suggestion ? { hint: `Did you mean ${suggestion}?` } : {}),
    };
  },
  pattern_mismatch: (p, s) => {
    const hint = PATTERN_HINTS[p.shape];
    return {
      message: `${p.mapKey ? `The key ${quote(s)}` : s} ${p.actual === undefined ? '' : quote(p.actual) + ' '}does not match the pattern ${p.pattern}.`,
      ...(hint ? { hint } : {}),
    };
  },
  invalid_base64: (_p, s) => ({
    message: `${s} is not base64 text; on the wire a blob is base64-encoded.`,
    hint: 'Encode the bytes as base64 (e.g. `base64 -w0 payload.json`), or pass a Uint8Array in SDK input.',
  }),
  unreadable_value: (p, s) => ({ message: `${s} cannot be read: ${p.reason}.` }),
  timestamp_text: (_p, s) => ({
    message: `${s} is ISO 8601 text, as the AWS CLI v2 prints it; on the wire AWS sends epoch seconds.`,
  }),

  // --- documented rules -------------------------------------------------------------------
  run_command_requires_targets: (p, _s, n) => ({
    message: `A RUN_COMMAND task needs at least one target; ${n.path(['Targets'])} is ${p.actual === 'empty' ? 'empty' : 'missing'}.`,
    hint: `Add ${n.path(['Targets'])}, e.g. a target with ${n.member(TARGET_KEY)} WindowTargetIds and ${n.member(TARGET_VALUES)} ["<window-target-id>"].`,
  }),
  targeted_task_requires_rate_controls: (p, _s, n) => ({
    message: `${n.path([p.member])} is required because the task has targets.`,
    hint: `Set ${n.path([p.member])}, e.g. "1" or "10%".`,
  }),
  targetless_task_forbids_rate_controls: (p, _s, n) => ({
    message: `${n.path([p.member])} cannot be given for a task without targets; the service inserts a placeholder value of 1.`,
    hint: `Remove ${n.path([p.member])}, or give the task ${n.path(['Targets'])}.`,
  }),
  invocation_parameters_mismatch: (p, _s, n) => ({
    message: `${n.path(['TaskInvocationParameters', p.member])} does not match ${n.path(['TaskType'])} ${p.taskType}; only ${n.member(['TaskInvocationParameters', p.expected])} may be given.`,
    hint: `Move these parameters to ${n.path(['TaskInvocationParameters', p.expected])}, or remove them.`,
  }),
  task_target_key: (p, s, n) => {
    const key = n.member(TARGET_KEY);
    if (p.actual === undefined) {
      return { message: `${s} is missing; a task target uses ${key} InstanceIds or WindowTargetIds.`, hint: `Add ${key}.` };
    }
    const actual = p.actual;
    const fixed = typeof actual === 'string' ? TARGET_KEYS.find((k) => k.toLowerCase() === actual.toLowerCase()) : undefined;
    return {
      message: `Target key ${quote(p.actual)} cannot be used for a task: AWS answers "${p.actual} is an invalid window task target type, use WindowTargetIds or InstanceIds".`,
      hint: fixed
        ? `Write ${fixed} (keys are case-sensitive).`
        : `Register these targets with the window (RegisterTargetWithMaintenanceWindow) and target the task at them with ${key} WindowTargetIds.`,
    };
  },
  task_target_value_count: (p, _s, n) => ({
    message: `${n.member(TARGET_KEY)} ${p.key} takes between ${p.minimum} and ${p.maximum} values; this target has ${p.actual}.`,
    ...(p.actual > p.maximum && p.key === 'InstanceIds'
      ? { hint: `Register the nodes as a window target and use ${n.member(TARGET_KEY)} WindowTargetIds, or split the task.` }
      : p.actual === 0
        ? { hint: 'Add at least one value.' }
        : {}),
  }),
  task_target_value_format: (p, _s, n) => {
    const hint = targetValueHint(p, n.member(TARGET_KEY));
    return {
      message: `${quote(p.actual)} does not look like ${
        p.key === 'InstanceIds' ? 'a managed node ID ("i-" or "mi-" followed by hexadecimal digits)' : 'a window target ID (a UUID)'
      }.`,
      ...(hint ? { hint } : {}),
    };
  },
  deprecated_member: (p, s, n) => ({ message: `${s} is deprecated.`, hint: `Use ${n.text(String(p.replacement))} instead.` }),
  ignored_legacy_member: (p, s, n) => ({
    message:
      p.reason === 'task-type'
        ? `${s} is ignored for ${p.taskType} tasks.`
        : `${s} is ignored because ${n.path(['TaskInvocationParameters'])} is given.`,
    hint: p.replacement ? `Use ${n.text(String(p.replacement))} instead, or remove it.` : p.taskType ? 'Remove it: nothing replaces it for this task type.' : 'Remove it.',
  }),
  deprecated_value: (p, s) => ({ message: `${s} ${quote(p.value)} is deprecated.`, hint: `Use ${quote(p.replacement)}.` }),
  service_role_recommended: (_p, _s, n) => ({
    message: `No ${n.path(['ServiceRoleArn'])}: Systems Manager uses its service-linked role, and creates it if it does not exist.`,
    hint: 'AWS strongly recommends a custom service role with only the permissions this task needs.',
  }),
  window_target_key: (p, s, n) => {
    const key = n.member(TARGET_KEY);
    const allowed = list(p.allowed ?? []);
    switch (p.reason) {
      case 'missing':
        return { message: `${s} is missing; a window target's ${key} is one of ${allowed}.`, hint: `Add ${key}.` };
      case 'spelling':
        return { message: `Target key ${quote(p.actual)} is not a window target key: keys are case-sensitive.`, hint: `Write ${p.suggestion}.` };
      case 'empty-tag':
        return { message: `Target key ${quote(p.actual)} names no tag key after tag:.`, hint: 'Write tag:<tag-key>, e.g. tag:Environment.' };
      case 'other-tool':
        return {
          message: `Target key ${quote(p.actual)} is a key of ${p.actual === 'WindowTargetIds' ? 'tasks' : 'other Systems Manager tools'}, not of window targets.`,
          hint:
            p.actual === 'WindowTargetIds'
              ? `A task targets a window target with WindowTargetIds; the window target itself names its nodes with ${allowed}.`
              : `Use one of ${allowed}.`,
        };
      default:
        return { message: `Target key ${quote(p.actual)} is not a key ${p.resourceType ? `${p.resourceType} window targets take` : 'window targets take'}.`, hint: `Use one of ${allowed}.` };
    }
  },
  window_target_tag_prefix: (p) => ({
    message: `Target key ${quote(p.actual)} is no key a window target takes; as a tag key it needs the tag: prefix.`,
    hint: `Write ${quote(p.suggestion)} to target the nodes tagged ${p.actual}.`,
  }),
  window_target_resource_type_key: (p, s, n) =>
    p.mixed
      ? {
          message: `${s} mixes keys of INSTANCE targets (${list(p.instance ?? [])}) and of RESOURCE_GROUP targets (${list(p.group ?? [])}); a window target is one or the other.`,
          hint: 'Register them as two window targets.',
        }
      : {
          message: `Target key ${quote(p.actual)} is not a key of ${p.resourceType} targets, which take ${list(p.allowed ?? [])}.`,
          hint: `Use one of those keys, or register this target with ${n.path(['ResourceType'])} ${p.resourceType === 'INSTANCE' ? 'RESOURCE_GROUP' : 'INSTANCE'}.`,
        },
  window_target_instance_ids_alone: (p) => ({
    message: `InstanceIds must be the window target's only target; this one has ${p.targets} targets that select nodes.`,
    hint: 'Put every node ID in one InstanceIds target, and register nodes selected by tags as a second window target.',
  }),
  window_target_value_count: (p, _s, n) => {
    const wanted = p.maximum === undefined ? `at least ${p.minimum} value` : p.maximum === p.minimum ? `exactly ${plural(p.minimum, 'value')}` : `between ${p.minimum} and ${p.maximum} values`;
    return {
      message: `${n.member(TARGET_KEY)} ${p.key} takes ${wanted}${p.form === 'resource-groups:Name' ? ' (one resource group)' : ''}; this target has ${p.actual}.`,
      ...(p.actual === 0
        ? { hint: `Add ${n.member(TARGET_VALUES)}: AWS refuses a target without them ("Filter values can't be null").` }
        : p.form === 'resource-groups:Name'
          ? { hint: 'Register each resource group as its own window target.' }
          : p.form === 'tag' || p.form === 'tag-key'
            ? { hint: 'Split the values over several targets (up to 5), or over several window targets.' }
            : {}),
    };
  },
  window_target_duplicate_value: (p, s) => ({ message: `${s} repeats ${quote(p.value)}, which this target already gives.`, hint: 'Remove the repeat.' }),
  window_target_one_resource_group: (p) =>
    p.form === 'resource-groups:ResourceTypeFilters'
      ? { message: 'A resource group is narrowed by one list of resource types; this is a second resource-groups:ResourceTypeFilters target.', hint: 'Give all the resource types in one target.' }
      : { message: 'A window target names one resource group; this is a second resource-groups:Name target.', hint: 'Register each resource group as its own window target.' },
  window_target_filters_without_group: (_p, _s, n) => ({
    message: 'resource-groups:ResourceTypeFilters is given without a resource-groups:Name target; AWS documents the filters only beside the resource group they narrow.',
    hint: `Add the resource group: a target with ${n.member(TARGET_KEY)} resource-groups:Name.`,
  }),
  window_target_no_targets: (_p, s, n) => ({
    message: `${s} is empty; a window target needs at least one target (AWS: "Please specify at least one target.").`,
    hint: `Add a target, e.g. ${n.member(TARGET_KEY)} InstanceIds with the node IDs, or ${n.member(TARGET_KEY)} tag:<tag-key> with tag values.`,
  }),
  target_replace_requires_member: (p, _s, n) => replaceRequires(p, n),
  task_replace_requires_member: (p, _s, n) => replaceRequires(p, n),
  replace_clears_members: (p, _s, n) => ({
    message: `With ${n.path(['Replace'])} set to true, the members this update leaves out are set to null: ${list((p.members ?? []).map((m: string) => n.path([m])))}.`,
    hint: `Give again those the ${p.of} should keep, or leave out ${n.path(['Replace'])} to change only what the request gives.`,
  }),
  updated_task_requires_rate_controls: (p, _s, n) => ({
    message: `${n.path([p.member])} is required: with ${n.path(['Replace'])} set to true the update is the whole task, and a task with targets needs it.`,
    hint: `Set ${n.path([p.member])}, e.g. "1" or "10%".`,
  }),
  updated_targetless_task_forbids_rate_controls: (p, _s, n) => ({
    message: `${n.path([p.member])} cannot be given: after this update the task has no targets (${
      p.because === 'replace' ? `${n.path(['Replace'])} set to true clears ${n.path(['Targets'])}` : `${n.path(['Targets'])} is empty`
    }), and the service refuses it for a task without targets.`,
    hint: `Remove ${n.path([p.member])}, or give the task ${n.path(['Targets'])}.`,
  }),
  invocation_parameters_replaced: (p, s, n) =>
    p.member === undefined
      ? { message: `${s} is empty: the update removes every invocation parameter the task has.`, hint: `Leave ${s} out to keep them.` }
      : {
          message: `${s} replaces the task's whole ${n.path(['TaskInvocationParameters'])}: what it leaves out (${list(p.left ?? [])}) is removed, if the task has it now.`,
          hint: `Give again every value to keep, or set ${n.path(['Replace'])} to true to say that the update is the whole task.`,
        },
  invocation_parameters_several_types: (p, s) => ({
    message: `${s} holds ${list(p.members ?? [])}: a task has one type, and takes only the parameters of its type.`,
    hint: 'Keep the member of the task’s type (RunCommand for RUN_COMMAND, Automation, StepFunctions or Lambda) and remove the others.',
  }),
  filter_key_not_status: (p, s) => ({
    message:
      p.actual === undefined
        ? `${s} is missing; the only filter key for this operation is STATUS.`
        : `Filter key ${quote(p.actual)} is not supported; the only filter key for this operation is STATUS.`,
    ...(typeof p.actual === 'string' && p.actual.toUpperCase() === 'STATUS' ? { hint: 'Write STATUS in capitals.' } : {}),
  }),
  status_filter_value: (p) => {
    const suggestion = typeof p.actual === 'string' ? closest(p.actual, p.allowed ?? []) : undefined;
    return {
      message: `${quote(p.actual)} is not a STATUS filter value; use one of ${list(p.allowed ?? [])}.`,
      ...(suggestion ? { hint: `Did you mean ${suggestion}?` } : {}),
    };
  },
  undocumented_status_filter_value: (p) => ({
    message: `${p.actual} is a task invocation status, but not one of the documented STATUS filter values.`,
    hint: 'AWS does not document whether the filter accepts it; check the results.',
  }),
  undeclared_error_type: (p) => ({
    message: `${p.type} is neither an error that ${p.operation} declares (${list(p.declared ?? [])}) nor a common AWS error.`,
  }),
  error_http_status: (p) => ({ message: `${p.type} comes with HTTP status ${p.expected}, not ${p.actual}.` }),

  // --- a maintenance window's schedule (src/schedule/; rules MW040-MW054) ---------------------------
  schedule_form: (p, s) => ({
    message:
      p.expected === ')'
        ? `${s} does not end with ")".`
        : p.expected
          ? `${s} has text after its closing parenthesis.`
          : p.unexpected
            ? `${s} has ${quote(p.unexpected)} inside its parentheses.`
            : p.written
              ? `${s} starts with ${quote(p.written)}: it is not a cron(...), rate(...) or at(...) expression.`
              : `${s} is blank: it must be a cron(...), rate(...) or at(...) expression.`,
    hint: `Write ${p.allowed}, e.g. cron(0 2 ? * SUN *) or rate(7 days).`,
  }),
  schedule_spacing: (p, s) => ({
    message: `${s} has the spacing ${p.written}: AWS documents fields separated by one space, and nothing around them.`,
    hint: 'Separate the fields by single spaces.',
  }),
  undocumented_case: (p, s) => ({
    message: `${s} writes ${quote(p.written)}, which every AWS example writes ${quote(p.documented)}; whether AWS accepts other letter cases is not documented.`,
    hint: `Write ${quote(p.documented)}.`,
  }),
  cron_field_count: (p, s) => ({
    message: `${s} has ${plural(p.count, 'field')}; a cron expression has ${p.expected}.`,
    ...(p.count === 5 ? { hint: 'Five fields are the Unix form: AWS needs a Year field last (usually *) and ? in one of the two day fields.' } : {}),
  }),
  cron_quartz_six_fields: (p, s) => ({
    message: `${s} reads as Quartz's six fields "${p.written}" (seconds first, no year), but AWS reads six fields as Minutes Hours Day-of-month Month Day-of-week Year.`,
    hint: `Write ${p.suggestion}.`,
  }),
  cron_value_syntax: (p, s) => ({ message: `${s}: ${p.field} ${quote(p.item)} is not ${p.expected}.`, hint: `${p.field} allows ${p.allows}.` }),
  cron_value_range: (p, s) => ({ message: `${s}: ${p.field} value ${p.value} is outside ${p.minimum}-${p.maximum}.`, hint: `${p.field} allows ${p.allows}.` }),
  cron_name: (p, s) => ({
    message: p.names ? `${s}: ${quote(p.name)} is not a ${p.field} name.` : `${s}: ${p.field} takes no names; ${quote(p.name)} is not allowed.`,
    hint: p.names ? `${p.field} names: ${p.names}.` : `${p.field} allows ${p.allows}.`,
  }),
  cron_wildcard: (p, s) => ({ message: `${s}: ${p.field} does not allow the ${p.wildcard} wildcard.`, hint: `${p.field} allows ${p.allows}.` }),
  cron_step: (p, s) => ({ message: `${s}: ${p.field} increment ${quote(p.step)} is not a whole number of at least 1.`, hint: 'Write a/n or */n with n at least 1.' }),
  cron_step_beyond_range: (p, s) => ({
    message: `${s}: ${p.field} increment ${p.step} is larger than the field (at most ${p.maximum}): only the start value is selected, and Quartz rejects it.`,
    hint: 'Write the single value instead.',
  }),
  cron_range_wraps: (p, s) => ({
    message: `${s}: ${p.field} range ${p.from}-${p.to} starts after it ends; Quartz reads it as wrapping round, AWS does not document it.`,
    hint: 'Write the values as a list, or as two ranges.',
  }),
  cron_year_range_reversed: (p, s) => ({ message: `${s}: Year range ${p.from}-${p.to} starts after it ends.`, hint: 'Write the earlier year first.' }),
  cron_nth: (p, s) => ({ message: `${s}: in ${quote(p.item)}, # must be followed by a number from 1 to 5.`, hint: 'TUE#3 is the third Tuesday of the month.' }),
  cron_nth_not_alone: (p, s) => ({
    message: `${s}: ${p.field} ${quote(p.item)} lists a # item with others; a # item must be the field's only item.`,
    hint: 'Give one n#k per expression, and another window for another day.',
  }),
  cron_special_in_list: (p, s) => ({
    message: `${s}: ${p.field} ${quote(p.item)} lists an L or W item with others: AWS does not document it, and Quartz rejects L with other days of the week.`,
    hint: 'Give the L or W item alone.',
  }),
  cron_undocumented_syntax: (p, s) => ({ message: `${s}: ${p.field} ${p.construct} (${p.meaning}) is Quartz syntax that AWS does not document.` }),
  cron_question_mark: (p, s) => ({
    message: p.both
      ? `${s} has ? in both Day-of-month and Day-of-week: exactly one of them must be ?.`
      : `${s} has Day-of-month ${quote(p.dayOfMonth)} and Day-of-week ${quote(p.dayOfWeek)}: one of them must be ?.`,
    hint: 'Give a value in one of the two day fields and ? in the other, e.g. cron(0 10 * * ? *) or cron(0 10 ? * MON *).',
  }),
  cron_too_frequent: (p, s) => ({
    message: `${s} runs ${p.seconds} seconds apart: AWS does not support cron expressions that run more often than every five minutes.`,
    hint: 'Space the runs at least five minutes apart.',
  }),
  cron_never_runs: (p, s) => ({ message: `${s}: Day-of-month ${quote(p.dayOfMonth)} never falls in Month ${quote(p.month)} of Year ${quote(p.year)}, so the window never runs.` }),
  rate_field_count: (p, s) => ({ message: `${s} has ${plural(p.count, 'field')} in rate(...); a rate has a value and a unit.`, hint: `Write ${p.expected}.` }),
  rate_value: (p, s) => ({ message: `${s}: rate value ${quote(p.value)} is not a whole number of at least 1.`, hint: 'e.g. rate(30 minutes), rate(1 hour), rate(7 days).' }),
  rate_unit: (p, s) => ({ message: `${s}: rate unit ${quote(p.unit)} is not one of ${p.allowed}.`, hint: 'e.g. rate(30 minutes), rate(1 hour), rate(7 days).' }),
  rate_unit_number: (p, s) => ({
    message: `${s}: rate(${p.value} ${p.unit}) has the unit in the wrong number: singular for 1, plural for more.`,
    hint: `Write rate(${p.value} ${p.expected}).`,
  }),
  rate_too_frequent: (p, s) => ({ message: `${s} runs every ${p.seconds} seconds: AWS supports cron schedules of at most every five minutes and documents no faster rate.` }),
  at_format: (p, s) => ({ message: `${s}: ${quote(p.written)} is not a date and time in the form ${p.expected}.`, hint: 'e.g. at(2020-07-07T15:55:00).' }),
  at_invalid_date: (p, s) => ({
    message: `${s}: in ${quote(p.written)}, ${quote(p.value)} is not a real date or time${p.minimum !== undefined ? ` (${p.minimum}-${p.maximum})` : ''}.`,
  }),
  at_undocumented_form: (p, s) => ({
    message: `${s}: ${quote(p.written)} is ISO 8601, but not the documented form ${p.expected}.`,
    hint: 'Write yyyy-mm-ddThh:mm:ss, without a fraction or an offset.',
  }),
  timezone_unknown: (p, s) => ({ message: `${s} ${quote(p.timezone)} is not an IANA time zone name.`, hint: 'e.g. America/Los_Angeles, UTC or Asia/Seoul.' }),
  timezone_case: (p, s) => ({
    message: `${s} ${quote(p.timezone)} is not in the letter case of the IANA time zone database; AWS may not accept it.`,
    ...(p.documented ? { hint: `Write ${quote(p.documented)}.` } : {}),
  }),
  schedule_offset_not_cron: (p, s, n) => ({
    message: `${s} is supported for cron expressions only, and ${n.path(['Schedule'])} is a ${p.form}(...) expression.`,
    hint: `Remove ${s}, or use a cron expression.`,
  }),
  date_format: (p, s) => ({
    message: `${s} ${quote(p.value)} is not an ISO 8601 extended date and time${p.part !== undefined ? ` (${quote(p.part)} is out of range)` : ''}.`,
    ...(p.expected ? { hint: `Write ${p.expected}.` } : {}),
  }),
  date_undocumented_form: (p, s) => ({
    message: `${s} ${quote(p.value)} has no ${p.missing === 'extended offset' ? 'offset of the form ±hh:mm' : p.missing}: every date AWS documents has a time and an offset, and it is read here as ${p.missing === 'time' ? 'midnight UTC' : 'UTC'}.`,
    hint: 'e.g. 2021-04-07T14:29:00-08:00.',
  }),
  date_order: (p, _s, n) => ({
    message: `${n.path(['EndDate'])} ${p.EndDate} is not after ${n.path(['StartDate'])} ${p.StartDate}: the window never becomes active.`,
    hint: `Give an ${n.path(['EndDate'])} after the ${n.path(['StartDate'])}.`,
  }),
  end_date_passed: (p, s) => ({ message: `${s} ${p.EndDate} has passed: the window no longer runs.`, hint: `Give a later ${s}, or remove the window.` }),
  schedule_never_runs: (p, s, n) => ({
    message: `${s} has no run ${p.StartDate ? `from ${n.path(['StartDate'])} ${p.StartDate}` : 'from now on'}${p.EndDate ? ` before ${n.path(['EndDate'])} ${p.EndDate}` : ''}: the window never runs.`,
  }),
  cutoff_not_below_duration: (p, _s, n) => ({
    message: `${n.path(['Cutoff'])} ${p.Cutoff} is not below ${n.path(['Duration'])} ${p.Duration}: AWS stops scheduling tasks ${p.Cutoff} hours before the end of a ${p.Duration}-hour window, so no task could start.`,
    hint: `Give a ${n.path(['Cutoff'])} of at most ${p.Duration - 1}, or a longer ${n.path(['Duration'])}.`,
  }),
  replace_requires_member: (p, _s, n) => ({
    message: `${n.path([p.member])} is required: with ${n.path(['Replace'])}, every member that CreateMaintenanceWindow requires is required.`,
    hint: `Add ${n.path([p.member])}, or leave ${n.path(['Replace'])} out to change only the members given.`,
  }),

  // --- HTTP exchanges (src/exchange/) -----------------------------------------------------------
  unknown_target: (p) => ({
    message:
      p.actual === undefined
        ? 'The request has no X-Amz-Target header, so the operation is unknown; AWS JSON 1.1 routes every request by it.'
        : `X-Amz-Target ${quote(p.actual)} names no operation: it must be ${p.prefix}.<Operation>.`,
    ...(p.closest ? { hint: `Did you mean ${p.closest}?` } : {}),
  }),
  body_not_json: (p) => ({
    message: `The ${p.part} body is not a JSON object${p.contentType ? ` (Content-Type ${p.contentType})` : ''}: ${p.reason}.`,
    hint:
      p.encoding !== undefined
        ? `The recording is broken, not necessarily the exchange: record it again, or remove the ${p.encoding} encoding if the text is the body itself.`
        : p.part === 'response'
          ? 'AWS JSON 1.1 answers every call, errors included, with a JSON object.'
          : 'Send the input as a JSON object.',
  }),
  unexpected_http_status: (p) => ({
    message: `HTTP status ${p.actual} is neither a success (2xx) nor an error (4xx, 5xx) status; the response cannot be read.`,
  }),
  accepted_invalid_request: (p) => ({
    message: `The server answered ${p.status} to a request with ${plural(p.errors, 'contract error')} (${list(p.codes ?? [])}).`,
    hint: 'AWS rejects requests that break its model with a ValidationException; a mock or proxy that accepts them hides the mistake.',
  }),
  content_length_mismatch: (p) => ({
    message: `Content-Length says ${p.declared} bytes, but the ${p.part} body has ${p.actual}.`,
    hint: 'A server reads exactly Content-Length bytes; the rest of the body would be cut off or read as the next request.',
  }),

  // --- across the resources of a file (src/readers/across/rules) ---------------------------------
  task_target_in_other_window: (p, s) => ({
    message: `${s} names ${p.target}, a target registered with ${p.targetWindow}; this task is registered with ${p.window}.`,
    hint: `Name a target of ${p.window}, or register the task with ${p.targetWindow}.`,
  }),
  window_reference_kind: (p, s) => ({
    message: `${s} refers to ${p.reference}, which is ${ID_KINDS[p.actual] ?? p.actual}, not a maintenance window ID.`,
    hint: 'Refer to the maintenance window resource itself.',
  }),
  unassociated_instances: (p, s) => ({
    message: `${s} runs the task on ${p.instance}, which no target of ${p.window} registers, and ${p.window} does not allow unassociated targets.`,
    hint: `Register the instance as a target of ${p.window} and name that target with WindowTargetIds, or allow unassociated targets on ${p.window}.`,
  }),

  // --- CloudFormation (src/readers/cloudformation/rules) ------------------------------------------
  cfn_unknown_property: (p, s) => ({
    message:
      p.reason === 'api-only'
        ? `${s} is a member of the API that ${p.type ?? 'AWS::SSM::MaintenanceWindowTask'} does not have.`
        : p.reason === 'read-only'
          ? `${s} is read-only: CloudFormation sets it, a template cannot.`
          : `${s} is not a property of ${p.type ?? 'AWS::SSM::MaintenanceWindowTask'}.`,
    hint:
      p.reason === 'api-only'
        ? p.property === 'ClientToken'
          ? 'Remove it: CloudFormation makes its own idempotency token.'
          : 'Remove it: CloudFormation cannot set it; register the alarms with the API or the AWS CLI (update-maintenance-window-task) instead.'
        : p.reason === 'read-only'
          ? `Remove it; read the ${READ_ONLY_IDS[p.type as string] ?? 'task ID'} with !Ref.`
          : p.closest
            ? `Did you mean ${p.closest}?`
            : `Remove it. It has: ${list(p.known ?? [])}.`,
  }),
  cfn_value_not_sent: (p, s) => ({
    message: `${s} is ${p.reason === 'empty-list' ? 'an empty list' : 'an empty string'}, which the ${p.type} resource handler leaves out of the request: it sets nothing.`,
    hint: 'Remove it, or give the value you mean.',
  }),
  cfn_target_reference_kind: (p, s) => ({
    message: `${s} is ${p.reference}, which gives ${ID_KINDS[p.actual] ?? p.actual}, not ${ID_KINDS[p.expected] ?? p.expected} as Key ${p.key} takes.`,
    hint:
      p.actual === 'window-target' && p.key === 'InstanceIds'
        ? 'Target the window target with Key WindowTargetIds.'
        : p.actual === 'instance' && p.key === 'WindowTargetIds'
          ? 'Target the instance with Key InstanceIds.'
          : 'Register the nodes as an AWS::SSM::MaintenanceWindowTarget and name it with Key WindowTargetIds.',
  }),
  cfn_unknown_attribute: (p, s) => ({
    message: `${s} asks for ${p.attribute} of ${p.resource}, which ${p.type} does not have: CloudFormation refuses the template.`,
    hint: p.type === 'AWS::SSM::MaintenanceWindowTarget' && p.attribute === 'WindowId' ? 'Refer to the window itself (its Ref).' : `Ask for ${list(p.known ?? [])}.`,
  }),
  cfn_required_property: (_p, s) => ({
    message: `${s} is required by CloudFormation (the API makes it optional).`,
    hint: 'Add it.',
  }),
  cfn_payload_not_base64: (p, s) => ({
    message: `${s} is not base64 text (${p.reason}): CloudFormation decodes the Lambda Payload from base64 before it sends it, and fails on this.`,
    hint: 'Wrap the text in Fn::Base64 (!Base64 in YAML), which encodes it, or write it base64-encoded.',
  }),
  cfn_json_text: (p, s) => ({
    message: `${s} is text that is not a JSON object: ${p.reason}.`,
    hint: 'Write it as a YAML or JSON object, or as text holding a JSON object such as {"Operation": ["Install"]}.',
  }),

  // --- reading input ---------------------------------------------------------------------------
  unreadable: (p) => ({ message: `Cannot read the file: ${p.reason}.` }),
  syntax_error: (p) => ({ message: `Not valid ${p.format ?? 'JSON or YAML'}: ${p.reason}.` }),
  not_checked: (p, s) => ({
    message: `${p.what ?? s} was not checked: ${p.reason}.`,
    ...(p.hint ? { hint: p.hint } : {}),
  }),
  unknown_suppression: (p) => {
    const suggestion = typeof p.actual === 'string' ? closest(p.actual, p.known ?? []) : undefined;
    return {
      message: `${quote(p.actual)} in ${p.where} names no rule id or code, so it suppresses nothing.`,
      hint: suggestion ? `Did you mean ${suggestion}?` : 'Use a rule id such as MW003, or a code such as too_long.',
    };
  },
  cli_refused: (p) => {
    const first = String(p.reason ?? '').split('\n')[0]!.replace(/ for input:$/, '');
    const hint = cliRefusalHint(String(p.reason ?? ''), typeof p.flag === 'string' ? p.flag : undefined);
    return {
      message: `${awsCliName(p.version)} refuses this command line (exit status ${p.exit}): ${first}`,
      ...(hint ? { hint } : {}),
    };
  },
  cli_blob_not_base64: (p) => ({
    message: `AWS CLI v2 reads this blob as base64 and silently drops the characters ${quote(p.dropped)} that base64 does not have: it sends other bytes than the text you wrote.`,
    hint: 'Pass the text with --cli-binary-format raw-in-base64-out (or cli_binary_format in the AWS config), or encode it as base64 first.',
  }),
  cli_no_request: (p) => ({ message: `This command line sends no request: ${p.reason}.` }),
  duplicate_key: (p, s) => ({
    message: `${s} is given twice, at line ${p.firstLine}, column ${p.firstColumn} and at line ${p.line}, column ${p.column}: ${p.uses} uses the last value and ignores the first.`,
    hint: p.hint ?? 'Remove the one you do not mean.',
  }),
  integer_written_as_float: (p, s) => ({
    message: `${s} is written ${p.written}: the AWS CLI (--cli-input-json, --cli-input-yaml) and boto3 read a float, which botocore refuses for an integer ("Invalid type for parameter ${s}"); JSON.parse and the SDK for JavaScript send ${p.value}.`,
    hint: `Write ${p.value}.`,
  }),
  duplicate_yaml_key: (p, s) => ({
    message: `${s} is given twice, at line ${p.firstLine}, column ${p.firstColumn} and at line ${p.line}, column ${p.column}: YAML requires the keys of a mapping to be unique, and the AWS CLI refuses the file (--cli-input-yaml: "Invalid YAML received").`,
    hint: 'Remove the one you do not mean.',
  }),
  yaml_unknown_tag: (p, s) => ({
    message: `${s} is tagged ${p.tag}, a YAML tag the AWS CLI cannot read: AWS CLI v2 refuses the file (--cli-input-yaml: "Invalid YAML received"), and the value was not checked: it is not the text after the tag.`,
    hint: 'A payload file holds the values themselves: remove the tag, or run the tool that expands it (a preprocessor) and check its output.',
  }),
  unrecognized_payload: (p) => ({
    message:
      p.reason === 'not-an-object'
        ? 'The payload is not a JSON object, so its operation and kind cannot be told.'
        : p.reason === 'ambiguous'
          ? `Cannot tell which payload this is: it could be ${list((p.candidates ?? []).map((c: { operation: string; kind: string }) => `${c.operation} ${c.kind}`)).replace(/, ([^,]*)$/, ' or $1')}.`
          : 'None of its members belongs to a request, response or error of any operation this checks.',
    hint: 'Pass --operation and --kind.',
  }),

  // --- Terraform (src/readers/terraform/rules) ---------------------------------------------------
  terraform_removed_argument: (p) => ({
    message: `${p.argument} is not an argument of current AWS providers: the 2.x provider deprecated it, later ones refuse it ("Unsupported block type").`,
    hint: `Use ${p.replacement} instead.`,
  }),
  terraform_value_not_sent: (p) => ({
    message:
      p.reason === 'empty-block'
        ? `The ${p.argument} block sets nothing, so the provider sends nothing for it.`
        : p.reason === 'empty-item'
          ? `The empty string in ${p.argument} is not sent: the provider drops empty strings from lists.`
          : `${p.argument} = ${p.reason === 'empty-list' ? '[]' : '""'} is not sent: the provider leaves empty values out of the request.`,
    hint: 'Remove it, or set the value you mean.',
  }),
  terraform_duplicate_parameter: (p) => ({
    message: `Parameter ${quote(p.name)} is given twice (first at line ${p.firstLine}); the provider sends only one of the two.`,
    hint: 'Give each parameter once, with all its values in one values list.',
  }),
  terraform_unsupported_argument: (p) => ({
    message: p.computed
      ? `${p.argument} is computed by the provider and cannot be set.`
      : `${p.form === 'block' ? 'Blocks of type' : 'An argument named'} ${p.argument} ${p.form === 'block' ? 'are' : 'is'} not expected in ${p.parent}: the AWS provider does not declare ${p.form === 'block' ? 'them' : 'it'}.`,
    hint: p.closest ? `Did you mean ${p.closest}?` : 'Remove it.',
  }),
  terraform_type_mismatch: (p) => ({
    message: `${p.argument} = ${p.actual}: Terraform cannot convert ${p.received} to ${TERRAFORM_TYPES[p.expected] ?? p.expected}.`,
    hint: TERRAFORM_TYPE_HINTS[p.expected] ?? 'Write a value of the argument’s type.',
  }),
  terraform_block_structure: (p) => {
    switch (p.reason) {
      case 'too-many-blocks':
        return { message: `Too many ${p.argument} blocks: no more than ${p.maximum} is allowed.`, hint: 'Merge them into one block.' };
      case 'block-as-argument':
        return { message: `${p.argument} is a block, not an argument: write ${p.argument} { ... } without "=".`, hint: 'Use a dynamic block to build blocks from a list.' };
      case 'argument-as-block':
        return { message: `${p.argument} is an argument, not a block: write ${p.argument} = ...`, hint: `Set ${p.argument} with "=".` };
      default:
        return { message: `The ${p.argument} block has no ${p.missing}, which it requires.`, hint: `Add ${p.missing}.` };
    }
  },
  terraform_invalid_arn: (p) => ({
    message: `${p.argument} ${quote(p.actual)} is not an ARN (${p.reason}); the provider refuses it at plan time.`,
    hint: 'Give the full ARN, e.g. "arn:aws:iam::123456789012:role/MaintenanceWindowRole".',
  }),
  terraform_provider_refuses: (p) => ({
    message: `${p.argument} ${quote(p.actual)} has fewer than ${p.minimum} characters: the provider refuses it at plan time, although the API would take it.`,
    hint: `Write at least ${p.minimum} characters, or leave ${p.argument} out.`,
  }),
  terraform_update_drops_rate_controls: (p, _s, n) => ({
    message: `${p.argument} is not sent with this update: the task has no targets, and the provider leaves ${n.path(['MaxConcurrency'])} and ${n.path(['MaxErrors'])} out of UpdateMaintenanceWindowTask.`,
    hint: 'Remove it: a task without targets takes neither (creating one with it fails, MW003).',
  }),
  terraform_target_reference_kind: (p, _s, n) => {
    const key = n.member(TARGET_KEY);
    return {
      message: `${p.reference} is ${ID_KINDS[p.actual] ?? p.actual}, not ${ID_KINDS[p.expected] ?? p.expected} as ${key} ${p.key} takes.`,
      ...(p.actual === 'window-target' && p.key === 'InstanceIds'
        ? { hint: `Target the window target with ${key} WindowTargetIds.` }
        : p.actual === 'instance' && p.key === 'WindowTargetIds'
          ? { hint: `Target the instance with ${key} InstanceIds.` }
          : { hint: `Register the nodes as a window target (aws_ssm_maintenance_window_target) and use ${key} WindowTargetIds with its id.` }),
    };
  },
} as const satisfies { [C in Code]: Render<ParamsOf<C>> };

/**
 * Message and hint for an issue at `path` (already in the file's own names), with every API member
 * that the params name (MW002's member, MW008's replacement) in the names `naming` gives.
 */
export function formatIssue<C extends Code>(code: C, params: ParamsOf<C>, path: Path, naming: Naming = API_NAMING): Text {
  const subject = 'mapKey' in params && params.mapKey ? String(path[path.length - 1]) : displayPath(path) || 'The payload';
  // TypeScript cannot pair messages[code] with ParamsOf<C> for a generic C; the table's `satisfies` pairs them.
  const render = messages[code] as Render<ParamsOf<C>>;
  return render(params, subject, namesOf(naming));
}

/** A path-free message, for Zod issues raised inside a schema (the path is not known there). */
export function fieldMessage<C extends FieldCode>(code: C, params: ParamsOf<C>): string {
  const render = messages[code] as Render<ParamsOf<C>>;
  return render(params, 'The value', namesOf(API_NAMING)).message;
}

const caveatText = {
  tzdata: (p) => `UTC offsets of ${p.timezone} come from this machine's time-zone data${p.tz ? ` (tzdata ${p.tz})` : ''}; AWS's may differ for recent changes.`,
  dst_gap: (p) => `${p.scheduled} does not exist in ${p.timezone} (clocks go forward): shown at ${p.runs}, later by the gap, as java.time resolves it; AWS does not document what it does.`,
  dst_overlap: (p) => `${p.scheduled} occurs twice in ${p.timezone} (clocks go back): shown once, at the first (${p.runs}); AWS does not document what it does.`,
  rate_anchor: (p) =>
    p.basis === 'StartDate'
      ? `Rate runs are counted from StartDate (${p.anchor}).`
      : `Rate runs are counted from ${p.anchor}; AWS counts them from when the window is created or updated (or from a StartDate in the future).`,
  at_timezone: (p) => `at() is read in ${p.timezone}; AWS documents at() times as UTC and does not say how ScheduleTimezone applies to them.`,
  search_limit: (p) => `The search stopped after ${p.steps} candidate times; later runs are not shown.`,
} as const satisfies { [C in CaveatCode]: (p: CaveatParamsOf<C>) => string };

/** The words for a caveat of a schedule's run times (src/schedule/occurrences.ts): what they rest on that AWS does not document. */
export function formatCaveat(caveat: CaveatOf): string {
  const render = caveatText[caveat.code] as (p: CaveatOf['params']) => string;
  return render(caveat.params);
}
