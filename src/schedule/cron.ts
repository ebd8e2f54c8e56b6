import { allows, CRON_FIELDS, type CronFieldName, type CronFieldSpec, MAXIMUM_LAST_DAY_OFFSET, MINIMUM_INTERVAL_SECONDS, SEVEN_FIELDS, SIX_FIELDS, type Wildcard } from './fields.js';
import { finding, hasErrors, type ScheduleFinding } from './findings.js';
import { secondsOfDay, someRunDay } from './calendar.js';
import type { CronField, CronItem, CronSchedule } from './types.js';

/*
 * The fields of cron(...), item by item, against AWS's field table. Grammar: an item is `*`, `?`,
 * a value (a number or, for Month and Day-of-week, a name), a range `a-b`, an increment `a/n`,
 * `a-b/n` or `*\/n`, or one of the day forms `L`, `nW` (day-of-month), `nL`, `n#k`, `L` (day-of-week);
 * items are separated by commas. Quartz's `L-n`, `L-nW` and `LW` are read too, with a warning: AWS does
 * not document them (decision S06).
 */

export interface Token {
  text: string;
  offset: number;
}

const DIGITS = /^[0-9]+$/;

/** Reads `text` at `offset` as one item of `field`; pushes what is wrong to `findings`. */
function parseItem(text: string, offset: number, name: CronFieldName, findings: ScheduleFinding[]): CronItem | undefined {
  const spec: CronFieldSpec = CRON_FIELDS[name];
  const field = spec.label;
  const whole = { offset, length: text.length };
  const syntax = (expected: string) => {
    findings.push(finding('cron_value_syntax', 'Schedule', offset, text.length, { field, item: text, expected, allows: allows(name) }));
    return undefined;
  };
  const allowed = (w: Wildcard, at: number) => {
    if (spec.wildcards.includes(w)) return true;
    findings.push(finding('cron_wildcard', 'Schedule', at, 1, { field, wildcard: w, allows: allows(name) }));
    return false;
  };
  if (text === '') return syntax('a value between the commas');
  if (text === '*') return { kind: 'all', ...whole };
  if (text === '?') return allowed('?', offset) ? { kind: 'none', ...whole } : undefined;

  if (text.toUpperCase() === 'W') return allowed('W', offset) ? syntax('nW: a day number followed by W') : undefined;
  if (text.startsWith('*/')) {
    const step = readStep(text, 2, offset, name, findings);
    return step === undefined ? undefined : { kind: 'values', from: spec.minimum, to: spec.maximum, step, wraps: false, ...whole };
  }
  if (/^[Ll]/.test(text) && !isName(text.slice(0, 3).toUpperCase(), spec)) {
    if (!allowed('L', offset)) return undefined;
    const item = lastForm(text, offset, name, findings);
    if (item) caseOf(text, offset, findings);
    return item;
  }

  // A value, and what follows it.
  const first = readValue(text, 0, offset, name, findings);
  if (first?.value === undefined) return undefined;
  const i = first.end;
  const rest = text.slice(i);
  if (rest === '') return { kind: 'values', from: first.value, to: first.value, step: 1, wraps: false, ...whole };
  const c = rest[0]!.toUpperCase();
  const at = offset + i;
  if (c === '-') {
    if (!allowed('-', at)) return undefined;
    const second = readValue(text, i + 1, offset, name, findings);
    if (second?.value === undefined) return undefined;
    let step = 1;
    const after = text.slice(second.end);
    if (after !== '') {
      if (after[0] !== '/') return syntax(`a range a-b, optionally followed by /n`);
      if (!allowed('/', offset + second.end)) return undefined;
      const s = readStep(text, second.end + 1, offset, name, findings);
      if (s === undefined) return undefined;
      step = s;
    }
    const wraps = second.value < first.value;
    if (wraps) {
      const span = { offset, length: second.end };
      if (name === 'year') {
        findings.push(finding('cron_year_range_reversed', 'Schedule', span.offset, span.length, { field, from: first.value, to: second.value }));
        return undefined;
      }
      findings.push(finding('cron_range_wraps', 'Schedule', span.offset, span.length, { field, from: first.value, to: second.value }));
    }
    return { kind: 'values', from: first.value, to: second.value, step, wraps, ...whole };
  }
  if (c === '/') {
    if (!allowed('/', at)) return undefined;
    const s = readStep(text, i + 1, offset, name, findings);
    if (s === undefined) return undefined;
    return { kind: 'values', from: first.value, to: spec.maximum, step: s, wraps: false, ...whole };
  }
  if (c === 'W') {
    if (!allowed('W', at)) return undefined;
    if (rest.length > 1) return syntax('nW: a day number followed by W');
    caseOf(rest, at, findings);
    return { kind: 'nearestWeekday', day: first.value, ...whole };
  }
  if (c === 'L') {
    if (!allowed('L', at)) return undefined;
    if (rest.length > 1) return syntax('nL: a day of the week followed by L');
    caseOf(rest, at, findings);
    return { kind: 'lastWeekdayOfMonth', weekday: first.value, ...whole };
  }
  if (c === '#') {
    if (!allowed('#', at)) return undefined;
    const k = rest.slice(1);
    if (!DIGITS.test(k) || Number(k) < 1 || Number(k) > 5) {
      findings.push(finding('cron_nth', 'Schedule', at + 1, k.length, { field, item: text, value: k }));
      return undefined;
    }
    return { kind: 'nth', weekday: first.value, n: Number(k), ...whole };
  }
  return syntax('a value, a range a-b or an increment a/n');
}

