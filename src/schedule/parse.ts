import { parseCronFields, type Token } from './cron.js';
import { daysInMonth, MINIMUM_INTERVAL_SECONDS, RATE_UNITS, type RateUnit } from './fields.js';
import { finding, hasErrors, type ScheduleFinding } from './findings.js';
import type { AtSchedule, RateSchedule, Schedule } from './types.js';

export interface ParsedSchedule {
  /** The expression read, when nothing in it is wrong at error level (warnings may remain). */
  schedule?: Schedule;
  findings: ScheduleFinding[];
}

const FORMS = ['cron', 'rate', 'at'] as const;
const FORM_LIST = 'cron(...), rate(...) or at(...)';

/**
 * Reads a maintenance window's Schedule: `cron(...)`, `rate(N unit)` or `at(yyyy-mm-ddThh:mm:ss)`,
 * as AWS's "Reference: Cron and rate expressions for Systems Manager" states them. Never throws;
 * every finding points at the part of `expression` it is about.
 */
export function parseSchedule(expression: string): ParsedSchedule {
  // A value of another type (from a template or a plan) is no expression; the model's type check says the rest.
  if (typeof expression !== 'string') return { findings: [finding('schedule_form', 'Schedule', 0, 0, { written: typeof expression, allowed: FORM_LIST })] };
  const findings: ScheduleFinding[] = [];
  const start = expression.length - expression.trimStart().length;
  const end = expression.trimEnd().length;
  if (start >= end) return { findings: [finding('schedule_form', 'Schedule', 0, expression.length, { allowed: FORM_LIST })] };
  spacing(expression, 0, start, findings);
  spacing(expression, end, expression.length - end, findings);

  const open = expression.indexOf('(', start);
  const keyword = expression.slice(start, open < 0 ? end : open);
  const form = FORMS.find((f) => f === keyword.toLowerCase());
  if (open < 0 || !form) {
    return { findings: [...findings, finding('schedule_form', 'Schedule', start, (form ? end : open < 0 ? end : open) - start, { written: keyword.slice(0, 40), allowed: FORM_LIST })] };
  }
  if (keyword !== form) findings.push(finding('undocumented_case', 'Schedule', start, keyword.length, { written: keyword, documented: form }));
  if (expression[end - 1] !== ')') {
    const close = expression.lastIndexOf(')', end - 1);
    const after = close > open ? close + 1 : end;
    findings.push(finding('schedule_form', 'Schedule', after, end - after, { expected: close > open ? 'nothing after )' : ')', allowed: FORM_LIST }));
    return { findings };
  }
  const inner = { from: open + 1, to: end - 1 };
  const stray = /[()]/.exec(expression.slice(inner.from, inner.to));
  if (stray) {
    findings.push(finding('schedule_form', 'Schedule', inner.from + stray.index, 1, { unexpected: stray[0], allowed: FORM_LIST }));
    return { findings };
  }
  const tokens = tokenize(expression, inner.from, inner.to, findings);
  const read = form === 'cron' ? parseCronFields(tokens, expression, inner.to) : form === 'rate' ? parseRate(tokens, expression, inner.to) : parseAt(tokens, expression, inner.to);
  // One by one: a long list of items can give more findings than a call takes arguments.
  for (const f of read.findings) findings.push(f);
  return hasErrors(findings) || !read.schedule ? { findings } : { schedule: read.schedule, findings };
}

function spacing(expression: string, offset: number, length: number, findings: ScheduleFinding[]) {
  if (length > 0) findings.push(finding('schedule_spacing', 'Schedule', offset, length, { written: JSON.stringify(expression.slice(offset, offset + length)) }));
}

/**
 * The words between the parentheses. Spaces and tabs separate them, as Quartz reads them; anything
 * but one space between two words (and nothing at the ends) is reported: AWS documents "Fields are
 * separated by a space" (decision S09).
 */
function tokenize(expression: string, from: number, to: number, findings: ScheduleFinding[]): Token[] {
  const tokens: Token[] = [];
  const separator = /[ \t]+/g;
  separator.lastIndex = from;
  let at = from;
  const inner = expression.slice(0, to);
  for (let m = separator.exec(inner); m; m = separator.exec(inner)) {
    if (m.index > at) tokens.push({ text: expression.slice(at, m.index), offset: at });
    if (m[0] !== ' ' || m.index === from || m.index + m[0].length === to) spacing(expression, m.index, m[0].length, findings);
    at = m.index + m[0].length;
  }
  if (at < to) tokens.push({ text: expression.slice(at, to), offset: at });
  return tokens;
}

