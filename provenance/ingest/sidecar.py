"""Sidecar metadata files next to an article.

For an article `sources/foo.txt` the sidecar is `sources/foo.txt.meta.json`
or, failing that, `sources/foo.meta.json` (the first that exists is used).
It is a JSON object with any of the keys "outlet", "published", "author",
"url", "title"; each value is a string, or null for "not known" (a null
never hides what other sources say).  Other keys are ignored.  A sidecar
that is not valid JSON, not an object, or has a non-string value, a value
over MAX_VALUE characters (a sidecar over 1 MB is not read), a date that is not one, or a url that is not
http(s) is an InputError naming the sidecar (a bad value is quoted cut
short).  Values are cleaned first: lone surrogates and noncharacters
dropped, white space folded.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from .dates import parse_date
from .normalize import clean_meta
from .outlets import outlet_name

FIELDS = ("outlet", "published", "author", "url", "title")
SUFFIX = ".meta.json"
MAX_VALUE = 2000  # characters of one metadata value
MAX_SIDECAR_BYTES = 1024 * 1024
_URL = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def shown(value: str, limit: int = 60) -> str:
    """VALUE quoted for an error message, cut short."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def sidecar_paths(article: Path) -> tuple[Path, Path]:
    return article.with_name(article.name + SUFFIX), article.with_name(article.stem + SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX)


def clean_value(field: str, value: str, where: str) -> str:
    """Tidy a user-given value: cleaned (see the module docstring), outlet names
    canonicalised, dates to ISO, urls checked; '' when nothing is left."""
    if len(value) > MAX_VALUE:
        raise InputError(f"{where}: {field!r} is too long ({len(value):,} characters; the limit is {MAX_VALUE:,})")
    value = clean_meta(value)
    if not value:
        return ""
    if field == "outlet":
        return outlet_name(value) or value
    if field == "published":
        iso = parse_date(value, whole=True)
        if not iso:
            raise InputError(f"{where}: 'published' is not a date: {shown(value)}")
        return iso
    if field == "url" and not _URL.match(value):
        raise InputError(f"{where}: 'url' must be an http:// or https:// address: {shown(value)}")
    return value


def read_sidecar(article: Path) -> dict[str, str]:
    """The sidecar's fields for ARTICLE ({} when there is none)."""
    path = next((p for p in sidecar_paths(article) if p.is_file()), None)
    if path is None:
        return {}
    try:
        if path.stat().st_size > MAX_SIDECAR_BYTES:
            raise InputError(f"{path}: bad sidecar metadata: larger than {MAX_SIDECAR_BYTES // 1024} KB")
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:  # RecursionError: [[[[...]]]]
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0]
        raise InputError(f"{path}: bad sidecar metadata: {reason}") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: bad sidecar metadata: expected a JSON object")
    out: dict[str, str] = {}
    for field in FIELDS:
        value = data.get(field)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{path}: bad sidecar metadata: {field!r} must be a string or null")
        cleaned = clean_value(field, value, str(path))
        if cleaned:
            out[field] = cleaned
    return out