const isName = (word: string, spec: CronFieldSpec) => spec.names?.includes(word) ?? false;

/** A lower- or mixed-case letter where AWS writes upper case. */
function caseOf(written: string, offset: number, findings: ScheduleFinding[]) {
  if (written !== written.toUpperCase()) findings.push(finding('undocumented_case', 'Schedule', offset, written.length, { written, documented: written.toUpperCase() }));
}

/** `L`, `LW`, `L-n`, `L-nW` (day-of-month) or `L` (day-of-week). */
function lastForm(text: string, offset: number, name: CronFieldName, findings: ScheduleFinding[]): CronItem | undefined {
  const upper = text.toUpperCase();
  const field = CRON_FIELDS[name].label;
  const whole = { offset, length: text.length };
  const syntax = (expected: string) => {
    findings.push(finding('cron_value_syntax', 'Schedule', offset, text.length, { field, item: text, expected, allows: allows(name) }));
    return undefined;
  };
  if (name === 'dayOfWeek') return upper === 'L' ? { kind: 'lastOfWeek', ...whole } : syntax('L alone, or nL: a day of the week followed by L');
  if (upper === 'L') return { kind: 'lastDay', ...whole };
  if (upper === 'LW') {
    findings.push(finding('cron_undocumented_syntax', 'Schedule', offset, text.length, { field, construct: 'LW', meaning: 'the last weekday (Monday to Friday) of the month' }));
    return { kind: 'lastWeekday', ...whole };
  }
  const m = /^L-([0-9]+)(W?)$/.exec(upper);
  if (!m) return syntax('L, or nW: a day number followed by W');
  const days = Number(m[1]);
  if (days > MAXIMUM_LAST_DAY_OFFSET) {
    findings.push(finding('cron_value_range', 'Schedule', offset + 2, m[1]!.length, { field, value: days, minimum: 0, maximum: MAXIMUM_LAST_DAY_OFFSET, allows: 'L-0 to L-30 (Quartz)' }));
    return undefined;
  }
  findings.push(finding('cron_undocumented_syntax', 'Schedule', offset, text.length, { field, construct: m[2] ? 'L-nW' : 'L-n', meaning: m[2] ? `the weekday nearest to ${days} days before the last day of the month` : `${days} days before the last day of the month` }));
  return { kind: 'lastDayMinus', days, weekday: m[2] === 'W', ...whole };
}

interface ReadValue {
  /** Undefined when the value was read but is wrong (already reported). */
  value?: number;
  end: number;
}

