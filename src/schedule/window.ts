import type { ParamsOf } from '../issues/params.js';
import { finding, hasErrors, type ScheduleFinding, type ScheduleMember } from './findings.js';
import { daysInMonth, utc } from './fields.js';
import { parseSchedule } from './parse.js';
import type { Schedule } from './types.js';
import { resolveZone } from './zone.js';

/** The members of CreateMaintenanceWindow / UpdateMaintenanceWindow that make up a window's schedule, as AWS names them. */
export interface WindowSchedule {
  Schedule?: string;
  ScheduleTimezone?: string;
  ScheduleOffset?: number;
  StartDate?: string;
  EndDate?: string;
}

/** What the members say, read once: the parsed schedule, the zone, the dates as instants, and what is wrong. */
export interface Inspected {
  schedule?: Schedule;
  /** The zone to compute in: ScheduleTimezone as this runtime resolves it, or UTC when none is given. */
  zone: string;
  offsetDays: number;
  start?: number;
  end?: number;
  findings: ScheduleFinding[];
}

/**
 * Inspections by the members' values: a repository writes the same few schedules in window after
 * window (and template after template), and reading one is most of checking it. Bounded, so that a
 * tree of distinct schedules keeps no more than this many; an inspection is never changed once made.
 */
const inspected = new Map<string, Readonly<Inspected>>();
const INSPECTED_KEPT = 1024;
/** A key longer than this (a Schedule far past the model's 256 characters, from a caller of the library) is not kept. */
const LONGEST_KEY = 2048;

export function inspect(window: WindowSchedule): Readonly<Inspected> {
  const key = inspectionKey(window);
  if (key === undefined || key.length > LONGEST_KEY) return inspectNow(window);
  let known = inspected.get(key);
  if (!known) {
    if (inspected.size >= INSPECTED_KEPT) inspected.clear();
    inspected.set(key, (known = inspectNow(window)));
  }
  return known;
}

/** The members as one string, when each is a string or a number (anything else is inspected each time). */
function inspectionKey(window: WindowSchedule): string | undefined {
  let key = '';
  for (const value of [window.Schedule, window.ScheduleTimezone, window.ScheduleOffset, window.StartDate, window.EndDate]) {
    // JSON keeps strings apart from each other and from numbers (a string's text is quoted and escaped).
    if (value === undefined) key += '-,';
    else if (typeof value === 'string') key += `${JSON.stringify(value)},`;
    else if (typeof value === 'number') key += `${value},`;
    else return undefined;
  }
  return key;
}

function inspectNow(window: WindowSchedule): Inspected {
  const findings: ScheduleFinding[] = [];
  const parsed = window.Schedule === undefined ? undefined : parseSchedule(window.Schedule);
  if (parsed) for (const f of parsed.findings) findings.push(f);

  let zone = 'UTC';
  if (window.ScheduleTimezone !== undefined) {
    const name = window.ScheduleTimezone;
    const resolved = typeof name === 'string' ? resolveZone(name) : undefined;
    if (resolved === undefined) findings.push(finding('timezone_unknown', 'ScheduleTimezone', 0, typeof name === 'string' ? name.length : 0, { timezone: String(name) }));
    else {
      zone = resolved;
      const spelling = zoneSpelling(name, resolved);
      if (spelling) findings.push(finding('timezone_case', 'ScheduleTimezone', 0, name.length, spelling));
    }
  }

  // Its range (1 to 6) is the service model's, checked with the model's other constraints (src/shapes).
  const offset = window.ScheduleOffset;
  if (offset !== undefined && parsed?.schedule && parsed.schedule.kind !== 'cron') {
    findings.push(finding('schedule_offset_not_cron', 'ScheduleOffset', 0, String(offset).length, { value: offset, form: parsed.schedule.kind }));
  }

  const start = window.StartDate === undefined ? undefined : readDate(window.StartDate, 'StartDate', findings);
  const end = window.EndDate === undefined ? undefined : readDate(window.EndDate, 'EndDate', findings);
  if (start !== undefined && end !== undefined && end <= start) findings.push(finding('date_order', 'EndDate', 0, window.EndDate!.length, { StartDate: window.StartDate!, EndDate: window.EndDate! }));

  return {
    ...(parsed?.schedule && !hasErrors(findings) ? { schedule: parsed.schedule } : {}),
    zone,
    offsetDays: typeof offset === 'number' && Number.isInteger(offset) && offset >= 1 && offset <= 6 ? offset : 0,
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
    findings,
  };
}

/**
 * Whether the name is written in a case that no IANA name has: every IANA name's parts start with a
 * capital letter, and a name this runtime lists is compared as written. Intl itself accepts any case;
 * Java's ZoneId, which the service most likely uses, does not (decision S12).
 */
function zoneSpelling(name: string, resolved: string): ParamsOf<'timezone_case'> | undefined {
  const known = [resolved, ...supportedZones()].find((z) => z.toLowerCase() === name.toLowerCase());
  if (known !== undefined && known !== name) return { timezone: name, documented: known };
  if (name.split('/').some((part) => /^[a-z]/.test(part))) return { timezone: name, ...(known ? { documented: known } : {}) };
  return undefined;
}

let zones: readonly string[] | undefined;
function supportedZones(): readonly string[] {
  if (!zones) {
    const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  }
  return zones;
}

/** ISO 8601 extended: date, `T`, time to the minute or second (a fraction allowed), and `Z` or `±hh:mm`. */
const DATE_TIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$/;

/**
 * StartDate or EndDate as an instant. Every date AWS documents has a time and an offset; without an
 * offset it is read as UTC, and without a time as midnight UTC, each with a warning (decision S11).
 */
function readDate(text: string, member: ScheduleMember, findings: ScheduleFinding[]): number | undefined {
  const m = typeof text === 'string' ? DATE_TIME.exec(text) : null;
  if (!m) {
    const length = typeof text === 'string' ? text.length : 0;
    findings.push(finding('date_format', member, 0, length, { value: String(text), expected: 'yyyy-mm-ddThh:mm:ss±hh:mm, e.g. 2021-04-07T14:29:00-08:00' }));
    return undefined;
  }
  const [, y, mo, d, h, mi, s, fraction, zone] = m as unknown as [string, string, string, string, string?, string?, string?, string?, string?];
  const year = Number(y);
  const month = Number(mo);
  const parts: [string | undefined, number, number, number][] = [
    [mo, 5, 1, 12],
    [d, 8, 1, month >= 1 && month <= 12 ? daysInMonth(year, month) : 31],
    [h, 11, 0, 23],
    [mi, 14, 0, 59],
    [s, 17, 0, 59],
  ];
  let ok = true;
  for (const [part, at, minimum, maximum] of parts) {
    if (part !== undefined && (Number(part) < minimum || Number(part) > maximum)) {
      findings.push(finding('date_format', member, at, 2, { value: text, part, minimum, maximum }));
      ok = false;
    }
  }
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.replace(':', '').slice(3) || '0');
    if (hours > 18 || minutes > 59) {
      findings.push(finding('date_format', member, text.length - zone.length, zone.length, { value: text, part: zone }));
      ok = false;
    }
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if (!ok) return undefined;
  const missing = h === undefined ? 'time' : zone === undefined ? 'offset' : zone.length !== 1 && zone.length !== 6 ? 'extended offset' : undefined;
  if (missing) findings.push(finding('date_undocumented_form', member, 0, text.length, { value: text, missing }));
  const ms = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  return utc(year, month, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms) - offsetMinutes * 60_000;
}
