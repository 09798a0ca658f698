"""Numbers as written in news text -> comparable values.

A `Value` is an interval [lo, hi] plus a unit ("" for a bare count, "USD",
"EUR", "GBP", "percent", "fraction").  Qualifiers widen the interval
("about 880,000" -> 792,000..968,000; "nearly four" -> 3.4..4; "at least 60"
-> 60..inf; "within 100" -> 0..100), so two statements conflict only when
their intervals do not meet.

`NUM`, `FRAC` and `ORD` are regular-expression sources for a number phrase,
a share phrase and an ordinal; the data patterns of rules/quantities.json
use them as {N}, {FRAC} and {ORD}.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .fastre import word_starts

INF = math.inf

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
}
MAGNITUDE = {
    "hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                  "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
# qualifier -> (low factor, high factor); None means unbounded on that side
QUALIFIERS = {
    "about": (0.9, 1.1), "around": (0.9, 1.1), "roughly": (0.9, 1.1), "approximately": (0.9, 1.1),
    "approx.": (0.9, 1.1), "some": (0.9, 1.1), "an estimated": (0.9, 1.1), "estimated": (0.9, 1.1),
    "nearly": (0.85, 1.0), "almost": (0.85, 1.0), "close to": (0.85, 1.0), "just under": (0.9, 1.0),
    "just over": (1.0, 1.1), "over": (1.0, None), "more than": (1.0, None), "at least": (1.0, None),
    "upwards of": (1.0, None), "up to": (0.0, 1.0), "at most": (0.0, 1.0), "no more than": (0.0, 1.0),
    "not more than": (0.0, 1.0), "less than": (0.0, 1.0), "fewer than": (0.0, 1.0),
    "under": (0.0, 1.0), "within": (0.0, 1.0), "no later than": (0.0, 1.0),
}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP"}

_SMALLW = "|".join(sorted((k for k in SMALL if k not in ("a", "an")), key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_MAGW = "hundred|thousand|million|billion|trillion"
_WORDNUM = (rf"(?:(?:{_TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_SMALLW}|an?(?=\s+(?:{_MAGW})\b))"
            rf"(?:(?:\s+|-)(?:and\s+)?(?:{_MAGW}|(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALLW}))*")
_MAGW_ABBR = _MAGW + "|bn|mn|mln|tn"
_DIGITS = (r"\d{1,3},\d{1,2}(?=\s*(?:" + _MAGW_ABBR + r")\b)"  # '3,5 million': a decimal comma
           r"|(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?![,.]\d)"  # '250 000': thousands in groups
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_CUR = r"(?:US\$|\$|€|£|USD\s?|EUR\s?|GBP\s?)"
_MAG = rf"(?:\s*(?:{_MAGW}|bn|mn|mln|tn)\b|(?<=\d)(?:k|m|bn|b)\b)"
_UNIT = r"(?:\s*(?:%|percent\b|per\s+cent\b)|\s+(?:dollars|euros|pounds)\b)"

_CORE = rf"{_CUR}?(?:{_DIGITS}|\b{_WORDNUM}\b)"
_DCORE = rf"{_CUR}?(?:{_DIGITS})"
# a range: 'between 40 and 90', '600-800 thousand', '$3–4 billion'
_RANGE = rf"between\s+{_CORE}(?:{_MAG})*\s+and\s+{_CORE}|{_DCORE}(?:{_MAG})*\s*[-–—]\s*{_DCORE}(?![-–—]?\d)"
NUM = (rf"(?:(?:{_QUAL})\s+)?(?:{_RANGE}|{_CORE})(?:{_MAG})*(?:-strong)?{_UNIT}?")
FRAC = (r"(?:(?:about|around|roughly|nearly|almost|more than|over|less than|at least|up to)\s+)?"
        r"(?:(?:a|one)[- ]half|half|(?:a|one|two|three)[- ](?:third|quarter|fourth|fifth|tenth)s?"
        r"|two[- ]thirds|three[- ]quarters|\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)"
        rf"|(?:{_TENS}|ten|five)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\s+percent\b"
        r"|equally|evenly|in\s+equal\s+(?:parts|shares)|50/50|50-50|fifty-fifty|33/33/33)")
ORD = r"(?:" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))"

NUM_RE = re.compile(NUM, re.I)

# where a number phrase (NUM) can start: a qualifier or a currency sign (anywhere: NUM puts no \b
# before them), a digit, or a word that starts a number in words
_NUM_PREFIXES = tuple(sorted(set(QUALIFIERS) | {"$", "€", "£", "us$", "usd", "eur", "gbp", "between"}))
_NUM_WORDS = frozenset(SMALL) | frozenset(_TENS.split("|"))
_DIGIT = re.compile(r"\d")


def number_starts(low: str) -> list[int]:
    """Every offset of lower-cased text where a NUM match can start (a
    superset), so patterns that open with {N} are tried only there."""
    out = {m.start() for m in _DIGIT.finditer(low)}
    out.update(word_starts(low, _NUM_WORDS))
    for p in _NUM_PREFIXES:
        i = low.find(p)
        while i >= 0:
            out.add(i)
            i = low.find(p, i + 1)
    return sorted(out)



@dataclass(frozen=True, slots=True)
class Value:
    lo: float
    hi: float
    unit: str  # "" | "USD" | "EUR" | "GBP" | "percent" | "fraction"
    text: str

    @property
    def mid(self) -> float:
        if self.hi == INF:
            return self.lo
        return (self.lo + self.hi) / 2

    def scaled(self, factor: float, unit: str | None = None) -> "Value":
        return Value(self.lo * factor, self.hi * factor, self.unit if unit is None else unit, self.text)


def words_to_number(text: str) -> float | None:
    """'forty-five' -> 45, 'six hundred thousand' -> 600000, 'a million' -> 1e6."""
    toks = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not toks:
        return None
    total, current, seen = 0.0, 0.0, False
    for tok in toks:
        if tok in SMALL:
            current += SMALL[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in MAGNITUDE:
            total += (current or 1) * MAGNITUDE[tok]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def _interval(v: float, qualifier: str | None) -> tuple[float, float]:
    if not qualifier:
        return v, v
    lo_f, hi_f = QUALIFIERS[qualifier]
    return v * lo_f, (INF if hi_f is None else v * hi_f)


_QUALIFIERS_LONGEST_FIRST = tuple(sorted(QUALIFIERS, key=len, reverse=True))
_CURRENCY_LONGEST_FIRST = tuple(sorted(CURRENCY_SIGNS, key=len, reverse=True))


_RANGE_SPLIT = re.compile(r"^(?:(?P<q>.*?)\s)?between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)$|^(?P<a2>.*?\d(?:[^-–—\d]*?))\s*[-–—]\s*(?P<b2>[$€£]?\d.*)$", re.I)


@lru_cache(maxsize=16384)
def parse_number(text: str) -> Value | None:
    """A number phrase (as matched by NUM) -> Value, or None.  A range
    ('between 40 and 90', '600-800 thousand') is its interval; a magnitude
    or unit written once applies to both ends."""
    s = re.sub(r"\s+", " ", text.strip())
    r = _RANGE_SPLIT.match(s)
    if r is None:
        return _parse_one(s, text)
    if r.group("a"):
        a, b = r.group("a"), r.group("b")
        if r.group("q"):
            a = f"{r.group('q')} {a}"
    else:
        a, b = r.group("a2"), r.group("b2")
    va, vb = _parse_one(a, a), _parse_one(b, b)
    if va is None or vb is None:
        return None
    fb = _bare(b)
    if fb and vb.lo != fb and not re.search(r"[a-z]$", a.lower()):
        f = vb.lo / fb  # '600-800 thousand': the second end's magnitude applies to the first
        va = Value(va.lo * f, va.hi * f, va.unit, a)
    if va.lo > vb.lo:
        return None  # '2024-25' is no range of numbers
    return Value(va.lo, max(va.hi, vb.hi), va.unit or vb.unit, text.strip())


def _bare(s: str) -> float | None:
    """The digits of a number phrase alone ('800 thousand' -> 800)."""
    m = re.search(r"\d[\d,. \u00a0\u202f]*", s)
    if not m:
        return None
    try:
        return float(_digits(m.group(0).strip()))
    except ValueError:
        return None


def _digits(d: str) -> str:
    """'3,5' -> '3.5' (a decimal comma), '250 000' and '250,000' -> '250000'."""
    d = re.sub(r"[ \u00a0\u202f]", "", d)
    if re.fullmatch(r"\d{1,3},\d{1,2}", d):
        return d.replace(",", ".")
    return d.replace(",", "")


def _parse_one(s: str, text: str) -> Value | None:
    low = s.lower()
    qualifier = None
    for q in _QUALIFIERS_LONGEST_FIRST:
        if low.startswith(q + " "):
            qualifier, low = q, low[len(q) + 1:]
            break
    unit = ""
    for sign in _CURRENCY_LONGEST_FIRST:
        if low.startswith(sign):
            unit, low = CURRENCY_SIGNS[sign], low[len(sign):].strip()
            break
    low = low.replace("-strong", "")
    m = re.search(r"\s*(%|percent|per cent)$", low)
    if m:
        unit, low = "percent", low[: m.start()]
    m = re.search(r"\s+(dollars|euros|pounds)$", low)
    if m:
        unit, low = CURRENCY_WORDS[m.group(1)], low[: m.start()]
    m = re.match(r"(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|[\d,]+(?:\.\d+)?)\s*(.*)$", low)
    if m:
        digits = _digits(m.group(1))
        try:
            v = float(digits)
        except ValueError:
            return None
        for mag in re.findall(r"[a-z]+", m.group(2)):
            if mag not in MAGNITUDE:
                return None
            v *= MAGNITUDE[mag]
    else:
        v = words_to_number(low)
        if v is None:
            return None
    lo, hi = _interval(v, qualifier)
    return Value(lo, hi, unit, text.strip())


@lru_cache(maxsize=16384)
def parse_fraction(text: str) -> Value | None:
    """A share phrase (as matched by FRAC) -> Value in [0, 1] with unit
    'fraction'; 'equally' and '50/50' give unit 'equal' (split among the
    parties named)."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    qualifier = None
    for q in ("about", "around", "roughly", "nearly", "almost", "more than", "over", "less than",
              "at least", "up to"):
        if s.startswith(q + " "):
            qualifier, s = q, s[len(q) + 1:]
            break
    if s in ("equally", "evenly", "50/50", "50-50", "fifty-fifty") or s.startswith("in equal"):
        return Value(0, 0, "equal", text.strip())
    if s == "33/33/33":
        return Value(1 / 3, 1 / 3, "fraction", text.strip())
    m = re.match(r"(\d+(?:\.\d+)?)\s*(%|percent|per cent)$", s)
    if m:
        v = float(m.group(1)) / 100
    elif s.endswith("percent"):
        n = words_to_number(s[: -len("percent")])
        if n is None:
            return None
        v = n / 100
    else:
        toks = re.split(r"[\s-]+", s)
        if toks == ["half"]:
            v = 0.5
        elif len(toks) == 2 and toks[1] in FRACTION_WORDS:
            num = 1 if toks[0] in ("a", "one") else SMALL.get(toks[0])
            if num is None:
                return None
            v = num / FRACTION_WORDS[toks[1]]
        else:
            return None
    lo, hi = _interval(v, qualifier)
    return Value(min(lo, 1.0), min(hi, 1.0), "fraction", text.strip())  # never an inverted interval


