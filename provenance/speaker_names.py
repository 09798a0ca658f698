"""Speakers as values, the known speakers of rules/speakers.json, and how a
mention splits into a title or role and a name ('Kremlin spokesman Dmitry
Peskov' -> 'Dmitry Peskov', 'Kremlin spokesman').  Used by provenance.resolve.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from provenance.attribute.lexicon import lexicon, norm_key

_PREFIXED = re.compile(r"(?:al|el|bin|ibn|ben|abu|ould)-[A-Z]")


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    type: str | None
    role: str | None = None
    gender: str = "?"
    unresolved: str | None = None


class _Known:
    def __init__(self) -> None:
        lex = lexicon()
        self.alias: dict[str, dict] = {}
        self.roles: dict[str, dict] = {}
        for e in lex.speakers:
            for a in [e["name"]] + e.get("aliases", []):
                self.alias.setdefault(norm_key(a), e)
            for r in e.get("roles", []):
                self.roles.setdefault(norm_key(r), e)


_KNOWN: _Known | None = None


def known() -> _Known:
    global _KNOWN
    if _KNOWN is None:
        _KNOWN = _Known()
    return _KNOWN


def _speaker(e: dict, role: str | None = None) -> Speaker:
    return Speaker(e["name"], e["type"], role, e.get("gender", "?"))


def _as_written(m: str) -> str:
    """An unnamed source's description as the article writes it, sentence-initial capital dropped."""
    first = m.split()[0] if m.split() else ""
    if m[:1].isupper() and not first[1:2].isupper() and first.lower() in lexicon().determiners | lexicon().quantifiers:
        return m[0].lower() + m[1:]
    return m


@lru_cache(maxsize=8192)
def split_name(mention: str) -> tuple[str | None, str | None]:
    """'Kremlin spokesman Dmitry Peskov' -> ('Dmitry Peskov', 'Kremlin spokesman')."""
    lex = lexicon()
    toks = mention.replace("’", "'").split()
    name: list[str] = []
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        low = t.lower()
        if (t[:1].isupper() or _PREFIXED.match(t)) and low not in lex.role_words \
                and low.rstrip(".") + "." not in lex.role_words and not t.endswith("'s") and low not in lex.not_name_words:
            name.insert(0, t)
        elif name and low in lex.name_particles and k > 0 and toks[k - 1][:1].isupper() \
                and toks[k - 1].lower() not in lex.role_words:
            name.insert(0, t)
        elif name and low in lex.name_particles and k > 1 and toks[k - 1].lower() in lex.name_particles \
                and toks[k - 2][:1].isupper():
            name.insert(0, t)
        else:
            break
    while name and name[0].lower() in lex.name_particles:
        name.pop(0)
    if not name:
        return None, None
    role = " ".join(toks[: len(toks) - len(name)]).strip(" ,") or None
    orig = mention.split()
    return " ".join(orig[len(orig) - len(name):]), (" ".join(orig[: len(orig) - len(name)]).strip(" ,") or None) if role else None
