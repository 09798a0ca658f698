"""Contradictions in the database: detect and upsert, review.

A contradiction is keyed by sha256(kind + the distinct (speaker, words) of
its claims), so running detection again adds nothing, and an editor's
ruling (status + review history, reviews also carry the key) survives
re-detection, re-extraction and articles that only repeat a side already
shown.  A finding shows each group of claims saying the same thing by the
claims of lowest uid (the detectors see claims numbered in uid order), so
the same claims give the same findings whatever order they were stored in;
findings are stored in an order of their content.  Findings no longer produced are
removed unless an editor ruled on them.

Detection reads the claims once, in id order, into a ClaimTable (a few
integers per claim, each distinct text once); article texts are read only
for the articles a detector asks about.  The upsert reads the stored
contradictions once and writes with executemany, no ORM object per row.
(Listing lives in provenance/contradictions_query.py.)
"""
from __future__ import annotations

import hashlib
import json
from collections import OrderedDict, defaultdict
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timezone

from sqlalchemy import String, bindparam, delete, insert, select, type_coerce, update
from sqlalchemy.orm import Session

from ..contradict import Context, detect
from ..contradict.table import ClaimTable
from ..errors import UsageError
from ..records import Finding
from .models import (
    Claim,
    ClaimPoint,
    Contradiction,
    ContradictionClaim,
    ContradictionReview,
    Outlet,
    Plan,
    PlanPoint,
    Source,
    Speaker,
)

STATUSES = ("open", "confirmed", "dismissed")
VALUE_WIDTH = 300
BATCH = 2000  # rows fetched at a time while loading claims
CHUNK = 500  # ids bound per IN (...) list
TEXTS_KEPT = 256  # article texts kept in memory at a time
READ_AHEAD = 32  # article texts read with the one asked for

C = Contradiction.__table__
M = ContradictionClaim.__table__


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def contradiction_key(kind: str, uids) -> str:
    return hashlib.sha256("\n".join([kind, *sorted(uids)]).encode("utf-8")).hexdigest()


