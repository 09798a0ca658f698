"""Contradiction detection: pure functions over ClaimView records.

`detect(claims)` runs every detector and returns deduplicated Findings.
Each detector blocks its claims (by quantity type and subject, thing shared,
place, named speaker or topic) so no detector compares all pairs.

One finding per distinct disagreement, not per pair of articles repeating
it.  Claims that say the same thing form one group: the same value or
reduction (value), the same allocation (share), the same control statement
(control), the same words by the same speaker (denial, position, agreement).
Detectors compare groups, never the claims inside a group, and a finding
shows each group by at most REPRESENTATIVES (common.py: 5) of its claims,
the ones stored first (lowest claim id); its explanation counts the others
('(+12 more)').  So N claims repeating value A and M repeating value B give
one finding of min(N, 5) + min(M, 5) claims, not N x M findings; and an
article that only repeats a side already shown changes neither the
finding's claims nor its key, so an editor's ruling stays attached.

Work is per distinct text, not per claim: each detector reads only the
claims whose text passes its test (table.analysed, run once per distinct
text), and the case-insensitive patterns run on lower-cased text
(fastre.py).  `claims` may be a list of ClaimViews or a ClaimTable.
"""
from __future__ import annotations

from typing import Sequence

from ..records import ClaimView, Finding
from .common import EMPTY, Context
from .denial import detect_denials
from .position import detect_positions
from .share import detect_shares
from .value import detect_values



def detect_disputes(claims, context=None):
    """contradict/disputes.py (imported on use: it reads provenance.assertions, which reads this package's lexicon)."""
    from .disputes import detect_disputes as run
    return run(claims, context)


FACTUAL_KINDS = ("value", "share", "control", "state", "denial")
KINDS = FACTUAL_KINDS + ("position",)
# order = priority when two detectors report the same set of claims
DETECTORS = (
    ("dispute", detect_disputes),
    ("share", detect_shares),
    ("value", detect_values),
    ("denial", detect_denials),
    ("position", detect_positions),
)

__all__ = ["detect", "DETECTORS", "KINDS", "FACTUAL_KINDS", "Context"]


def detect(claims: Sequence[ClaimView], context: Context | None = None) -> list[Finding]:
    """All findings, one per set of claims (the higher-priority kind wins;
    the others are named in extra['also']).  `context` gives the detectors
    the article texts, claim offsets and plan-point values when known."""
    ctx = context or EMPTY
    by_set: dict[frozenset, Finding] = {}
    order: list[frozenset] = []
    for _name, fn in DETECTORS:
        for f in fn(claims, ctx):
            key = frozenset(f.claims)
            if len(key) < 2:
                continue
            if key in by_set:
                by_set[key].extra.setdefault("also", []).append(f.detector)
                continue
            by_set[key] = f
            order.append(key)
    # a finding whose claims all stand in a dispute finding adds nothing to it
    disputes = [k for k in order if by_set[k].detector.startswith("dispute.")]
    return [by_set[k] for k in order
            if by_set[k].detector.startswith("dispute.") or not any(k <= d for d in disputes)]
