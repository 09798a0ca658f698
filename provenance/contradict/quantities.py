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

from .fastre import Fast, lowered_text
from .lexicon import lexicon, quantity_rules
from .numbers import (
    FRACTION_WORDS, NUM, ORDINALS, SMALL, Value, number_starts, parse_fraction, parse_number, parse_ordinal,
)


# cheap test before the type patterns: a digit, a number word, a fraction or an ordinal
_NUMBER_WORDS = frozenset(SMALL) | frozenset(ORDINALS) | frozenset(FRACTION_WORDS)
_HAS_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(_NUMBER_WORDS)) + r")\b|halv", re.I)
_DIGIT = re.compile(r"\d")
_WORDS = re.compile(r"[^\W\d_]+")


def _has_number(text: str) -> bool:
    """Can the text state a number at all?  (A digit, 'halv', or a number,
    ordinal or fraction word as a word.)  Read from the words of the
    lower-cased text, faster than the pattern it stands for."""
    low = lowered_text(text)
    if low is None:
        return _HAS_NUMBER.search(text) is not None
    return bool(_DIGIT.search(low)) or "halv" in low or not _NUMBER_WORDS.isdisjoint(_WORDS.findall(low))


@dataclass(frozen=True, slots=True)
class Quantity:
    type: str
    subject: str | None
    target: Value | None  # the value stated for the quantity
    base: Value | None  # the value before a change ("from 880,000 ...")
    reduction: Value | None  # a reduction as a fraction ("by half" -> 0.5)
    words: str  # the words of the claim that state it
    tags: frozenset = frozenset()  # places and days named right after it ('off Rotterdam', 'on Monday')


@dataclass(frozen=True)
class QType:
    name: str
    label: str
    topic: str | None
    unit: str
    min: float
    subject: str | None
    scale: dict
    patterns: tuple[Fast, ...]
    anchor: Fast | None = None
    scope: str = "all"  # "all" | "article": compared only inside one article
    key: str | None = None  # "words": the subj group keys the comparison
    cue: Fast | None = None  # a claim without it is not tried


# a predicate that is not a verb of the counted thing ('were not', 'were among')
_NOT_PREDICATES = frozenset("""not also still never the all among about some only just more less due then
there here both each around nearly almost over under into onto from with without able set""".split())
# a value that is the earlier figure of a change ('up from about 90') is not the one stated
_EARLIER = Fast(re.compile(r"(?:\bfrom|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan\s+the)\s+$", re.I))
_TAG = re.compile(r"\b(?:in|at|off|near|on|outside|around|inside)\s+(?:the\s+)?((?-i:[A-Z][\w-]+))")
_TAG_STOP = Fast(re.compile(r"[.;]|\band\s+that\b|\b(?:but|while|whereas|although)\b", re.I))


@lru_cache(maxsize=1)
def qtypes() -> tuple[QType, ...]:
    lex = lexicon()
    rules = quantity_rules()
    out = []
    for t in rules["types"]:
        out.append(QType(
            name=t["name"], label=t.get("label", t["name"]), topic=t.get("topic"),
            unit=t.get("unit", ""), min=float(t.get("min", 0)), subject=t.get("subject"),
            scale=t.get("scale", {}), patterns=tuple(Fast(lex.compile(p)) for p in t["patterns"]),
            anchor=Fast(lex.compile(t["anchor"])) if t.get("anchor") else None,
            scope=t.get("scope", "all"), key=t.get("key"),
            cue=Fast(lex.compile(t.get("cue") or t.get("anchor"))) if (t.get("cue") or t.get("anchor")) else None,
        ))
    counts = rules.get("counts", {})
    for noun, words in counts.get("nouns", {}).items():
        out.append(QType(
            name=f"count_{noun}", label=f"number of {noun}", topic=None, unit="", min=float(counts.get("min", 0)),
            subject=None, scale={}, patterns=(Fast(lex.compile(rf"(?P<val>{{N}})\s+{{MOD}}(?:{_all_nouns()}\s+and\s+(?:[a-z][\w-]*\s+)?)?{words}(?:\s+and\s+(?:[a-z][\w-]*\s+)?{_all_nouns()})?\s+{{PRED}}")),
                      *((Fast(lex.compile(counts["active_form"] + words + r"\b")),) if counts.get("active_form") else ())),
            scope="article", key="words", cue=Fast(re.compile(rf"\b{words}\b", re.I)),
        ))
    return tuple(out)


def _all_nouns() -> str:
    """Every counted noun, for a second noun coordinated with the first ('soldiers and civilians')."""
    nouns = quantity_rules().get("counts", {}).get("nouns", {}).values()
    return "(?:" + "|".join(nouns) + ")" if nouns else r"(?!x)x"


