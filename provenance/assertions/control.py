"""Control assertions: who holds a place, how much of it, asserted or denied.

Statements are read by contradict/control_read.py (patterns in
rules/control.json: captured, liberated, 'in the hands of', held, lost,
regained, 'the fall of X', negated ...).  Here they become assertions, and
a restated capture inside a dismissal ('called the reports of an
occupation of X disinformation') is denied and credited to the other side:
'no side but <the denier's> controls X', never the denier's own side.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..contradict.control_read import OPPONENT, _CUE, _rules as _read_rules, statements_in
from ..contradict.lexicon import control_rules
from ..records import ClaimView
from .common import dismissal_spans
from .model import Assertion


def _under_dismissal(text: str, words: str, side: str | None) -> bool:
    """Is the statement `words` inside the clause of a dismissal ('called the
    reports of the fall of X lies'), not in a clause of its own beside it
    ('said X remains ours and called the video a fake')?"""
    at = text.find(words)
    if at < 0:
        return True
    end = at + len(words)
    breaks = _read_rules()["breaks"]
    for s, e in dismissal_spans(text, side):
        between = text[e:at] if e <= at else text[end:s] if s >= end else ""
        if not breaks.test(between):
            return True
    return False


@lru_cache(maxsize=1)
def _own_side_verbs() -> re.Pattern:
    return re.compile(control_rules().get("own_side_verbs", r"(?!x)x"), re.I)


def control_in(text: str, speaker: str | None, side: str | None, dismissed: bool,
               previous_place: str | None = None) -> list[Assertion]:
    if not _CUE.test(text):
        return []
    view = ClaimView(id=0, uid="", source_id=0, text=text, quote=None, kind="", speaker=speaker,
                     speaker_type=None, outlet=None, published=None)
    out = []
    for st in statements_in(view, previous_place):
        holder, pol = st.controller, (1 if st.polarity == "assert" else -1)
        if holder is None and side and _read_rules()["own"].test(text):
            holder = side  # 'our forces took X': the speaker's side
        if side and pol > 0 and not dismissed and _own_side_verbs().search(st.words) \
                and not re.search(r"\bby\s", st.words):
            holder = side  # 'liberated': the side that took it says so
        if dismissed and pol > 0 and (holder is None or holder == side) and _under_dismissal(text, st.words, side):
            holder, pol = (OPPONENT + side) if side else None, -1
        out.append(Assertion("control", ("control", st.place), holder, pol, full=st.full,
                             words=st.words, rule="control." + st.polarity))
    return out
