"""State and event assertions: 'troops were encircled in X', 'the exchange
was postponed', 'a gathering of soldiers was struck', with polarity.

The states are data (rules/states.json).  A verbal form ('were
surrounded') asserts a state unless its clause negates it ('were not
surrounded') or the claim dismisses it ('reports that ... were surrounded
are false'); a noun ('encirclement') only ever denies ('no threat of
encirclement', 'talk of an encirclement was a fake'); words of the
opposite ('a residential area') deny.  An aim or a risk ('an attempt to
encircle', 'the alleged encirclement') asserts nothing.  The key is the
places the claim names (or the place its article named last, given by the
caller) or the object it names ('the exchange').
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..contradict.lexicon import lexicon
from .common import clause_before, dismissal_spans, places_in, rules
from .model import Assertion


_NEVER = re.compile(r"(?!x)x")


@lru_cache(maxsize=1)
def _states():
    cfg = rules("states.json")
    flags = re.I
    out = []
    for s in cfg["states"]:
        out.append(dict(
            name=s["name"], says=s.get("says", s["name"]), key=s.get("key", "place"),
            verbal=re.compile(s["verbal"], flags) if s.get("verbal") else _NEVER,
            nominal=re.compile(s["nominal"], flags) if s.get("nominal") else _NEVER,
            negative=re.compile(s["negative"], flags) if s.get("negative") else _NEVER,
            negative_event=re.compile(s["negative_event"], flags) if s.get("negative_event") else _NEVER,
            subject=re.compile(s["subject"], flags) if s.get("subject") else None,
            needs=re.compile(s["needs_event"], flags) if s.get("needs_event") else None,
            objects=re.compile(r"\b(" + "|".join(map(re.escape, s.get("objects", []))) + r")\b", flags)
            if s.get("objects") else None,
            agent=bool(s.get("agent")), max_days=int(s.get("max_days", 14))))
    return (tuple(out), re.compile(cfg["negation"], flags), re.compile(cfg["not_asserted"], flags),
            re.compile(cfg["clause_breaks"], flags))


def max_days(name: str) -> int:
    return next((s["max_days"] for s in _states()[0] if s["name"] == name), 14)


def _polarity(text: str, m: re.Match, nominal: bool, cues: list[tuple[int, int]]) -> int | None:
    """+1, -1, or None when the words assert nothing (an aim, a risk, a bare noun).
    A noun is dismissed by any dismissal of the claim; a verb only by one in
    its clause or after it ('reports that troops were surrounded are false')."""
    _, neg, not_asserted, breaks = _states()
    clause = clause_before(text, m.start(), breaks)
    if nominal:
        dismissed = bool(cues)
    else:
        clause_start = m.start() - len(clause)
        dismissed = any(a >= m.end() or a >= clause_start for a, _b in cues)
    if neg.search(clause):
        return -1
    if not_asserted.search(text[max(0, m.start() - 40):m.start()]):
        return -1 if dismissed else None
    if dismissed:
        return -1
    return None if nominal else +1


def _agent(text: str, m: re.Match, side: str | None) -> str | None:
    """Who did it: 'by <party>' right after the words, else the party
    named last in the clause before them, else the speaker's side."""
    lex = lexicon()
    after = re.match(r"\s+by\s+(?:the\s+)?(.{0,40})", text[m.end():])
    if after:
        named = lex.parties_in(after.group(1))
        if named and named[0][0] == 0:
            return named[0][2]
    _, _, _, breaks = _states()
    before = lex.parties_in(clause_before(text, m.start(), breaks)[-60:])
    if before:
        return before[-1][2]
    return side


def states_in(text: str, previous_place: str | None = None, side: str | None = None) -> list[Assertion]:
    """The state assertions of one claim text."""
    states, _, _, breaks = _states()
    cues = dismissal_spans(text, side)
    out: list[Assertion] = []
    for s in states:
        eventful = s["needs"] is None or bool(s["needs"].search(text))
        hits = []
        for pat, nominal, flip in ((s["verbal"], False, False), (s["nominal"], True, False),
                                   (s["negative"], False, True),
                                   (s["negative_event"] if eventful else _NEVER, False, True)):
            for m in pat.finditer(text):
                if not nominal and not flip and s["subject"] is not None \
                        and not s["subject"].search(text[max(0, m.start() - 120):m.end() + 60]):
                    continue
                pol = _polarity(text, m, nominal, cues)
                if pol is None or (not eventful and (-pol if flip else pol) > 0):
                    continue
                hits.append((m, -pol if flip else pol))
        if not hits:
            continue
        if s["key"] == "object":
            objs = sorted({o.group(1).lower() for o in s["objects"].finditer(text)}) if s["objects"] else []
            keys = [("state", s["name"], o) for o in objs]
            fill = [("object", o) for o in objs]
        else:
            places = list(dict.fromkeys(p for _, p in places_in(text))) or ([previous_place] if previous_place else [])
            keys = [("state", s["name"], p) for p in places]
            fill = [("place", p) for p in places]
        pols = {p for _, p in hits}
        pol = -1 if -1 in pols else +1  # a claim that negates any mention of the state denies it
        m = next(m for m, p in hits if p == pol)
        holder = _agent(text, m, side) if s["agent"] else None
        if s["agent"] and holder is None:
            continue
        for key, (slot, value) in zip(keys, fill):
            says = s["says"].replace("{" + slot + "}", value).replace("{holder}", holder or "")
            out.append(Assertion("state", key, holder, pol, words=m.group(0), rule=f"state.{s['name']}", says=says))
    return out
