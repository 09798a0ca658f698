"""Contradiction detection: pure functions over ClaimView records.

The flow: claims -> assertions (provenance/assertions: control, states and
events, denials, with their dates) -> blocks (disputes.py: by the place,
state or claim an assertion is about) -> comparison (compare.py) ->
findings with sides.  Quantities and allocations are read and compared by
value.py / quantities.py and share.py; explicit denials of a named source
that no assertion covers by denial.py; opposing positions by position.py.

`detect(claims)` runs every detector and returns deduplicated Findings: a
finding whose claims all stand in a dispute finding is dropped.  Each
detector blocks its claims so no detector compares all pairs.

One finding per distinct disagreement, not per pair of articles repeating
it.  Claims that say the same thing form one group (one side); a finding
shows each group by a bounded number of its claims, those of lowest id,
and counts the others ('(+12 more)').  The store numbers claims in uid
order before detection, so 'lowest id' is lowest uid: the same claims give
the same findings whatever order they were stored in.

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
from .learned import article_texts, learned_names
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


def detect(claims: Sequence[ClaimView], context: Context | None = None, step=None) -> list[Finding]:
    """All findings, one per set of claims (the higher-priority kind wins;
    the others are named in extra['also']).  `context` gives the detectors
    the article texts, claim offsets and plan-point values when known;
    `step(1)`, if given, is called as each of the len(DETECTORS) detectors ends."""
    ctx = context or EMPTY
    with learned_names(article_texts(claims, ctx)):
        return _detect(claims, ctx, step)


def _detect(claims, ctx: Context, step=None, detectors=DETECTORS) -> list[Finding]:
    by_set: dict[frozenset, Finding] = {}
    order: list[frozenset] = []
    for _name, fn in detectors:
        for f in fn(claims, ctx):
            key = frozenset(f.claims)
            if len(key) < 2:
                continue
            if key in by_set:
                by_set[key].extra.setdefault("also", []).append(f.detector)
                continue
            by_set[key] = f
            order.append(key)
        if step is not None:
            step(1)
    # a finding whose claims all stand in a dispute finding adds nothing to it
    disputes = [k for k in order if by_set[k].detector.startswith("dispute.")]
    return [by_set[k] for k in order
            if by_set[k].detector.startswith("dispute.") or not any(k <= d for d in disputes)]
