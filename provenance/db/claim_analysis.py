"""What detection stores per claim and per store (migration 0008), and the lookups on it.

Per claim: its block keys (claim_blocks, indexed by key) and, in
claim_analysis (JSON): what the dispute detector read from it in its article
(its speaker's side and its assertions, a denied claim named by uid: 'side',
'd'), its readings for the other detectors ('rd', contradict/readings.py) and,
for a denying claim, the best score of each of its denials ('nb',
db/denier_reach.py).  Per
store (detection_state): each article's learned names ('names:ID'), the
digest of the names detection last ran under ('learned'), blocks that
re-extraction left to compare again ('touch:...'); word_counts: the claims
holding each content word (claims are posted under a word only while it is
in at most COMMON_WORD_LIMIT claims, as a denial naming no source reaches
no further).
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from ..assertions.model import Assertion
from ..contradict.blocks import is_block
from ..contradict.learned import article_names, merge
from ..contradict.lexicon import content_words
from .contradictions_store import _chunks
from .models import ClaimAnalysis, ClaimBlock, Claim, DetectionState, Source, WordCount

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
                    keep=lambda k: True, bests=None, rd=None) -> None:
    uid_of = lambda tid: uids[tid - 1]  # noqa: E731
    data: dict[int, dict] = {}
    if rd is not None:  # the readings detection made of each claim (contradict/readings.py)
        data = {tid: {"rd": rd.get(tid, {})} for tid in range(1, len(real) + 1)}
    for tid, nb in (bests or {}).items():  # a denying claim's best score for each of its denials
        data.setdefault(tid, {})["nb"] = nb
    for tid, side in sides.items():
        data.setdefault(tid, {})["side"] = side
    for cl, side, a in entries:
        row = data.setdefault(cl.id, {})
        row.setdefault("side", side)
        row.setdefault("d", []).append(_entry_json(side, a, uid_of))
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


def _store_bests(session: Session, bests: dict[int, list[int]]) -> None:
    """Stored claim id -> its denials' best scores, into its stored analysis."""
    rows = []
    for part in _chunks(sorted(bests)):
        for cid, data in session.execute(select(A.c.claim_id, A.c.data).where(A.c.claim_id.in_(part))):
            if (data or {}).get("nb") != bests[cid]:
                rows.append({"_id": cid, "_data": {**(data or {}), "nb": bests[cid]}})
    if rows:
        session.execute(update(A).where(A.c.claim_id == bindparam("_id")).values(data=bindparam("_data")), rows)


def _claims_with(session: Session, keys) -> set[int]:
    out: set[int] = set()
    for part in _chunks(sorted(keys)):
        out.update(session.execute(select(B.c.claim_id).where(B.c.key.in_(part))).scalars())
    return out


def _claims_by_key(session: Session, keys) -> dict[str, set[int]]:
    """key -> the claims holding it (one query per chunk of keys)."""
    out: dict[str, set[int]] = defaultdict(set)
    for part in _chunks(sorted(keys)):
        for cid, k in session.execute(select(B.c.claim_id, B.c.key).where(B.c.key.in_(part))):
            out[k].add(cid)
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