def parse_ordinal(text: str) -> int | None:
    s = text.strip().lower()
    if s in ORDINALS:
        return ORDINALS[s]
    m = re.match(r"(\d+)(st|nd|rd|th)$", s)
    return int(m.group(1)) if m else None


def find_numbers(text: str) -> list[Value]:
    """Every number phrase in `text`, in order (used by tests and explanations)."""
    out = []
    for m in NUM_RE.finditer(text):
        v = parse_number(m.group(0))
        if v is not None:
            out.append(v)
    return out


def overlaps(a: Value, b: Value, tolerance: float = 0.03) -> bool:
    """Do two values meet, allowing `tolerance` (relative) for rounding?"""
    alo, ahi = a.lo * (1 - tolerance), a.hi * (1 + tolerance)
    blo, bhi = b.lo * (1 - tolerance), b.hi * (1 + tolerance)
    return alo <= bhi and blo <= ahi


def same_value(a: str, b: str) -> bool:
    """Do two number phrases state the same value ('600,000' vs '600 thousand')?"""
    va, vb = parse_number(a), parse_number(b)
    if va is None or vb is None:
        fa, fb = parse_fraction(a), parse_fraction(b)
        if fa is None or fb is None:
            return False
        return overlaps(fa, fb, 0.01)
    return va.unit == vb.unit and overlaps(va, vb, 0.01)


def fmt(v: float) -> str:
    """Short human form: 600000 -> '600,000', 4.0 -> '4', 0.5 -> '0.5'."""
    if v == INF:
        return "inf"
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")
