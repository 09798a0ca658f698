"""Wire datelines at the start of a line.

Forms (place in capitals or title case, an optional region, a date before
or after the agency, any dash):
    KYIV, Dec 12 (Reuters) -            WASHINGTON (AP) —
    LONDON, Feb 3, 2026 (Reuters) -     Kyiv, 12 December 2025 (AFP) -
    MOSCOW/KYIV, March 28 (Agency) -    (two cities)
    Geneva (AFP) – February 10, 2026    PARIS —  (a place only: no agency)
A dateline gives the place, the agency named in brackets (a relay of the
whole article: the outlet only when nothing better names the publisher), and
the date (a month and day without a year resolve only against a known year).
A sentence that mentions an agency ("officials told Reuters - ...") is not a
dateline: the agency must be in brackets right after the place or date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_date
from .outlets import canonical_outlet

_WORD = r"[^\W\d_][\w.'’\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:(?:\s+|/){_WORD}){{0,3}})"  # "MOSCOW/KYIV": a two-city dateline
_REGION = rf"(?:,\s*(?P<region>{_WORD}(?:\s+{_WORD}){{0,2}}))?"
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}(?:,?\s+\d{{4}})?)"
_DATE_AFTER = rf"(?:{_DATE}(?=\s*(?:[-–—:]|$))|{_DATE}(?<=\d{{4}})(?=\s))"
_DASH = r"\s*[-–—]+\s*"
_WIRE = re.compile(
    rf"^{_PLACE}{_REGION}(?:,?\s+(?P<date>{_DATE}))?,?\s*\((?P<agency>[^\W\d_][\w .&/'’-]{{0,38}})\)"
    rf"(?:{_DASH}(?P<date2>{_DATE_AFTER}))?(?:{_DASH}|\s*$|(?<=\d{{4}})\s+)", re.IGNORECASE)
_BARE = re.compile(rf"^(?P<place>[^\W\d_a-z][^\W\da-z]+(?:\s+[^\W\da-z][^\W\da-z]+){{0,3}}){_REGION}\s+[–—-]{{1,2}}\s+\S")


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None
    published: str | None
    end: int  # where the article text starts after the dateline
    month_day: tuple[int, int] | None = None  # a date printed without its year (yearless.py resolves it)


def _capitalised(words: str) -> bool:
    return all(w[0].isupper() for w in words.split())


def parse_dateline(line: str, year: int | None = None) -> Dateline | None:
    """The dateline that opens LINE, else None (see the module docstring)."""
    m = _WIRE.match(line)
    if m and _capitalised(m["place"]) and (not m["region"] or _capitalised(m["region"])):
        agency = " ".join(m["agency"].split())
        if canonical_outlet(agency) or (len(agency.split()) <= 4 and _capitalised(agency)):
            raw_date = m["date"] or m["date2"]
            day = parse_date(raw_date, year=year) if raw_date else None
            leap = parse_date(raw_date, year=2000) if raw_date and not day else None  # 2000: Feb 29 exists
            month_day = (int(leap[5:7]), int(leap[8:10])) if leap else None
            return Dateline(m["place"], canonical_outlet(agency) or agency, day, m.end(), month_day)
    m = _BARE.match(line)
    if m and (not m["region"] or _capitalised(m["region"])):
        return Dateline(m["place"], None, None, m.end() - 1)
    return None