def _chunks(items: list, n: int = CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _claim_points(conn, ids=None):
    """(claim id, ((point, topic), ...)) in claim id order (of the claims in ids, if given)."""
    q = (select(ClaimPoint.claim_id, Plan.slug, PlanPoint.number, PlanPoint.topic)
         .join(PlanPoint, ClaimPoint.point_id == PlanPoint.id).join(Plan, PlanPoint.plan_id == Plan.id)
         .order_by(ClaimPoint.claim_id, ClaimPoint.point_id))
    names: dict[tuple, str] = {}
    current, pts = None, []
    for claim_id, slug, number, topic in _in_parts(conn, q, ClaimPoint.claim_id, ids):
        if claim_id != current:
            if current is not None:
                yield current, tuple(pts)
            current, pts = claim_id, []
        name = names.get((slug, number))
        if name is None:
            name = names[(slug, number)] = f"{slug}:{number}"
        pts.append((name, topic))
    if current is not None:
        yield current, tuple(pts)


def claim_table(session: Session) -> tuple[ClaimTable, list[int]]:
    table, real, _uids = claim_table_uids(session)
    return table, real


def claim_table_uids(session: Session, ids=None) -> tuple[ClaimTable, list[int], list[str]]:
    """Every stored claim as the detectors see it (topics include those of
    its plan points; no uid: findings look up their members' uids), and
    the stored id of each.  The table numbers claims 1, 2, ... in uid
    order, so every tie a detector breaks by the lower id is broken by
    content, never by the order claims were stored in; `real[n - 1]` is
    the stored id of table claim n.  Rows are read BATCH at a time.
    `ids`: only these claims (numbered 1, 2, ... in uid order among them);
    also returns the uid of each table claim."""
    table = ClaimTable()
    conn = session.connection()
    q = select(Source.id, Outlet.name, Source.published).outerjoin(Outlet, Source.outlet_id == Outlet.id)
    for sid, outlet, published in conn.execute(q):
        table.add_source(sid, outlet, published)
    speakers = {sid: (name, stype) for sid, name, stype in
                conn.execute(select(Speaker.id, Speaker.name, Speaker.type))}
    merged: dict[tuple, tuple[tuple, tuple]] = {}  # (raw topics, points) -> (topics, point names)

    def topics_points(raw, pts) -> tuple[tuple, tuple]:
        key = (raw if isinstance(raw, str) or raw is None else json.dumps(raw), pts)
        got = merged.get(key)
        if got is None:
            own = json.loads(raw) if isinstance(raw, str) else (raw or [])
            got = merged[key] = (tuple(dict.fromkeys([*own, *(t for _, t in pts if t)])),
                                 tuple(dict.fromkeys(p for p, _ in pts)))
        return got

    points = _claim_points(conn, ids)
    nxt = next(points, None)
    q = (select(Claim.id, Claim.uid, Claim.source_id, Claim.start, Claim.text, Claim.speaker_id, Claim.speaker_type,
                type_coerce(Claim.topics, String))  # raw JSON: parsed once per distinct list
         .order_by(Claim.id))
    rows = []
    no_speaker = (None, None)
    for cid, uid, sid, start, text, speaker_id, stype, raw in _in_parts(conn, q, Claim.id, ids):
        while nxt is not None and nxt[0] < cid:
            nxt = next(points, None)
        name, spk_type = speakers.get(speaker_id, no_speaker)
        t, p = topics_points(raw, nxt[1] if nxt is not None and nxt[0] == cid else ())
        rows.append((uid, cid, sid, start, text, (name, stype or spk_type), t, p))
    points.close()
    rows.sort(key=lambda r: (r[0], r[1]))
    real = [r[1] for r in rows]
    for i in range(0, len(rows), 10 * BATCH):
        part = rows[i:i + 10 * BATCH]
        table.extend_columns(list(range(i + 1, i + 1 + len(part))), *(list(col) for col in list(zip(*part))[2:]))
    return table.done(), real, [r[0] for r in rows]


def _in_parts(conn, q, column, ids):
    """The rows of q (ordered by column), all of them or those whose column is in ids."""
    if ids is None:
        yield from conn.execute(q.execution_options(yield_per=BATCH))
        return
    for part in _chunks(sorted(ids)):
        yield from conn.execute(q.where(column.in_(part)))


def _real_ids(findings: list[Finding], real: list[int]) -> list[Finding]:
    """Findings over table claims -> findings over stored claims."""
    out = []
    for f in findings:
        extra = dict(f.extra)
        if extra.get("sides"):
            extra["sides"] = [dict(s, claims=[real[c - 1] for c in s.get("claims", ())]) for s in extra["sides"]]
        out.append(replace(f, claims=tuple(real[c - 1] for c in f.claims), extra=extra))
    return out


class _Texts(Mapping):
    """source id -> article text, read from the database when a detector
    asks for it: with it, the texts of the next READ_AHEAD ids (detectors
    go through articles in id order); the last TEXTS_KEPT are kept."""

    def __init__(self, session: Session):
        self._s = session
        self._ids = frozenset(session.execute(select(Source.id)).scalars())
        self._kept: OrderedDict[int, str] = OrderedDict()

    def __getitem__(self, sid: int) -> str:
        if sid not in self._kept:
            if sid not in self._ids:
                raise KeyError(sid)
            q = select(Source.id, Source.text).where(Source.id >= sid, Source.id < sid + READ_AHEAD)
            for i, text in self._s.execute(q):
                self._kept[i] = text
                self._kept.move_to_end(i)
            while len(self._kept) > TEXTS_KEPT:
                self._kept.popitem(last=False)
        self._kept.move_to_end(sid)
        return self._kept[sid]

    def __contains__(self, sid) -> bool:
        return sid in self._ids

    def __iter__(self):
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


def detection_context(session: Session, table: ClaimTable) -> Context:
    """What the detectors read besides the claims: article texts (on
    demand), claim offsets and plan-point values."""
    values = {f"{slug}:{number}": (vals or {}) for slug, number, vals in session.execute(
        select(Plan.slug, PlanPoint.number, PlanPoint.values).join(Plan, PlanPoint.plan_id == Plan.id))}
    return Context(texts=_Texts(session), starts=table.starts, point_values=values)


def _point_ids(session: Session) -> dict[str, int]:
    q = select(PlanPoint.id, Plan.slug, PlanPoint.number).join(Plan, PlanPoint.plan_id == Plan.id)
    return {f"{slug}:{number}": pid for pid, slug, number in session.execute(q)}


def _uids(session: Session, ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Claim id -> uid, and claim id -> what it says (speaker and words)."""
    out: dict[int, str] = {}
    said: dict[int, str] = {}
    for part in _chunks(sorted(ids)):
        q = (select(Claim.id, Claim.uid, Claim.text, Speaker.name).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
             .where(Claim.id.in_(part)))
        for cid, uid, text, speaker in session.execute(q):
            out[cid] = uid
            said[cid] = f"{speaker or ''}\x1f{' '.join((text or '').split())}"
    return out, said


def detect_and_store(session: Session, step=None, full: bool = False) -> dict:
    """Run the detectors and upsert the findings: over the claims stored
    since the last detection and their blocks, or (full, or no detection
    yet, or names and subjects that change old claims' reading) over every
    stored claim (provenance/db/detection.py); `step(1)` is called as each
    detector ends (a progress bar's update).

    Returns {"found", "added", "updated", "removed", "kept_ruled", "scope"}.
    The caller commits (one session per command)."""
    from .detection import detect_full, detect_new
    session.flush()  # claims changed in this session are read below through its connection
    return detect_full(session, step) if full else detect_new(session, step)


def detect_all(session: Session, step=None) -> dict:
    """Every detector over every stored claim, nothing stored but the findings."""
    session.flush()
    table, real = claim_table(session)
    findings = _real_ids(detect(table, detection_context(session, table), step), real)
    del table
    return _upsert(session, findings)


def _upsert(session: Session, findings: list[Finding], scope: set[str] | None = None, stale=()) -> dict:
    """Store the findings (each block key in extra['block_key']); with a
    scope (block keys), only the stored findings of those blocks (and those
    with the keys produced) are compared, updated or removed.  `stale`: ids
    of other stored findings that go too unless made again (rulings kept)."""
    uid_of, said = _uids(session, {i for f in findings for i in f.claims})
    point_ids = _point_ids(session)
    fields = ("kind", "topic", "point_id", "values", "sides", "explanation", "detector", "block")
    cols = (C.c.id, C.c.key, C.c.status, *(C.c[k] for k in fields))
    if scope is None:
        existing = {r["key"]: r for r in session.execute(select(*cols)).mappings()}
    else:
        keys = {contradiction_key(f.kind, {said[i] for i in f.claims}) for f in findings}
        existing = {}
        for part in _chunks(sorted(scope)):
            existing.update((r["key"], r) for r in session.execute(select(*cols).where(C.c.block.in_(part))).mappings())
        for part in _chunks(sorted(keys)):
            existing.update((r["key"], r) for r in session.execute(select(*cols).where(C.c.key.in_(part))).mappings())
        for part in _chunks(sorted(stale)):
            existing.update((r["key"], r) for r in session.execute(select(*cols).where(C.c.id.in_(part))).mappings())
    ruled = set(session.execute(select(ContradictionReview.contradiction_id).distinct()).scalars())
    have: dict[int, list[tuple]] = defaultdict(list)
    q = (select(M.c.contradiction_id, M.c.claim_id, M.c.position, M.c.value, M.c.side)
         .order_by(M.c.contradiction_id, M.c.position))
    for cid, claim_id, pos, value, side in _in_parts(session.connection(), q, M.c.contradiction_id,
                                                     None if scope is None else {r["id"] for r in existing.values()}):
        have[cid].append((claim_id, pos, value, side))
    now = _now()
    stats = {"found": len(findings), "added": 0, "updated": 0, "removed": 0, "kept_ruled": 0}
    produced: dict[str, Finding] = {}
    new_rows, changed, members = [], [], {}
    # stored in an order of their content (kind, member uids), never of arrival
    findings = sorted(findings, key=lambda f: (f.kind, sorted(uid_of[i] for i in f.claims)))
    for f in findings:
        # keyed by what its claims say, so another article repeating a side leaves the key alone
        key = contradiction_key(f.kind, {said[i] for i in f.claims})
        if key in produced:
            continue
        produced[key] = f
        sides, side_of = _sides(f)
        row = dict(kind=f.kind, topic=f.topic, point_id=point_ids.get(f.point) if f.point else None,
                   values=list(f.values), sides=sides, explanation=f.explanation, detector=f.detector,
                   block=f.extra.get("block_key"))
        wanted = [(cid, i, (v or "")[:VALUE_WIDTH], side_of.get(cid))
                  for i, (cid, v) in enumerate(zip(f.claims, f.values))]
        old = existing.get(key)
        if old is None:
            new_rows.append(dict(key=key, status="open", created_at=now, updated_at=now, **row))
            members[key] = wanted
            continue
        if any(old[k] != v for k, v in row.items()):
            changed.append({"_id": old["id"], "_now": now, **{"_" + k: v for k, v in row.items()}})
        if have.get(old["id"], []) != wanted:
            members[old["id"]] = wanted
    if new_rows:
        session.execute(insert(C), new_rows)
        for part in _chunks([r["key"] for r in new_rows]):
            for cid, key in session.execute(select(C.c.id, C.c.key).where(C.c.key.in_(part))):
                members[cid] = members.pop(key)
    if changed:
        session.execute(update(C).where(C.c.id == bindparam("_id"))
                        .values({C.c.updated_at: bindparam("_now"), **{C.c[k]: bindparam("_" + k) for k in fields}}),
                        changed)
    stale = [cid for cid in members if cid in have]
    for part in _chunks(stale):
        session.execute(delete(M).where(M.c.contradiction_id.in_(part)))
    rows = [dict(contradiction_id=cid, claim_id=claim_id, position=pos, value=value, side=side)
            for cid, wanted in members.items() for claim_id, pos, value, side in wanted]
    if rows:
        session.execute(insert(M), rows)
    gone = []
    for key, old in existing.items():
        if key in produced:
            continue
        if old["status"] != "open" or old["id"] in ruled:
            stats["kept_ruled"] += 1
        else:
            gone.append(old["id"])
    for part in _chunks(gone):
        session.execute(delete(M).where(M.c.contradiction_id.in_(part)))
        session.execute(delete(C).where(C.c.id.in_(part)))
    stats.update(added=len(new_rows), updated=len(changed), removed=len(gone))
    session.flush()
    return stats


def _sides(f: Finding) -> tuple[list | None, dict[int, int]]:
    """A finding's sides as stored ({party, assertion, stance}) and the side of each member claim."""
    found = f.extra.get("sides")
    if not found:
        return None, {}
    side_of: dict[int, int] = {}
    for i, s in enumerate(found):
        for cid in s.get("claims", ()):
            side_of.setdefault(cid, i)
    return [{"party": s.get("party"), "stance": s.get("stance"), "assertion": s.get("assertion"),
             "about": s.get("about")} for s in found], side_of


def review(session: Session, contradiction_id: int, status: str, note: str | None = None,
           reviewer: str | None = None) -> Contradiction:
    """Record an editor's ruling (confirmed, dismissed, or open again) and set
    the contradiction's status."""
    if status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    row = session.get(Contradiction, contradiction_id)
    if row is None:
        raise UsageError(f"no contradiction with id {contradiction_id}")
    now = _now()
    row.reviews.append(ContradictionReview(contradiction_key=row.key, status=status, note=note or None,
                                           reviewer=reviewer or None, reviewed_at=now))
    row.status = status
    row.updated_at = now
    session.flush()
    return row


def review_history(session: Session, contradiction_id: int) -> list[dict]:
    """The rulings on a contradiction, oldest first: status, reviewer, note, time."""
    q = (select(ContradictionReview.status, ContradictionReview.reviewer, ContradictionReview.note,
                ContradictionReview.reviewed_at)
         .where(ContradictionReview.contradiction_id == contradiction_id).order_by(ContradictionReview.id))
    return [{"status": st, "reviewer": who, "note": note, "reviewed_at": at.isoformat(timespec="seconds")}
            for st, who, note, at in session.execute(q)]
