"""
An independent computation of maintenance-window run times, for test/schedule/occurrences.test.ts.

It shares nothing with src/schedule/ but the decisions of spec/schedule-decisions.yaml: its own reading of
the dialect (Quartz's: SUN=1, L, W, #, nL, L-n, LW, ranges that wrap), day by day over the calendar,
and Python's zoneinfo for the zone (fold=0: a wall time in a gap takes the offset before it, so it runs
later by the gap; one in an overlap takes the first). Reads a JSON list of cases on stdin, writes a
JSON list of run lists (ISO 8601 with the zone's offset) on stdout.
"""

import calendar
import json
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
BOUNDS = {"sec": (0, 59), "min": (0, 59), "hour": (0, 23), "dom": (1, 31), "month": (1, 12), "dow": (1, 7), "year": (1970, 2199)}


def number(text, field):
    text = text.upper()
    if field == "month" and text in MONTHS:
        return MONTHS.index(text) + 1
    if field == "dow" and text in DAYS:
        return DAYS.index(text) + 1
    return int(text)


def plain_values(item, field):
    lo, hi = BOUNDS[field]
    if item == "*" or item == "?":
        return list(range(lo, hi + 1))
    step = 1
    if "/" in item:
        item, s = item.split("/")
        step = int(s)
        if item == "*":
            item = str(lo)
        if "-" not in item:
            item = item + "-" + str(hi)
    if "-" in item:
        a, b = item.split("-")
        a, b = number(a, field), number(b, field)
    else:
        a = b = number(item, field)
    size = hi - lo + 1
    if b < a:
        b += size
    return [((v - lo) % size) + lo for v in range(a, b + 1, step)]


def weekday(d):  # 1 = Sunday
    return (d.weekday() + 1) % 7 + 1


def nearest_weekday(y, m, n):
    last = calendar.monthrange(y, m)[1]
    if n < 1 or n > last:
        return None
    wd = weekday(date(y, m, n))
    if wd == 7:
        return 3 if n == 1 else n - 1
    if wd == 1:
        return n - 2 if n == last else n + 1
    return n


def dom_item_matches(item, d):
    item = item.upper()
    last = calendar.monthrange(d.year, d.month)[1]
    if item == "L":
        return d.day == last
    if item == "LW":
        wd = weekday(date(d.year, d.month, last))
        return d.day == (last - 1 if wd == 7 else last - 2 if wd == 1 else last)
    if item.startswith("L-"):
        rest = item[2:]
        if rest.endswith("W"):
            return nearest_weekday(d.year, d.month, last - int(rest[:-1])) == d.day
        return d.day == last - int(rest)
    if item.endswith("W"):
        return nearest_weekday(d.year, d.month, int(item[:-1])) == d.day
    return d.day in plain_values(item, "dom")


def dow_item_matches(item, d):
    item = item.upper()
    wd = weekday(d)
    last = calendar.monthrange(d.year, d.month)[1]
    if item == "L":
        return wd == 7
    if "#" in item:
        a, k = item.split("#")
        return wd == number(a, "dow") and (d.day - 1) // 7 + 1 == int(k)
    if item.endswith("L"):
        return wd == number(item[:-1], "dow") and d.day + 7 > last
    return wd in plain_values(item, "dow")


class Cron:
    def __init__(self, text):
        fields = text.split()
        if len(fields) == 6:
            fields = ["0"] + fields
        names = ["sec", "min", "hour", "dom", "month", "dow", "year"]
        self.f = dict(zip(names, fields))
        vals = lambda name: sorted({v for item in self.f[name].split(",") for v in plain_values(item, name)})
        self.times = [(h, m, s) for h in vals("hour") for m in vals("min") for s in vals("sec")]
        self.months = set(vals("month"))
        self.years = set(vals("year"))

    def day_matches(self, d):
        if d.month not in self.months or d.year not in self.years:
            return False
        if self.f["dom"] == "?":
            return any(dow_item_matches(i, d) for i in self.f["dow"].split(","))
        return any(dom_item_matches(i, d) for i in self.f["dom"].split(","))


def instant(wall, zone):
    return wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)


def parse_date(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def runs(case):
    zone = ZoneInfo(case.get("timezone") or "UTC")
    start = parse_date(case["start"]) if case.get("start") else None
    end = parse_date(case["end"]) if case.get("end") else None
    frm = parse_date(case["from"])
    inclusive = start is not None and start > frm
    lower = start if inclusive else frm
    after = (lambda t: t >= lower) if inclusive else (lambda t: t > lower)
    before = lambda t: end is None or t < end
    count = case["count"]
    expr = case["schedule"]
    kind, inner = expr[: expr.index("(")], expr[expr.index("(") + 1 : -1]
    out = []
    if kind == "rate":
        value, unit = inner.split()
        seconds = int(value) * {"minute": 60, "hour": 3600, "day": 86400}[unit.rstrip("s")]
        k = 0 if inclusive else 1
        while len(out) < count:
            t = lower + timedelta(seconds=k * seconds)
            if not before(t):
                break
            out.append(t)
            k += 1
    elif kind == "at":
        t = instant(datetime.fromisoformat(inner), zone)
        if after(t) and before(t):
            out.append(t)
    else:
        cron = Cron(inner)
        offset = timedelta(days=case.get("offset") or 0)
        found = set()
        day = lower.astimezone(zone).date() - timedelta(days=2) - offset
        last_day = date(2200, 1, 1)
        while day < last_day:
            if len(found) >= count and day > max(sorted(found)[:count]).astimezone(zone).date() + timedelta(days=2):
                break
            if end is not None and day > end.astimezone(zone).date() + timedelta(days=2):
                break
            if cron.day_matches(day):
                for h, m, s in cron.times:
                    wall = datetime(day.year, day.month, day.day, h, m, s)
                    base = instant(wall, zone)
                    if not (after(base) and before(base)):
                        continue
                    run = instant(wall + offset, zone) if offset else base
                    if before(run):
                        found.add(run)
            day += timedelta(days=1)
        out = sorted(found)[:count]
    return [t.astimezone(zone).isoformat() for t in out]


if __name__ == "__main__":
    json.dump([runs(c) for c in json.load(sys.stdin)], sys.stdout)
