"""Contradictions in the database: detect and upsert, review, list.

A contradiction is keyed by sha256(kind + sorted claim uids), so running
detection again adds nothing, and an editor's ruling (status + review
history, reviews also carry the key) survives re-detection and
re-extraction: a claim re-extracted with the same span and speaker keeps
its uid, so the finding keeps its key.  Findings no longer produced are
removed unless an editor ruled on them.
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..contradict import Context, detect
from ..errors import UsageError
from ..records import ClaimView, Finding
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


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def contradiction_key(kind: str, uids) -> str:
    return hashlib.sha256("\n".join([kind, *sorted(uids)]).encode("utf-8")).hexdigest()


def claim_views(session: Session) -> list[ClaimView]:
    """Every stored claim as the detectors see it (topics include those of its plan points)."""
    points: dict[int, list[tuple[str, str]]] = {}
    q = (select(ClaimPoint.claim_id, Plan.slug, PlanPoint.number, PlanPoint.topic)
         .join(PlanPoint, ClaimPoint.point_id == PlanPoint.id).join(Plan, PlanPoint.plan_id == Plan.id))
    for claim_id, slug, number, topic in session.execute(q):
        points.setdefault(claim_id, []).append((f"{slug}:{number}", topic))
    q = (select(Claim.id, Claim.uid, Claim.source_id, Claim.text, Claim.quote, Claim.kind, Speaker.name,
                Claim.speaker_type, Speaker.type, Outlet.name, Source.published, Claim.topics)
         .join(Source, Claim.source_id == Source.id)
         .outerjoin(Speaker, Claim.speaker_id == Speaker.id)
         .outerjoin(Outlet, Source.outlet_id == Outlet.id)
         .order_by(Claim.source_id, Claim.start, Claim.id))
    out = []
    for (cid, uid, sid, text, quote, kind, spk, stype, spk_type, outlet, published, topics) in session.execute(q):
        pts = points.get(cid, [])
        all_topics = list(dict.fromkeys([*(topics or []), *(t for _, t in pts if t)]))
        out.append(ClaimView(id=cid, uid=uid, source_id=sid, text=text, quote=quote, kind=kind, speaker=spk,
                             speaker_type=stype or spk_type, outlet=outlet, published=published,
                             topics=tuple(all_topics), points=tuple(dict.fromkeys(p for p, _ in pts))))
    return out


def detection_context(session: Session) -> Context:
    """What the detectors read besides the claims: article texts, claim
    offsets and plan-point values."""
    texts = dict(session.execute(select(Source.id, Source.text)).all())
    starts = dict(session.execute(select(Claim.id, Claim.start)).all())
    values = {f"{slug}:{number}": (vals or {}) for slug, number, vals in session.execute(
        select(Plan.slug, PlanPoint.number, PlanPoint.values).join(Plan, PlanPoint.plan_id == Plan.id))}
    return Context(texts=texts, starts=starts, point_values=values)


def _point_ids(session: Session) -> dict[str, int]:
    q = select(PlanPoint.id, Plan.slug, PlanPoint.number).join(Plan, PlanPoint.plan_id == Plan.id)
    return {f"{slug}:{number}": pid for pid, slug, number in session.execute(q)}


def _set_members(session: Session, row: Contradiction, f: Finding) -> None:
    wanted = [(cid, i, (v or "")[:VALUE_WIDTH]) for i, (cid, v) in enumerate(zip(f.claims, f.values))]
    have = [(m.claim_id, m.position, m.value) for m in row.members]
    if have == wanted:
        return
    row.members.clear()
    session.flush()
    for cid, pos, value in wanted:
        row.members.append(ContradictionClaim(claim_id=cid, position=pos, value=value))


def detect_and_store(session: Session) -> dict:
    """Run every detector over the stored claims and upsert the findings.

    Returns {"found", "added", "updated", "removed", "kept_ruled"}.  The
    caller commits (one session per command)."""
    views = claim_views(session)
    uid_of = {v.id: v.uid for v in views}
    findings = detect(views, detection_context(session))
    point_ids = _point_ids(session)
    existing = {c.key: c for c in session.execute(select(Contradiction)).scalars()}
    now = _now()
    stats = {"found": len(findings), "added": 0, "updated": 0, "removed": 0, "kept_ruled": 0}
    produced = set()
    for f in findings:
        key = contradiction_key(f.kind, (uid_of[i] for i in f.claims))
        if key in produced:
            continue
        produced.add(key)
        fields = dict(kind=f.kind, topic=f.topic, point_id=point_ids.get(f.point) if f.point else None,
                      values=list(f.values), explanation=f.explanation, detector=f.detector)
        row = existing.get(key)
        if row is None:
            row = Contradiction(key=key, status="open", created_at=now, updated_at=now, **fields)
            session.add(row)
            session.flush()
            stats["added"] += 1
        elif any(getattr(row, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(row, k, v)
            row.updated_at = now
            stats["updated"] += 1
        _set_members(session, row, f)
    for key, row in existing.items():
        if key in produced:
            continue
        if row.status != "open" or row.reviews:
            stats["kept_ruled"] += 1
            continue
        session.delete(row)
        stats["removed"] += 1
    session.flush()
    return stats


def review(session: Session, contradiction_id: int, status: str, note: str | None = None) -> Contradiction:
    """Record an editor's ruling and set the contradiction's status."""
    if status not in STATUSES:
        raise UsageError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    row = session.get(Contradiction, contradiction_id)
    if row is None:
        raise UsageError(f"no contradiction with id {contradiction_id}")
    now = _now()
    row.reviews.append(ContradictionReview(contradiction_key=row.key, status=status, note=note, reviewed_at=now))
    row.status = status
    row.updated_at = now
    session.flush()
    return row


def _point_filter(session: Session, point: str):
    slug, _, number = point.partition(":")
    if not slug or not (number.isascii() and number.isdigit() and len(number) <= 6):
        raise UsageError(f"--point must look like PLAN:NUMBER (e.g. us-28:19), not {point!r}")
    pid = session.execute(select(PlanPoint.id).join(Plan, PlanPoint.plan_id == Plan.id)
                          .where(Plan.slug == slug, PlanPoint.number == int(number))).scalar()
    if pid is None:
        return Contradiction.id.in_([])
    linked = (select(ContradictionClaim.contradiction_id)
              .join(ClaimPoint, ClaimPoint.claim_id == ContradictionClaim.claim_id)
              .where(ClaimPoint.point_id == pid))
    return or_(Contradiction.point_id == pid, Contradiction.id.in_(linked))


def list_contradictions(session: Session, kinds=None, topic: str | None = None, point: str | None = None,
                        status: str | None = None) -> list[dict]:
    """Stored contradictions, filtered; each with its claims (uid, speaker,
    outlet, date, conflicting words) in position order."""
    q = select(Contradiction).order_by(Contradiction.id)
    if kinds:
        q = q.where(Contradiction.kind.in_(list(kinds)))
    if topic:
        q = q.where(Contradiction.topic == topic)
    if status:
        q = q.where(Contradiction.status == status)
    if point:
        q = q.where(_point_filter(session, point))
    rows = list(session.execute(q).scalars())
    if not rows:
        return []
    pts = {pid: f"{slug}:{n}" for pid, slug, n in session.execute(
        select(PlanPoint.id, Plan.slug, PlanPoint.number).join(Plan, PlanPoint.plan_id == Plan.id))}
    ids = [r.id for r in rows]
    mq = (select(ContradictionClaim.contradiction_id, ContradictionClaim.value, Claim.uid, Claim.text,
                 Claim.mention, Speaker.name, Outlet.name, Source.published)
          .join(Claim, ContradictionClaim.claim_id == Claim.id)
          .join(Source, Claim.source_id == Source.id)
          .outerjoin(Speaker, Claim.speaker_id == Speaker.id)
          .outerjoin(Outlet, Source.outlet_id == Outlet.id)
          .where(ContradictionClaim.contradiction_id.in_(ids))
          .order_by(ContradictionClaim.contradiction_id, ContradictionClaim.position))
    members: dict[int, list[dict]] = {}
    for cid, value, uid, text, mention, spk, outlet, published in session.execute(mq):
        members.setdefault(cid, []).append({"claim": uid, "speaker": spk or mention, "outlet": outlet,
                                            "published": published, "value": value, "text": text})
    return [{"id": r.id, "key": r.key, "kind": r.kind, "topic": r.topic, "point": pts.get(r.point_id),
             "status": r.status, "values": list(r.values or []), "explanation": r.explanation,
             "detector": r.detector, "members": members.get(r.id, [])} for r in rows]

