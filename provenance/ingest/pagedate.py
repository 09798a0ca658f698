"""A page's publication date from its markup, by htmldate, when the page's own
metadata (meta.py) names none.

htmldate runs without its free-text search (`extensive_search=False`): only
markup that labels a date (date classes, <time>, itemprops, the URL) counts,
never a date that the article merely mentions.  Its answer goes through
dates.parse_date like every other date, and any failure of the library is
treated as "no date".
"""
from __future__ import annotations

import logging

from .dates import parse_date


def markup_date(html: str, url: str | None = None) -> str | None:
    """ISO date of the page's publication per htmldate, else None."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover - htmldate is a declared dependency
        return None
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    try:
        found = find_date(html, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a third-party parser must never fail an article
        return None
    return parse_date(found, whole=True) if found else None
