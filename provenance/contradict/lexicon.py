"""The data the detectors read: parties, places, quantity and share patterns.

Everything article-specific lives in provenance/rules/{parties,places,
quantities,control}.json; this module only loads and compiles it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..wordlists import word_list
from .fastre import Fast, lowered_text, word_starts
from .learned import current
from .numbers import FRAC, NUM, ORD

RULES = Path(__file__).resolve().parent.parent / "rules"
_LETTERS = re.compile(r"[^\W\d_]+")

STOPWORDS = word_list("contradict-stopwords")


def _load(name: str) -> dict:
    with open(RULES / name, encoding="utf-8") as fh:
        return json.load(fh)


def _alias_re(aliases) -> str:
    parts = sorted({a for a in aliases}, key=len, reverse=True)
    return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in parts)


@dataclass(frozen=True)
class Lexicon:
    party_names: tuple[str, ...]
    party_re: re.Pattern  # group "p<i>" per party, possessive allowed
    place_names: tuple[str, ...]
    place_kinds: dict
    place_re: re.Pattern
    anaphora_re: re.Pattern
    subs: dict  # placeholder -> regex source
    place_first_words: frozenset = frozenset()

    def __post_init__(self):
        for name in ("party_re", "place_re", "anaphora_re"):
            object.__setattr__(self, "_" + name, Fast(getattr(self, name)))

    def maybe_place(self, text: str) -> bool:
        """Cheap test before places_in: does any word start a place's spelling or an anaphor?"""
        words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
        return not words.isdisjoint(self.place_first_words)

    def parties_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, party) for each party mention in text."""
        out = []
        for m in self._party_re.finditer(text):  # one party group per alternative: the last one closed
            out.append((m.start(), m.end(), self.party_names[int(m.lastgroup[1:])]))
        return out

    def places_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, place) for each place named.  A spelling starts with
        one of place_first_words, so the pattern is tried only where a word
        of the text is one of them."""
        low = lowered_text(text)
        if low is not None:
            starts = word_starts(low, self.place_first_words)
        else:
            found = self.place_first_words.intersection(_LETTERS.findall(text.lower()))
            starts = [w.start() for w in _LETTERS.finditer(text) if w.group().lower() in found]
        if not starts:
            return []
        return [(m.start(), m.end(), self.place_names[int(m.lastgroup[1:].split("x")[0])])
                for m in self._place_re.matches_at(text, starts)]

    def anaphor(self, text: str) -> bool:
        """Does the text hold an anaphor ('the town', 'the city')?"""
        return self._anaphora_re.test(text)

    def party_of(self, text: str | None) -> str | None:
        """The one party a name stands for ('Russian Ministry of Defence' -> Russia), else None."""
        if not text:
            return None
        found = {p for _, _, p in self.parties_in(text)}
        return found.pop() if len(found) == 1 else None

    def compile(self, pattern: str) -> re.Pattern:
        """A data pattern with {N}, {FRAC}, {ORD}, {PARTY}, {PLACE} and the
        placeholders of quantities.json filled in."""
        out = pattern
        for _ in range(3):  # placeholders may use placeholders
            out = re.sub(r"\{([A-Z_]+)\}", lambda m: self.subs.get(m.group(1), m.group(0)), out)
        return re.compile(out, re.I)


def lexicon() -> Lexicon:
    """The gazetteers, with the names the articles of the current run
    introduce themselves (learned.py) when a run has set them."""
    return _lexicon(current())


@lru_cache(maxsize=4)
def _lexicon(learned=None) -> Lexicon:
    parties = [dict(p) for p in _load("parties.json")["parties"]]
    places = dict(_load("places.json"))
    if learned:
        by_name = {p["name"]: p for p in parties}
        for name, aliases in learned[1]:
            if name in by_name:
                by_name[name]["aliases"] = list(by_name[name]["aliases"]) + list(aliases)
            else:
                parties.append({"name": name, "aliases": list(aliases)})
        places["places"] = list(places["places"]) + [{"name": n, "kind": k, "spellings": [n]} for n, k in learned[0]]
    q = _load("quantities.json")
    party_alt = "|".join(f"(?P<p{i}>{_alias_re(p['aliases'] + [p['name']])})" for i, p in enumerate(parties))
    party_re = re.compile(rf"(?<![\w.])(?:{party_alt})(?:['’]s)?(?![\w])", re.I)
    spellings = sorted(((s, i) for i, p in enumerate(places["places"]) for s in set(p["spellings"] + [p["name"]])),
                       key=lambda si: len(si[0]), reverse=True)
    place_alt = "|".join(f"(?P<p{i}x{j}>{_alias_re([s])})" for j, (s, i) in enumerate(spellings))
    place_re = re.compile(rf"\b(?:{place_alt})\b", re.I)
    anaphora_re = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in places["anaphora"]) + r")\b", re.I)
    party_src = rf"(?:the\s+)?(?:{_alias_re(a for p in parties for a in p['aliases'] + [p['name']])})(?:['’]s)?"
    place_src = rf"(?:{_alias_re(s for p in places['places'] for s in p['spellings'] + [p['name']])}" \
                rf"|{'|'.join(re.escape(a) for a in places['anaphora'])})"
    subs = {"N": NUM, "FRAC": FRAC, "ORD": ORD, "PARTY": party_src, "PLACE": place_src}
    subs.update(q.get("placeholders", {}))
    return Lexicon(
        party_names=tuple(p["name"] for p in parties),
        party_re=party_re,
        place_names=tuple(p["name"] for p in places["places"]),
        place_kinds={p["name"]: p.get("kind", "") for p in places["places"]},
        place_first_words=frozenset(re.findall(r"[^\W\d_]+", s.lower())[0] for s, _ in spellings),
        place_re=place_re,
        anaphora_re=anaphora_re,
        subs=subs,
    )


@lru_cache(maxsize=1)
def quantity_rules() -> dict:
    return _load("quantities.json")


@lru_cache(maxsize=1)
def control_rules() -> dict:
    return _load("control.json")


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@lru_cache(maxsize=65536)
def _content_words(text: str) -> frozenset[str]:
    out = set()
    for w in _WORD.findall(text):
        w = w.lower()
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if w in STOPWORDS or len(w) < 3:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words with a crude plural/possessive strip (cached per text)."""
    return _content_words(text)


@lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    """Five-letter stems of the content words ('limited', 'limits' -> 'limit')."""
    return frozenset(w[:5] for w in _content_words(text))
