"""Which stored denying statements a new claim can change (detection after an ingest).

A denial is linked to the statements of the source it names (or, naming
none, sharing its rare words) that score best against it
(contradict/denial.py: shared words, places, topics; one more in its own
article).  A new claim the denial reaches changes its finding only if it
scores at least the denial's minimum and at least the best score of the
statements it is linked to now, less one; or if it changes which words are
rare enough to reach by (a word's count passes the limit), or gives a name
token its first statement (the party no longer stands for the name).
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..contradict.blocks import denier_key, reached_by
from ..contradict.denial import _rules, _words, denials_in
from .claim_analysis import B, COMMON_WORD_LIMIT, _chunks
from .contradictions_store import claim_table_uids
from .models import Contradiction, ContradictionClaim


def reached_deniers(session: Session, table, keys: dict[int, set[str]], counts_before: dict[str, int],
                    counts_after: dict[str, int], tokens_before: dict[str, int]) -> set[str]:
    """The keys (n:...) of the stored denying statements the new claims
    (table claims with their keys) can change."""
    by_reach: dict[str, set[int]] = defaultdict(set)  # r..: key -> new table claims reached through it
    for tid, ks in keys.items():
        for k in ks:
            r = reached_by(k)
            if r:
                by_reach[r].add(tid)
    if not by_reach:
        return set()
    denier_reach: dict[int, set[str]] = defaultdict(set)
    for part in _chunks(sorted(by_reach)):
        for cid, k in session.execute(select(B.c.claim_id, B.c.key).where(B.c.key.in_(part))):
            denier_reach[cid].add(k)
    out: set[str] = set()
    always = {"rw:" + w for w, n in counts_after.items()
              if n > COMMON_WORD_LIMIT and counts_before.get(w, 0) <= COMMON_WORD_LIMIT}
    always |= {"rt:" + t for t, n in tokens_before.items() if n == 0}
    dtable, dreal, _ = claim_table_uids(session, set(denier_reach))
    statements: dict[str, tuple] = {}
    reached: dict[str, set[int]] = defaultdict(set)
    for i, cid in enumerate(dreal):
        d = dtable[i]
        key = denier_key(d.text, d.speaker)
        statements.setdefault(key, d)
        for k in denier_reach[cid]:
            if k in always:
                out.add(key)
            reached[key].update(by_reach[k])
    best = _best_now(session, statements)
    _, min_named, min_unnamed = _rules()
    for key, d in statements.items():
        if key in out:
            continue
        named = any(name for name, _c, _w in denials_in(d.text))
        need = max(min_named if named else min_unnamed, best.get(key, 0) - 1)
        for tid in reached[key]:
            c = table[tid - 1]
            if c.text == d.text or (c.speaker and c.speaker == d.speaker):
                continue
            if _words((d.text, d.topics), (c.text, c.topics)) >= need:
                out.add(key)
                break
    return out


def _best_now(session: Session, statements: dict[str, object]) -> dict[str, int]:
    """Denying statement key -> the best score of the statements its stored findings link it to."""
    C, M = Contradiction.__table__, ContradictionClaim.__table__
    members: dict[str, set[int]] = defaultdict(set)
    for part in _chunks(sorted(statements)):
        for block, cid in session.execute(select(C.c.block, M.c.claim_id).join(M, M.c.contradiction_id == C.c.id)
                                          .where(C.c.block.in_(part), C.c.detector == "denial.explicit")):
            members[block].add(cid)
    if not members:
        return {}
    t, real, _ = claim_table_uids(session, set().union(*members.values()))
    index = {r: i for i, r in enumerate(real)}
    out: dict[str, int] = {}
    for key, ids in members.items():
        d = statements[key]
        for cid in ids:
            c = t[index[cid]]
            if c.text == d.text and c.speaker == d.speaker:
                continue  # the denying statement's own claims
            out[key] = max(out.get(key, 0), _words((d.text, d.topics), (c.text, c.topics)))
    return out
