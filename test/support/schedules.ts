import fc from 'fast-check';

/*
 * Maintenance-window schedules that AWS documents as valid, drawn at random: every field in its
 * documented forms (values, names, ranges, increments, lists, L, W, #), one space between fields,
 * upper case, and nothing that runs less than five minutes apart or never (days 1-28, # 1-4, years
 * from 2027). Used by the property test (none of them may raise a finding) and by the comparison
 * with the independent Python computation.
 */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const int = (min: number, max: number) => fc.integer({ min, max });
const orderedPair = (min: number, max: number): fc.Arbitrary<[number, number]> => fc.tuple(int(min, max), int(min, max)).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
const distinctList = (min: number, max: number, maxLength = 4) =>
  fc.uniqueArray(int(min, max), { minLength: 2, maxLength }).map((v) => v.sort((a, b) => a - b).join(','));
const named = (names: readonly string[], first: number) => (v: number) => fc.constantFrom(String(v), names[v - first]!);

/** Minutes whose runs are at least five minutes apart, round the hour too: steps that divide 60. */
const minutes = fc.oneof(
  int(0, 59).map(String),
  fc.constantFrom(5, 6, 10, 12, 15, 20, 30).chain((s) => fc.oneof(fc.constant(`*/${s}`), int(0, s - 1).map((c) => `${c}/${s}`))),
  fc.tuple(int(0, 4), fc.uniqueArray(int(0, 11), { minLength: 2, maxLength: 5 })).map(([c, m]) => m.sort((a, b) => a - b).map((k) => c + 5 * k).join(',')),
);

const hours = fc.oneof(
  fc.constant('*'),
  int(0, 23).map(String),
  orderedPair(0, 23).map(([a, b]) => `${a}-${b}`),
  distinctList(0, 23),
  fc.tuple(int(0, 23), int(1, 12)).map(([a, s]) => `${a}/${s}`),
  int(1, 12).map((s) => `*/${s}`),
);

const dayOfMonth = fc.oneof(
  fc.constant('*'),
  int(1, 28).map(String),
  orderedPair(1, 28).map(([a, b]) => `${a}-${b}`),
  distinctList(1, 28),
  fc.constant('L'),
  int(1, 28).map((d) => `${d}W`),
  fc.tuple(int(1, 28), int(1, 10)).map(([a, s]) => `${a}/${s}`),
);

const weekday = int(1, 7).chain(named(DAYS, 1));
const dayOfWeek = fc.oneof(
  fc.constant('*'),
  weekday,
  orderedPair(1, 7).chain(([a, b]) => fc.tuple(named(DAYS, 1)(a), named(DAYS, 1)(b))).map(([a, b]) => `${a}-${b}`),
  distinctList(1, 7, 3),
  fc.tuple(weekday, int(1, 4)).map(([d, k]) => `${d}#${k}`),
  weekday.map((d) => `${d}L`),
  fc.constant('L'),
);

const month = fc.oneof(
  fc.constant('*'),
  int(1, 12).chain(named(MONTHS, 1)),
  orderedPair(1, 12).chain(([a, b]) => fc.tuple(named(MONTHS, 1)(a), named(MONTHS, 1)(b))).map(([a, b]) => `${a}-${b}`),
  distinctList(1, 12),
  fc.tuple(int(1, 12), int(1, 6)).map(([a, s]) => `${a}/${s}`),
);

const year = fc.oneof(
  { arbitrary: fc.constant('*'), weight: 4 },
  { arbitrary: int(2027, 2199).map(String), weight: 1 },
  { arbitrary: orderedPair(2027, 2199).map(([a, b]) => `${a}-${b}`), weight: 1 },
);

export const validCron: fc.Arbitrary<string> = fc
  .record({
    seconds: fc.option(int(0, 59), { nil: undefined }),
    minutes,
    hours,
    days: fc.oneof(dayOfMonth.map((d) => [d, '?']), dayOfWeek.map((d) => ['?', d])),
    month,
    year,
  })
  .map((f) => `cron(${[...(f.seconds === undefined ? [] : [f.seconds]), f.minutes, f.hours, f.days[0], f.month, f.days[1], f.year].join(' ')})`);

export const validRate: fc.Arbitrary<string> = fc.oneof(
  int(5, 500).map((n) => `rate(${n} minutes)`),
  fc.tuple(int(1, 100), fc.constantFrom('hour', 'day')).map(([n, u]) => `rate(${n} ${u}${n === 1 ? '' : 's'})`),
);

const pad = (n: number) => String(n).padStart(2, '0');
export const validAt: fc.Arbitrary<string> = fc
  .tuple(int(2027, 2199), int(1, 12), int(1, 28), int(0, 23), int(0, 59), int(0, 59))
  .map(([y, mo, d, h, mi, s]) => `at(${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)})`);

export const validSchedule = fc.oneof({ arbitrary: validCron, weight: 6 }, { arbitrary: validRate, weight: 1 }, { arbitrary: validAt, weight: 1 });

/** Zones with daylight saving both ways round the year, half-hour and 45-minute offsets, and a 30-minute DST (Lord Howe). */
export const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu', 'America/Santiago'] as const;

/** Instants just before daylight-saving changes of 2026 in those zones, and ordinary ones. */
export const FROMS = [
  '2026-03-07T00:00:00Z', // Los Angeles springs forward 03-08, St John's too
  '2026-03-28T12:00:00Z', // Berlin 03-29
  '2026-04-04T00:00:00Z', // Sydney, Lord Howe, Chatham, Santiago fall back 04-05
  '2026-09-05T00:00:00Z', // Santiago springs forward 09-06
  '2026-09-26T12:00:00Z', // Chatham 09-27
  '2026-10-03T00:00:00Z', // Sydney and Lord Howe 10-04
  '2026-10-24T12:00:00Z', // Berlin 10-25
  '2026-10-31T00:00:00Z', // Los Angeles 11-01
  '2026-06-15T08:30:00Z',
  '2027-01-01T00:00:00Z',
] as const;
