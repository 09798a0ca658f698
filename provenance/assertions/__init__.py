"""Claim -> normalised assertions, one module per kind.

control.py (who holds a place), state.py (states and events with
polarity), denial.py (what a dismissal denies), when.py (the date a
statement gives itself).  Quantities and allocations are read by
contradict/quantities.py and contradict/share.py.  `assertions_of` reads
one claim; resolving 'the town' and a denial's back-reference needs the
article and is done by contradict/disputes.py.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .common import dismisses
from .control import control_in
from .denial import Denial, denial_in
from .model import Assertion
from .state import states_in
from .when import statement_day

__all__ = ["Assertion", "Denial", "assertions_of", "denial_in"]


def assertions_of(text: str, speaker: str | None, side: str | None, previous_place: str | None,
                  published: str | None) -> tuple[Assertion, ...]:
    """The control and state assertions of one claim, dated by the claim's
    own date when it gives one."""
    found = _undated(text, speaker, side, previous_place)
    if not found:
        return found
    day, as_of = _dated(text, published)
    if day is None and not as_of:
        return found
    return tuple(replace(a, day=day, as_of=as_of) for a in found)


@lru_cache(maxsize=65536)
def _undated(text: str, speaker: str | None, side: str | None, previous_place: str | None) -> tuple[Assertion, ...]:
    dismissed = dismisses(text, side)
    return tuple(control_in(text, speaker, side, dismissed, previous_place) + states_in(text, previous_place, side))


@lru_cache(maxsize=65536)
def _dated(text: str, published: str | None) -> tuple[int | None, bool]:
    return statement_day(text, published)
