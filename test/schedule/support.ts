import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ScheduleFinding, WindowSchedule } from '../../src/schedule/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'schedule');
export const readYaml = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;

/** The time the fixtures are checked at. */
export const NOW = new Date('2026-03-06T00:00:00Z');

export interface Located {
  code: string;
  member?: string;
  text: string;
}

/** A finding as the fixtures write it: its code, its member (when not Schedule) and the text it points at. */
export function located(window: WindowSchedule, f: ScheduleFinding): Located {
  const value = f.member === 'ScheduleOffset' ? String(window.ScheduleOffset) : (window[f.member] as string);
  return { code: f.code, ...(f.member === 'Schedule' ? {} : { member: f.member }), text: value.slice(f.offset, f.offset + f.length) };
}

export const sortLocated = (list: readonly Located[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

export const readFileSyncText = (path: string) => readFileSync(path, 'utf8');
