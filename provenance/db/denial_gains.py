"""Denying statements that only gain targets after an ingest, and the dispute findings around them.

A full run drops a finding whose claims all stand in a dispute finding
(contradict/__init__.py).  When a denying statement only gains targets
(db/denier_reach.py), its stored findings are kept without being made
again, so what the dispute findings of this run change about them is
decided here: a stored finding now inside a dispute finding goes; a dispute
finding holding one of its claims that is removed or changes members could
let a finding the statement never stored come back, so such a statement is
compared again in full instead.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from .claim_analysis import _claims_by_key
from .contradictions_store import _chunks
from .models import Contradiction, ContradictionClaim

C, M = Contradiction.__table__, ContradictionClaim.__table__


def _dispute_sets(findings, real) -> list[frozenset[int]]:
    return [frozenset(real[c - 1] for c in f.claims) for f in findings if f.detector.startswith("dispute.")]


def _stored_members(session: Session, where) -> dict[int, tuple[str, frozenset[int]]]:
    """Stored finding id -> (its block, its claims), for the findings `where` selects."""
    ids: dict[int, str] = dict(session.execute(select(C.c.id, C.c.block).where(where)).all())
    held: dict[int, set[int]] = defaultdict(set)
    for part in _chunks(sorted(ids)):
        for cid, claim in session.execute(select(M.c.contradiction_id, M.c.claim_id)
                                          .where(M.c.contradiction_id.in_(part))):
            held[cid].add(claim)
    return {i: (b, frozenset(held[i])) for i, b in ids.items()}


def changing(session: Session, keys: set[str], findings, real, touched: set[str]) -> set[str]:
    """Of these gaining statements, those a stored dispute finding of a
    touched block holding one of their claims is not made again (same
    claims) by this run: they are compared again in full."""
    if not keys:
        return set()
    now = set(_dispute_sets(findings, real))
    owners: dict[int, set[str]] = defaultdict(set)  # claim -> the gaining statements it is a claim of
    for key, claims in _claims_by_key(session, keys).items():
        for c in claims:
            owners[c].add(key)
    holding: dict[int, set[str]] = defaultdict(set)  # stored dispute finding -> gaining statements in it
    for part in _chunks(sorted(owners)):
        for fid, claim in session.execute(select(C.c.id, M.c.claim_id).join(M, M.c.contradiction_id == C.c.id)
                                          .where(M.c.claim_id.in_(part), C.c.detector.like("dispute.%"))):
            holding[fid] |= owners[claim]
    out: set[str] = set()
    for part in _chunks(sorted(holding)):
        for fid, (block, held) in _stored_members(session, C.c.id.in_(part)).items():
            if block in touched and held not in now:
                out |= holding[fid]
    return out


def covered(session: Session, keys: set[str], findings, real) -> list[int]:
    """The stored findings of these gaining statements that now stand inside
    a dispute finding of this run (they go, as in a full run, unless ruled on)."""
    sets = _dispute_sets(findings, real)
    if not keys or not sets:
        return []
    out = []
    for part in _chunks(sorted(keys)):
        stored = _stored_members(session, C.c.block.in_(part) & (C.c.detector == "denial.explicit"))
        out.extend(i for i, (_b, held) in stored.items() if any(held <= s for s in sets))
    return out
