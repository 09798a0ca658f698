"""General cues that name an article's publisher, for outlets listed in
outlets.json or not:

- a copyright line: "© 2026 The Albion Post. All rights reserved.",
  "Copyright 2025 NAME", "(c) NAME 2024", "© NAME" (the line must start with
  the copyright sign and be short: page furniture, not a sentence);
- a staff credit: "NAME staff", "By NAME staff", "NAME staff and agencies"
  (NAME a listed outlet or two to five capitalised words);
- a desk or bureau sign-off: "(Lakeshore Sentinel Washington bureau)",
  "(Reporting by the Daily Star Kyiv desk; ...)": the capitalised words
  before "desk"/"bureau" up to the last publication word (a listed outlet
  as written otherwise); "(Reporting by the Harbourline Kyiv desk)" names
  no publication word and so no outlet;
- a masthead: a short capitalised line at the very top that is a known
  outlet, ends in a publication word ("Post", "Times" ... data in
  outlets.json) after a word of its own (not only section labels such as
  "BREAKING NEWS": `label_words`), or is in capitals and named again in the
  text.

A masthead line may carry section labels and the date beside the name,
between bars or dashes ("ADRIATIC POST | International | 28.10.2025",
"THE NORTH STAR — WORLD NEWS", "Kyiv Ledger - English edition"):
`masthead_line` splits it, and `furniture_line` reads a line made only of
labels and a date ("Opinion | Friday 31 October 2025").

A photo credit ("– Jane Roe/Reuters") or a sentence that mentions an outlet
is none of these.
"""
from __future__ import annotations

import re

from .dates import parse_date
from .outlets import canonical_outlet, edition_words, label_words, outlet_name, publication_words

_COPY = re.compile(r"^(?:©|\(c\)|copyright\b\s*(?:©|\(c\))?)\s*(?P<rest>.+)$", re.IGNORECASE)
_YEARS = re.compile(r"^(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?,?\s*)")
_NAME_END = re.compile(r"\.\s|\.$|\s[|·•]\s|,|;|\s(?:19|20)\d{2}\b|\s+all rights\b|\s[-–—]\s", re.IGNORECASE)
_CORP = re.compile(r"(?:,?\s+(?:ltd|limited|inc|llc|plc|gmbh|s\.?a|ag|co)\.?|\s+and/or its affiliates)$", re.IGNORECASE)
_STAFF = re.compile(r"^(?:by\s+)?(?:the\s+)?(?P<name>.+?)\s+staff(?:\s+(?:writers?|reporters?))?"
                    r"(?:\s+(?:and|with|&)\s+agenc(?:y|ies))?\.?$", re.IGNORECASE)
_SMALL = {"of", "the", "and", "&", "de", "la", "le", "el", "du", "des", "der", "die", "for", "on", "in"}
_PARTICLE_START = {"the", "la", "le", "el", "der", "die", "de"}


def _words_ok(name: str, max_words: int = 6) -> bool:
    words = name.split()
    if not (1 <= len(words) <= max_words) or len(name) > 60 or "/" in name or "@" in name:
        return False
    for i, w in enumerate(words):
        if w.lower() in _SMALL and (i > 0 or w.lower() in _PARTICLE_START):
            continue
        if not (w[0].isupper() or w[0].isdigit() or re.fullmatch(r"[a-z0-9-]+\.[a-z]{2,}", w)):
            return False
    return any(c.isalpha() for c in name)


def _finish(name: str) -> str | None:
    name = _CORP.sub("", name.strip(" .,;:|-–—")).strip(" .,;:")
    if not name or not _words_ok(name):
        return None
    if name.isupper() and not canonical_outlet(name) and len(name) > 5:
        name = title_case(name)
    return outlet_name(name)


def copyright_name(line: str) -> str | None:
    """The holder named by a copyright line (see the module docstring), else None."""
    line = line.strip()
    m = _COPY.match(line)
    if not m or len(line) > 160:
        return None
    rest = _YEARS.sub("", m["rest"].strip(), count=1)
    end = _NAME_END.search(rest)
    return _finish(rest[: end.start()] if end else rest)


def copyright_year(line: str) -> int | None:
    m = _COPY.match(line.strip())
    y = re.search(r"\b((?:19|20)\d{2})\b", m["rest"]) if m else None
    return int(y[1]) if y else None


def staff_name(line: str) -> str | None:
    """"NAME staff" / "By NAME staff" / "NAME staff and agencies" -> NAME."""
    line = line.strip()
    m = _STAFF.match(line) if len(line) <= 80 else None
    if not m or not _words_ok(m["name"], 5):
        return None
    if len(m["name"].split()) == 1 and not canonical_outlet(m["name"]):
        return None  # "Hospital staff": one unknown word names no outlet
    return _finish(m["name"])


