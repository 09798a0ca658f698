"""Publication dates as ISO strings: "YYYY-MM-DD", or a full ISO datetime when a
time and its UTC offset are known (an offset is never dropped).

Accepted forms: ISO 8601 ("2025-11-20", "2025-11-20T09:30:00+02:00", "...Z"),
"November 20, 2025", "Nov. 20 2025", "20 November 2025", the European
"28.10.2025" (day.month.year: dots are never month-first), with an optional
weekday and trailing time (a time with a zone abbreviation such as "EST" is
ambiguous, so only the day is kept), or a leading time ("10:42 GMT, Nov 21,
2025").  Month and day without a year resolve only against a known year.
Weekdays alone ("on Thursday") and relative dates ("2 hours ago") are never
dates.  A time that is not a time of day ("T25:61") makes the whole value
invalid, never silently the day.
"""
from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_ISO = re.compile(r"(?P<d>\d{4}-\d{2}-\d{2})(?:[T ](?P<t>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?P<z>Z|[+-]\d{2}:?\d{2})?)?")
_MDY = re.compile(r"\b" + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b", re.IGNORECASE)
_LEAD_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*[,|•·–—-]?\s+", re.IGNORECASE)
_DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b(?!\.\d)")
_DMY = re.compile(r"\b" + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b", re.IGNORECASE)


def _iso(text: str) -> str | None:
    m = _ISO.match(text)
    if not m:
        return None
    try:
        day = date.fromisoformat(m["d"])
    except ValueError:
        return None
    if m["t"] and not _valid_time(m["t"]):
        return None  # "T25:61" is no time: the value is refused, not cut to its day
    if not m["t"] or not m["z"]:
        return day.isoformat()  # a time without an offset is not a point in time: keep the day
    zone = "+00:00" if m["z"] == "Z" else m["z"]
    try:
        return datetime.fromisoformat(f"{m['d']}T{m['t']}{zone}").isoformat()
    except ValueError:
        return day.isoformat()


def _valid_time(t: str) -> bool:
    parts = t.split(":")
    hh, mm = int(parts[0]), int(parts[1])
    ss = float(parts[2]) if len(parts) > 2 else 0.0
    return hh < 24 and mm < 60 and ss < 60


def _build(year: int | None, mon: str, day: str) -> str | None:
    if year is None:
        return None
    month = MONTHS.get(mon.lower().rstrip(".")[:4]) or MONTHS.get(mon.lower()[:3])
    try:
        return date(year, month, int(day)).isoformat() if month else None
    except ValueError:
        return None


def parse_date(text: str | None, year: int | None = None, whole: bool = False) -> str | None:
    """An ISO date (or datetime with offset) from TEXT, or None.

    `year` resolves a month and day written without one.  With `whole`, the
    date must be (nearly) all of TEXT, as on a line of its own.
    """
    if not text:
        return None
    s = " ".join(str(text).split())
    s = _LEAD_TIME.sub("", s, count=1)
    if _ISO.match(s):
        iso = _iso(s)
        return iso if iso and (not whole or len(s) <= 32) else None
    m = _DOTTED.match(s) if whole else _DOTTED.search(s)
    if m and (not whole or len(s) - m.end() <= 24):
        try:
            return date(int(m["year"]), int(m["mon"]), int(m["day"])).isoformat()
        except ValueError:
            return None
    for rx in (_MDY, _DMY):
        m = rx.match(s) if whole else rx.search(s)
        if m:
            if whole and len(s) - m.end() > 24:  # allow a trailing time only
                continue
            y = int(m["year"]) if m["year"] else year
            return _build(y, m["mon"], m["day"])
    return None


_ISO_ANY = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")


def date_span(text: str) -> tuple[str, int, int] | None:
    """The first complete date (with its year) inside TEXT: (ISO, start, end), else None."""
    best = None
    for rx in (_ISO_ANY, _DOTTED, _MDY, _DMY):
        for m in rx.finditer(text):
            if rx not in (_ISO_ANY, _DOTTED) and not m["year"]:
                continue
            iso = parse_date(m.group(0))
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
            break
    return best


_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(\d{1,2})\2(\d{1,2})(?=[/_.-]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})(?=/)")


def date_in_url(url: str | None) -> str | None:
    """The date a news URL's path carries ("/2025/07/31/...", "/2025-07-31-slug",
    "/20250731/"), else None."""
    if not url or "//" not in url:
        return None
    path = url.split("//", 1)[1].partition("/")[2].partition("?")[0]
    m = _URL_DATE.search("/" + path)
    if not m:
        return None
    y, mo, d = (m[1], m[3], m[4]) if m[1] else (m[5], m[6], m[7])
    try:
        return date(int(y), int(mo), int(d)).isoformat()
    except ValueError:
        return None
