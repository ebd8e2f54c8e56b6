import type { ScheduleCode, ScheduleFinding } from './findings.js';
import type { Caveat, CaveatCode } from './occurrences.js';

/*
 * The words for findings and caveats, made from code and params only: the one place where this
 * module's wording lives (to move into src/issues/format.ts when the module is wired in).
 */

type P = Record<string, unknown>;
const q = (v: unknown) => JSON.stringify(String(v));

const findingText = {
  schedule_form: (p) => ({
    message: p.expected === ')' ? 'the expression does not end with )' : p.expected ? `unexpected text after the closing parenthesis` : p.unexpected ? `unexpected ${q(p.unexpected)} inside the parentheses` : `${q(p.written ?? '')} is not a schedule expression`,
    hint: `write ${p.allowed}`,
  }),
  schedule_spacing: (p) => ({ message: `spacing ${p.written}: AWS documents fields separated by one space, and nothing around them`, hint: 'separate the fields by single spaces' }),
  undocumented_case: (p) => ({ message: `${q(p.written)} is written ${q(p.documented)} in every AWS example; whether AWS accepts other letter cases is not documented`, hint: `write ${q(p.documented)}` }),
  cron_field_count: (p) => ({
    message: `a cron expression has ${p.expected}; this one has ${p.count}`,
    hint: p.count === 5 ? 'a 5-field expression is the Unix form: AWS needs a year field last (usually *) and ? in one of the day fields' : undefined,
  }),
  cron_quartz_six_fields: (p) => ({ message: `${q(p.written)} reads as Quartz's six fields (seconds first, no year), but AWS reads six fields as Minutes Hours Day-of-month Month Day-of-week Year`, hint: `write ${p.suggestion}` }),
  cron_value_syntax: (p) => ({ message: `${p.field} ${q(p.item)}: expected ${p.expected}`, hint: `${p.field} allows ${p.allows}` }),
  cron_value_range: (p) => ({ message: `${p.field} value ${p.value} is outside ${p.minimum}-${p.maximum}`, hint: `${p.field} allows ${p.allows}` }),
  cron_name: (p) => ({ message: p.names ? `${q(p.name)} is not a ${p.field} name` : `${p.field} takes no names; ${q(p.name)} is not allowed`, hint: p.names ? `names: ${p.names}` : `${p.field} allows ${p.allows}` }),
  cron_wildcard: (p) => ({ message: `${p.field} does not allow the ${p.wildcard} wildcard`, hint: `${p.field} allows ${p.allows}` }),
  cron_step: (p) => ({ message: `${p.field} increment ${q(p.step)} is not a whole number of at least 1`, hint: 'write a/n or */n with n at least 1' }),
  cron_step_beyond_range: (p) => ({ message: `${p.field} increment ${p.step} is larger than the field (at most ${p.maximum}): only the start value is selected, and Quartz rejects it`, hint: 'write the single value instead' }),
  cron_range_wraps: (p) => ({ message: `${p.field} range ${p.from}-${p.to} starts after it ends; Quartz reads it as wrapping round, AWS does not document it`, hint: 'write the values as a list, or as two ranges' }),
  cron_year_range_reversed: (p) => ({ message: `Year range ${p.from}-${p.to} starts after it ends`, hint: 'write the earlier year first' }),
  cron_nth: (p) => ({ message: `${q(p.item)}: # must be followed by a number between 1 and 5`, hint: 'TUE#3 is the third Tuesday of the month' }),
  cron_nth_not_alone: (p) => ({ message: `${p.field} ${q(p.item)}: a # item must be the field's only item`, hint: 'one n#k per expression; use separate windows for other days' }),
  cron_special_in_list: (p) => ({ message: `${p.field} ${q(p.item)}: L and W items with other items are not documented by AWS, and Quartz rejects L with other days of the week`, hint: 'give the L or W item alone' }),
  cron_undocumented_syntax: (p) => ({ message: `${p.field} ${p.construct} (${p.meaning}) is Quartz syntax that AWS does not document` }),
  cron_question_mark: (p) => ({
    message: p.both ? 'both day-of-month and day-of-week are ?: exactly one of them must be' : `day-of-month ${q(p.dayOfMonth)} and day-of-week ${q(p.dayOfWeek)}: one of them must be ?`,
    hint: 'give a value in one of the two day fields and ? in the other, e.g. cron(0 10 * * ? *) or cron(0 10 ? * MON *)',
  }),
  cron_too_frequent: (p) => ({ message: `runs ${p.seconds} seconds apart: AWS does not support cron expressions that run more often than every five minutes`, hint: 'space the runs at least five minutes apart' }),
  cron_never_runs: (p) => ({ message: `day-of-month ${q(p.dayOfMonth)} never falls in month ${q(p.month)} of year ${q(p.year)}: the window never runs` }),
  rate_field_count: (p) => ({ message: `a rate expression has a value and a unit; this one has ${p.count} fields`, hint: `write ${p.expected}` }),
  rate_value: (p) => ({ message: `rate value ${q(p.value)} is not a whole number of at least 1` }),
  rate_unit: (p) => ({ message: `rate unit ${q(p.unit)} is not one of ${p.allowed}` }),
  rate_unit_number: (p) => ({ message: `rate(${p.value} ${p.unit}): the unit is singular for 1 and plural for more`, hint: `write rate(${p.value} ${p.expected})` }),
  rate_too_frequent: (p) => ({ message: `runs every ${p.seconds} seconds: AWS supports cron schedules of at most every five minutes and documents no faster rate` }),
  at_format: (p) => ({ message: `${q(p.written)} is not a date and time in the form ${p.expected}`, hint: 'e.g. at(2020-07-07T15:55:00)' }),
  at_invalid_date: (p) => ({ message: `${q(p.written)}: ${q(p.value)} is not a real date or time${p.minimum !== undefined ? ` (${p.minimum}-${p.maximum})` : ''}` }),
  at_undocumented_form: (p) => ({ message: `${q(p.written)} is ISO 8601 but not the documented form ${p.expected}`, hint: 'write yyyy-mm-ddThh:mm:ss, without a fraction or an offset' }),
  timezone_unknown: (p) => ({ message: `${q(p.timezone)} is not an IANA time zone name`, hint: 'e.g. America/Los_Angeles, UTC or Asia/Seoul' }),
  timezone_case: (p) => ({ message: `${q(p.timezone)} is not in the letter case the IANA database uses; AWS may not accept it`, hint: p.documented ? `write ${q(p.documented)}` : undefined }),
  schedule_offset_range: (p) => ({ message: `ScheduleOffset ${p.value} is not a whole number from ${p.minimum} to ${p.maximum}` }),
  schedule_offset_not_cron: (p) => ({ message: `ScheduleOffset is supported for cron expressions only, not with ${p.form}(...)`, hint: 'remove ScheduleOffset, or use a cron expression' }),
  date_format: (p) => ({ message: `${q(p.value)} is not an ISO 8601 extended date and time${p.part !== undefined ? ` (${q(p.part)} is out of range)` : ''}`, hint: p.expected ? `write ${p.expected}` : undefined }),
  date_undocumented_form: (p) => ({ message: `${q(p.value)} has no ${p.missing === 'extended offset' ? 'offset of the form ±hh:mm' : p.missing}; every date AWS documents has a time and an offset, and it is read here as ${p.missing === 'time' ? 'midnight UTC' : 'UTC'}`, hint: 'e.g. 2021-04-07T14:29:00-08:00' }),
  date_order: (p) => ({ message: `EndDate ${p.EndDate} is not after StartDate ${p.StartDate}: the window never becomes active` }),
  end_date_passed: (p) => ({ message: `EndDate ${p.EndDate} has passed: the window no longer runs` }),
  schedule_never_runs: (p) => ({ message: `the schedule has no run after ${p.from}${p.EndDate ? ` and before EndDate ${p.EndDate}` : ''}` }),
} as const satisfies Record<ScheduleCode, (p: P) => { message: string; hint?: string | undefined }>;

