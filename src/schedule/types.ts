import type { CronFieldName, RateUnit } from './fields.js';

/** Where something is inside the expression: offset and length in UTF-16 units. */
export interface Span {
  offset: number;
  length: number;
}

/** One comma-separated item of a cron field. Values are numbers (names read as their numbers). */
export type CronItem = Span &
  (
    | { kind: 'all' } // *
    | { kind: 'none' } // ?
    /** a, a-b, a/n, a-b/n, *\/n: from `from` to `to` by `step`; `wraps` when `to` < `from` (FRI-MON). */
    | { kind: 'values'; from: number; to: number; step: number; wraps: boolean }
    | { kind: 'lastDay' } // L in day-of-month
    | { kind: 'lastDayMinus'; days: number; weekday: boolean } // L-n, L-nW in day-of-month (Quartz)
    | { kind: 'lastWeekday' } // LW in day-of-month (Quartz)
    | { kind: 'nearestWeekday'; day: number } // nW in day-of-month
    | { kind: 'lastOfWeek' } // L alone in day-of-week: the last day of the week, Saturday
    | { kind: 'lastWeekdayOfMonth'; weekday: number } // nL in day-of-week: the last such weekday of the month
    | { kind: 'nth'; weekday: number; n: number } // n#k in day-of-week
  );

export interface CronField extends Span {
  name: CronFieldName;
  text: string;
  items: CronItem[];
}

export interface CronSchedule {
  kind: 'cron';
  expression: string;
  /** Absent in a 6-field expression (seconds are then 0). */
  seconds?: CronField;
  minutes: CronField;
  hours: CronField;
  dayOfMonth: CronField;
  month: CronField;
  dayOfWeek: CronField;
  year: CronField;
}

export interface RateSchedule {
  kind: 'rate';
  expression: string;
  value: number;
  unit: RateUnit;
}

export interface AtSchedule {
  kind: 'at';
  expression: string;
  /** The wall time written: [year, month (1-12), day, hour, minute, second, millisecond]. */
  wall: readonly [number, number, number, number, number, number, number];
  /** A UTC offset in minutes when one is written (`Z` = 0; undocumented form); absent for the documented form. */
  utcOffsetMinutes?: number;
}

export type Schedule = CronSchedule | RateSchedule | AtSchedule;
