"""Claim records plus the database ids and links the graph, PROV and JSON-LD
exports need (speaker/outlet/source ids, relay outlets, plan-point links,
contradictions among the exported claims).  Built on query.claim_records, so
every export shares the same filters and document order."""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (Claim, ClaimPoint, ClaimRelay, Contradiction, ContradictionClaim, ContradictionReview,
                         Outlet, Plan, PlanPoint, Source, Speaker)
from ..query import CHUNK, ClaimFilter, claim_records


def enriched_chunks(session: Session, f: ClaimFilter) -> Iterator[list[dict]]:
    """Lists of claim records (document order), each with an extra `_db` dict:
    claim_id, speaker_id, speaker_type, outlet_id, outlet_kind, relays [(position, outlet_id, name, kind)],
    points [{ref, plan, number, title, topic, relation, score}]."""
    batch: list[dict] = []
    for record in claim_records(session, f):
        batch.append(record)
        if len(batch) >= CHUNK:
            yield _enrich(session, batch)
            batch = []
    if batch:
        yield _enrich(session, batch)


def _enrich(session: Session, records: list[dict]) -> list[dict]:
    uids = [r["claim_id"] for r in records]
    base = {}
    for uid, cid, sid, stype, oid, okind in session.execute(
        select(Claim.uid, Claim.id, Claim.speaker_id, Speaker.type, Source.outlet_id, Outlet.kind)
        .join(Source, Claim.source_id == Source.id)
        .outerjoin(Speaker, Claim.speaker_id == Speaker.id)
        .outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .where(Claim.uid.in_(uids))
    ):
        base[uid] = {"claim_id": cid, "speaker_id": sid, "speaker_type": stype, "outlet_id": oid,
                     "outlet_kind": okind, "relays": [], "points": []}
    by_id = {b["claim_id"]: b for b in base.values()}
    for cid, pos, oid, name, kind in session.execute(
        select(ClaimRelay.claim_id, ClaimRelay.position, Outlet.id, Outlet.name, Outlet.kind)
        .join(Outlet, ClaimRelay.outlet_id == Outlet.id)
        .where(ClaimRelay.claim_id.in_(list(by_id))).order_by(ClaimRelay.claim_id, ClaimRelay.position)
    ):
        by_id[cid]["relays"].append((pos, oid, name, kind))
    for cid, slug, number, title, topic, relation, score in session.execute(
        select(ClaimPoint.claim_id, Plan.slug, PlanPoint.number, PlanPoint.title, PlanPoint.topic,
               ClaimPoint.relation, ClaimPoint.score)
        .join(PlanPoint, ClaimPoint.point_id == PlanPoint.id).join(Plan, PlanPoint.plan_id == Plan.id)
        .where(ClaimPoint.claim_id.in_(list(by_id))).order_by(ClaimPoint.claim_id, Plan.slug, PlanPoint.number)
    ):
        by_id[cid]["points"].append({"ref": f"{slug}:{number}", "plan": slug, "number": number, "title": title,
                                     "topic": topic, "relation": relation, "score": float(score)})
    for r in records:
        r["_db"] = base[r["claim_id"]]
    return records


def contradictions(session: Session, claim_ids: set[int], *, ruled_only: bool = False) -> list[dict]:
    """Contradictions whose member claims are all among `claim_ids`, in id order:
    {id, key, kind, topic, status, explanation, detector, values, claims [uid in position order],
     reviews [{status, note, reviewed_at}]}.  `ruled_only`: status confirmed or dismissed.
    (The contradictions table is small next to the claims: it is read whole, no huge IN lists.)"""
    if not claim_ids:
        return []
    members: dict[int, list[tuple[int, str]]] = {}
    for xid, cid, uid in session.execute(
        select(ContradictionClaim.contradiction_id, ContradictionClaim.claim_id, Claim.uid)
        .join(Claim, ContradictionClaim.claim_id == Claim.id)
        .order_by(ContradictionClaim.contradiction_id, ContradictionClaim.position)
    ):
        members.setdefault(xid, []).append((cid, uid))
    wanted = {xid for xid, m in members.items() if len(m) >= 2 and all(cid in claim_ids for cid, _ in m)}
    if not wanted:
        return []
    q = (select(Contradiction.id, Contradiction.key, Contradiction.kind, Contradiction.topic, Contradiction.status,
                Contradiction.explanation, Contradiction.detector, Contradiction.values)
         .order_by(Contradiction.id))
    if ruled_only:
        q = q.where(Contradiction.status.in_(["confirmed", "dismissed"]))
    found = {row.id: {"id": row.id, "key": row.key, "kind": row.kind, "topic": row.topic, "status": row.status,
                      "explanation": row.explanation, "detector": row.detector, "values": list(row.values or []),
                      "claims": [uid for _, uid in members[row.id]], "reviews": []}
             for row in session.execute(q) if row.id in wanted}
    for xid, status, note, reviewer, at in session.execute(
        select(ContradictionReview.contradiction_id, ContradictionReview.status, ContradictionReview.note,
               ContradictionReview.reviewer, ContradictionReview.reviewed_at).order_by(ContradictionReview.id)
    ):
        if xid in found:
            found[xid]["reviews"].append({"status": status, "note": note, "reviewer": reviewer,
                                          "reviewed_at": at.isoformat() if at else None})
    return list(found.values())
