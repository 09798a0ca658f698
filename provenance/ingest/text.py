"""Plain-text and markdown articles: the stored text and the metadata the text
itself carries.

Rules (all general; which strings mean which outlet is data in outlets.json):
- a leading "date YYYY-MM-DD" (a line of its own or a prefix of the first
  line) gives `published` and is dropped from the stored text;
- near the top: "Published: <date>" / "Posted on <date>" lines, a line that is
  only a date ("November 21, 2025 at 09:30", "10:42 GMT, Nov 21, 2025"), a
  byline ("By NAME", "By NAME in PLACE", "By NAME | Outlet | <date>",
  "Published by" next to a NAME line); an "Updated <date>" line only when
  nothing else dates the article; a weekday ("on Thursday") never does;
- the outlet, best first (publisher.py for the general cues): the site's own
  furniture naming a non-agency outlet (a listed sign-off or masthead, a
  copyright line, a "NAME staff" credit, a short masthead line at the very
  top); a byline naming a non-agency outlet; an agency credited for the whole
  article (its sign-off, copyright or byline); last, the agency of a wire
  dateline ("KYIV, Dec 12 (Reuters) -", "Geneva (AFP) – February 10, 2026",
  datelines.py), a relay that is the outlet only when nothing better names
  the publisher.  Among equals the cue nearest to either end wins;
- a dateline's date counts when its year is known (on the dateline, a known
  publication year, or a copyright line);
- the title is the first line after mastheads, breadcrumbs, section labels,
  date lines and bylines, if it reads as a headline (reads_as_headline).
Everything else in the text is kept as it is.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .byline import is_name, parse_byline_line
from .datelines import parse_dateline
from .dates import parse_date
from .normalize import normalize_text
from .outlets import is_agency, names_outlet, outlet_name, signoff_outlet
from .publisher import copyright_name, copyright_year, desk_name, furniture_line, masthead_line, staff_name
from .yearless import infer_year, yearless_date_line

Found = dict[str, tuple[str, str]]  # field -> (value, origin)

HEAD_LINES = 8  # metadata lines are looked for among the first lines only
_DATE_PREFIX = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_PUBLISHED_LINE = re.compile(r"^(?P<kind>(?:first\s+)?(?:published|posted)|(?:last\s+)?(?:updated|modified))(?:\s+on|\s+at)?"
                             r"\s*:?\s+(?!by\b)(?P<rest>.+)$", re.IGNORECASE)
_LONE_BY = re.compile(r"^(?:published|written|posted)?\s*by\s*:?$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:home|start|news)\s*[»›>/|]|\s[»›]\s", re.IGNORECASE)
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


_FURNITURE = re.compile(r"^(?:(?:photo|photograph|image|picture|video|watch|listen|related|updated|published|"
                        r"comments?)\s*:|read more\b|related (?:stories|articles|coverage)\b|advertisement\b|"
                        r"sponsored\b|share this\b)", re.IGNORECASE)
_FURNITURE_FILE = Path(__file__).resolve().parent.parent / "rules" / "furniture.json"


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[re.Pattern[str], ...]:
    data = json.loads(_FURNITURE_FILE.read_text(encoding="utf-8"))
    return tuple(re.compile(p, re.IGNORECASE) for p in data.get("patterns", []))


def is_page_furniture(line: str) -> bool:
    """A short line that rules/furniture.json calls page furniture ("Sign up now: ...",
    "Read more ..."): never a title.  Lines over 200 characters are not checked."""
    return len(line) <= 200 and any(p.search(line) for p in _furniture_patterns())


_SENTENCE_BREAK = re.compile(r"\b[a-z]{3,}[.!?]['’\"”]?\s+[A-Z“‘\"']")


def reads_as_headline(line: str) -> bool:
    """A headline: 2-30 words, starts with a capital, digit or quote mark, one
    sentence, and no closing full stop ("Minister says talks will resume",
    "Ukraine war: Kyiv says ...", "‘We will not sign’: ...", "Will the truce hold?")."""
    words = line.split()
    return (2 <= len(words) <= 30 and len(line) <= 200 and not _HEADLINE_END.search(line)
            and not line.endswith(("…", "...")) and (line[0].isupper() or line[0].isdigit() or line[0] in "‘“'\"")
            and not _SENTENCE_BREAK.search(line) and not _FURNITURE.match(line) and not is_page_furniture(line)
            and parse_byline_line(line) is None and parse_dateline(line) is None)


def _section_nav(line: str) -> bool:
    """"World | Europe | Politics": three or more short labels between bars or arrows."""
    parts = re.split(r"\s+[|»›>/]\s+", line)
    return len(parts) >= 3 and all(1 <= len(p.split()) <= 3 and not parse_date(p) for p in parts)


# Publisher evidence, best first: the site's own furniture (masthead, copyright,
# staff credit, a listed sign-off) for a non-agency outlet; a byline naming one;
# then an agency credited for the whole article; then the agency of a dateline;
# last, a sign-off only in a listed outlet's style that does not name it
# ("(Reporting by ...; Editing by ...)" is how many wires sign off).
_RANK_FURNITURE, _RANK_BYLINE, _RANK_AGENCY, _RANK_DATELINE, _RANK_STYLE = range(5)
_BRACKETED = re.compile(r"^\[[^\]]*\]$|^\([^)]*\)$")
_INITIALS_SIGNOFF = re.compile(r"^\((?P<who>(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?){1,3})(?:[,;/].*)?\)$")


def _by_or_date(line: str) -> bool:
    return bool(parse_byline_line(line) or parse_date(line, whole=True) or furniture_line(line)[1])


def _masthead_at(lines: list[str], i: int) -> bool:
    """A masthead is the first or second line, or a head line next to a byline or date line
    that looks like one on its own: in capitals, with labels beside it, or "The ..."
    (a title-case headline such as "Peace Deal Makes News" is not)."""
    if i <= 1:
        return True
    line = lines[i].strip()
    looks = line.isupper() or len(re.split(r"\s+[|•·]\s+|\s+[-–—]{1,2}\s+", line)) > 1 or line.startswith("The ")
    return looks and i < HEAD_LINES and any(0 <= j < len(lines) and _by_or_date(lines[j]) for j in (i - 1, i + 1))


def _outlet_candidates(lines: list[str], dates: dict[int, str]) -> list[tuple[int, int, str, str, int]]:
    """(rank, distance from the nearer end, origin, name, line index) for every outlet cue in LINES;
    a masthead's date goes into DATES by line index."""
    out = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        dist = min(i, last - i)
        near = i < HEAD_LINES or last - i < HEAD_LINES
        listed = signoff_outlet(line)
        cues = [(listed, "masthead" if i < min(3, last - i) else "signoff")]
        if near:
            cues += [(copyright_name(line), "copyright"), (staff_name(line), "byline"), (desk_name(line), "signoff")]
        if i < last and _masthead_at(lines, i):
            name, day = masthead_line(line, "\n".join(lines[i + 1:]))
            cues.append((name, "masthead"))
            if name and day:
                dates[i] = day
        for name, origin in cues:
            if name:
                rank = _RANK_AGENCY if is_agency(name) else _RANK_FURNITURE
                if name == listed and origin == "signoff" and not names_outlet(line, name):
                    rank = _RANK_STYLE
                out.append((rank, dist, origin, name, i))
    return out


