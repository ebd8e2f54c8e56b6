/*
 * What the schedule checks find, as data. A finding names the window member it concerns and the
 * part of that member's text (offset and length in UTF-16 units, as columns are counted elsewhere),
 * so a caller that knows where the member's value starts in a file can point at the exact column.
 * Wording is made from code and params by ./messages.ts, and nowhere else.
 */

export type Severity = 'error' | 'warning';

/** The CreateMaintenanceWindow / UpdateMaintenanceWindow members that make up a window's schedule. */
export type ScheduleMember = 'Schedule' | 'ScheduleTimezone' | 'ScheduleOffset' | 'StartDate' | 'EndDate';

export const scheduleCodes = {
  // The expression as a whole
  schedule_form: { severity: 'error', title: 'Not a cron(...), rate(...) or at(...) expression' },
  schedule_spacing: { severity: 'warning', title: 'Spacing other than the single spaces AWS documents' },
  undocumented_case: { severity: 'warning', title: 'A keyword, name or unit in a letter case AWS does not document' },
  // cron(...)
  cron_field_count: { severity: 'error', title: 'A cron expression with other than 6 or 7 fields' },
  cron_quartz_six_fields: { severity: 'error', title: 'Six Quartz fields (seconds first, no year) where AWS reads minutes first and a year last' },
  cron_value_syntax: { severity: 'error', title: 'A cron field item that is not a value, range, step or wildcard of its field' },
  cron_value_range: { severity: 'error', title: 'A cron value outside its field’s range' },
  cron_name: { severity: 'error', title: 'A name that the cron field does not take' },
  cron_wildcard: { severity: 'error', title: 'A wildcard that the cron field does not allow' },
  cron_step: { severity: 'error', title: 'A cron increment that is not a whole number of at least 1' },
  cron_step_beyond_range: { severity: 'warning', title: 'A cron increment larger than its field' },
  cron_range_wraps: { severity: 'warning', title: 'A cron range that wraps around (its start after its end)' },
  cron_year_range_reversed: { severity: 'error', title: 'A year range whose start is after its end' },
  cron_nth: { severity: 'error', title: 'A # occurrence outside 1 to 5' },
  cron_nth_not_alone: { severity: 'error', title: 'A # item with other items in the day-of-week field' },
  cron_special_in_list: { severity: 'warning', title: 'An L or W item listed with other items' },
  cron_undocumented_syntax: { severity: 'warning', title: 'A Quartz construct that AWS does not document (L-n, LW)' },
  cron_question_mark: { severity: 'error', title: 'Not exactly one of day-of-month and day-of-week is ?' },
  cron_too_frequent: { severity: 'error', title: 'A cron expression that runs more often than every five minutes' },
  cron_never_runs: { severity: 'warning', title: 'A cron expression whose days never occur (such as 30 February)' },
  // rate(...)
  rate_field_count: { severity: 'error', title: 'A rate expression without exactly a value and a unit' },
  rate_value: { severity: 'error', title: 'A rate value that is not a whole number of at least 1' },
  rate_unit: { severity: 'error', title: 'A rate unit other than minute(s), hour(s) or day(s)' },
  rate_unit_number: { severity: 'error', title: 'A rate unit that is plural for 1 or singular for more than 1' },
  rate_too_frequent: { severity: 'warning', title: 'A rate of less than five minutes' },
  // at(...)
  at_format: { severity: 'error', title: 'A one-off time that is not yyyy-mm-ddThh:mm:ss' },
  at_invalid_date: { severity: 'error', title: 'A one-off time that names no real date or time' },
  at_undocumented_form: { severity: 'warning', title: 'A one-off time in an ISO 8601 form other than the documented one' },
  // The other schedule members
  timezone_unknown: { severity: 'error', title: 'A ScheduleTimezone that is not an IANA time zone name' },
  timezone_case: { severity: 'warning', title: 'A ScheduleTimezone in a letter case the IANA database does not use' },
  schedule_offset_range: { severity: 'error', title: 'A ScheduleOffset that is not a whole number from 1 to 6' },
  schedule_offset_not_cron: { severity: 'error', title: 'A ScheduleOffset with a rate or at expression' },
  date_format: { severity: 'error', title: 'A StartDate or EndDate that is not an ISO 8601 extended date and time' },
  date_undocumented_form: { severity: 'warning', title: 'A StartDate or EndDate without a time or without a UTC offset' },
  date_order: { severity: 'error', title: 'An EndDate that is not after the StartDate' },
  end_date_passed: { severity: 'warning', title: 'An EndDate that has passed: the window no longer runs' },
  schedule_never_runs: { severity: 'warning', title: 'A schedule with no run left in its active period' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type ScheduleCode = keyof typeof scheduleCodes;

export interface ScheduleFinding {
  code: ScheduleCode;
  severity: Severity;
  /** The member whose text the finding is about. */
  member: ScheduleMember;
  /** Where in that member's text (its string, or for ScheduleOffset its number as written by String()). */
  offset: number;
  length: number;
  /** The facts behind the finding, e.g. `{ field: 'Hours', value: 24, minimum: 0, maximum: 23 }`. */
  params: Record<string, unknown>;
}

export function finding(code: ScheduleCode, member: ScheduleMember, offset: number, length: number, params: Record<string, unknown> = {}): ScheduleFinding {
  return { code, severity: scheduleCodes[code].severity, member, offset, length, params };
}

export const hasErrors = (findings: readonly ScheduleFinding[]) => findings.some((f) => f.severity === 'error');
