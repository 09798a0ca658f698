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
and only the findings made in a touched block are kept; stored findings of
those blocks are updated or removed (rulings kept, as in a full run).
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..assertions.model import Assertion
from ..contradict import DETECTORS, _detect
from ..contradict.blocks import (
    _k, claim_keys, finding_block, is_block, reached_by, reaches, subjects_of,
)
from ..contradict.disputes import findings_of, read_entries
from ..contradict.learned import article_names, learned_key, merge
from ..contradict.common import Context
from .contradictions_store import (
    _chunks, _real_ids, _upsert, claim_table_uids, detection_context,
)
from ..contradict.lexicon import content_words
from .models import (
    Claim, ClaimAnalysis, ClaimBlock, Contradiction, ContradictionClaim, DetectionState, Source, WordCount,
)

COMMON_WORD_LIMIT = 50  # as contradict/denial.py: a word in more claims does not reach candidates
B = ClaimBlock.__table__
A = ClaimAnalysis.__table__
S = DetectionState.__table__
W = WordCount.__table__


# -- stored inputs ------------------------------------------------------------
def _state(session: Session) -> dict[str, str]:
    return dict(session.execute(select(S.c.name, S.c.value).where(~S.c.name.like("names:%"),
                                                                    ~S.c.name.like("touch:%"))).all())


def _set_state(session: Session, values: dict[str, str]) -> None:
    session.execute(delete(S).where(S.c.name.in_(list(values))))
    session.execute(insert(S), [{"name": k, "value": v} for k, v in values.items()])


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=list).encode("utf-8")).hexdigest()


def _learned(session: Session, before: list | None = None):
    """The names learned from every article with claims (each article's
    names read once and stored): the key detection runs under.  `before`,
    if given, receives the key of the articles whose names were stored already."""
    stored = {int(n[6:]): v for n, v in session.execute(select(S.c.name, S.c.value).where(S.c.name.like("names:%")))}
    with_claims = set(session.execute(select(Claim.source_id).distinct()).scalars())
    missing = sorted(with_claims - set(stored))
    rows = []
    for part in _chunks(missing):
        for sid, text in session.execute(select(Source.id, Source.text).where(Source.id.in_(part))):
            if not text:  # as contradict.learned.article_texts: the article's claims joined
                text = " ".join(session.execute(select(Claim.text).where(Claim.source_id == sid)
                                                .order_by(Claim.id)).scalars())
            names = article_names(text) if text else ((), ())
            stored[sid] = json.dumps(names)
            rows.append({"name": f"names:{sid}", "value": stored[sid]})
    if rows:
        session.execute(insert(S), rows)

    def tup(x):
        return tuple(tup(i) for i in x) if isinstance(x, list) else x

    if before is not None:
        before.append(merge(tup(json.loads(stored[sid])) for sid in sorted(with_claims) if sid not in missing))
    return merge(tup(json.loads(stored[sid])) for sid in sorted(with_claims))


def _names(key) -> set[str]:
    """Every name a learned key holds (places, parties and their aliases)."""
    if not key:
        return set()
    places, parties = key
    return {n for n, _k in places} | {a for p, al in parties for a in (p, *al)}


def _mentioning(session: Session, names: set[str]) -> set[int]:
    """The claims of the articles whose text mentions one of the names."""
    out: set[int] = set()
    for name in sorted(names):
        sids = session.execute(select(Source.id).where(Source.text.contains(name, autoescape=True))).scalars()
        for part in _chunks(sorted(set(sids))):
            out.update(session.execute(select(Claim.id).where(Claim.source_id.in_(part))).scalars())
    return out


def _subjects(pairs) -> dict[str, set]:
    out: dict[str, set] = {}
    for t, s in pairs:
        out.setdefault(t, set()).add(s)
    return out


def _single(pairs) -> dict[str, str | None]:
    """quantity type -> its one subject (where a claim naming none goes), None when several."""
    return {t: next(iter(s)) if len(s) == 1 else None for t, s in _subjects(pairs).items()}


