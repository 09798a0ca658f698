"""Listing stored contradictions (`provenance contradictions`): filtered, in
id order, read a page at a time so that a listing of any length keeps
memory flat and never binds more than one parameter per page.

Detection and reviews live in db/contradictions_store.py; this module only
reads.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .db.models import (
    Claim, ClaimPoint, Contradiction, ContradictionClaim, Outlet, Plan, PlanPoint, Source, Speaker,
)
from .db.search import listed_ids
from .query import parse_point

PAGE = 1000


@dataclass(frozen=True)
class ContradictionFilter:
    kinds: tuple[str, ...] | None = None
    topic: str | None = None
    point: str | None = None
    status: str | None = None
    ids: tuple[int, ...] | None = None  # only these contradictions (one finding's page)
    place: str | None = None  # only findings whose explanation names this place (or any words)


def _where(session: Session, f: ContradictionFilter) -> list:
    conds = []
    if f.ids is not None:
        conds.append(Contradiction.id.in_(list(f.ids)))
    if f.place:
        from .query import like_escape

        pattern = "%" + like_escape(f.place.strip().casefold()) + "%"
        conds.append(func.lower(Contradiction.explanation).like(pattern, escape="\\"))
    if f.kinds:
        conds.append(Contradiction.kind.in_(list(f.kinds)))
    if f.topic:
        conds.append(Contradiction.topic == f.topic)
    if f.status:
        conds.append(Contradiction.status == f.status)
    if f.point:
        slug, number = parse_point(f.point)
        pid = session.scalar(select(PlanPoint.id).join(Plan, PlanPoint.plan_id == Plan.id)
                             .where(Plan.slug == slug, PlanPoint.number == number))
        if pid is None:
            conds.append(Contradiction.id.in_([]))
        else:  # about the point, or one of its claims is linked to it
            linked = (select(ContradictionClaim.contradiction_id)
                      .join(ClaimPoint, ClaimPoint.claim_id == ContradictionClaim.claim_id)
                      .where(ClaimPoint.point_id == pid))
            conds.append(or_(Contradiction.point_id == pid, Contradiction.id.in_(linked)))
    return conds


def count_contradictions(session: Session, f: ContradictionFilter = ContradictionFilter()) -> int:
    return session.scalar(select(func.count()).select_from(Contradiction).where(*_where(session, f))) or 0


def list_contradictions(session: Session, f: ContradictionFilter = ContradictionFilter(),
                        limit: int | None = None, *, detail: bool = True) -> Iterator[dict]:
    """Contradictions in id order, each with its claims (uid, speaker, outlet,
    date, conflicting words; the uid only without DETAIL) in position order;
    at most LIMIT of them."""
    conds = _where(session, f)
    points = {pid: f"{slug}:{n}" for pid, slug, n in session.execute(
        select(PlanPoint.id, Plan.slug, PlanPoint.number).join(Plan, PlanPoint.plan_id == Plan.id))}
    last, left = 0, limit
    while left is None or left > 0:
        size = PAGE if left is None else min(PAGE, left)
        rows = session.execute(
            select(Contradiction.id, Contradiction.key, Contradiction.kind, Contradiction.topic,
                   Contradiction.point_id, Contradiction.status, Contradiction.values, Contradiction.explanation,
                   Contradiction.detector, Contradiction.sides)
            .where(Contradiction.id > last, *conds).order_by(Contradiction.id).limit(size)).all()
        if not rows:
            return
        members = _members(session, ",".join(str(r.id) for r in rows), detail)
        for r in rows:
            ms = members.get(r.id, [])
            yield {"id": r.id, "key": r.key, "kind": r.kind, "topic": r.topic, "point": points.get(r.point_id),
                   "status": r.status, "values": list(r.values or []), "explanation": r.explanation,
                   "detector": r.detector, "members": ms, "sides": _with_claims(r.sides, ms)}
        last = rows[-1].id
        if left is not None:
            left -= len(rows)
        if len(rows) < size:
            return


def _with_claims(sides: list | None, members: list[dict]) -> list[dict]:
    """The stored sides, each with the uids of its member claims."""
    out = [dict(s, claims=[]) for s in (sides or [])]
    for m in members:
        if m.get("side") is not None and m["side"] < len(out):
            out[m["side"]]["claims"].append(m["claim"])
    return out


def _members(session: Session, packed_ids: str, detail: bool) -> dict[int, list[dict]]:
    cols = [ContradictionClaim.contradiction_id, Claim.uid, ContradictionClaim.side]
    if detail:
        cols += [ContradictionClaim.value, Claim.mention, Speaker.name, Outlet.name, Source.published]
    q = (select(*cols).join(Claim, ContradictionClaim.claim_id == Claim.id)
         .where(ContradictionClaim.contradiction_id.in_(listed_ids(session, packed_ids)))
         .order_by(ContradictionClaim.contradiction_id, ContradictionClaim.position))
    if detail:
        q = (q.join(Source, Claim.source_id == Source.id).outerjoin(Speaker, Claim.speaker_id == Speaker.id)
             .outerjoin(Outlet, Source.outlet_id == Outlet.id))
    out: dict[int, list[dict]] = {}
    for row in session.execute(q):
        m = {"claim": row[1], "side": row[2]}
        if detail:
            m.update(speaker=row[5] or row[4], outlet=row[6], published=row[7], value=row[3])
        out.setdefault(row[0], []).append(m)
    return out


def _sentence(text: str, start: int, end: int) -> str:
    """The whole sentence(s) around a claim's span in its article."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start),
               text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + 1
    ends = [i for i in (text.find(". ", end - 1), text.find("\n", end), text.find("? ", end - 1),
                        text.find("! ", end - 1)) if i >= 0]
    right = min(ends) + 1 if ends else len(text)
    return " ".join(text[left:max(right, end)].split())


def contradiction_detail(session: Session, contradiction_id: int) -> dict | None:
    """One contradiction in full: its sides, and for each member claim the
    speaker, the side it stands on, outlet, date, article and whole sentence."""
    row = session.execute(
        select(Contradiction.id, Contradiction.kind, Contradiction.topic, Contradiction.status,
               Contradiction.explanation, Contradiction.detector, Contradiction.sides)
        .where(Contradiction.id == contradiction_id)).first()
    if row is None:
        return None
    q = (select(Claim.uid, ContradictionClaim.side, ContradictionClaim.value, Claim.mention, Speaker.name,
                Claim.speaker_type, Outlet.name, Source.published, Source.path, Source.text, Claim.start, Claim.end)
         .join(Claim, ContradictionClaim.claim_id == Claim.id).join(Source, Claim.source_id == Source.id)
         .outerjoin(Speaker, Claim.speaker_id == Speaker.id).outerjoin(Outlet, Source.outlet_id == Outlet.id)
         .where(ContradictionClaim.contradiction_id == contradiction_id).order_by(ContradictionClaim.position))
    sides = [dict(s) for s in (row.sides or [])]
    claims = []
    for uid, side, value, mention, name, stype, outlet, published, path, text, start, end in session.execute(q):
        party = sides[side].get("party") if side is not None and side < len(sides) else None
        claims.append({"claim": uid, "side": side, "party": party, "speaker": name or mention,
                       "mention": mention, "speaker_type": stype, "outlet": outlet, "published": published,
                       "article": path, "words": value, "sentence": _sentence(text or "", start, end)})
    for i, s in enumerate(sides):
        s["claims"] = [c["claim"] for c in claims if c["side"] == i]
    return {"id": row.id, "kind": row.kind, "topic": row.topic, "status": row.status,
            "explanation": row.explanation, "detector": row.detector, "sides": sides, "claims": claims}
