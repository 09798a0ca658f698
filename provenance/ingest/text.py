"""Plain-text and markdown articles: the stored text and the metadata the text
itself carries.

Rules (all general; which strings mean which outlet is data in outlets.json):
- a leading "date YYYY-MM-DD" (a line of its own or a prefix of the first
  line) gives `published` and is dropped from the stored text;
- near the top: "Published: <date>" / "Posted on <date>" lines, a line that is
  only a date, a byline ("By NAME", "Published by NAME", or "Published by"
  next to a NAME line);
- a wire dateline "KYIV, Dec 12 (Reuters) -" gives the outlet when nothing else
  does, and a date only when the year is known (a year on the dateline, a
  known publication year, or a copyright line);
- any line matching an outlet's `signoffs` pattern (a closing sign-off such as
  "For more CNN news ..." or a masthead) gives the outlet; the match nearest
  to the start or end of the text wins;
- the title is the first line after mastheads, breadcrumbs, date lines and
  bylines, if it reads as a headline (short, not ending in a full stop).
Everything else in the text is kept as it is.
"""
from __future__ import annotations

import re

from .byline import is_name, parse_byline_line
from .dates import parse_date
from .normalize import normalize_text
from .outlets import canonical_outlet, outlet_name, signoff_outlet

Found = dict[str, tuple[str, str]]  # field -> (value, origin)

HEAD_LINES = 8  # metadata lines are looked for among the first lines only
_DATE_PREFIX = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_PUBLISHED_LINE = re.compile(r"^(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s+(?!by\b)(?P<rest>.+)$", re.IGNORECASE)
_LONE_BY = re.compile(r"^(?:published|written|posted)?\s*by\s*:?$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:home|start|news)\s*[»›>/|]|\s[»›]\s", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+)*)?)"
    r",?\s+(?:(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)\s+)?"
    r"\((?P<agency>[A-Za-z][\w .&/'’-]{1,38})\)\s*[-–—]+\s")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d{2})", re.IGNORECASE)
_HEADLINE_END = re.compile(r"[.;,:]['’\"”]?$")

# markdown
_MD_FRONT = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_MD_RULES = [
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^[ \t]*(?:```|~~~).*$", re.MULTILINE), ""),  # code fences (content kept)
    (re.compile(r"^[ \t]*\[[^\]]+\]:\s+\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), "\n\\1\n"),  # ATX headings
    (re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.MULTILINE), ""),  # setext underlines
    (re.compile(r"^[ \t]*(?:>[ \t]?)+", re.MULTILINE), ""),  # blockquote markers
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), "\n"),  # list markers
]
_MD_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # inline code
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
]
_FRONT_KEYS = {"title": "title", "date": "published", "published": "published", "author": "author",
               "byline": "author", "outlet": "outlet", "publisher": "outlet", "source": "outlet", "url": "url"}


def strip_markdown(raw: str) -> tuple[str, Found]:
    """Markdown -> plain text (markup removed, words kept) and front-matter metadata."""
    found: Found = {}
    m = _MD_FRONT.match(raw.lstrip("\ufeff"))
    if m:
        for line in m["body"].splitlines():
            key, sep, value = line.partition(":")
            field = _FRONT_KEYS.get(key.strip().lower())
            value = value.strip().strip("'\"")
            if sep and field and value and field not in found:
                if field == "published":
                    value = parse_date(value) or ""
                elif field == "outlet":
                    value = outlet_name(value) or ""
                if value:
                    found[field] = (value, "front-matter")
        raw = raw.lstrip("\ufeff")[m.end():]
    heading = re.search(r"^[ \t]{0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$", raw, re.MULTILINE)
    for rx, repl in _MD_RULES + _MD_INLINE:
        raw = rx.sub(repl, raw)
    # a single newline inside a markdown paragraph is a soft wrap: join those lines
    paragraphs = re.split(r"\n[ \t]*\n", raw)
    text = "\n".join(" ".join(p.split("\n")) for p in paragraphs)
    if heading and "title" not in found:
        title = heading[1]
        for rx, repl in _MD_INLINE:
            title = rx.sub(repl, title)
        found["title"] = (normalize_text(title), "heading")
    return text, found


def drop_date_prefix(text: str) -> tuple[str, str | None]:
    """Remove a leading "date YYYY-MM-DD" and return (text, ISO date or None)."""
    m = _DATE_PREFIX.match(text)
    if not m:
        return text, None
    day = parse_date(m[1])
    return (text[m.end():], day) if day else (text, None)


def _headline(line: str) -> bool:
    return len(line) <= 200 and len(line.split()) <= 30 and not _HEADLINE_END.search(line)


def text_metadata(text: str, known_year: int | None = None) -> Found:
    """Metadata carried by normalised article text (see module docstring)."""
    found: Found = {}
    lines = text.split("\n")
    head = lines[:HEAD_LINES]
    skip: set[int] = set()

    def put(field: str, value: str | None, origin: str) -> None:
        if value and field not in found:
            found[field] = (value, origin)

    # sign-offs and mastheads: nearest to either end wins
    hits = [(min(i, len(lines) - 1 - i), i, name) for i, line in enumerate(lines)
            if (name := signoff_outlet(line))]
    if hits:
        _, i, name = min(hits)
        put("outlet", name, "masthead" if i < min(3, len(lines) - 1 - i) else "signoff")
        skip.update(i for _, i, _ in hits if i < HEAD_LINES)

    for i, line in enumerate(head):
        if _LONE_BY.match(line):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and is_name(lines[j].strip()):
                    put("author", lines[j].strip(), "byline")
                    skip.update((i, j))
                    break
            continue
        byline = parse_byline_line(line)
        if byline:
            put("author", byline.author, "byline")
            put("outlet", byline.outlet, "byline")
            put("published", byline.published, "byline")
            skip.add(i)
            continue
        m = _PUBLISHED_LINE.match(line)
        day = parse_date(m["rest"], year=known_year) if m else parse_date(line, whole=True)
        if day and (m or len(line) <= 40):
            put("published", day, "date-line")
            skip.add(i)
        elif _BREADCRUMB.search(line):
            skip.add(i)

    year = known_year
    if year is None:
        copyright_ = next((c for c in map(_COPYRIGHT.search, lines[-HEAD_LINES:] + head) if c), None)
        year = int(copyright_["year"]) if copyright_ else None
    for line in head:
        m = _DATELINE.match(line)
        if m:
            put("outlet", canonical_outlet(m["agency"]) or m["agency"].strip(), "dateline")
            if m["date"]:
                put("published", parse_date(m["date"], year=year), "dateline")
            break

    first = next((i for i in range(len(head)) if i not in skip), None)
    if first is not None and _headline(lines[first]) and not _DATELINE.match(lines[first]):
        put("title", lines[first], "headline")
    return found
