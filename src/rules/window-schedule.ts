import { plainShape } from '../compiled/shape-lookup.js';
import type { ScheduleCode } from '../issues/codes.js';
import { checkWindowSchedule } from '../schedule/check.js';
import type { ScheduleFinding, ScheduleMember } from '../schedule/findings.js';
import type { WindowSchedule } from '../schedule/window.js';
import { codePointLength } from '../values/value-facts.js';
import type { CodedFinding, RuleContext } from './types.js';

/*
 * What the schedule members of a CreateMaintenanceWindow or UpdateMaintenanceWindow request say, read
 * once per payload by src/schedule/ and shared by the rules that raise its findings (MW040-MW054),
 * each of which keeps the codes of its own statement. Imports only the checks: croner, which only
 * the run times need, stays off validate()'s path.
 */

const MEMBERS = ['Schedule', 'ScheduleTimezone', 'ScheduleOffset', 'StartDate', 'EndDate'] as const satisfies readonly ScheduleMember[];

/**
 * Whether a member left out of the request has no value: on CreateMaintenanceWindow, and on an update
 * with Replace ("Optional fields that aren't specified are set to null"). Otherwise an update leaves
 * it as it is: its value is not known here ("Only specified parameters are modified").
 */
export function omittedMeansNone(payload: Record<string, unknown>, context: RuleContext): boolean {
  return context.operation !== 'UpdateMaintenanceWindow' || payload.Replace === true;
}

let longest: number | undefined;
/** The model's maximum length of a Schedule (read when first needed: the compiled metadata is generated after the rules load). */
function longestSchedule(): number {
  if (longest === undefined) {
    const meta = plainShape('MaintenanceWindowSchedule');
    longest = meta.type === 'string' && meta.max !== undefined ? meta.max : Infinity;
  }
  return longest;
}

const memo = new WeakMap<object, { now: number | undefined; findings: ScheduleFinding[] }>();

/** The findings of src/schedule/ for the payload's schedule members; a member of the wrong type (the model reports it) counts as not known. */
function scheduleFindings(payload: Record<string, unknown>, context: RuleContext): ScheduleFinding[] {
  const now = context.now?.getTime();
  const cached = memo.get(payload);
  if (cached && cached.now === now) return cached.findings;
  const window: WindowSchedule = {};
  const unknown: ScheduleMember[] = [];
  const none = omittedMeansNone(payload, context);
  for (const member of MEMBERS) {
    const value = payload[member];
    // A Schedule longer than the model allows is the model's error (too_long), which AWS answers before it reads the
    // expression: it is not read (a hostile one of a million items would be a million findings).
    const typed = member === 'ScheduleOffset' ? typeof value === 'number' : typeof value === 'string' && (member !== 'Schedule' || codePointLength(value) <= longestSchedule());
    if (typed) (window as Record<string, unknown>)[member] = value;
    else if (value !== undefined || !none) unknown.push(member);
  }
  const findings = checkWindowSchedule(window, { ...(context.now ? { now: context.now } : {}), unknown });
  memo.set(payload, { now, findings });
  return findings;
}

/** The schedule findings with these codes, as a rule's findings: at the member, with the part of its text. */
export function windowScheduleFindings(payload: Record<string, unknown>, context: RuleContext, codes: readonly ScheduleCode[]): CodedFinding[] {
  return scheduleFindings(payload, context)
    .filter((f) => codes.includes(f.code))
    .map((f) => ({ path: [f.member], code: f.code, params: f.params, span: { offset: f.offset, length: f.length } }) as CodedFinding);
}

/** The operations whose requests hold a window's schedule. */
export const WINDOW_OPERATIONS = ['CreateMaintenanceWindow', 'UpdateMaintenanceWindow'] as const;
