"""The detectors over the claims of the touched blocks (detection after an ingest).

Each detector reads the claims of its own touched blocks (a table of its
own), the denial detector also what the touched denying statements reach;
disputes come from the stored assertions and the other detectors from the
claims' stored readings.  Only findings made in a touched block (or of a
denying statement that gains targets) are kept.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..contradict import DETECTORS, _detect, readings
from ..contradict.blocks import finding_block, reaches
from ..contradict.common import Context
from ..contradict.disputes import findings_of
from ..contradict.learned import learned_key
from ..contradict.table import ClaimTable
from .claim_analysis import (COMMON_WORD_LIMIT, A, B, _claims_by_key, _claims_with, _counts, _entry, _keys_of,
                             _subjects, _word_counts)
from .contradictions_store import _chunks, claim_table_uids, detection_context
from .denier_reach import _stored_bests
from .models import Contradiction, ContradictionClaim


def detectors(dispute_fn):
    """The detectors in their order, disputes through dispute_fn."""
    return (("dispute", dispute_fn),) + tuple(d for d in DETECTORS if d[0] != "dispute")


def scope_findings(session: Session, touched: set[str], learned, subjects, step, gained):
    """The findings of the touched blocks and of the statements that gain
    targets (over a table of the claims they need), the table's stored ids
    and uids, and the best scores of the touched denying statements' claims."""
    own: dict[str, set[int]] = defaultdict(set)  # detector -> the claims of its touched blocks
    for part in _chunks(sorted(touched)):
        for cid, k in session.execute(select(B.c.claim_id, B.c.key).where(B.c.key.in_(part))):
            own[_DETECTOR_OF.get(k[:2], "denial")].add(cid)
    scope = set().union(*own.values())
    # what the touched denying statements reach
    deniers = _claims_with(session, {k for k in touched if k.startswith("n:")})
    reach = _keys_of(session, deniers, "r", "s")
    words = {k for ks in reach.values() for k in ks if k.startswith("rw:")}
    count = {"cw:" + w: n for w, n in _word_counts(session, {k[3:] for k in words}).items()}
    tokens = {k for ks in reach.values() for k in ks if k.startswith("rt:")}
    tcount = _counts(session, {reaches(k) for k in tokens})
    wanted = set()
    for ks in reach.values():
        for k in ks:
            c = reaches(k)
            if k.startswith("rt:") or (k.startswith("rw:") and count.get(c, 0) <= COMMON_WORD_LIMIT):
                wanted.add(c)
            elif k.startswith("rp:") and not any(tcount.get(reaches(t)) for t in ks if t.startswith("rt:")):
                wanted.add(c)
    own["denial"] |= _claims_with(session, wanted)
    # a statement that only gains targets: its claims, the new claims, and its claims' stored best scores
    claims_of = _claims_by_key(session, set(gained))
    gaining = set().union(*claims_of.values())
    own["denial"] |= gaining | set().union(*gained.values())
    scope |= own["denial"]
    table, real, uids = claim_table_uids(session, scope)
    tid_of = {u: i + 1 for i, u in enumerate(uids)}
    # disputes from the stored assertions of the touched blocks
    entries, sides = [], {}
    by_real = {r: i + 1 for i, r in enumerate(real)}
    stored: dict[int, dict] = {}  # table id -> the claim's stored analysis (the readings of those compared)
    for part in _chunks(sorted(own["dispute"] | own["value"] | own["share"] | own["position"])):
        stored.update((by_real[cid], data) for cid, data in
                      session.execute(select(A.c.claim_id, A.c.data).where(A.c.claim_id.in_(part))) if data)
    for cid in sorted(own["dispute"]):
        tid = by_real[cid]
        data = stored.get(tid)
        if data and ("side" in data or "d" in data):
            sides[tid] = data.get("side")
            for row in data.get("d", ()):
                a = _entry(row, tid_of)
                if a is not None:
                    entries.append((tid, data.get("side"), a))
    views = {tid: table[tid - 1] for tid in {t for t, _s, _a in entries}}
    entries = [(views[t], s, a) for t, s, a in entries]
    uid_of = lambda t: uids[t - 1]  # noqa: E731
    wc = {reaches(k)[3:]: count.get(reaches(k), 0) for k in words}

    subsets = {name: _subset(table, sorted(by_real[c] - 1 for c in ids)) for name, ids in own.items()}
    empty = _subset(table, [])

    blocks = touched | set(gained)

    def kept(name, fn):
        def run(_claims, c):  # each detector reads the claims of its own touched blocks only
            return [f for f in fn(subsets.get(name, empty), c) if finding_block(f, uid_of) in blocks]
        return run

    floor = {by_real[c]: nb for c, nb in _stored_bests(session, gaining).items() if nb}
    only: dict[int, set[int]] = {}  # a gaining statement's claims are compared with its new claims only
    for key, new in gained.items():
        for c in claims_of.get(key, ()):
            only[by_real[c]] = {by_real[n] for n in new}
    bests: dict[int, list[int]] = {}
    ctx = Context(texts=detection_context(session, table).texts, starts=table.starts,
                  store={"subjects": _subjects(subjects), "word_count": lambda w: wc.get(w, 0),
                         "denial_best": bests, "denial_floor": floor, "denial_only": only})
    dets = tuple((n, kept(n, fn)) for n, fn in detectors(lambda claims, c: findings_of(entries, sides, claims)))
    with learned_key(learned):
        for name in ("value", "share", "position"):  # the stored readings, not the texts read again
            if name in subsets:
                readings.fill(subsets[name], stored)
        findings = _detect(table, ctx, step, dets)
    # the touched denying statements were compared with all they reach: their best scores are the store's
    return findings, real, uids, {t: nb for t, nb in bests.items() if real[t - 1] in deniers}


_DETECTOR_OF = {"d:": "dispute", "s:": "share", "v:": "value", "p:": "position"}  # n:, a: the denial detector


def _subset(table: ClaimTable, idxs: list[int]) -> ClaimTable:
    """The table's claims at these positions (same ids), as a table of their own."""
    out = ClaimTable()
    out._meta = table._meta
    views = [table.view(i) for i in idxs]
    out.extend_columns([v.id for v in views], [v.source_id for v in views], [table.starts_col[i] for i in idxs],
                       [v.text for v in views], [(v.speaker, v.speaker_type) for v in views],
                       [v.topics for v in views], [v.points for v in views])
    return out.done()


def not_covered(session: Session, findings, touched: set[str], real) -> list:
    """Drop a finding whose claims all stand in a stored dispute finding of
    an untouched block (as a full run drops it)."""
    C, M = Contradiction.__table__, ContradictionClaim.__table__
    ids = {real[c - 1] for f in findings if not f.detector.startswith("dispute.") for c in f.claims}
    held: dict[int, set[int]] = defaultdict(set)  # claim -> dispute findings of untouched blocks holding it
    for part in _chunks(sorted(ids)):
        for claim_id, cid, block in session.execute(
                select(M.c.claim_id, C.c.id, C.c.block).join(C, C.c.id == M.c.contradiction_id)
                .where(M.c.claim_id.in_(part), C.c.detector.like("dispute.%"))):
            if block not in touched:
                held[claim_id].add(cid)
    out = []
    for f in findings:
        if not f.detector.startswith("dispute."):
            sets = [held.get(real[c - 1], set()) for c in f.claims]
            if sets and set.intersection(*sets):
                continue
        out.append(f)
    return out
