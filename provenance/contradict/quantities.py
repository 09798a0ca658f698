"""Typed quantities in a claim: 'the army would be cut from about 880,000 to
600,000' -> army_size(Ukraine): base ~880,000, target 600,000.

Types and their patterns are data (rules/quantities.json); this module only
applies them.  A number that no pattern types is ignored, so '600,000
troops' and '$600,000' or '100 days' and '100 billion' never meet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicon, quantity_rules
from .numbers import FRACTION_WORDS, ORDINALS, SMALL, Value, parse_fraction, parse_number, parse_ordinal


# cheap test before the type patterns: a digit, a number word, a fraction or an ordinal
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(set(SMALL) | set(ORDINALS) | set(FRACTION_WORDS)))
                         + r")\b|halv", re.I)


@dataclass(frozen=True, slots=True)
class Quantity:
    type: str
    subject: str | None
    target: Value | None  # the value stated for the quantity
    base: Value | None  # the value before a change ("from 880,000 ...")
    reduction: Value | None  # a reduction as a fraction ("by half" -> 0.5)
    words: str  # the words of the claim that state it


@dataclass(frozen=True)
class QType:
    name: str
    label: str
    topic: str | None
    unit: str
    min: float
    subject: str | None
    scale: dict
    patterns: tuple[re.Pattern, ...]
    anchor: re.Pattern | None = None


@lru_cache(maxsize=1)
def qtypes() -> tuple[QType, ...]:
    lex = lexicon()
    out = []
    for t in quantity_rules()["types"]:
        out.append(QType(
            name=t["name"], label=t.get("label", t["name"]), topic=t.get("topic"),
            unit=t.get("unit", ""), min=float(t.get("min", 0)), subject=t.get("subject"),
            scale=t.get("scale", {}), patterns=tuple(lex.compile(p) for p in t["patterns"]),
            anchor=lex.compile(t["anchor"]) if t.get("anchor") else None,
        ))
    return tuple(out)


def _unit_ok(qt: QType, v: Value) -> bool:
    if qt.unit == "currency":
        return v.unit in ("USD", "EUR", "GBP")
    return v.unit == qt.unit


def _subject(text: str, start: int, end: int, anchor: re.Pattern | None = None) -> str | None:
    """The party the quantity is about: the party named right before an
    anchor word inside the match ('the Ukrainian military'), else the nearest
    mention in the 40 characters before the match, else the only party
    inside it."""
    lex = lexicon()
    if anchor is not None:
        for a in anchor.finditer(text, start, end):
            near = lex.parties_in(text[max(0, a.start() - 16):a.start()])
            if near:
                return near[-1][2]
    before = [(s, p) for s, _e, p in lex.parties_in(text[max(0, start - 40):start])]
    if before:
        return before[-1][1]
    inside = {p for _, _, p in lex.parties_in(text[start:end])}
    return inside.pop() if len(inside) == 1 else None


def _value(qt: QType, m: re.Match, group: str) -> Value | None:
    raw = m.groupdict().get(group)
    if not raw:
        return None
    v = parse_number(raw)
    if v is None or not _unit_ok(qt, v):
        return None
    unit = (m.groupdict().get("unit") or "").lower()
    if qt.scale:
        factor = qt.scale.get(unit)
        if factor is None:
            return None
        v = v.scaled(factor)
    if v.hi < qt.min:
        return None
    return v


def quantities_in(text: str) -> list[Quantity]:
    """Every typed quantity stated in `text`, one per (type, subject)."""
    found: dict[tuple[str, str | None], dict] = {}
    if not _HAS_NUMBER.search(text):
        return []
    for qt in qtypes():
        for pat in qt.patterns:
            for m in pat.finditer(text):
                target = _value(qt, m, "val")
                base = _value(qt, m, "base")
                red = None
                gd = m.groupdict()
                if gd.get("rel") is not None:
                    rel = gd["rel"]
                    red = Value(0.5, 0.5, "fraction", rel) if rel.lower().startswith("halv") else parse_fraction(rel)
                elif gd.get("relto"):
                    f = parse_fraction(gd["relto"])
                    red = Value(1 - f.hi, 1 - f.lo, "fraction", f.text) if f and f.unit == "fraction" else None
                if gd.get("ord"):
                    n = parse_ordinal(gd["ord"])
                    if n:
                        target = Value(n - 1, n, "", gd["ord"])
                if red is not None and red.unit != "fraction":
                    red = None
                if target is None and base is None and red is None:
                    continue
                subj = _subject(text, m.start(), m.end(), qt.anchor) if qt.subject == "party" else None
                slot = found.setdefault((qt.name, subj), {"t": [], "b": [], "r": [], "w": []})
                if target:
                    slot["t"].append(target)
                if base:
                    slot["b"].append(base)
                if red:
                    slot["r"].append(red)
                slot["w"].append(m.group(0))
    out = []
    for (name, subj), s in found.items():
        out.append(Quantity(name, subj, _hull(s["t"]), _hull(s["b"]), _hull(s["r"]),
                            _shortest(s["w"])))
    return out


def _hull(vals: list[Value]) -> Value | None:
    if not vals:
        return None
    lo = min(v.lo for v in vals)
    hi = max(v.hi for v in vals)
    texts = []
    for v in vals:
        if v.text not in texts:
            texts.append(v.text)
    return Value(lo, hi, vals[0].unit, " / ".join(texts))


def _shortest(words: list[str]) -> str:
    return min(words, key=len).strip()


def qtype(name: str) -> QType:
    return next(q for q in qtypes() if q.name == name)
