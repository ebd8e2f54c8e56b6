import { isRecord } from '../values/value-facts.js';
import { defineRule, SOURCES, type Finding } from './types.js';

/*
 * The formats are checked character by character rather than with regular expressions: this rule
 * reads every target value of every payload, and a table lookup per character made validate() 2-6%
 * faster than a pattern test per value (bench/compare-validate.ts, both orders). The tests in
 * test/rules/id-formats.test.ts hold them to the patterns they implement.
 */

const LOWER_HEX = 1;
const UPPER_HEX = 2;
/** Hex digits by character code (ASCII only): LOWER_HEX for 0-9 and a-f, UPPER_HEX for A-F. */
const HEX = new Uint8Array(128);
for (const c of '0123456789abcdef') HEX[c.charCodeAt(0)] = LOWER_HEX;
for (const c of 'ABCDEF') HEX[c.charCodeAt(0)] = UPPER_HEX;

/** Whether `s` has only hex digits from `from` to `to` (exclusive); capitals only when `upper`. */
function hexDigits(s: string, from: number, to: number, upper: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const kind = c < 128 ? HEX[c]! : 0;
    if (kind !== LOWER_HEX && !(upper && kind === UPPER_HEX)) return false;
  }
  return true;
}

const LETTER_I = 0x69;
const LETTER_M = 0x6d;
const DASH = 0x2d;
/** A UUID's groups of hex digits, joined by dashes. */
const UUID_GROUPS = [8, 4, 4, 4, 12];

/** EC2 instances (i- and 8 or 17 lowercase hex digits) and hybrid managed nodes (mi- and 17). */
export function isManagedNodeId(s: string): boolean {
  const n = s.length;
  if (n === 10 || n === 19) return s.charCodeAt(0) === LETTER_I && s.charCodeAt(1) === DASH && hexDigits(s, 2, n, false);
  if (n === 20) return s.charCodeAt(0) === LETTER_M && s.charCodeAt(1) === LETTER_I && s.charCodeAt(2) === DASH && hexDigits(s, 3, n, false);
  return false;
}

/** Window target IDs are UUIDs: hex digits of either case in groups of 8, 4, 4, 4 and 12. */
export function isWindowTargetId(s: string): boolean {
  if (s.length !== 36) return false;
  let at = 0;
  for (let group = 0; group < UUID_GROUPS.length; group++) {
    if (group > 0 && s.charCodeAt(at++) !== DASH) return false;
    const end = at + UUID_GROUPS[group]!;
    if (!hexDigits(s, at, end, true)) return false;
    at = end;
  }
  return true;
}

const FORMATS = { InstanceIds: isManagedNodeId, WindowTargetIds: isWindowTargetId } as const;

export default defineRule({
  id: 'MW007',
  code: 'task_target_value_format',
  severity: 'warning',
  title: 'Target values look like managed node IDs or window target IDs',
  description:
    'The model puts no format on target values. A value that does not look like an ID of the kind its key names is usually a mix-up (a window target ID under InstanceIds) or a placeholder copied from documentation (i-02573cafcfEXAMPLE). A warning, since AWS may issue IDs of new shapes. Checked for tasks (InstanceIds, WindowTargetIds) and window targets (InstanceIds, where * is not documented for maintenance windows).',
  appliesTo: {
    operations: ['RegisterTaskWithMaintenanceWindow', 'UpdateMaintenanceWindowTask', 'RegisterTargetWithMaintenanceWindow', 'UpdateMaintenanceWindowTarget'],
    kind: 'request',
  },
  sources: [
    {
      ...SOURCES.register,
      quote:
        'Specify managed nodes using the following format: Key=InstanceIds,Values=<instance-id-1>,<instance-id-2> Specify maintenance window targets using the following format: Key=WindowTargetIds,Values=<window-target-id-1>,<window-target-id-2>',
    },
  ],
  jsonSchema: { form: 'annotation' },
  check(payload) {
    const findings: Finding<'task_target_value_format'>[] = [];
    const targets = payload.Targets;
    if (!Array.isArray(targets)) return findings;
    for (let i = 0; i < targets.length; i++) {
      const target: unknown = targets[i];
      if (!isRecord(target) || !Array.isArray(target.Values)) continue;
      const key = target.Key;
      if (key !== 'InstanceIds' && key !== 'WindowTargetIds') continue;
      const values: unknown[] = target.Values;
      for (let j = 0; j < values.length; j++) {
        const value = values[j];
        if (typeof value === 'string' && !FORMATS[key](value)) findings.push({ path: ['Targets', i, 'Values', j], params: { key, actual: value } });
      }
    }
    return findings;
  },
});