def text_metadata(text: str, known_year: int | None = None, reference=None) -> Found:
    """Metadata carried by normalised article text (see module docstring);
    REFERENCE (a date, default today) bounds the year of a yearless dateline."""
    found: Found = {}
    lines = text.split("\n")
    head = lines[:HEAD_LINES]
    skip: set[int] = set()
    masthead_dates: dict[int, str] = {}
    outlets = _outlet_candidates(lines, masthead_dates)
    updated: str | None = None
    yearless: tuple[int, int] | None = None  # a date line without its year

    def put(field: str, value: str | None, origin: str) -> None:
        if value and field not in found:
            found[field] = (value, origin)

    skip.update(i for *_, i in outlets if i < HEAD_LINES)  # mastheads, staff credits ... are not the title
    for i in sorted(masthead_dates):
        put("published", masthead_dates[i], "masthead")

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
            if byline.outlet:
                rank = _RANK_AGENCY if is_agency(byline.outlet) else _RANK_BYLINE
                outlets.append((rank, i, "byline", byline.outlet, i))
            put("published", byline.published, "byline")
            skip.add(i)
            continue
        m = _PUBLISHED_LINE.match(line)
        day = parse_date(m["rest"], year=known_year) if m else parse_date(line, whole=True)
        if day and m and m["kind"].lower().startswith(("updated", "last", "modified")):
            updated = updated or day  # an update time stands in only when nothing gives the publication
            skip.add(i)
        elif day and (m or len(line) <= 40):
            put("published", day, "date-line")
            skip.add(i)
        elif _BREADCRUMB.search(line) or _section_nav(line) or _BRACKETED.match(line):
            skip.add(i)
        elif yearless_date_line(line):
            yearless = yearless or yearless_date_line(line)
            skip.add(i)
        else:
            is_furniture, day = furniture_line(line)  # "Opinion | Friday 31 October 2025", "World | Europe"
            if is_furniture:
                put("published", day, "date-line")
                skip.add(i)

    year = known_year
    if year is None:
        year = next((y for y in map(copyright_year, lines[-HEAD_LINES:] + head) if y), None)
    for i, line in enumerate(head):
        dl = parse_dateline(line, year)
        if dl and dl.agency:
            outlets.append((_RANK_DATELINE, i, "dateline", dl.agency, i))
            day = dl.published
            if day is None and dl.month_day and year is None:
                y = infer_year(*dl.month_day, text, reference)
                day = parse_date(f"{y}-{dl.month_day[0]:02d}-{dl.month_day[1]:02d}") if y else None
            put("published", day, "dateline")
            break
    if yearless:
        y = year if year is not None else infer_year(*yearless, text, reference)
        put("published", parse_date(f"{y}-{yearless[0]:02d}-{yearless[1]:02d}") if y else None, "date-line")
    put("published", updated, "date-line")
    if outlets:
        _, _, origin, name, _ = min(outlets)
        put("outlet", name, origin)

    for line in reversed(lines[-3:]):  # "(M. P., translated by the desk)": initials signing off
        m = _INITIALS_SIGNOFF.match(line)
        if m:
            put("author", m["who"].strip(), "signoff")
            break

    first = next((i for i in range(len(head)) if i not in skip), None)
    if first is not None and reads_as_headline(lines[first]):
        put("title", lines[first], "headline")
    return found
