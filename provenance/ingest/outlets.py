"""Outlet names from the data file `provenance/rules/outlets.json`.

Which strings mean which outlet is data, never code: `name` is the canonical
name, `aliases` other spellings, `signoffs` regular expressions (matched
case-insensitively against whole lines) that identify the publisher of an
article (closing sign-offs, mastheads), `hosts` web hosts; `publication_words` the last words of publication names
("Post", "Times", "Gazette" ...), which let a masthead name an unlisted outlet,
`label_words` ("Breaking", "Latest", "World" ...), which alone make a
section label ("BREAKING NEWS"), not a masthead, and `edition_words`
("edition"), whose label beside a top line makes that line a masthead.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

OUTLETS_FILE = Path(__file__).resolve().parent.parent / "rules" / "outlets.json"


@dataclass(frozen=True)
class OutletTable:
    exact: dict[str, str]  # case-sensitive keys (short all-caps acronyms)
    folded: dict[str, str]  # casefolded keys
    hosts: dict[str, str]
    signoffs: tuple[tuple[re.Pattern[str], str], ...]


def _is_acronym(s: str) -> bool:
    return len(s) <= 5 and s.isupper()


def _key(s: str) -> str:
    return " ".join(s.split()).strip(" .,:;|-–—").casefold()


@lru_cache(maxsize=1)
def table() -> OutletTable:
    data = json.loads(OUTLETS_FILE.read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    hosts: dict[str, str] = {}
    signoffs: list[tuple[re.Pattern[str], str]] = []
    for entry in data.get("outlets", []):
        name = entry["name"]
        for form in [name, *entry.get("aliases", [])]:
            if _is_acronym(form):
                exact.setdefault(form, name)
            else:
                folded.setdefault(_key(form), name)
        exact.setdefault(name, name)
        for host in entry.get("hosts", []):
            hosts.setdefault(host.lower().removeprefix("www."), name)
        for pattern in entry.get("signoffs", []):
            signoffs.append((re.compile(pattern, re.IGNORECASE), name))
    return OutletTable(exact, folded, hosts, tuple(signoffs))


def canonical_outlet(name: str | None) -> str | None:
    """The canonical name of a known outlet, else None."""
    if not name:
        return None
    t = table()
    cleaned = " ".join(name.split()).strip(" .,:;|-–—")
    return t.exact.get(cleaned) or t.folded.get(_key(cleaned))


def outlet_name(name: str | None) -> str | None:
    """Canonical name when the outlet is known, else the name as written (tidied)."""
    if not name or not name.strip():
        return None
    return canonical_outlet(name) or " ".join(name.split())


def outlet_for_host(url_or_host: str | None) -> str | None:
    """The outlet whose host (or a parent domain of it) serves this URL."""
    if not url_or_host:
        return None
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    if not host:
        return None
    host = host.lower().rstrip(".").removeprefix("www.")
    hosts = table().hosts
    parts = host.split(".")
    for i in range(len(parts) - 1):
        hit = hosts.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def signoff_outlet(line: str) -> str | None:
    """The outlet whose sign-off or masthead pattern matches this line."""
    line = line.strip()
    for pattern, name in table().signoffs:
        if pattern.search(line):
            return name
    return None


@lru_cache(maxsize=1)
def _forms() -> dict[str, tuple[str, ...]]:
    data = json.loads(OUTLETS_FILE.read_text(encoding="utf-8"))
    return {e["name"]: (e["name"], *e.get("aliases", [])) for e in data.get("outlets", [])}


def names_outlet(line: str, name: str) -> bool:
    """True when LINE writes NAME or one of its aliases as words (a sign-off
    that names its outlet, not only one in that outlet's style)."""
    for form in _forms().get(name, (name,)):
        flags = 0 if _is_acronym(form) else re.IGNORECASE
        if re.search(rf"(?<!\w){re.escape(form)}(?!\w)", line, flags):
            return True
    return False


@lru_cache(maxsize=1)
def outlet_kinds() -> dict[str, str]:
    """Canonical name -> "agency" | "outlet"."""
    data = json.loads(OUTLETS_FILE.read_text(encoding="utf-8"))
    return {e["name"]: e.get("kind", "outlet") for e in data.get("outlets", [])}


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    data = json.loads(OUTLETS_FILE.read_text(encoding="utf-8"))
    return {key: frozenset(w.casefold() for w in data.get(key, [])) for key in ("publication_words", "label_words", "edition_words")}


def publication_words() -> frozenset[str]:
    """Casefolded last words of publication names (outlets.json `publication_words`)."""
    return _word_lists()["publication_words"]


def edition_words() -> frozenset[str]:
    """Casefolded last words of an edition label beside a masthead ("English edition"; outlets.json `edition_words`)."""
    return _word_lists()["edition_words"]


def label_words() -> frozenset[str]:
    """Casefolded words of page section labels ("Breaking", "World" ...; outlets.json `label_words`)."""
    return _word_lists()["label_words"]


def is_agency(name: str | None) -> bool:
    """True for a known news agency (kind "agency" in outlets.json)."""
    known = canonical_outlet(name)
    return bool(known) and outlet_kinds().get(known) == "agency"