/** A number or a name at `text[start]`; reports a missing, unknown or out-of-range value. */
function readValue(text: string, start: number, offset: number, name: CronFieldName, findings: ScheduleFinding[]): ReadValue | undefined {
  const spec: CronFieldSpec = CRON_FIELDS[name];
  const field = spec.label;
  const digits = /^[0-9]+/.exec(text.slice(start))?.[0];
  if (digits) {
    const value = Number(digits);
    const end = start + digits.length;
    if (value < spec.minimum || value > spec.maximum) {
      findings.push(finding('cron_value_range', 'Schedule', offset + start, digits.length, { field, value: digits, minimum: spec.minimum, maximum: spec.maximum, allows: allows(name) }));
      return { end };
    }
    return { value, end };
  }
  let letters = /^[A-Za-z]+/.exec(text.slice(start))?.[0];
  // A day name followed by L (FRIL, the last Friday), as Quartz reads it.
  if (letters?.length === 4 && /l$/i.test(letters) && isName(letters.slice(0, 3).toUpperCase(), spec)) letters = letters.slice(0, 3);
  if (letters) {
    const end = start + letters.length;
    const upper = letters.toUpperCase();
    const index = spec.names?.indexOf(upper) ?? -1;
    if (index < 0) {
      findings.push(finding('cron_name', 'Schedule', offset + start, letters.length, { field, name: letters, names: spec.names ? `${spec.names.join(' ')}` : undefined, allows: allows(name) }));
      return { end };
    }
    caseOf(letters, offset + start, findings);
    return { value: spec.minimum + index, end };
  }
  findings.push(finding('cron_value_syntax', 'Schedule', offset, text.length, { field, item: text, expected: start === 0 ? 'a value' : 'a value after -', allows: allows(name) }));
  return undefined;
}

/** The increment after `/`: a whole number of at least 1. */
function readStep(text: string, start: number, offset: number, name: CronFieldName, findings: ScheduleFinding[]): number | undefined {
  const spec: CronFieldSpec = CRON_FIELDS[name];
  const digits = text.slice(start);
  if (!DIGITS.test(digits) || Number(digits) < 1) {
    findings.push(finding('cron_step', 'Schedule', offset + start - 1, digits.length + 1, { field: spec.label, step: digits }));
    return undefined;
  }
  const step = Number(digits);
  if (spec.maximumStep !== undefined && step > spec.maximumStep) {
    findings.push(finding('cron_step_beyond_range', 'Schedule', offset + start, digits.length, { field: spec.label, step, maximum: spec.maximumStep }));
  }
  return step;
}

function parseField(token: Token, name: CronFieldName, findings: ScheduleFinding[]): CronField | undefined {
  const field = CRON_FIELDS[name].label;
  const items: CronItem[] = [];
  let ok = true;
  let at = 0;
  for (const part of token.text.split(',')) {
    const item = parseItem(part, token.offset + at, name, findings);
    if (item) items.push(item);
    else ok = false;
    at += part.length + 1;
  }
  if (!ok) return undefined;
  const span = { offset: token.offset, length: token.text.length };
  if (items.length > 1) {
    const none = items.find((i) => i.kind === 'none');
    if (none) {
      findings.push(finding('cron_value_syntax', 'Schedule', span.offset, span.length, { field, item: token.text, expected: '? alone in its field', allows: allows(name) }));
      return undefined;
    }
    if (items.some((i) => i.kind === 'nth')) {
      findings.push(finding('cron_nth_not_alone', 'Schedule', span.offset, span.length, { field, item: token.text }));
      return undefined;
    }
    const special = items.find((i) => i.kind !== 'all' && i.kind !== 'values');
    if (special) findings.push(finding('cron_special_in_list', 'Schedule', span.offset, span.length, { field, item: token.text }));
  }
  return { name, text: token.text, ...span, items };
}

/**
 * The fields of a cron expression (the tokens between the parentheses), checked one by one and
 * together; `schedule` only when nothing is wrong at error level.
 */