def title_case(name: str) -> str:
    words = name.lower().split()
    return " ".join(w if (i and w in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def masthead_name(line: str, rest: str) -> str | None:
    """The outlet named by a masthead LINE at the top of an article (REST: the
    text below it), else None."""
    s = " ".join(line.split())
    known = canonical_outlet(s)
    if known:
        return known
    words = s.split()
    if not (2 <= len(words) <= 5) or len(s) > 40 or re.search(r"\d|[.?!:;,'’\"“”‘]$", s) \
            or not _words_ok(s, 5) or parse_date(s):
        return None
    name = title_case(s) if s.isupper() else s
    pub = publication_words()
    if all(w.casefold() in pub or w.casefold() in _SMALL or w.casefold() in label_words() for w in words):
        return None  # "BREAKING NEWS", "World News", "Press Review": labels, not a name
    if words[-1].casefold() in pub:
        return name
    if s.isupper():  # "THE ALBION POST" ... "seen by the Albion Post"
        core = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        if re.search(rf"(?<!\w){re.escape(core)}(?!\w)", rest):
            return name
    return None


_SEGMENT_SEP = re.compile(r"\s+[|•·]\s+|\s+[-–—]{1,2}\s+|\s*\|\s*")


def is_label(segment: str) -> bool:
    """A section label: up to four words that end in a label word ("World",
    "English edition") or are all label, publication or small words."""
    words = segment.split()
    if not (1 <= len(words) <= 4) or any(c.isdigit() for c in segment):
        return False
    labels, pub = label_words(), publication_words()
    if words[-1].casefold() in labels:
        return True
    return all(w.casefold() in labels or w.casefold() in pub or w.casefold() in _SMALL for w in words)


def _labels_and_date(parts: list[str]) -> tuple[bool, str | None]:
    day = None
    for part in parts:
        d = parse_date(part, whole=True)
        if d and day is None:
            day = d
        elif not is_label(part):
            return False, None
    return True, day


def _segments(line: str) -> list[str]:
    return [p for p in _SEGMENT_SEP.split(" ".join(line.split())) if p] if len(line) <= 120 else []


def furniture_line(line: str) -> tuple[bool, str | None]:
    """(True, date or None) for a line made only of section labels and at most
    one date between separators; (False, None) otherwise."""
    parts = _segments(line)
    return _labels_and_date(parts) if len(parts) >= 2 else (False, None)


def masthead_line(line: str, rest: str) -> tuple[str | None, str | None]:
    """(outlet, date) from a masthead LINE: a name (masthead_name) alone or
    followed by section labels and a date between separators; a name of its
    own words when an edition label follows ("Kyiv Ledger - English edition");
    else (None, None)."""
    name = masthead_name(line, rest)
    if name:
        return name, None
    parts = _segments(line)
    if len(parts) < 2:
        return None, None
    ok, day = _labels_and_date(parts[1:])
    if not ok:
        return None, None
    name = masthead_name(parts[0], rest)
    if not name and any(p.split()[-1].casefold() in edition_words() for p in parts[1:]) \
            and 1 <= len(parts[0].split()) <= 5 and _words_ok(parts[0], 5) and not parse_date(parts[0]):
        name = outlet_name(title_case(parts[0]) if parts[0].isupper() else parts[0])
    return (name, day) if name else (None, None)


def without_labels(name: str) -> str:
    """A site name without section or edition labels after it
    ("Kyiv Ledger - English edition" -> "Kyiv Ledger"); NAME itself otherwise."""
    parts = _segments(name)
    if len(parts) >= 2 and _labels_and_date(parts[1:]) == (True, None) and not is_label(parts[0]):
        return parts[0]
    return name


_DESK = re.compile(r"(?:^|[(;,]\s*|\bby\s+)(?:the\s+)?(?P<words>(?:[A-Z][\w.&'’-]*\s+){1,7})(?:[a-z]+\s+){0,2}(?:desk|bureau|newsroom)\b")


def desk_name(line: str) -> str | None:
    """The outlet named by a desk or bureau sign-off in brackets (module docstring), else None."""
    line = line.strip()
    if not (line.startswith("(") and line.endswith(")")) or len(line) > 200:
        return None
    pub = publication_words()
    for m in _DESK.finditer(line):
        words = m["words"].split()
        for end in range(len(words), 0, -1):
            name = " ".join(words[:end])
            if canonical_outlet(name) or (end >= 2 and words[end - 1].casefold() in pub):
                return _finish(name)
    return None