def _stored_subjects(session: Session) -> set[tuple[str, str]]:
    keys = session.execute(select(B.c.key).where(B.c.key >= "vs:", B.c.key < "vs;").distinct()).scalars()
    return {tuple(k[3:].split("\x1f", 1)) for k in keys}


def forget(session: Session, claim_ids) -> None:
    """Claims about to be changed or removed (re-extraction): their stored
    analysis is dropped (a claim kept is analysed again as a new one) and the
    blocks they were in are compared again at the next detection."""
    keys = {k for ks in _keys_of(session, claim_ids, "", "\uffff").values() for k in ks if is_block(k)}
    have = set(session.execute(select(S.c.name).where(S.c.name.like("touch:%"))).scalars())
    rows = [{"name": n, "value": k} for k in sorted(keys)
            for n in ["touch:" + hashlib.sha1(k.encode("utf-8")).hexdigest()[:32]] if n not in have]
    if rows:
        session.execute(insert(S), rows)
    analysed = set()
    for part in _chunks(sorted(claim_ids)):
        analysed.update(session.execute(select(A.c.claim_id).where(A.c.claim_id.in_(part))).scalars())
        session.execute(delete(A).where(A.c.claim_id.in_(part)))
    delta: dict[str, int] = defaultdict(int)
    for part in _chunks(sorted(analysed)):  # their words are counted again when they are analysed again
        for text in session.execute(select(Claim.text).where(Claim.id.in_(part))).scalars():
            for w in content_words(text or ""):
                delta[w] -= 1
    if delta:
        _add_counts(session, delta)


def _pending(session: Session) -> set[str]:
    """The blocks re-extraction left to compare again (and forget them)."""
    keys = set(session.execute(select(S.c.value).where(S.c.name.like("touch:%"))).scalars())
    session.execute(delete(S).where(S.c.name.like("touch:%")))
    return keys


# -- claims' analysis -----------------------------------------------------------
def _entry_json(side, a: Assertion, uid_of) -> list:
    key = ["claim", uid_of(a.key[1])] if a.key[0] == "claim" else list(a.key)
    return [a.kind, key, a.holder, a.polarity, a.full, a.day, a.as_of, a.words, a.rule, a.says,
            uid_of(a.denies) if a.denies is not None else None]


def _entry(row: list, tid_of) -> Assertion | None:
    kind, key, holder, pol, full, day, as_of, words, rule, says, denies = row
    if key[0] == "claim":
        t = tid_of.get(key[1])
        if t is None:
            return None
        key = ["claim", t]
    return Assertion(kind, tuple(key), holder, pol, full, day, as_of, words, rule, says,
                     tid_of.get(denies) if denies is not None else None)


def _word_counts(session: Session, words) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in _chunks(sorted(words)):
        out.update(session.execute(select(W.c.word, W.c.n).where(W.c.word.in_(part))).all())
    return out


def _add_counts(session: Session, delta: dict[str, int]) -> dict[str, int]:
    """Add to the stored word counts; the counts of those words after."""
    now = _word_counts(session, delta)
    for w, k in delta.items():
        now[w] = now.get(w, 0) + k
    for part in _chunks(sorted(delta)):
        session.execute(delete(W).where(W.c.word.in_(part)))
    rows = [{"word": w, "n": n} for w, n in now.items() if n > 0 and w in delta]
    for part in _chunks(rows, 5000):
        session.execute(insert(W), part)
    return now


def _rare(counts: dict[str, int]):
    """Keep a claim's content-word key only while the word is in few enough claims to reach it."""
    def keep(k: str) -> bool:
        return not k.startswith("cw:") or counts.get(k[3:], 0) <= COMMON_WORD_LIMIT
    return keep