export function formatFinding(f: ScheduleFinding): { message: string; hint?: string } {
  const text: { message: string; hint?: string | undefined } = findingText[f.code](f.params);
  return text.hint === undefined ? { message: text.message } : { message: text.message, hint: text.hint };
}

const caveatText = {
  tzdata: (p) => `UTC offsets of ${p.timezone} come from this machine's time-zone data${p.tz ? ` (tzdata ${p.tz})` : ''}; AWS's may differ for recent changes`,
  dst_gap: (p) => `${p.scheduled} does not exist in ${p.timezone} (clocks go forward): shown at ${p.runs}, later by the gap, as java.time resolves it; AWS does not document what it does`,
  dst_overlap: (p) => `${p.scheduled} occurs twice in ${p.timezone} (clocks go back): shown once, at the first (${p.runs}); AWS does not document what it does`,
  rate_anchor: (p) =>
    p.basis === 'StartDate'
      ? `rate runs are counted from StartDate (${p.anchor})`
      : `rate runs are counted from ${p.anchor}; AWS counts them from when the window is created or updated (or from a StartDate in the future)`,
  at_timezone: (p) => `at() is read in ${p.timezone}; AWS documents at() times as UTC and does not say how ScheduleTimezone applies to them`,
  search_limit: (p) => `the search stopped after ${p.steps} candidate times; later runs are not shown`,
} as const satisfies Record<CaveatCode, (p: P) => string>;

export function formatCaveat(c: Caveat): string {
  return caveatText[c.code](c.params);
}
