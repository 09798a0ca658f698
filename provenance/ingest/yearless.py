"""The year of a date printed without one ("KYIV, July 31 (Agency) -").

A wire dateline often gives only the month and day.  The year is, in order:
1. a year already known (flags, sidecar, page metadata, a date line);
2. the weekdays the article names: a report datelined D says "on Thursday"
   for the day itself or the day before.  Among the candidate years, the one
   whose D makes the most of the article's "on <weekday>" mentions fall on D
   (counted twice) or on the day before (once) wins; a tie is no answer.
   Candidates are the reference year and the year before it (an article is
   read within about a year of its dateline, and two consecutive years never
   put D on the same weekday), never before a year the text itself names
   ("since the spring of 2024"), never after the reference date.
Without a known year or weekday evidence the date stays unknown: a month
and day alone are never given a guessed year.  The reference date is the
day of reading unless the caller gives one (tests do).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ON_WEEKDAY = re.compile(r"\b(?:on|by|late|early|since|until|from)\s+(monday|tuesday|wednesday|thursday|friday|"
                         r"saturday|sunday)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d{2})(?![\d/-])")


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MD_LINE = re.compile(
    r"^(?:(?:published|posted)(?:\s+on)?:?\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?$", re.IGNORECASE)


def yearless_date_line(line: str) -> tuple[int, int] | None:
    """(month, day) of a line that is only a date without its year ("Published: July 31",
    "Thursday, 31 July, 10:42 GMT"), else None."""
    from .dates import parse_date

    line = " ".join(line.split())
    if len(line) > 60 or not _MD_LINE.match(line):
        return None
    iso = parse_date(re.sub(r"^(?:published|posted)(?:\s+on)?:?\s+", "", line, flags=re.IGNORECASE), year=2000)
    return (int(iso[5:7]), int(iso[8:10])) if iso else None


def weekday_mentions(text: str) -> list[int]:
    """Weekday numbers (Monday 0) of the "on <weekday>" mentions in TEXT, in order."""
    return [WEEKDAYS.index(m[1].lower()) for m in _ON_WEEKDAY.finditer(text)]


def years_named(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def infer_year(month: int, day: int, text: str, reference: date | None = None) -> int | None:
    """The year of MONTH/DAY for an article with TEXT (see the module docstring)."""
    reference = reference or date.today()
    floor = max((y for y in years_named(text) if y <= reference.year), default=0)  # "by 2030" is a plan, not a floor
    mentions = weekday_mentions(text)
    if not mentions:
        return None
    scores: dict[int, int] = {}
    for year in (reference.year, reference.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d > reference or year < floor:
            continue
        before = (d - timedelta(days=1)).weekday()
        scores[year] = sum(2 if w == d.weekday() else 1 if w == before else 0 for w in mentions)
    if not scores:
        return None
    best = max(scores.values())
    winners = [y for y, s in scores.items() if s == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
