import { describe, expect, it } from 'vitest';
import { instantOf, resolveZone, wallOf } from '../../src/schedule/zone.js';

/*
 * wallOf keeps one offset per zone and UTC hour. Held here to an independent reading of ICU (the
 * offset as `GMT±hh:mm` text) at every change of offset in 2025 to 2027 of every zone this runtime
 * knows, at instants on both sides of it, in an order that fills each hour's cache from elsewhere in
 * the hour first.
 */

const ZONES = Intl.supportedValuesOf('timeZone');
const HOUR = 3_600_000;

const namers = new Map<string, Intl.DateTimeFormat>();
/** The offset at `ms` in milliseconds, read from the zone's offset as ICU names it. */
function offsetOracle(ms: number, zone: string): number {
  let f = namers.get(zone);
  if (!f) namers.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
}

/** The first instant after `from` (exclusive) and at or before `to` where the offset differs from the offset at `from`. */
function change(from: number, to: number, zone: string): number {
  const before = offsetOracle(from, zone);
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetOracle(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

function changes(zone: string): number[] {
  const out: number[] = [];
  let at = Date.UTC(2025, 0, 1);
  for (let month = 1; month <= 36; month++) {
    const next = Date.UTC(2025, month, 1);
    if (offsetOracle(at, zone) !== offsetOracle(next, zone)) out.push(change(at, next, zone));
    at = next;
  }
  return out;
}

const AROUND = [-30 * 60_000, -1, 0, 1, 1000, 15 * 60_000, -HOUR, HOUR - 1, 45 * 60_000 + 7];

describe('wallOf', () => {
  it('agrees with ICU at every change of offset of every zone, 2025 to 2027', () => {
    let checked = 0;
    let changed = 0;
    for (const zone of ZONES) {
      for (const at of changes(zone)) {
        changed++;
        for (const d of AROUND) {
          const ms = at + d;
          expect([zone, ms, wallOf(ms, zone) - ms]).toEqual([zone, ms, offsetOracle(ms, zone)]);
          checked++;
        }
      }
    }
    // Sanity: the scan found the changes (over 100 zones keep daylight-saving time).
    expect(changed).toBeGreaterThan(300);
    expect(checked).toBe(changed * AROUND.length);
  });

  it('reads changes that fall inside a UTC hour (St John’s at :30, Lord Howe at :30 in October)', () => {
    for (const zone of ['America/St_Johns', 'Australia/Lord_Howe']) {
      const found = changes(zone);
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((ms) => ms % HOUR !== 0)).toBe(true);
      for (const at of found) for (const d of [-1, 0, 1]) expect(wallOf(at + d, zone) - (at + d)).toBe(offsetOracle(at + d, zone));
    }
  });

  it('is the identity in UTC and keeps milliseconds', () => {
    expect(wallOf(1_234_567, 'UTC')).toBe(1_234_567);
    const ms = Date.UTC(2026, 6, 1, 12, 0, 0, 789);
    expect(wallOf(ms, 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 1, 17, 30, 0, 789));
  });

  it('resolves a wall time in a gap and an overlap as java.time does', () => {
    // Berlin, 2026-03-29 02:30 does not occur; 2026-10-25 02:30 occurs twice.
    expect(instantOf(Date.UTC(2026, 2, 29, 2, 30), 'Europe/Berlin')).toEqual({ ms: Date.UTC(2026, 2, 29, 1, 30), fit: 'gap' });
    expect(instantOf(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toEqual({ ms: Date.UTC(2026, 9, 25, 0, 30), fit: 'overlap' });
  });
});

describe('resolveZone', () => {
  it('answers the same when asked again, for a known and an unknown name', () => {
    for (let i = 0; i < 2; i++) {
      expect(resolveZone('europe/berlin')).toBe('Europe/Berlin');
      expect(resolveZone('Mars/Olympus')).toBeUndefined();
    }
  });
});
