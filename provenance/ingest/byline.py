"""Bylines: "By NAME", "by NAME and NAME, with AFP", "By NAME | Reuters | Nov 20, 2025",
"By NAME in Brussels", "By NAME, Reuters", "By NAME 2025-11-21T09:30Z".

A byline line gives an author (a person-like name), and possibly an outlet
(a segment naming a known outlet, not a relay "with X") and a date (a
complete date anywhere in the line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import date_span, parse_date
from .outlets import canonical_outlet

_PARTICLES = {"de", "da", "das", "do", "dos", "del", "della", "di", "du", "van", "von", "der", "den",
              "la", "le", "al", "el", "bin", "ibn", "ter", "y"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "the", "staff", "our", "this", "that", "news", "writer", "editor",
              "reporter", "correspondent", "team", "desk"}
_TOKEN = re.compile(r"^(?:[^\W\d_][.]?|[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?)$")
_BY = re.compile(r"^(?:published\s+|written\s+|posted\s+|words\s+)?by[:\s]\s*(?P<rest>.+)$", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s*(?:\||•|·|—|–|\s-\s)\s*")
_JOIN = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*)\s*", re.IGNORECASE)
_PUBLISHED = re.compile(r"^(?:first\s+)?(?:published|posted)(?:\s+on)?:?\s+", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"\s+(?:in|at|from)\s+[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}$")
_DATE_GLUE = re.compile(r"(?:\s*(?:[,|•·–—]|\s-)?\s*(?:(?:first\s+)?(?:published|posted|updated)(?:\s+on)?:?|on)\s*)$", re.IGNORECASE)
_RELAY = re.compile(r"^(?:with|and|via|for|additional reporting by)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def join_names(names: list[str]) -> str:
    """Several authors as a byline prints them: "A", "A and B", "A, B and C"."""
    names = [n for n in dict.fromkeys(names) if n]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def is_name(text: str, min_tokens: int = 2) -> bool:
    """A person's name as printed in a byline: 2-5 capitalised words (initials and
    particles such as "de" or "van" allowed), no digits, not a date word."""
    tokens = text.split()
    if not (min_tokens <= len(tokens) <= 5) or len(text) > 60:
        return False
    for i, tok in enumerate(tokens):
        if tok.lower() in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not _TOKEN.match(tok) or not tok[0].isupper() or tok.lower().strip(".") in _NOT_NAMES:
            return False
        if i == 0 and tok in ("A", "An"):
            return False
    return canonical_outlet(text) is None


def _names(segment: str) -> list[str] | None:
    parts = [p.strip(" .,;:") for p in _JOIN.split(segment) if p.strip(" .,;:")]
    return parts if parts and all(is_name(p, 1 if len(parts) > 1 else 2) for p in parts) else None


def parse_byline_text(rest: str) -> Byline | None:
    """Parse what follows "By" (or a byline element's whole text)."""
    rest = rest.strip()
    author = outlet = published = None
    span = date_span(rest)
    if span and span[1] > 0:  # "Jane Roe 2025-11-21", "Jane Roe, published Nov 21, 2025"
        published = span[0]
        rest = (_DATE_GLUE.sub("", rest[: span[1]]) + " | " + rest[span[2]:]).strip(" |")
    for n, seg in enumerate(_SEGMENTS.split(rest)):
        seg = seg.strip(" ,;")
        if not seg:
            continue
        # "Jane Roe, with AFP" / "Jane Roe, Reuters" / "Jane Roe, Kyiv": the first
        # comma part must be names or an outlet; later parts may be anything.
        whole_date = parse_date(_PUBLISHED.sub("", seg), whole=True)
        if whole_date:
            published = published or whole_date
            continue
        names: list[str] = []
        for i, piece in enumerate(p.strip() for p in seg.split(",")):
            if not piece or _RELAY.match(piece):
                continue  # a relay ("with AFP") is not the publisher
            known = canonical_outlet(piece)
            if known:
                outlet = outlet or known
                continue
            date = parse_date(piece)
            if date:
                published = published or date
                continue
            got = _names(piece)
            if not got and _PLACE_TAIL.search(piece):  # "Jane Roe in Brussels"
                got = _names(_PLACE_TAIL.sub("", piece))
            if got:
                names.extend(got)
            elif i == 0 and n == 0:
                return None
        if names and author is None:
            author = join_names(names)
    if not (author or outlet):
        return None
    return Byline(author, outlet, published)


def parse_byline_line(line: str) -> Byline | None:
    """A whole line that is a byline ("By Jane Roe", "Published by Jane Roe"), else None."""
    line = line.strip()
    if len(line) > 120:
        return None
    m = _BY.match(line)
    return parse_byline_text(m["rest"]) if m else None
