import type { Code, FieldCode } from './codes.js';
import { displayPath, type Path } from './issue.js';

/*
 * All wording lives here, keyed by code. Schemas and rules produce codes and params; this
 * turns them into a message (what is wrong) and, when there is something specific to say,
 * a hint (what to do).
 */

// Params come from our own checks and rules; the fields each code reads are documented by use.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = Record<string, any>;
type Text = { message: string; hint?: string };
type Render = (p: Params, subject: string) => Text;

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

const list = (values: readonly unknown[]) => values.map(String).join(', ');
const plural = (n: unknown, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

const lengthText = (p: Params, subject: string, bound: 'minimum' | 'maximum'): Text => {
  const unit = p.unit === 'bytes' ? 'byte' : 'character';
  const counted = unit === 'character' ? ' (counted in Unicode code points)' : ' (after base64 decoding)';
  const what = p.mapKey ? `The key ${quote(subject)}` : subject;
  return { message: `${what} is ${plural(p.actual, unit)} long; the ${bound} is ${p[bound]}${counted}.` };
};

const TARGET_KEYS = ['InstanceIds', 'WindowTargetIds'];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function targetValueHint(p: Params): string | undefined {
  const v = String(p.actual);
  if (/EXAMPLE/.test(v)) return 'This is a placeholder from AWS documentation; use a real ID.';
  if (p.key === 'InstanceIds' && UUID.test(v)) return 'This looks like a window target ID: target it with Key=WindowTargetIds.';
  if (p.key === 'InstanceIds' && /^mw-/.test(v)) return 'This is a maintenance window ID, not a managed node ID.';
  if (p.key === 'WindowTargetIds' && /^m?i-/.test(v)) return 'This looks like a managed node ID: target it with Key=InstanceIds.';
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
    const received = p.received === 'number' && p.actual !== undefined ? String(p.actual) : (RECEIVED[p.received] ?? p.received ?? 'this');
    const text: Text = { message: `${s} must be ${expected}, not ${received}.` };
    if (p.expected === 'integer' && p.received === 'string' && /^-?\d+$/.test(String(p.actual))) {
      text.hint = `Write ${p.actual} as a number, without quotes.`;
    } else if (p.expected === 'string' && (p.received === 'number' || p.received === 'boolean')) {
      text.hint = `Write it as a string: "${p.actual}".`;
    } else if (p.expected === 'list' && p.received === 'string') {
      text.hint = 'Write it as a list, e.g. ["value"].';
    }
    return text;
  },
  too_short: (p, s) => lengthText(p, s, 'minimum'),
  too_long: (p, s) => lengthText(p, s, 'maximum'),
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
  run_command_requires_targets: (p) => ({
    message: `A RUN_COMMAND task needs at least one target; Targets is ${p.actual === 'empty' ? 'empty' : 'missing'}.`,
    hint: 'Add Targets, e.g. [{"Key": "WindowTargetIds", "Values": ["<window-target-id>"]}].',
  }),
  targeted_task_requires_rate_controls: (p) => ({
    message: `${p.member} is required because the task has targets.`,
    hint: `Set ${p.member}, e.g. "1" or "10%".`,
  }),
  targetless_task_forbids_rate_controls: (p) => ({
    message: `${p.member} cannot be given for a task without targets; the service inserts a placeholder value of 1.`,
    hint: `Remove ${p.member}, or give the task Targets.`,
  }),
  invocation_parameters_mismatch: (p) => ({
    message: `TaskInvocationParameters.${p.member} does not match TaskType ${p.taskType}; only ${p.expected} may be given.`,
    hint: `Move these parameters to TaskInvocationParameters.${p.expected}, or remove them.`,
  }),
  task_target_key: (p, s) => {
    if (p.actual === undefined) {
      return { message: `${s} is missing; a task target uses Key InstanceIds or WindowTargetIds.`, hint: 'Add Key.' };
    }
    const fixed = typeof p.actual === 'string' ? TARGET_KEYS.find((k) => k.toLowerCase() === p.actual.toLowerCase()) : undefined;
    return {
      message: `Target key ${quote(p.actual)} cannot be used for a task: AWS answers "${p.actual} is an invalid window task target type, use WindowTargetIds or InstanceIds".`,
      hint: fixed
        ? `Write ${fixed} (keys are case-sensitive).`
        : 'Register these targets with the window (RegisterTargetWithMaintenanceWindow) and target the task at them with Key=WindowTargetIds.',
    };
  },
  task_target_value_count: (p) => ({
    message: `Key ${p.key} takes between ${p.minimum} and ${p.maximum} values; this target has ${p.actual}.`,
    ...(p.actual > p.maximum && p.key === 'InstanceIds'
      ? { hint: 'Register the nodes as a window target and use Key=WindowTargetIds, or split the task.' }
      : p.actual === 0
        ? { hint: 'Add at least one value.' }
        : {}),
  }),
  task_target_value_format: (p) => {
    const hint = targetValueHint(p);
    return {
      message: `${quote(p.actual)} does not look like ${
        p.key === 'InstanceIds' ? 'a managed node ID ("i-" or "mi-" followed by hexadecimal digits)' : 'a window target ID (a UUID)'
      }.`,
      ...(hint ? { hint } : {}),
    };
  },
  deprecated_member: (p, s) => ({ message: `${s} is deprecated.`, hint: `Use ${p.replacement} instead.` }),
  ignored_legacy_member: (p, s) => ({
    message:
      p.reason === 'task-type'
        ? `${s} is ignored for ${p.taskType} tasks.`
        : `${s} is ignored because TaskInvocationParameters is given.`,
    hint: p.replacement ? `Use ${p.replacement} instead, or remove it.` : 'Remove it: nothing replaces it for this task type.',
  }),
  deprecated_value: (p, s) => ({ message: `${s} ${quote(p.value)} is deprecated.`, hint: `Use ${quote(p.replacement)}.` }),
  service_role_recommended: () => ({
    message: 'No ServiceRoleArn: Systems Manager uses its service-linked role, and creates it if it does not exist.',
    hint: 'AWS strongly recommends a custom service role with only the permissions this task needs.',
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
    hint: p.part === 'response' ? 'AWS JSON 1.1 answers every call, errors included, with a JSON object.' : 'Send the input as a JSON object.',
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

  // --- reading input ---------------------------------------------------------------------------
  unreadable: (p) => ({ message: `Cannot read the file: ${p.reason}.` }),
  syntax_error: (p) => ({ message: `Not valid ${p.format ?? 'JSON or YAML'}: ${p.reason}.` }),
  not_checked: (p, s) => ({
    message: `${p.what ?? s} was not checked: ${p.reason}.`,
    ...(p.hint ? { hint: p.hint } : {}),
  }),
  unrecognized_payload: (p) => ({
    message:
      p.reason === 'not-an-object'
        ? 'The payload is not a JSON object, so its operation and kind cannot be told.'
        : p.reason === 'ambiguous'
          ? `Cannot tell which payload this is: it could be ${list((p.candidates ?? []).map((c: { operation: string; kind: string }) => `${c.operation} ${c.kind}`)).replace(/, ([^,]*)$/, ' or $1')}.`
          : 'None of its members belongs to a request, response or error of either operation.',
    hint: 'Pass --operation and --kind.',
  }),
} as const satisfies Record<Code, Render>;

/** Message and hint for an issue at `path`. */
export function formatIssue(code: Code, params: Params, path: Path): Text {
  const subject = params.mapKey ? String(path[path.length - 1]) : displayPath(path) || 'The payload';
  return messages[code](params, subject);
}

/** A path-free message, for Zod issues raised inside a schema (the path is not known there). */
export function fieldMessage(code: FieldCode, params: Params): string {
  return messages[code](params, 'The value').message;
}
