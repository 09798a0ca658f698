"""Denials: a claim that dismisses what another source said, and what it
points back to.

A claim denies when it holds a denial verb or a dismissal word
(rules/denials.json 'dismissals': 'a complete lie', 'rejected the
announcement', 'a fabrication', 'does not correspond to reality').  What
it denies: the assertions it restates itself (read by the other readers,
then negated: a passive capture restated by a denier is credited to the
other side, never to the denier), else the assertion it points back to,
found by `resolve` among the earlier claims of its article: one that
states the figure the denial names ('the 4% figure'), else a claim of
another side that speaks of the denier's own side ('X had sent troops':
the accusation 'rejected the accusation' answers), else the nearest
earlier claim with an assertion by a speaker of another side (the side
the denial names first: 'Russia is lying again'), else the nearest
earlier claim of another side at all.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from ..contradict.lexicon import lexicon
from .common import dismissal_cues, names_report

_WORD = re.compile(r"[a-z][\w-]+")
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|per\s*cent|percent)?")


@dataclass(frozen=True)
class Denial:
    """A dismissing claim: the party it names ('Russia is lying'), the
    figures it names ('the 4% figure')."""

    names: str | None
    figures: frozenset[str]
    report: bool = False  # names a report: points to an outlet's, a document's or an anonymous claim
    places: frozenset[str] = frozenset()  # the places it names: it answers no claim about other places
    owners: frozenset[str] = frozenset()  # whose statement it names ('the ministry's figures'), lower case


def _figures(text: str) -> frozenset[str]:
    return frozenset(re.sub(r"\s+|per\s*cent|percent", "", f, flags=re.I).rstrip(".,")
                     for f in _FIGURE.findall(text) if any(c.isdigit() for c in f))


def denial_in(text: str, side: str | None = None) -> Denial | None:
    """The denial by which a claim points back to an earlier statement, or None."""
    _dismisses, back = dismissal_cues(text, side)
    if not back:
        return None
    parties = [p for _s, _e, p in lexicon().parties_in(text) if p != side]
    return Denial(parties[0] if parties else None, _figures(text), names_report(text), _places(text), _owners(text))


_OWNED = re.compile(r"\b([A-Za-z][\w-]+)['’]s?\s+(?:own\s+)?(?:figures?|numbers?|claims?|account|accounts|report|reports|"
                    r"statements?|data|allegations?|accusations?|version|assertions?|count|tally|toll|estimates?)\b")


def _owners(text: str) -> frozenset[str]:
    """Whose statement a denial names: 'disputes the ministry's figures' -> {'ministry'}."""
    return frozenset(m.group(1).lower() for m in _OWNED.finditer(text) if len(m.group(1)) > 3)


@lru_cache(maxsize=65536)
def _places(text: str) -> frozenset[str]:
    return frozenset(p for _s, _e, p in lexicon().places_in(text))


def _same_places(d: Denial, e: "Earlier") -> bool:
    """A denial naming places answers a claim naming one of them, or none."""
    if not d.places or not e.text:
        return True
    theirs = _places(e.text)
    return not theirs or bool(theirs & d.places)


@dataclass(frozen=True)
class Earlier:
    """An earlier claim of the article as `resolve` sees it."""

    claim_id: int
    start: int
    speaker: str | None
    side: str | None
    asserts: bool  # has a positive assertion
    figures: frozenset[str]
    reported: bool = False  # its source is an outlet, a document or anonymous
    text: str = ""
    paragraph: int | None = None  # its paragraph's index in the article, when known


def _other(side: str | None, speaker: str | None, e: Earlier, my_speaker: str | None) -> bool:
    if e.speaker and my_speaker and e.speaker == my_speaker:
        return False
    return side is None or e.side is None or e.side != side


def resolve(d: Denial, start: int, side: str | None, speaker: str | None, earlier: list[Earlier],
            paragraph: int | None = None) -> Earlier | None:
    """The earlier claim a denial points back to (earlier: nearest last,
    already cut to the window the rules allow), or None.  A claim that
    asserts nothing the readers know is taken only from the denial's own
    paragraph or the one before."""
    cands = [e for e in reversed(earlier) if e.start < start and _other(side, speaker, e, speaker)
             and _same_places(d, e)]
    if not cands:
        return None
    if d.figures:
        for e in cands:
            if e.figures & d.figures:
                return e
    def near(e: Earlier) -> bool:
        return paragraph is None or e.paragraph is None or paragraph - e.paragraph <= 1

    def opposed(e: Earlier) -> bool:  # both sides known, and different
        return side is not None and e.side is not None and e.side != side

    if d.report:  # a report further back than the paragraph before only when the sides are known to differ
        return next((e for e in cands if e.reported and (near(e) or opposed(e))), None)
    def names_me(e: Earlier) -> bool:  # the claim speaks of the denier's side: an accusation it answers
        return side is not None and bool(e.text) and any(p == side for _s, _e, p in lexicon().parties_in(e.text))

    def named_speaker(e: Earlier) -> bool:  # 'the ministry's figures': a claim of the ministry
        return bool(d.owners) and bool(e.speaker) and bool(d.owners & set(_WORD.findall(e.speaker.lower())))

    for want in (named_speaker,
                 lambda e: e.asserts and names_me(e) and (near(e) or opposed(e)),
                 lambda e: paragraph is not None and e.paragraph == paragraph and names_me(e),
                 lambda e: e.asserts and d.names is not None and e.side == d.names,
                 lambda e: e.asserts and opposed(e),
                 lambda e: e.asserts and (near(e) or opposed(e)),
                 lambda e: near(e) and d.names is not None and e.side == d.names,
                 lambda e: near(e) and opposed(e)):
        for e in cands:
            if want(e):
                return e
    return None


def figures_in(text: str) -> frozenset[str]:
    return _figures(text)
