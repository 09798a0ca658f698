"""Values a claim shares with plan points (600,000; $100 billion), kept only when the
claim's subject around the number matches the point's: "Russia's 600,000 troops" is
not the cap on Ukraine's army.  Parties and their other names (Kyiv for Ukraine)
come from rules/parties.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .words import number_spans

PARTIES = Path(__file__).resolve().parent.parent / "rules" / "parties.json"
NAME = re.compile(r"\b([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+)*)")


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    data = json.loads(PARTIES.read_text(encoding="utf-8"))
    return {a.lower(): p["name"] for p in data["parties"] for a in [p["name"], *p.get("aliases", [])]}


def parties_in(text: str, skip_first: bool = False) -> set[str]:
    """The parties (or, for names not in rules/parties.json, the names) a piece of text
    mentions; a sentence's first word is not a name unless it is a known party."""
    aliases = _aliases()
    out = set()
    for m in NAME.finditer(text):
        words = re.sub(r"['’]s$", "", m.group(1)).strip(".")
        key = words.lower()
        if key in aliases:
            out.add(aliases[key])
            continue
        found = [aliases[w.lower()] for w in words.split() if w.lower() in aliases]
        if found:
            out.update(found)
        elif not (skip_first and m.start() == 0) and not _sentence_start(text, m.start()):
            out.add(words)
    return out


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def value_hits(span: str, index, min_value: int, window: int) -> dict[str, set[str]]:
    """topic -> refs of points that share a value with the claim, when the names next to
    the number (the `window` characters before it, up to the clause's end after it)
    include one of the point's parties or name none at all."""
    found: dict[str, set[str]] = {}
    spans = [(v, a, b) for v, a, b in number_spans(span) if v >= min_value]
    if not spans:
        return found
    for plan in index.plans:
        for p in plan.points:
            for v, a, b in spans:
                if v not in p.numbers:
                    continue
                near = span[max(0, a - window): a] + " " + re.split(r"[,;.]\s", span[b: b + window])[0]
                named = parties_in(near) - {"the"}
                if named and named.isdisjoint(point_parties(p)):
                    continue
                found.setdefault(p.topic, set()).add(p.ref)
    return found


def point_parties(point) -> frozenset[str]:
    return _point_parties(point.ref, point.title, point.text, json.dumps(point.values))


@lru_cache(maxsize=4096)
def _point_parties(ref: str, title: str, text: str, values: str) -> frozenset[str]:
    return frozenset(parties_in(f"{title}. {text}") | parties_in(values))
