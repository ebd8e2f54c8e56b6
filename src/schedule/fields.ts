/*
 * SSM's cron dialect, declared once: the fields, their ranges, names and wildcards, as the "Reference:
 * Cron and rate expressions for Systems Manager" prints them (identical in every version from
 * 2018-12 to 2022-04, when the table was last printed in the archived awsdocs repository). The parser,
 * the messages, the description and docs/schedule.md all read this table.
 */

export type CronFieldName = 'seconds' | 'minutes' | 'hours' | 'dayOfMonth' | 'month' | 'dayOfWeek' | 'year';

/** The wildcard characters of the dialect. */
export type Wildcard = ',' | '-' | '*' | '?' | '/' | 'L' | 'W' | '#';

export interface CronFieldSpec {
  /** The field's name as AWS's table writes it. */
  label: string;
  minimum: number;
  maximum: number;
  /** Names for values, the first being `minimum` (JAN = 1, SUN = 1). */
  names?: readonly string[];
  wildcards: readonly Wildcard[];
  /**
   * The largest increment after `/` that Quartz, where the dialect comes from, accepts ("Increment >= 60");
   * AWS does not say. Absent: no bound.
   */
  maximumStep?: number;
}

export const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
/** SUN = 1 ... SAT = 7, as the table's "1-7 or SUN-SAT" and the examples 6L (last Friday), 3L (last Tuesday) read (decision S03). */
export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

export const CRON_FIELDS = {
  // No row in AWS's table; the Minutes row by analogy, as in Quartz (decision S02).
  seconds: { label: 'Seconds', minimum: 0, maximum: 59, wildcards: [',', '-', '*', '/'], maximumStep: 59 },
  minutes: { label: 'Minutes', minimum: 0, maximum: 59, wildcards: [',', '-', '*', '/'], maximumStep: 59 },
  hours: { label: 'Hours', minimum: 0, maximum: 23, wildcards: [',', '-', '*', '/'], maximumStep: 23 },
  dayOfMonth: { label: 'Day-of-month', minimum: 1, maximum: 31, wildcards: [',', '-', '*', '?', '/', 'L', 'W'], maximumStep: 31 },
  month: { label: 'Month', minimum: 1, maximum: 12, names: MONTH_NAMES, wildcards: [',', '-', '*', '/'], maximumStep: 12 },
  // `#` is missing from this row of AWS's table but has its own row and many examples (decision S04).
  dayOfWeek: { label: 'Day-of-week', minimum: 1, maximum: 7, names: DAY_NAMES, wildcards: [',', '-', '*', '?', '/', 'L', '#'], maximumStep: 7 },
  year: { label: 'Year', minimum: 1970, maximum: 2199, wildcards: [',', '-', '*', '/'] },
} as const satisfies Record<CronFieldName, CronFieldSpec>;

/** The fields of a 6-field expression, in order; a 7-field one has `seconds` first. */
export const SIX_FIELDS = ['minutes', 'hours', 'dayOfMonth', 'month', 'dayOfWeek', 'year'] as const satisfies readonly CronFieldName[];
export const SEVEN_FIELDS = ['seconds', ...SIX_FIELDS] as const satisfies readonly CronFieldName[];

/** What a field allows, in the table's words: `0-23; , - * /`. */
export function allows(field: CronFieldName): string {
  const spec: CronFieldSpec = CRON_FIELDS[field];
  const values = spec.names ? `${spec.minimum}-${spec.maximum} or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : `${spec.minimum}-${spec.maximum}`;
  return `${values}; wildcards ${spec.wildcards.join(' ')}`;
}

/** "Cron expressions that lead to rates faster than five (5) minute aren't supported." */
export const MINIMUM_INTERVAL_SECONDS = 300;

/** The last instant a Date holds (ECMAScript's time value range), in epoch milliseconds. */
export const LAST_INSTANT = 8.64e15;

export const RATE_UNITS = { minute: 60, hour: 3600, day: 86400 } as const;
export type RateUnit = keyof typeof RATE_UNITS;

/** Quartz's bound on n in L-n ("Offset from last day must be <= 30"). */
export const MAXIMUM_LAST_DAY_OFFSET = 30;

/** Epoch milliseconds of a UTC calendar time; unlike Date.UTC, years 0-99 are those years, not 1900-1999. */
export function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

export const daysInMonth = (year: number, month: number) => new Date(utc(year, month + 1, 0)).getUTCDate();
