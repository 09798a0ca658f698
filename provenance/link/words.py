"""Words, terms and numbers of a text, as the linker compares them."""
from __future__ import annotations

import re
from functools import lru_cache

from ..wordlists import word_list

WORD = re.compile(r"[a-z][a-z'-]+")
NUMBER = re.compile(r"\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(trillion|billion|bn|million|mln|thousand)?\b", re.I)
SCALE = {"trillion": 10**12, "billion": 10**9, "bn": 10**9, "million": 10**6, "mln": 10**6, "thousand": 10**3}
STOP = word_list("link-stopwords")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u00a0": " "})


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    w = w.strip("'-").removesuffix("'s")
    for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_words(text: str) -> set[str]:
    return {stem(w) for w in WORD.findall(text.lower()) if len(w) > 2 and w not in STOP}


def term_stem(w: str) -> str:
    """stem() without a final e, so "release" and "releases" are one term."""
    s = stem(w)
    return s[:-1] if len(s) > 4 and s.endswith("e") else s


def word_seq(text: str) -> list[str]:
    """The stemmed content words of a text in order, stop words as None (they break terms)."""
    return [term_stem(w) if len(w) > 2 and w not in STOP else None
            for w in WORD.findall(text.lower().translate(QUOTES))]


def terms(text: str) -> set[str]:
    """Content words and two-word terms ("nuclear plant", "water share") of a text."""
    seq = word_seq(text)
    out = {w for w in seq if w}
    out |= {f"{a} {b}" for a, b in zip(seq, seq[1:]) if a and b}
    return out


def numbers_in(text: str) -> set[int]:
    out = set()
    for m in NUMBER.finditer(text):
        try:
            n = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.add(int(round(n * SCALE.get((m.group(2) or "").lower(), 1))))
    return out


def number_spans(text: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of every number in a text."""
    out = []
    for m in NUMBER.finditer(text):
        try:
            n = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        out.append((int(round(n * SCALE.get((m.group(2) or "").lower(), 1))), m.start(1), m.end()))
    return out


def flat_numbers(value) -> set[int]:
    if isinstance(value, bool):
        return set()
    if isinstance(value, (int, float)):
        return {int(value)}
    if isinstance(value, dict):
        return set().union(*(flat_numbers(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(flat_numbers(v) for v in value)) if value else set()
    return set()
