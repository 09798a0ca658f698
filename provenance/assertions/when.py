"""The date a statement gives itself ('on Thursday', 'on March 12', 'as of
July 30'), resolved against the article's date."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?P<{g}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ON = re.compile(
    r"\b(?P<as_of>as\s+of|on|since|by)\s+(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    rf"(?:,?\s+{_MONTH.format(g='m1')}\s+(?P<d1>\d{{1,2}}))?|{_MONTH.format(g='m')}\s+(?P<d2>\d{{1,2}})\b"
    rf"|(?P<d3>\d{{1,2}})\s+{_MONTH.format(g='m2')})",
    re.I)


@lru_cache(maxsize=4096)
def article_day(published: str | None) -> date | None:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def statement_day(text: str, published: str | None) -> tuple[int | None, bool]:
    """(day number, is a snapshot 'as of') of the first date the statement
    gives itself, or (None, False).  A weekday is the latest such day on or
    before the article's date; a month and day take the article's year (the
    year before when that would fall after the article).  Without the
    article's date nothing is dated, but a snapshot is still one."""
    ref = article_day(published)
    for m in _ON.finditer(text):
        if ref is None:  # a snapshot stays one, dated or not
            return None, m.group("as_of").lower() in ("as of", "by")
        got = None
        month = m.group("m") or m.group("m1") or m.group("m2")
        day = m.group("d1") or m.group("d2") or m.group("d3")
        if month and day:
            try:
                got = date(ref.year, _MONTHS.index(month[:3].lower()) + 1, int(day))
            except ValueError:
                continue
            if got > ref + timedelta(days=1):
                got = got.replace(year=ref.year - 1)
        elif m.group("wd"):
            back = (ref.weekday() - _DAYS.index(m.group("wd").lower())) % 7
            got = ref - timedelta(days=back)
        if got is not None:
            return got.toordinal(), m.group("as_of").lower() in ("as of", "by")
    return None, False