@lru_cache(maxsize=1)
def _number_led() -> frozenset[int]:
    """ids of the type patterns that open with a number phrase ({N})."""
    return frozenset(id(p) for qt in qtypes() for p in qt.patterns
                     if p.pattern.pattern.startswith((NUM, "(?P<val>" + NUM)))


@lru_cache(maxsize=1)
def _any_count_noun() -> Fast:
    """One pattern for every counted noun: a claim without any skips all count types."""
    nouns = quantity_rules().get("counts", {}).get("nouns", {}).values()
    return Fast(re.compile(r"\b(?:" + "|".join(nouns) + r")\b", re.I) if nouns else re.compile(r"(?!x)x"))


def _stem(word: str) -> str:
    w = word.lower()
    for suf in ("ing", "ed", "es", "s"):
        if len(w) > len(suf) + 2 and w.endswith(suf):
            return w[: -len(suf)]
    return w


_KEY_STOP = frozenset("by over in from to under during this next each per a an the and or with of at on for".split())


def _key_words(raw: str | None) -> str | None:
    """Words that key a comparison: a predicate ('waiting' -> 'wait') or a
    purpose ('direct income support' -> 'income support')."""
    if not raw:
        return None
    words = []
    for w in re.findall(r"[a-z][a-z-]*", raw.lower()):
        if w in _KEY_STOP:
            break
        words.append(w)
    words = [w for w in words if w not in _NOT_PREDICATES]
    if not words:
        return None
    stems = [_stem(w) for w in words[-2:]]
    classes = _predicate_classes()
    for w in stems:
        if w in classes:
            return classes[w]  # 'shot', 'downed', 'destroyed' count one event
    return " ".join(stems)


@lru_cache(maxsize=1)
def _predicate_classes() -> dict[str, str]:
    """stemmed predicate -> its class (rules/quantities.json counts.predicate_classes)."""
    out: dict[str, str] = {}
    for cls, words in quantity_rules().get("counts", {}).get("predicate_classes", {}).items():
        for w in words:
            out[_stem(w)] = cls
            out[w.lower()] = cls
    return out


def _tags(text: str, start: int, end: int) -> frozenset:
    """Capitalised places and days named after a preposition in the words
    right after a quantity (up to the end of its clause)."""
    tail = text[start:min(len(text), end + 70)]
    stop = _TAG_STOP.search(tail, end - start)
    if stop:
        tail = tail[:stop.start()]
    return frozenset(m.group(1).lower() for m in _TAG.finditer(tail))


def _unit_ok(qt: QType, v: Value) -> bool:
    if qt.unit == "currency":
        return v.unit in ("USD", "EUR", "GBP")
    return v.unit == qt.unit


def _subject(text: str, start: int, end: int, anchor: Fast | None = None) -> str | None:
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
    if group == "val":
        for add_group in ("add", "add2"):
            extra = m.groupdict().get(add_group)
            if extra:  # '€45m plus €5m in add-ons'
                a = parse_number(extra)
                if a is not None and (a.unit == v.unit or not a.unit):
                    v = Value(v.lo + a.lo, v.hi + a.hi, v.unit, f"{raw} + {extra}")
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
    if not _has_number(text):
        return []
    counts = _any_count_noun().test(text)
    led, starts = _number_led(), None
    for qt in qtypes():
        if qt.name.startswith("count_") and not counts:
            continue
        if qt.cue is not None and not qt.cue.test(text):
            continue
        for pat in qt.patterns:
            if id(pat) in led:  # tried only where a number can start
                if starts is None:
                    low = lowered_text(text)
                    starts = number_starts(low) if low is not None else False
                matches = pat.matches_at(text, starts) if starts is not False else pat.finditer(text)
            else:
                matches = pat.finditer(text)
            for m in matches:
                target = _value(qt, m, "val")
                base = _value(qt, m, "base")
                red = None
                gd = m.groupdict()
                if gd.get("val") and _EARLIER.test(text, max(0, m.start("val") - 20), m.start("val")):
                    target = None  # 'up from about 90': an earlier figure, not the one stated
                if gd.get("same"):
                    red = Value(0.0, 0.0, "fraction", gd["same"])
                elif gd.get("rel") is not None:
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
                if qt.key == "words":
                    subj = _key_words(gd.get("subj") or gd.get("subj2"))
                    if subj is None:
                        continue
                else:
                    subj = _subject(text, m.start(), m.end(), qt.anchor) if qt.subject == "party" else None
                slot = found.setdefault((qt.name, subj), {"t": [], "b": [], "r": [], "w": [], "g": set()})
                if qt.scope == "article":
                    slot["g"] |= _tags(text, m.start(), m.end())
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
                            _shortest(s["w"]), frozenset(s["g"])))
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