export function parseCronFields(tokens: readonly Token[], expression: string, end: number): { schedule?: CronSchedule; findings: ScheduleFinding[] } {
  const findings: ScheduleFinding[] = [];
  if (tokens.length !== 6 && tokens.length !== 7) {
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const offset = first ? first.offset : end;
    const length = last ? last.offset + last.text.length - offset : 0;
    findings.push(finding('cron_field_count', 'Schedule', offset, length, { count: tokens.length, expected: '6 (Minutes Hours Day-of-month Month Day-of-week Year), or 7 with Seconds first' }));
    return { findings };
  }
  const names = tokens.length === 7 ? SEVEN_FIELDS : SIX_FIELDS;
  const fields = readFields(tokens, names, findings);
  if (!fields) {
    // Six fields that Quartz would read (seconds first, no year) are a common slip: say that once, not field by field.
    if (tokens.length === 6 && hasErrors(findings)) {
      const quartz = parseCronFields([...tokens, { text: '*', offset: end }], expression, end);
      if (quartz.schedule && !hasErrors(quartz.findings)) {
        const offset = tokens[0]!.offset;
        const length = tokens[5]!.offset + tokens[5]!.text.length - offset;
        const written = tokens.map((t) => t.text).join(' ');
        return { findings: [finding('cron_quartz_six_fields', 'Schedule', offset, length, { written, suggestion: `cron(${written} *)` })] };
      }
    }
    return { findings };
  }
  const schedule: CronSchedule = { kind: 'cron', expression, ...fields };
  checkFrequency(schedule, findings);
  checkDaysExist(schedule, findings);
  return { schedule, findings };
}

type Fields = Omit<CronSchedule, 'kind' | 'expression'>;

function readFields(tokens: readonly Token[], names: readonly CronFieldName[], findings: ScheduleFinding[]): Fields | undefined {
  const read: Partial<Record<CronFieldName, CronField>> = {};
  let ok = true;
  names.forEach((name, i) => {
    const field = parseField(tokens[i]!, name, findings);
    if (field) read[name] = field;
    else ok = false;
  });
  const dom = read.dayOfMonth;
  const dow = read.dayOfWeek;
  if (dom && dow) {
    const domNone = dom.items[0]!.kind === 'none';
    const dowNone = dow.items[0]!.kind === 'none';
    if (domNone === dowNone) {
      const offset = dom.offset;
      findings.push(finding('cron_question_mark', 'Schedule', offset, dow.offset + dow.length - offset, { dayOfMonth: dom.text, dayOfWeek: dow.text, both: domNone }));
      ok = false;
    }
  }
  if (!ok) return undefined;
  return read as Fields;
}

/** "Cron expressions that lead to rates faster than five (5) minute aren't supported." */
function checkFrequency(schedule: CronSchedule, findings: ScheduleFinding[]) {
  const times = secondsOfDay(schedule);
  let smallest = Infinity;
  for (let i = 1; i < times.length; i++) smallest = Math.min(smallest, times[i]! - times[i - 1]!);
  const overMidnight = times[0]! + 86_400 - times[times.length - 1]!;
  // The gap over midnight counts only where the schedule runs on two days in a row.
  if (overMidnight < MINIMUM_INTERVAL_SECONDS && overMidnight < smallest && hasConsecutiveDays(schedule)) smallest = overMidnight;
  if (smallest < MINIMUM_INTERVAL_SECONDS) {
    const first = schedule.seconds ?? schedule.minutes;
    const offset = first.offset;
    findings.push(finding('cron_too_frequent', 'Schedule', offset, schedule.hours.offset + schedule.hours.length - offset, { seconds: smallest, minimum: MINIMUM_INTERVAL_SECONDS }));
  }
}

function hasConsecutiveDays(schedule: CronSchedule): boolean {
  let previous = -2;
  return someRunDay(schedule, (ordinal) => {
    if (ordinal === previous + 1) return true;
    previous = ordinal;
    return false;
  });
}

/** A schedule whose day-of-month never falls in its months and years (30 February) never runs. */
function checkDaysExist(schedule: CronSchedule, findings: ScheduleFinding[]) {
  if (someRunDay(schedule, () => true)) return;
  const offset = schedule.dayOfMonth.offset;
  const end = Math.max(schedule.month.offset + schedule.month.length, schedule.year.offset + schedule.year.length);
  findings.push(finding('cron_never_runs', 'Schedule', offset, end - offset, { dayOfMonth: schedule.dayOfMonth.text, month: schedule.month.text, year: schedule.year.text }));
}