const RATE_WORDS = { minute: 'minute', minutes: 'minute', hour: 'hour', hours: 'hour', day: 'day', days: 'day' } as const satisfies Record<string, RateUnit>;

/** rate(Value Unit): "If the value is equal to 1, then the unit must be singular. [...] for values greater than 1, the unit must be plural." */
function parseRate(tokens: readonly Token[], expression: string, end: number): { schedule?: RateSchedule; findings: ScheduleFinding[] } {
  const findings: ScheduleFinding[] = [];
  if (tokens.length !== 2) {
    const offset = tokens[0]?.offset ?? end;
    const last = tokens[tokens.length - 1];
    return { findings: [finding('rate_field_count', 'Schedule', offset, last ? last.offset + last.text.length - offset : 0, { count: tokens.length, expected: 'a value and a unit: rate(5 minutes)' })] };
  }
  const [v, u] = tokens as [Token, Token];
  const valueOk = /^[0-9]+$/.test(v.text) && Number(v.text) >= 1;
  if (!valueOk) findings.push(finding('rate_value', 'Schedule', v.offset, v.text.length, { value: v.text }));
  const word = u.text.toLowerCase();
  const unit = (RATE_WORDS as Record<string, RateUnit>)[word];
  if (!unit) {
    findings.push(finding('rate_unit', 'Schedule', u.offset, u.text.length, { unit: u.text, allowed: Object.keys(RATE_WORDS).join(' ') }));
    return { findings };
  }
  if (word !== u.text) findings.push(finding('undocumented_case', 'Schedule', u.offset, u.text.length, { written: u.text, documented: word }));
  if (!valueOk) return { findings };
  const value = Number(v.text);
  const plural = word !== unit;
  if ((value === 1) === plural) findings.push(finding('rate_unit_number', 'Schedule', u.offset, u.text.length, { value: v.text, unit: u.text, expected: value === 1 ? unit : `${unit}s` }));
  if (value * RATE_UNITS[unit] < MINIMUM_INTERVAL_SECONDS) findings.push(finding('rate_too_frequent', 'Schedule', v.offset, u.offset + u.text.length - v.offset, { seconds: value * RATE_UNITS[unit], minimum: MINIMUM_INTERVAL_SECONDS }));
  return { schedule: { kind: 'rate', expression, value, unit }, findings };
}

const AT_DOCUMENTED = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})$/;
/** ISO 8601 extended local or UTC date-times that are not the documented form: no seconds, a fraction, Z or an offset. */
const AT_ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:[0-9]{2})?$/;

/** at(yyyy-mm-ddThh:mm:ss): one run. */
function parseAt(tokens: readonly Token[], expression: string, end: number): { schedule?: AtSchedule; findings: ScheduleFinding[] } {
  const findings: ScheduleFinding[] = [];
  const offset = tokens[0]?.offset ?? end;
  const last = tokens[tokens.length - 1];
  const length = last ? last.offset + last.text.length - offset : 0;
  const text = tokens.length === 1 ? tokens[0]!.text : undefined;
  const documented = text === undefined ? null : AT_DOCUMENTED.exec(text);
  const iso = documented ?? (text === undefined ? null : AT_ISO.exec(text));
  if (!iso) return { findings: [finding('at_format', 'Schedule', offset, length, { written: expression.slice(offset, offset + length).slice(0, 40), expected: 'yyyy-mm-ddThh:mm:ss' })] };
  if (!documented) findings.push(finding('at_undocumented_form', 'Schedule', offset, length, { written: text, expected: 'yyyy-mm-ddThh:mm:ss' }));
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = iso as unknown as [string, string, string, string, string, string, string?, string?, string?];
  const year = Number(y);
  const month = Number(mo);
  const parts: [string, number, number, number][] = [
    [mo, 5, 1, 12],
    [d, 8, 1, month >= 1 && month <= 12 ? daysInMonth(year, month) : 31],
    [h, 11, 0, 23],
    [mi, 14, 0, 59],
    [s, 17, 0, 59],
  ];
  for (const [part, at, minimum, maximum] of parts) {
    const value = Number(part);
    if (value < minimum || value > maximum) findings.push(finding('at_invalid_date', 'Schedule', offset + at, 2, { written: text, value: part, minimum, maximum }));
  }
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 18 || Number(zone.slice(4)) > 59)) findings.push(finding('at_invalid_date', 'Schedule', offset + text!.length - 6, 6, { written: text, value: zone }));
  if (hasErrors(findings)) return { findings };
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utcOffsetMinutes = zone === undefined ? undefined : zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return { schedule: { kind: 'at', expression, wall: [year, month, Number(d), Number(h), Number(mi), Number(s), ms], ...(utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes }) }, findings };
}