def _store_analysis(session: Session, table, real, uids, entries, sides, keys, replace_all: bool,
                    keep=lambda k: True) -> None:
    uid_of = lambda tid: uids[tid - 1]  # noqa: E731
    data: dict[int, dict] = {}
    for tid, side in sides.items():
        data.setdefault(tid, {})["side"] = side
    for cl, side, a in entries:
        data.setdefault(cl.id, {"side": side}).setdefault("d", []).append(_entry_json(side, a, uid_of))
    ids = [real[i] for i in range(len(real))]
    if replace_all:
        session.execute(delete(B))
        session.execute(delete(A))
    else:
        for part in _chunks(ids):
            session.execute(delete(B).where(B.c.claim_id.in_(part)))
            session.execute(delete(A).where(A.c.claim_id.in_(part)))
    arows = [{"claim_id": real[tid - 1], "data": data.get(tid)} for tid in range(1, len(real) + 1)]
    for part in _chunks(arows, 5000):
        session.execute(insert(A), part)
    brows = [{"claim_id": real[tid - 1], "key": k} for tid, ks in keys.items() for k in ks if keep(k)]
    for part in _chunks(brows, 20000):
        session.execute(insert(B), part)


def _detectors(dispute_fn):
    return (("dispute", dispute_fn),) + tuple(d for d in DETECTORS if d[0] != "dispute")


# -- full ---------------------------------------------------------------------------
def detect_full(session: Session, step=None) -> dict:
    """Every claim analysed and compared; the analysis stored."""
    learned = _learned(session)
    table, real, uids = claim_table_uids(session)
    ctx = detection_context(session, table)
    got: list = []

    def disputes(claims, c):
        entries, sides = read_entries(claims, c)
        got.append((entries, sides))
        return findings_of(entries, sides, claims)

    with learned_key(learned):
        findings = _detect(table, ctx, step, _detectors(disputes))
        subjects = subjects_of(table)
        entries, sides = got[0]
        keys = claim_keys(table, entries, lambda t: uids[t - 1], _subjects(subjects))
    for f in findings:
        f.extra["block_key"] = finding_block(f, lambda t: uids[t - 1])
    counts = dict(table.counted(content_words)) if hasattr(table, "counted") else {}
    session.execute(delete(W))
    rows = [{"word": w, "n": n} for w, n in counts.items()]
    for part in _chunks(rows, 5000):
        session.execute(insert(W), part)
    _store_analysis(session, table, real, uids, entries, sides, keys, True, _rare(counts))
    _set_state(session, {"learned": _digest(learned)})
    del table
    stats = _upsert(session, _real_ids(findings, real))
    stats["scope"] = "full"
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
        return {"found": 0, "added": 0, "updated": 0, "removed": 0, "kept_ruled": 0, "scope": "new:0"}
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
        keys = claim_keys(table, entries, lambda t: uids[t - 1], _subjects(subjects))
    old_keys = {k for ks in _keys_of(session, real, "", "\uffff").values() for k in ks}
    fresh = set(new_ids)  # claims never counted (a claim read again keeps its words)
    delta: dict[str, int] = defaultdict(int)
    for i, cid in enumerate(real):
        if cid in fresh:
            for w in content_words(table.texts[table._text[i]]):
                delta[w] += 1
    counts = _add_counts(session, delta)
    counts.update(_word_counts(session, {k[3:] for ks in keys.values() for k in ks
                                         if k.startswith("cw:") and k[3:] not in counts}))
    _store_analysis(session, table, real, uids, entries, sides, keys, False, _rare(counts))
    new_keys = {k for ks in keys.values() for k in ks}
    touched = {k for k in new_keys | old_keys if is_block(k)} | pending  # blocks a claim read again leaves, too
    reach = sorted({r for k in new_keys for r in [reached_by(k)] if r})
    for part in _chunks(reach):  # denying statements that reach a new claim
        deniers = set(session.execute(select(B.c.claim_id).where(B.c.key.in_(part))).scalars())
        for p2 in _chunks(sorted(deniers)):
            touched.update(session.execute(select(B.c.key).where(B.c.claim_id.in_(p2), B.c.key >= "n:",
                                                                 B.c.key < "n;")).scalars())
    _set_state(session, {"learned": _digest(learned)})
    stats = _detect_scope(session, touched, learned, subjects, step)
    stats["scope"] = f"new:{len(new)}"
    return stats


