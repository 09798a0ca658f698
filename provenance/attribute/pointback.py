"""An appositive that points back to a statement and names who answered it.

"Moscow said it had taken the town, a claim Kyiv rejected" (or "..., which Kyiv rejected"): the appositive is Kyiv's own claim
(its words: "a claim Kyiv rejected"), and Moscow's ends at the comma.  The appositive opens with a
determiner and a statement noun (rules/pointback.json), then its source, then a speech verb with nothing
after it but the end of the clause; "that" may stand before the source.
"""
from __future__ import annotations

from functools import lru_cache

from provenance.attribute.frames import Tok, np_starting_at, span_text
from provenance.attribute.lexicon import _load, lexicon
from provenance.attribute.reported import Frame

_DETS = {"a", "an", "the", "this", "that", "which"}
_END = {".", ",", ";", "!", "?", "—", "–", ")"}
MODE = "pointback"


@lru_cache(maxsize=1)
def nouns() -> frozenset[str]:
    return frozenset(_load("pointback.json")["nouns"])


def pointback_frames(text: str, toks: list[Tok]) -> list[Frame]:
    lex = lexicon()
    out = []
    for i in range(1, len(toks) - 3):
        if toks[i].text != ",":
            continue
        if toks[i + 1].low == "which" and toks[i + 2].text[:1].isalpha():
            k = i + 2  # "..., which the military denied."
        elif toks[i + 1].low in _DETS and toks[i + 2].low in nouns():
            k = i + 3
            if toks[k].low == "that":
                k += 1
        else:
            continue
        for rng in (np_starting_at(toks, k), _described(toks, k)):
            v = _verb_after(toks, rng)
            if v >= 0:
                break
        else:
            continue
        end = _after_time(toks, v + 1)
        if end < len(toks) and toks[end].text not in _END and toks[end].low != "as":
            continue  # "a claim Kyiv rejected (as false)."; not "a report Kyiv denied on Monday that ..."
        out.append(Frame(toks[v].text, lex.form_lemma[toks[v].low], toks[v].start, toks[v].end,
                         span_text(text, toks, rng), MODE, "after", False, toks[i + 1].start))
    return out


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    return frozenset(_load("pointback.json").get("time_after", ()))


def _after_time(toks: list[Tok], k: int) -> int:
    """Index after a short phrase of time or manner opening at k ('within hours', 'on Monday'), else k."""
    if k >= len(toks) or toks[k].low not in time_words():
        return k
    for j in range(k + 1, min(k + 4, len(toks)) + 1):
        if j == len(toks) or toks[j].text in _END:
            return j
    return k


def _verb_after(toks: list[Tok], rng: tuple[int, int] | None) -> int:
    """Index of the speech verb right after the source phrase (adverbs between: 'Kyiv flatly rejected'), else -1."""
    if rng is None:
        return -1
    lex = lexicon()
    v = rng[1] + 1
    while v < len(toks) and not toks[v].cap and toks[v].low.endswith("ly") and toks[v].low not in lex.ly_nouns:
        v += 1
    return v if v < len(toks) and lex.form_kind.get(toks[v].low) in ("past", "third") else -1


def _described(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """'the harbour office', 'the local council': a determiner, lower-case words and a speaker's head noun."""
    lex = lexicon()
    if k >= len(toks) or toks[k].low not in lex.determiners:
        return None
    for j in range(k + 1, min(len(toks), k + 5)):
        t = toks[j]
        if not t.text.isalpha() or t.low in lex.form_lemma:
            return None
        if t.low in lex.organization_heads or t.low in lex.role_words or t.low in lex.anonymous_heads:
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and nxt.text.isalpha() and nxt.low not in lex.form_lemma and not nxt.low.endswith("ly"):
                continue
            return (k, j)
    return None
