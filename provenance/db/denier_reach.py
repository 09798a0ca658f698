"""Which stored denying statements a new claim can change (detection after an ingest).

A denial is linked to the statements of the source it names (or, naming
none, sharing its rare words) that score best against it
(contradict/denial.py: shared words, places, topics; one more in its own
article).  A new claim the denial reaches changes its finding only if it
scores at least the denial's minimum and at least the best score of the
statements it is linked to now, less one; or if it changes which words are
rare enough to reach by (a word's count passes the limit), or gives a name
token its first statement (the party no longer stands for the name).

Most new claims only add targets: a restatement, in a new article, of what
a denial already points at ties its best score.  Then the stored findings
stay, and only the new claims are compared with the denying statement,
under the best scores its claims had (stored with their analysis).
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..contradict.blocks import denier_key, reached_by
from ..contradict.denial import _rules, _words, denials_in
from .claim_analysis import A, B, COMMON_WORD_LIMIT, _chunks
from .contradictions_store import claim_table_uids
from .models import Claim, Contradiction, ContradictionClaim, Speaker


def reached_deniers(session: Session, table, real: list[int], fresh: set[int], keys: dict[int, set[str]],
                    counts_before: dict[str, int], counts_after: dict[str, int],
                    tokens_before: dict[str, int]) -> tuple[set[str], dict[str, set[int]]]:
    """The stored denying statements the new claims (table claims with their
    keys; `fresh`, the stored ids of those never analysed before) can change:
    (keys of those to compare again against all they reach, {key: the stored
    ids of the fresh claims to add} for those that only gain targets).

    A denying statement only gains targets when it makes one denial, each
    of its claims has its best score stored, and every new claim it reaches
    scoring high enough is fresh, scores no more than the statement's best
    stored target and says nothing an older claim said (else it would
    change a stored finding's count): its stored findings stay as they are,
    and the new claims scoring the best give findings of their own."""
    by_reach: dict[str, set[int]] = defaultdict(set)  # r..: key -> new table claims reached through it
    for tid, ks in keys.items():
        for k in ks:
            r = reached_by(k)
            if r:
                by_reach[r].add(tid)
    if not by_reach:
        return set(), {}
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
    claims_of: dict[str, list[int]] = defaultdict(list)  # statement key -> its stored claim ids
    articles: dict[str, set[int]] = defaultdict(set)  # statement key -> the articles of its claims
    reached: dict[str, set[int]] = defaultdict(set)
    for i, cid in enumerate(dreal):
        d = dtable[i]
        key = denier_key(d.text, d.speaker)
        statements.setdefault(key, d)
        claims_of[key].append(cid)
        articles[key].add(d.source_id)
        for k in denier_reach[cid]:
            if k in always:
                out.add(key)
            reached[key].update(by_reach[k])
    best = _best_now(session, statements)
    stored = _stored_bests(session, [c for k, cs in claims_of.items() if k not in out for c in cs])
    _, min_named, min_unnamed = _rules()
    gained: dict[str, set[int]] = {}
    said_before = _said_before(session, table, real, fresh)
    for key, d in statements.items():
        if key in out:
            continue
        ds = denials_in(d.text)
        named = any(name for name, _c, _w in ds)
        top = best.get(key, 0)
        # a statement making two denials has a best score for each: any new claim scoring its minimum may count
        need = max(min_named if named else min_unnamed, top - 1 if len(ds) == 1 else 0)
        hits = []
        for tid in reached[key]:
            c = table[tid - 1]
            if c.text == d.text or (c.speaker and c.speaker == d.speaker):
                continue
            w = _words((d.text, d.topics), (c.text, c.topics))
            if w >= need:
                hits.append((w, tid))
        if not hits:
            continue
        adds = len(ds) == 1 and top > 0 and all(stored.get(c) is not None for c in claims_of[key]) and all(
            w <= top and real[tid - 1] in fresh and table[tid - 1].source_id not in articles[key]
            and not (w == top and tid in said_before) for w, tid in hits)
        if not adds:
            out.add(key)
        else:
            new = {real[tid - 1] for w, tid in hits if w == top}
            if new:
                gained[key] = new
    return out, gained


def _stored_bests(session: Session, ids: list[int]) -> dict[int, list[int] | None]:
    """Stored claim id -> the best scores its denials had at the last detection (None: not stored)."""
    out: dict[int, list[int] | None] = {}
    for part in _chunks(sorted(ids)):
        for cid, data in session.execute(select(A.c.claim_id, A.c.data).where(A.c.claim_id.in_(part))):
            out[cid] = (data or {}).get("nb")
    return out


def _said_before(session: Session, table, real: list[int], fresh: set[int]) -> set[int]:
    """The fresh table claims whose words and speaker an older claim has (they join its statement)."""
    mine = {i + 1: (table[i].text, table[i].speaker) for i in range(len(real)) if real[i] in fresh}
    old: set[tuple] = set()
    texts = sorted({t for t, _s in mine.values()})
    for part in _chunks(texts):
        q = (select(Claim.id, Claim.text, Speaker.name).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
             .where(Claim.text.in_(part)))
        old.update((text, name) for cid, text, name in session.execute(q) if cid not in fresh)
    return {tid for tid, st in mine.items() if st in old}


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
