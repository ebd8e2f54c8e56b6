import { LAST_INSTANT } from './fields.js';

/*
 * Time zones through Intl only: whether a name is a zone this runtime knows, and the conversions
 * between instants and wall-clock times in a zone. A wall time is carried as "floating" milliseconds:
 * the epoch milliseconds the same calendar fields would have in UTC.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** resolveZone's answers: a name ICU does not know costs a thrown error each time it is asked. */
const resolved = new Map<string, string | undefined>();

/**
 * What a time-zone database name starts with: every name, the legacy ones (EST5EDT, Etc/GMT+5) too,
 * starts with a letter. Node 22 and later (ECMA-402 2024) also take a UTC offset (+05:00, -0800,
 * U+2212 MINUS SIGN 05:00) as a time zone, and that is no IANA name (decision D63).
 */
const ZONE_NAME_START = /^[A-Za-z]/;

/** The zone's id as this runtime's ICU resolves it (case and aliases resolved), or undefined when it knows no such zone. */
export function resolveZone(name: string): string | undefined {
  if (resolved.has(name)) return resolved.get(name);
  let zone: string | undefined;
  try {
    zone = ZONE_NAME_START.test(name) ? formatter(name).resolvedOptions().timeZone : undefined;
  } catch {
    zone = undefined;
  }
  if (resolved.size >= 1024) resolved.clear();
  resolved.set(name, zone);
  return zone;
}

const isUtc = (zone: string) => zone === 'UTC';

/** The wall time in `zone` at the instant `ms`, read field by field from ICU. */
function partsWall(ms: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const millis = ((ms % 1000) + 1000) % 1000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + millis;
}

const HOUR = 3_600_000;

/**
 * Each zone's offset by UTC hour, where the offset is the same at the hour's first and last
 * millisecond (NaN where it changes within the hour). No zone changes its offset twice within an
 * hour, so the same offset at both ends holds for the whole hour. One ICU call per instant was most
 * of the schedule checks' time; their instants fall in few hours (the time of the check, the runs
 * near it).
 */
const hourOffsets = new Map<string, Map<number, number>>();

/** The wall time in `zone` at the instant `ms`, as floating milliseconds. */
export function wallOf(ms: number, zone: string): number {
  if (isUtc(zone)) return ms;
  const hour = Math.floor(ms / HOUR);
  const start = hour * HOUR;
  const last = start + HOUR - 1;
  if (!(start >= -LAST_INSTANT && last <= LAST_INSTANT)) return partsWall(ms, zone);
  let byHour = hourOffsets.get(zone);
  if (!byHour) hourOffsets.set(zone, (byHour = new Map()));
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const atStart = partsWall(start, zone) - start;
    offset = partsWall(last, zone) - last === atStart ? atStart : Number.NaN;
    if (byHour.size >= 4096) byHour.clear();
    byHour.set(hour, offset);
  }
  return Number.isNaN(offset) ? partsWall(ms, zone) : ms + offset;
}

/** The zone's UTC offset at the instant `ms`, in milliseconds. */
export const offsetAt = (ms: number, zone: string) => wallOf(ms, zone) - ms;

export type WallFit = 'exact' | 'gap' | 'overlap';

/**
 * The instant of a wall time in `zone`, as java.time (the service's platform) resolves it: a time that
 * occurs twice (clocks set back) is the first of the two; a time that does not occur (clocks set
 * forward) moves later by the length of the gap (decision S13).
 */
export function instantOf(wall: number, zone: string): { ms: number; fit: WallFit } {
  if (isUtc(zone)) return { ms: wall, fit: 'exact' };
  const day = 86_400_000;
  const before = offsetAt(wall - day, zone);
  const after = offsetAt(wall + day, zone);
  const fits = [...new Set([before, after])].map((o) => wall - o).filter((ms) => wallOf(ms, zone) === wall);
  if (fits.length === 2) return { ms: Math.min(...fits), fit: 'overlap' };
  if (fits.length === 1) return { ms: fits[0]!, fit: 'exact' };
  return { ms: wall - before, fit: 'gap' };
}

/** `2026-03-17T23:30:00-07:00`: the instant as the wall time in `zone` with the zone's offset then. */
export function isoIn(ms: number, zone: string): string {
  const wall = wallOf(ms, zone);
  const offset = Math.round((wall - ms) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  const fraction = wall % 1000 ? `.${String(wall % 1000).padStart(3, '0')}` : '';
  return `${new Date(wall - (wall % 1000)).toISOString().slice(0, 19)}${fraction}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
