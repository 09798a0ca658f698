"""Detection, full or after an ingest (only the new claims and their blocks).

Full: every claim is analysed (the detectors run over the whole store);
each claim's block keys (contradict/blocks.py) and what the dispute
detector read from it in its article (its speaker's side, its assertions)
are stored, with the inputs that analysis depends on: the names learned
from every article (each article's names are stored once) and the subjects
each quantity type has in the store.

After an ingest: the claims with no stored analysis are the new ones.  When
the learned names or the quantity subjects they bring change what the old
claims' analysis would be, detection is full.  Otherwise the new claims are
analysed (with their articles), their keys stored, and the blocks they
touch found through the key index: their own blocks, and the denying
statements that reach them (by a speaker name token, party or content
word).  The detectors run on the claims of those blocks only (with the
store-wide word counts and subjects), disputes from the stored assertions,
the other detectors from the claims' stored readings, and only the findings
made in a touched block are kept; stored findings of those blocks are
updated or removed (rulings kept, as in a full run).  A denying statement
that the new claims only give more targets keeps its stored findings and is
compared with those claims only (db/denier_reach.py, db/denial_gains.py).
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..contradict import _detect, readings
from ..contradict.blocks import _k, claim_keys, finding_block, is_block, subjects_of
from ..contradict.disputes import findings_of, read_entries
from ..contradict.learned import learned_key
from ..contradict.lexicon import content_words
from . import denial_gains
from .claim_analysis import (
    A, W, _add_counts, _claims_with, _counts, _digest, _keys_of, _learned, _mentioning, _names, _pending, _rare,
    _set_state, _single, _state, _store_analysis, _store_bests, _stored_subjects, _subjects, _word_counts,
)
from .contradictions_store import _chunks, _real_ids, _upsert, claim_table_uids, detection_context
from .denier_reach import reached_deniers
from .models import Claim, Contradiction, ContradictionClaim
from .touched_blocks import detectors, not_covered, scope_findings


# -- full ---------------------------------------------------------------------------
def detect_full(session: Session, step=None) -> dict:
    """Every claim analysed and compared; the analysis stored."""
    learned = _learned(session)
    table, real, uids = claim_table_uids(session)
    ctx = detection_context(session, table)
    bests: dict[int, list[int]] = {}
    ctx.store["denial_best"] = bests  # each denying claim's best score, stored with its analysis
    got: list = []

    def disputes(claims, c):
        entries, sides = read_entries(claims, c)
        got.append((entries, sides))
        return findings_of(entries, sides, claims)

    with learned_key(learned):
        findings = _detect(table, ctx, step, detectors(disputes))
        subjects = subjects_of(table)
        entries, sides = got[0]
        keys = claim_keys(table, entries, lambda t: uids[t - 1], _subjects(subjects), ctx)
        rd = readings.of_table(table)
    for f in findings:
        f.extra["block_key"] = finding_block(f, lambda t: uids[t - 1])
    counts = dict(table.counted(content_words)) if hasattr(table, "counted") else {}
    session.execute(delete(W))
    rows = [{"word": w, "n": n} for w, n in counts.items()]
    for part in _chunks(rows, 5000):
        session.execute(insert(W), part)
    _store_analysis(session, table, real, uids, entries, sides, keys, True, _rare(counts), bests, rd)
    _set_state(session, {"learned": _digest(learned)})
    del table
    stats = _upsert(session, _real_ids(findings, real))
    stats["scope"] = "full"
    stats["gained"] = 0
    return stats


# -- after an ingest ----------------------------------------------------------------
def detect_new(session: Session, step=None) -> dict:
    """Only the claims stored since the last detection, and their blocks."""
    state = _state(session)
    new = list(session.execute(select(Claim.id).outerjoin(A, A.c.claim_id == Claim.id)
                               .where(A.c.claim_id.is_(None))).scalars())
    if "learned" not in state:
        return detect_full(session, step)
    pending = _pending(session)
    before: list = []
    learned = _learned(session, before)
    if _digest(before[0]) != state["learned"]:
        return detect_full(session, step)  # the stored analysis was made under other names
    new_ids = list(new)
    if learned != before[0]:  # names the new articles teach: the old articles naming them are read again
        new = sorted(set(new) | _mentioning(session, _names(learned) ^ _names(before[0])))
    if not new and not pending:
        return {"found": 0, "added": 0, "updated": 0, "removed": 0, "kept_ruled": 0, "gained": 0, "scope": "new:0"}
    if not new:
        _set_state(session, {"learned": _digest(learned)})
        stats = _detect_scope(session, pending, learned, _stored_subjects(session), step)
        stats["scope"] = "new:0"
        return stats
    sources = set()
    for part in _chunks(new):
        sources.update(session.execute(select(Claim.source_id).where(Claim.id.in_(part))).scalars())
    article_ids = set()
    for part in _chunks(sorted(sources)):
        article_ids.update(session.execute(select(Claim.id).where(Claim.source_id.in_(part))).scalars())
    table, real, uids = claim_table_uids(session, article_ids)
    ctx = detection_context(session, table)
    with learned_key(learned):
        old_subjects = _stored_subjects(session)
        subjects = old_subjects | subjects_of(table)
        was, now = _single(old_subjects), _single(subjects)
        moved = {t for t in set(was) | set(now) if was.get(t) != now.get(t)}
        if moved:  # claims naming no subject of these types go elsewhere now: read again
            again = _claims_with(session, {_k("vq:", t) for t in moved}) - set(real)
            if again:
                table, real, uids = claim_table_uids(session, set(real) | again)
                ctx = detection_context(session, table)
        entries, sides = read_entries(table, ctx)
        keys = claim_keys(table, entries, lambda t: uids[t - 1], _subjects(subjects), ctx)
        rd = readings.of_table(table)
    old_keys = {k for ks in _keys_of(session, real, "", "\uffff").values() for k in ks}
    fresh = set(new_ids)  # claims never counted (a claim read again keeps its words)
    delta: dict[str, int] = defaultdict(int)
    for i, cid in enumerate(real):
        if cid in fresh:
            for w in content_words(table.texts[table._text[i]]):
                delta[w] += 1
    counts_before = _word_counts(session, delta)
    counts = _add_counts(session, delta)
    tokens = {k for ks in keys.values() for k in ks if k.startswith("ct:")}
    tokens_before = {k[3:]: n for k, n in _counts(session, tokens).items()}
    tokens_before.update({k[3:]: 0 for k in tokens if k[3:] not in tokens_before})
    counts.update(_word_counts(session, {k[3:] for ks in keys.values() for k in ks
                                         if k.startswith("cw:") and k[3:] not in counts}))
    _store_analysis(session, table, real, uids, entries, sides, keys, False, _rare(counts), None, rd)
    new_keys = {k for ks in keys.values() for k in ks}
    touched = {k for k in new_keys | old_keys if is_block(k)} | pending  # blocks a claim read again leaves, too
    # denying statements a new claim can change (it reaches them and scores high enough)
    again, gained = reached_deniers(session, table, real, fresh, keys, counts_before, counts, tokens_before)
    touched |= again
    gained = {k: v for k, v in gained.items() if k not in touched}
    _set_state(session, {"learned": _digest(learned)})
    stats = _detect_scope(session, touched, learned, subjects, step, gained)
    stats["scope"] = f"new:{len(new)}"
    return stats


def _detect_scope(session: Session, touched: set[str], learned, subjects, step, gained=None) -> dict:
    """Run the detectors on the claims of the touched blocks; keep their
    findings.  A dispute finding drops the findings of other kinds whose
    claims all stand in it: the blocks of its claims (those of the stored
    dispute findings of the touched blocks, and of those found) are compared
    too, so such a finding goes or comes back as in a full run.  `gained`:
    denying statements that only gain targets (db/denier_reach.py) -> the
    new claims to compare them with; their stored findings stay, and only
    findings holding one of those claims are added."""
    gained = dict(gained or {})
    # the dispute findings first (from stored assertions: cheap), to know the blocks around them
    disputes = {k for k in touched if k.startswith("d:")}
    pre, pre_real, _u, _b = scope_findings(session, disputes, learned, subjects, None, {})
    members = {pre_real[c - 1] for f in pre if f.detector.startswith("dispute.") for c in f.claims}
    C, M = Contradiction.__table__, ContradictionClaim.__table__
    for part in _chunks(sorted(disputes)):
        members.update(session.execute(select(M.c.claim_id).join(C, C.c.id == M.c.contradiction_id)
                                       .where(C.c.block.in_(part))).scalars())
    near = {k for ks in _keys_of(session, members, "", "\uffff").values() for k in ks
            if is_block(k) and not k.startswith("d:")}
    for k in denial_gains.changing(session, near & set(gained), pre, pre_real, touched):
        del gained[k]  # a dispute finding around it changes: compared again in full
    touched = touched | (near - set(gained))
    findings, real, uids, bests = scope_findings(session, touched, learned, subjects, step, gained)
    stale = denial_gains.covered(session, near & set(gained), findings, real)
    findings = not_covered(session, findings, touched, real)
    out = []
    for f in findings:
        block = f.extra["block_key"] = finding_block(f, lambda t: uids[t - 1])
        if block in gained and not any(real[c - 1] in gained[block] for c in f.claims):
            continue  # a stored finding of a statement that only gains targets: unchanged
        out.append(f)
    _store_bests(session, {real[t - 1]: nb for t, nb in bests.items()})
    stats = _upsert(session, _real_ids(out, real), touched, stale)
    stats["gained"] = len(gained)  # denying statements compared with the new claims only
    return stats
