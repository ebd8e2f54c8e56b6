import { afterEach, describe, expect, it, vi } from 'vitest';

/*
 * Node 22 and later (ECMA-402 2024) take a UTC offset as a time zone: `+05:00` resolves to itself
 * there, where Node 20 throws. An offset is no IANA name, and MW050 must say so on every runtime
 * (decision D63). This file makes the runtime's Intl answer as Node 22 does, so that it checks the
 * rule on Node 20 too, and loads zone.ts afresh under it.
 */

const OFFSET = /^[+\-\u2212](\d{2})(?::?(\d{2}))?$/;
const RealFormat = Intl.DateTimeFormat;

/** Intl.DateTimeFormat as Node 22 has it: an offset zone is taken, and resolvedOptions() gives it as ±hh:mm. */
function offsetTaking(locales?: string | string[], options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const m = options.timeZone === undefined ? null : OFFSET.exec(options.timeZone);
  if (!m) return new RealFormat(locales, options);
  const real = new RealFormat(locales, { ...options, timeZone: 'UTC' });
  const sign = options.timeZone!.startsWith('+') ? '+' : '-';
  const zone = `${sign}${m[1]}:${m[2] ?? '00'}`;
  return Object.assign(Object.create(real) as Intl.DateTimeFormat, { resolvedOptions: () => ({ ...real.resolvedOptions(), timeZone: zone }) });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function zoneModuleUnder(format: typeof Intl.DateTimeFormat) {
  vi.stubGlobal('Intl', { ...Intl, DateTimeFormat: format });
  vi.resetModules();
  return import('../../src/schedule/zone.js');
}

describe('resolveZone and UTC offsets', () => {
  it('the stand-in takes offsets as Node 22 does (else this file checks nothing)', () => {
    expect(offsetTaking('en-US', { timeZone: '+05:00' }).resolvedOptions().timeZone).toBe('+05:00');
    expect(offsetTaking('en-US', { timeZone: '\u221205:30' }).resolvedOptions().timeZone).toBe('-05:30');
  });

  it.each(['+05:00', '-0800', '+05', '\u221205:00', '+14:00', '-00:00'])('%s is no zone, whatever the runtime takes', async (name) => {
    const { resolveZone } = await zoneModuleUnder(offsetTaking as unknown as typeof Intl.DateTimeFormat);
    expect(resolveZone(name)).toBeUndefined();
  });

  it.each([
    ['UTC', 'UTC'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['US/Pacific', 'America/Los_Angeles'],
  ])('%s is still resolved (to %s)', async (name, resolved) => {
    const { resolveZone } = await zoneModuleUnder(offsetTaking as unknown as typeof Intl.DateTimeFormat);
    expect(resolveZone(name)).toBe(resolved);
  });
});
