"""Values a claim shares with plan points (600,000; $100 billion), kept only when the
claim's subject around the number matches the point's: "Russia's 600,000 troops" is
not the cap on Ukraine's army.  Parties and their other names (Kyiv for Ukraine)
come from rules/parties.json."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .words import WORD, number_spans, stem

RATIO = re.compile(r"(?<![\d.,])(\d{1,3})\s?(?:/|:|-|–|—| to )\s?(\d{1,3})(?:\s?(?:/|:|-|–|—)\s?(\d{1,3}))?(?![\d.,%])")

PARTIES = Path(__file__).resolve().parent.parent / "rules" / "parties.json"
NAME = re.compile(r"\b([A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+)*)")


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    data = json.loads(PARTIES.read_text(encoding="utf-8"))
    return {a.lower(): p["name"] for p in data["parties"] for a in [p["name"], *p.get("aliases", [])]}


def parties_in(text: str) -> set[str]:
    """The parties (or, for names not in rules/parties.json, the names) a piece of text
    mentions; a sentence's first word is a name only when it is a known party or
    possessive ("Ostrela's")."""
    aliases = _aliases()
    out = set()
    for m in NAME.finditer(text):
        possessive = bool(re.search(r"['’]s$", m.group(1)))
        words = re.sub(r"['’]s$", "", m.group(1)).strip(".")
        key = words.lower()
        if key in aliases:
            out.add(aliases[key])
            continue
        found = [aliases[w.lower()] for w in words.split() if w.lower() in aliases]
        if found:
            out.update(found)
        elif possessive or not _sentence_start(text, m.start()):
            out.add(words)
    return out


def _sentence_start(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _unit_after(text: str, end: int) -> str | None:
    m = WORD.search(text.lower(), end, end + 30)
    return stem(m.group(0)) if m else None


def ratios_in(text: str) -> list[tuple[str, int, int]]:
    """Splits written as 50/50, 55:45, 33-33-33, "50 to 50": ("50/50", start, end)."""
    out = []
    for m in RATIO.finditer(text):
        parts = [g for g in m.groups() if g]
        if 2 <= len(parts) <= 3 and 90 <= sum(map(int, parts)) <= 101:
            out.append(("/".join(str(int(x)) for x in parts), m.start(), m.end()))
    return out


@lru_cache(maxsize=4096)
def point_keys(point) -> frozenset:
    """What a claim's numbers are compared with: values of at least min_value as they are,
    smaller values with the word after them in the point's text ((100, "day")), and
    splits ("50/50") from its text or from a value of two or three shares."""
    text, numbers = point.text, point.numbers
    keys: set = set(numbers)
    for v, a, b in number_spans(text):
        if v in numbers:
            keys.add((v, _unit_after(text, b)))
    keys |= {r for r, _, _ in ratios_in(text)}

    def shares(val):
        if isinstance(val, dict):
            nums = [x for x in val.values() if isinstance(x, (int, float)) and not isinstance(x, bool)]
            if 2 <= len(nums) == len(val) <= 3 and 90 <= sum(nums) <= 101:
                keys.add("/".join(str(int(x)) for x in nums))
            for x in val.values():
                shares(x)
    shares(point.values)
    return frozenset(keys)


def value_hits(span: str, index, min_value: int, window: int, rejected: list | None = None,
               confirmed: set | None = None) -> dict[str, set[str]]:
    """topic -> refs of points that share a value with the claim (a number of at least
    min_value, a smaller number with the same word after it, a split), when the names
    next to it (the `window` characters before it, up to the clause's end after it)
    include one of the point's parties or name none at all.  `confirmed` collects the
    points whose parties were named there; `rejected` the spans (the number and the word
    after it) of values some point has but whose subject here is not that point's: their
    words are no evidence for its topic."""
    found: dict[str, set[str]] = {}
    spans = [(v if v >= min_value else (v, _unit_after(span, b)), a, b) for v, a, b in number_spans(span)]
    spans += ratios_in(span)
    if not spans:
        return found
    for plan in index.plans:
        for p in plan.points:
            keys = point_keys(p)
            for v, a, b in spans:
                if v not in keys:
                    continue
                near = span[max(0, a - window): a] + " " + re.split(r"[,;.]\s", span[b: b + window])[0]
                named = parties_in(near) - {"the"}
                if named and named.isdisjoint(point_parties(p)):
                    if rejected is not None:
                        m = WORD.search(span, b, b + 30)
                        rejected.append((a, m.end() if m else b))
                    continue
                found.setdefault(p.topic, set()).add(p.ref)
                if named and confirmed is not None:
                    confirmed.add(p.ref)
    return found


@lru_cache(maxsize=4096)
def point_parties(point) -> frozenset[str]:
    return frozenset(parties_in(f"{point.title}. {point.text}") | parties_in(json.dumps(point.values)))
