"""The questions users ask of stored claims, and the export record.

`claim_records` yields claims as the export contract of DESIGN.md describes
them; `claims`, `export claims` and the other exports share its filters.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterator

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from .db.models import Claim, ClaimPoint, ClaimRelay, Outlet, Plan, PlanPoint, Source, Speaker, SpeakerAlias
from .db.search import matching_claims, through_narrow_indexes
from .errors import UsageError
from .ingest.outlets import outlet_name

CHUNK = 1000


@dataclass(frozen=True)
class ClaimFilter:
    speaker: str | None = None
    outlet: str | None = None
    source: int | None = None
    kind: str | None = None
    topic: str | None = None
    point: str | None = None
    since: str | None = None
    until: str | None = None
    search: str | None = None
    limit: int | None = None


def speaker_ids(session: Session, name: str) -> list[int]:
    """Speakers matching NAME: any recorded alias, the canonical name, or a known
    spelling variant from the rules (Zelensky / Zelenskyy)."""
    from .speakers import canonical_speaker_names

    forms = {name.strip().casefold()} | {n.casefold() for n in canonical_speaker_names(name)}
    alias_hit = select(SpeakerAlias.speaker_id).where(func.lower(SpeakerAlias.alias).in_(forms))
    name_hit = select(Speaker.id).where(func.lower(Speaker.name).in_(forms))
    return list(session.execute(alias_hit.union(name_hit)).scalars())


# No name, topic or place is longer; a longer value is a usage error, not a
# pattern SQLite refuses as too complex (its limit is 50,000 bytes).
MAX_FILTER_CHARS = 10_000


def like_escape(value: str) -> str:
    """`value` as a literal inside a LIKE pattern (with ESCAPE '\\')."""
    if len(value) > MAX_FILTER_CHARS:
        raise UsageError(f"a filter value may have at most {MAX_FILTER_CHARS:,} characters, "
                         f"not {len(value):,}")
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_point(ref: str) -> tuple[str, int]:
    plan, _, number = ref.partition(":")
    if not plan or not (number.isascii() and number.isdigit() and len(number) <= 6):  # not '²', not 10**30
        raise UsageError(f"a plan point is written PLAN:NUMBER, such as us-28:19, not {ref!r}")
    return plan, int(number)


def known_point(session: Session, ref: str) -> tuple[str, int]:
    """(plan slug, point number) of a point that exists; an unknown plan or point is a usage error."""
    from .db.plans_store import get_plan

    slug, number = parse_point(ref)
    plan = get_plan(session, slug)
    if not any(p.number == number for p in plan.points):
        raise UsageError(f"plan {slug} has no point {number} (it has {len(plan.points)} points)")
    return slug, number


def filtered_claims(session: Session, f: ClaimFilter):
    """A SELECT of Claim ids in document order (or search rank) for the filter.

    Document order is (source id, start, claim id) on the claims table itself,
    so `--speaker X --limit N` reads N entries of ix_claims_speaker_source_start;
    sources are joined only when a filter needs their columns."""
    q = select(Claim.id)
    order = [Claim.source_id, Claim.start, Claim.id]
    if f.outlet or f.since or f.until:
        q = q.join(Source, Claim.source_id == Source.id)
    if f.speaker:
        q = q.where(Claim.speaker_id.in_(speaker_ids(session, f.speaker) or [-1]))
    if f.outlet:
        name = outlet_name(f.outlet) or f.outlet
        q = q.join(Outlet, Source.outlet_id == Outlet.id).where(func.lower(Outlet.name) == name.casefold())
    if f.source is not None:
        q = q.where(Claim.source_id == f.source)
    if f.kind:
        q = q.where(Claim.kind == f.kind)
    if f.since:
        q = q.where(Source.published >= f.since)
    if f.until:
        q = q.where(func.substr(Source.published, 1, len(f.until)) <= f.until)
    if f.topic:
        topic_points = select(ClaimPoint.claim_id).join(PlanPoint).where(PlanPoint.topic == f.topic)
        pattern = '%"' + like_escape(f.topic) + '"%'  # a bound value; LIKE wildcards in it escaped
        q = q.where(or_(Claim.id.in_(topic_points), cast(Claim.topics, String).like(pattern, escape="\\")))
    if f.point:
        slug, number = known_point(session, f.point)
        on_point = (select(ClaimPoint.claim_id).join(PlanPoint).join(Plan)
                    .where(Plan.slug == slug, PlanPoint.number == number))
        q = q.where(Claim.id.in_(on_point))
    if f.search:
        hits = matching_claims(session, f.search)
        if hits is None:
            return None
        hits = hits.subquery()
        q = q.join(hits, hits.c.id == Claim.id)
        order = [hits.c.rank, Claim.id]
    q = q.order_by(*order)
    if f.limit is not None:
        q = q.limit(f.limit)
    return q


def claim_records(session: Session, f: ClaimFilter = ClaimFilter()) -> Iterator[dict]:
    """Claims as export records, in chunks so memory stays flat."""
    q = filtered_claims(session, f)
    if q is None:
        return
    ids = list(session.execute(q).scalars())
    for i in range(0, len(ids), CHUNK):
        yield from _records(session, ids[i:i + CHUNK])


def _records(session: Session, ids: list[int]) -> list[dict]:
    rows = session.execute(
        select(Claim.id, Claim.uid, Claim.text, Claim.quote, Claim.kind, Claim.cue, Claim.mention,
               Claim.speaker_type, Claim.role, Claim.unresolved, Claim.start, Claim.end, Claim.rule, Claim.topics,
               Speaker.name, Speaker.type, Source.id, Source.path, Source.url, Source.published, Source.author,
               Source.title, Source.sha256, Outlet.name)
        .join(Source, Claim.source_id == Source.id)
        .outerjoin(Speaker, Claim.speaker_id == Speaker.id)
        .outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .where(Claim.id.in_(ids))
    ).all()
    via: dict[int, list[str]] = {}
    for cid, name in session.execute(
        select(ClaimRelay.claim_id, Outlet.name).join(Outlet).where(ClaimRelay.claim_id.in_(ids))
        .order_by(ClaimRelay.claim_id, ClaimRelay.position)
    ):
        via.setdefault(cid, []).append(name)
    points: dict[int, list[str]] = {}
    for cid, slug, number in session.execute(
        select(ClaimPoint.claim_id, Plan.slug, PlanPoint.number).join(PlanPoint, ClaimPoint.point_id == PlanPoint.id)
        .join(Plan).where(ClaimPoint.claim_id.in_(ids)).order_by(ClaimPoint.claim_id, Plan.slug, PlanPoint.number)
    ):
        points.setdefault(cid, []).append(f"{slug}:{number}")
    by_id = {}
    for r in rows:
        by_id[r[0]] = {
            "claim_id": r.uid, "text": r.text, "quote": r.quote, "kind": r.kind, "cue": r.cue,
            "speaker": {"name": r[14], "mention": r.mention, "type": r[15] or r.speaker_type, "role": r.role},
            "unresolved": r.unresolved,
            "via": via.get(r[0], []),
            "source": {"id": r[16], "path": r.path, "url": r.url, "outlet": r[23],
                       "published": r.published[:10] if r.published else None, "published_at": r.published,
                       "author": r.author, "title": r.title, "sha256": r.sha256},
            "start": r.start, "end": r.end,
            "plan_points": points.get(r[0], []),
            "topics": list(r.topics or []),
            "rule": r.rule,
        }
    return [by_id[i] for i in ids if i in by_id]


def records_for_claims(session: Session, ids: list[int]) -> Iterator[dict]:
    """Export records of the claims with these database ids, in the given order."""
    for i in range(0, len(ids), CHUNK):
        yield from _records(session, ids[i:i + CHUNK])


# ---------------------------------------------------------------- one plan point

WALK_STEPS = 4  # see _point_claim_ids
POINT_ORDER = ("published", "source_id", "start", "id")


def point_view(session: Session, ref: str, limit: int | None = None) -> dict:
    """One plan point, its values, the number of claims linked to it and the
    first LIMIT of them (all with None) by date, then source and position."""
    from .db.plans_store import get_plan

    slug, number = parse_point(ref)
    plan = get_plan(session, slug)
    pt = session.scalars(select(PlanPoint).where(PlanPoint.plan_id == plan.id, PlanPoint.number == number)).first()
    if pt is None:
        raise UsageError(f"plan {slug} has no point {number} (it has {len(plan.points)} points)")
    total = session.scalar(select(func.count()).select_from(ClaimPoint).where(ClaimPoint.point_id == pt.id))
    ids = _point_claim_ids(session, pt.id, total, limit) if total and limit != 0 else []
    rows = {r.id: r for i in range(0, len(ids), CHUNK) for r in session.execute(
        select(Claim.id, Claim.uid, Claim.text, Claim.mention, Speaker.name.label("speaker"),
               Outlet.name.label("outlet"), Source.published, Source.path, ClaimPoint.relation, ClaimPoint.score)
        .join(ClaimPoint, ClaimPoint.claim_id == Claim.id).join(Source, Claim.source_id == Source.id)
        .outerjoin(Speaker, Claim.speaker_id == Speaker.id).outerjoin(Outlet, Source.outlet_id == Outlet.id)
        .where(ClaimPoint.point_id == pt.id, Claim.id.in_(ids[i:i + CHUNK])))}
    claims = [dict(claim_id=r.uid, outlet=r.outlet, published=r.published, speaker=r.speaker or r.mention or None,
                   relation=r.relation, score=round(r.score, 3), text=r.text, source=PurePath(r.path).name)
              for r in (rows[i] for i in ids if i in rows)]
    return dict(point=f"{slug}:{number}", plan=slug, plan_title=plan.title, number=number, topic=pt.topic,
                title=pt.title, text=pt.text, values=dict(pt.values or {}), claims=claims, claims_total=total)


def _point_claim_ids(session: Session, point_id: int, total: int, limit: int | None) -> list[int]:
    """Ids of the first LIMIT claims linked to the point, in POINT_ORDER.

    Two plans.  Driving from the point's links reads every linked claim and
    its source, then sorts: right for a point with few links.  For a point
    with many, walking the claims in date order (two index scans) meets
    LIMIT linked ones after about LIMIT * claims / links steps.  The walk is
    bounded to WALK_STEPS times that, in case the links cluster late, and
    falls back to the drive when the bound leaves it short; it is tried when
    its bound is under WALK_STEPS times the links (a drive step, two lookups
    and a sort, costs several walk steps)."""
    if limit is not None:
        claims = session.scalar(select(func.max(Claim.id))) or 0
        bound = WALK_STEPS * limit * claims // total + limit
        if bound < WALK_STEPS * total:
            window = (select(Claim.id, Source.published, Claim.source_id, Claim.start)
                      .join(Source, Claim.source_id == Source.id)
                      .order_by(Source.published, Source.id, Claim.start, Claim.id).limit(bound).subquery())
            ids = list(session.scalars(
                select(window.c.id).where(select(ClaimPoint.claim_id).where(
                    ClaimPoint.claim_id == window.c.id, ClaimPoint.point_id == point_id).exists())
                .order_by(*(window.c[k] for k in POINT_ORDER)).limit(limit)))
            if len(ids) == min(limit, total):
                return ids
    q = through_narrow_indexes(
        select(Claim.id).join(ClaimPoint, ClaimPoint.claim_id == Claim.id).join(Source, Claim.source_id == Source.id)
        .where(ClaimPoint.point_id == point_id).order_by(Source.published, Source.id, Claim.start, Claim.id))
    return list(session.scalars(q.limit(limit) if limit is not None else q))