def _claims_with(session: Session, keys) -> set[int]:
    out: set[int] = set()
    for part in _chunks(sorted(keys)):
        out.update(session.execute(select(B.c.claim_id).where(B.c.key.in_(part))).scalars())
    return out


def _keys_of(session: Session, ids, lo: str, hi: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = defaultdict(set)
    for part in _chunks(sorted(ids)):
        for cid, k in session.execute(select(B.c.claim_id, B.c.key)
                                      .where(B.c.claim_id.in_(part), B.c.key >= lo, B.c.key < hi)):
            out[cid].add(k)
    return out


def _counts(session: Session, keys) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in _chunks(sorted(keys)):
        out.update(session.execute(select(B.c.key, func.count()).where(B.c.key.in_(part)).group_by(B.c.key)).all())
    return out


def _detect_scope(session: Session, touched: set[str], learned, subjects, step) -> dict:
    """Run the detectors on the claims of the touched blocks; keep their findings."""
    scope = _claims_with(session, touched)
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
    scope |= _claims_with(session, wanted)
    table, real, uids = claim_table_uids(session, scope)
    tid_of = {u: i + 1 for i, u in enumerate(uids)}
    # disputes from the stored assertions of the touched blocks
    entries, sides = [], {}
    by_real = {r: i + 1 for i, r in enumerate(real)}
    for part in _chunks(sorted(scope)):
        for cid, data in session.execute(select(A.c.claim_id, A.c.data).where(A.c.claim_id.in_(part))):
            if not data:
                continue
            tid = by_real[cid]
            sides[tid] = data.get("side")
            for row in data.get("d", ()):
                a = _entry(row, tid_of)
                if a is not None:
                    entries.append((tid, data.get("side"), a))
    views = {tid: table[tid - 1] for tid in {t for t, _s, _a in entries}}
    entries = [(views[t], s, a) for t, s, a in entries]
    uid_of = lambda t: uids[t - 1]  # noqa: E731
    wc = {reaches(k)[3:]: count.get(reaches(k), 0) for k in words}

    def kept(fn):
        def run(claims, c):
            return [f for f in fn(claims, c) if finding_block(f, uid_of) in touched]
        return run

    ctx = Context(texts=detection_context(session, table).texts, starts=table.starts,
                  store={"subjects": _subjects(subjects), "word_count": lambda w: wc.get(w, 0)})
    dets = tuple((n, kept(fn)) for n, fn in _detectors(lambda claims, c: findings_of(entries, sides, claims)))
    with learned_key(learned):
        findings = _detect(table, ctx, step, dets)
    findings = _not_covered(session, findings, touched, real)
    for f in findings:
        f.extra["block_key"] = finding_block(f, uid_of)
    return _upsert(session, _real_ids(findings, real), touched)


def _not_covered(session: Session, findings, touched: set[str], real) -> list:
    """Drop a finding whose claims all stand in a stored dispute finding of
    an untouched block (as a full run drops it)."""
    out = []
    C, M = Contradiction.__table__, ContradictionClaim.__table__
    for f in findings:
        if f.detector.startswith("dispute."):
            out.append(f)
            continue
        ids = [real[c - 1] for c in f.claims]
        q = (select(M.c.contradiction_id).join(C, C.c.id == M.c.contradiction_id)
             .where(M.c.claim_id.in_(ids), C.c.detector.like("dispute.%"))
             .group_by(M.c.contradiction_id).having(func.count() == len(set(ids))))
        holders = [cid for cid in session.execute(q).scalars()]
        if holders:
            blocks = set(session.execute(select(C.c.block).where(C.c.id.in_(holders))).scalars())
            if blocks - touched:
                continue
        out.append(f)
    return out
