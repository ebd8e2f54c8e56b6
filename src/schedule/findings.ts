import { scheduleCodes, type ScheduleCode, type Severity } from '../issues/codes.js';
import type { ParamsOf } from '../issues/params.js';

/*
 * What the schedule checks find, as data. A finding names the window member it concerns and the
 * part of that member's text (offset and length in UTF-16 units, as columns are counted elsewhere),
 * so a caller that knows where the member's value starts in a file can point at the exact column.
 * Codes, severities and titles are declared in src/issues/codes.ts (scheduleCodes); the words in
 * src/issues/format.ts, the one place for wording.
 */

export { scheduleCodes, type ScheduleCode };

/** The CreateMaintenanceWindow / UpdateMaintenanceWindow members that make up a window's schedule. */
export type ScheduleMember = 'Schedule' | 'ScheduleTimezone' | 'ScheduleOffset' | 'StartDate' | 'EndDate';

interface Found<C extends ScheduleCode> {
  code: C;
  severity: Severity;
  /** The member whose text the finding is about. */
  member: ScheduleMember;
  /** Where in that member's text (its string, or for ScheduleOffset its number as written by String()). */
  offset: number;
  length: number;
  /** The facts behind the finding, e.g. `{ field: 'Hours', value: 24, minimum: 0, maximum: 23 }` (src/issues/params.ts). */
  params: ParamsOf<C>;
}

export type ScheduleFinding = { [C in ScheduleCode]: Found<C> }[ScheduleCode];

export function finding<C extends ScheduleCode>(code: C, member: ScheduleMember, offset: number, length: number, params: ParamsOf<C>): ScheduleFinding {
  return { code, severity: scheduleCodes[code].severity, member, offset, length, params } as Found<C> as ScheduleFinding;
}

/** A finding of a kept inspection, as a caller gets it: its own copy, which it may change (shift its offset into a file) without changing the kept one. */
export const ownCopy = (f: ScheduleFinding): ScheduleFinding => ({ ...f, params: { ...f.params } }) as ScheduleFinding;

export const hasErrors = (findings: readonly ScheduleFinding[]) => findings.some((f) => f.severity === 'error');
