"""Storing and querying peace plans and their points.

`load_plans(session, files)` is an idempotent upsert: the same file twice
changes nothing; a changed file updates its points in place (a point keeps its
id, and so its claim links, as long as its number stays); points removed from
the file are deleted.

`ensure_default_plans(session)` loads the bundled plan files when the plans
table is empty, so `provenance ingest` on a fresh database links claims.  The
bundled files ship inside the package as `provenance/data/plans` (in the
checkout a link to `sources/plans/`, their one home), found with
importlib.resources; $PROVENANCE_PLANS names another folder.
"""
from __future__ import annotations

import os
from importlib import resources
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..errors import PlanFileError, UsageError
from ..link import PlanIndex
from ..plans import PlanRecord, load_plan_file, plan_files
from .models import ClaimPoint, Plan, PlanPoint

PLANS_ENV = "PROVENANCE_PLANS"


def default_plans_dir() -> Path:
    """Where the bundled plan files live (see the module doc)."""
    if os.environ.get(PLANS_ENV):
        return Path(os.environ[PLANS_ENV])
    return Path(str(resources.files("provenance") / "data" / "plans"))


def default_plan_files() -> list[Path]:
    d = default_plans_dir()
    if not d.is_dir():
        raise PlanFileError(f"{d}: bundled plan folder not found (set ${PLANS_ENV} to a folder of plan files)")
    return plan_files(d)


@dataclass(frozen=True)
class LoadResult:
    slug: str
    status: str  # "added" | "updated" | "unchanged"
    points: int

    def line(self) -> str:
        return f"{self.slug}: {self.status} ({self.points} points)"


def upsert_plan(session: Session, rec: PlanRecord) -> LoadResult:
    plan = session.scalars(select(Plan).where(Plan.slug == rec.slug).options(selectinload(Plan.points))).first()
    status = "updated"
    if plan is None:
        plan = Plan(slug=rec.slug, title=rec.title)
        session.add(plan)
        status = "added"
    fields = dict(title=rec.title, date=rec.date, published_at=list(rec.published_at),
                  revision_of=rec.revision_of, file_sha256=rec.sha256, topics=dict(rec.topics),
                  names=list(rec.names), subject=list(rec.subject), revises=dict(rec.revises))
    changed = status == "added"
    for k, v in fields.items():
        if getattr(plan, k) != v:
            setattr(plan, k, v)
            changed = True
    existing = {p.number: p for p in plan.points}
    wanted = {p.number for p in rec.points}
    for number, row in list(existing.items()):
        if number not in wanted:
            plan.points.remove(row)
            changed = True
    for p in rec.points:
        row = existing.get(p.number)
        if row is None:
            plan.points.append(PlanPoint(number=p.number, title=p.title, text=p.text, topic=p.topic, values=dict(p.values)))
            changed = True
            continue
        for k, v in dict(title=p.title, text=p.text, topic=p.topic, values=dict(p.values)).items():
            if getattr(row, k) != v:
                setattr(row, k, v)
                changed = True
    session.flush()
    return LoadResult(rec.slug, status if changed else "unchanged", len(rec.points))


def load_plans(session: Session, files: Iterable[str | Path]) -> list[LoadResult]:
    """Validate every file first (one bad file stops the load: plans are
    reference data), then upsert them.  Never commits."""
    records = [load_plan_file(f) for f in files]
    seen: dict[str, str] = {}
    for r in records:
        if r.slug in seen:
            raise PlanFileError(f"{r.path}:1: slug: {r.slug!r} is also the slug of {seen[r.slug]}")
        seen[r.slug] = r.path
    return [upsert_plan(session, r) for r in records]


def ensure_default_plans(session: Session) -> list[LoadResult]:
    """Load the bundled plans if the plans table is empty.  A bundled plan stored before
    plans kept their topics (a database upgraded to 0006) is loaded again from its file,
    so it gets them; otherwise nothing is done."""
    if not session.scalar(select(func.count(Plan.id))):
        return load_plans(session, default_plan_files())
    stale = {slug for slug, topics in session.execute(select(Plan.slug, Plan.topics)) if not topics}
    if not stale or not default_plans_dir().is_dir():
        return []
    records = [r for r in (load_plan_file(f) for f in default_plan_files()) if r.slug in stale]
    return [upsert_plan(session, r) for r in records]


# --- queries ---

def list_plans(session: Session) -> list[dict]:
    """Every plan with its number of points and of linked claims."""
    n_points = (select(PlanPoint.plan_id, func.count(PlanPoint.id).label("n"))
                .group_by(PlanPoint.plan_id).subquery())
    n_claims = (select(PlanPoint.plan_id, func.count(func.distinct(ClaimPoint.claim_id)).label("n"))
                .join(ClaimPoint, ClaimPoint.point_id == PlanPoint.id).group_by(PlanPoint.plan_id).subquery())
    rows = session.execute(
        select(Plan, func.coalesce(n_points.c.n, 0), func.coalesce(n_claims.c.n, 0))
        .outerjoin(n_points, n_points.c.plan_id == Plan.id)
        .outerjoin(n_claims, n_claims.c.plan_id == Plan.id)
        .order_by(Plan.date, Plan.slug)
    ).all()
    return [dict(slug=p.slug, title=p.title, date=p.date, revision_of=p.revision_of,
                 published_at=list(p.published_at or []), topics=len(p.topics or {}), points=np_, claims=nc)
            for p, np_, nc in rows]


def list_topics(session: Session, plan: str | None = None) -> list[dict]:
    """Every topic of the loaded plans (or of one): slug, description, cues, the plans
    that use it and its number of points."""
    q = select(Plan).options(selectinload(Plan.points)).order_by(Plan.date, Plan.slug)
    if plan:
        q = q.where(Plan.id == get_plan(session, plan).id)
    out: dict[str, dict] = {}
    for p in session.scalars(q):
        for slug, t in (p.topics or {}).items():
            row = out.setdefault(slug, dict(topic=slug, description=t.get("description", ""),
                                            cues=list(t.get("cues") or []), plans=[], points=[]))
            row["plans"].append(p.slug)
            row["points"].extend(f"{p.slug}:{pt.number}" for pt in p.points if pt.topic == slug)
    return sorted(out.values(), key=lambda r: r["topic"])


def get_plan(session: Session, slug: str) -> Plan:
    plan = session.scalars(select(Plan).where(Plan.slug == slug)).first()
    if plan is None:
        known = ", ".join(session.scalars(select(Plan.slug).order_by(Plan.slug))) or "none loaded"
        raise UsageError(f"no plan {slug!r} (known plans: {known})")
    return plan


def list_points(session: Session, plan: str | None = None, topic: str | None = None) -> list[dict]:
    """Points (of one plan, or all) with their number of linked claims."""
    n_claims = (select(ClaimPoint.point_id, func.count(ClaimPoint.claim_id).label("n"))
                .group_by(ClaimPoint.point_id).subquery())
    q = (select(PlanPoint, Plan.slug, func.coalesce(n_claims.c.n, 0))
         .join(Plan, PlanPoint.plan_id == Plan.id)
         .outerjoin(n_claims, n_claims.c.point_id == PlanPoint.id))
    if plan:
        q = q.where(Plan.id == get_plan(session, plan).id)
    if topic:
        q = q.where(PlanPoint.topic == topic)
    rows = session.execute(q.order_by(Plan.date, Plan.slug, PlanPoint.number)).all()
    return [dict(point=f"{slug}:{pt.number}", plan=slug, number=pt.number, topic=pt.topic, title=pt.title,
                 text=pt.text, values=dict(pt.values or {}), claims=n) for pt, slug, n in rows]


def point_ids(session: Session) -> dict[str, int]:
    """"us-28:19" -> plan_points.id for every stored point."""
    rows = session.execute(select(Plan.slug, PlanPoint.number, PlanPoint.id).join(PlanPoint, PlanPoint.plan_id == Plan.id))
    return {f"{slug}:{n}": pid for slug, n, pid in rows}


def plan_index(session: Session) -> PlanIndex:
    """The linker's view of the stored plans (plain frozen records, safe to hand to workers)."""
    plans = session.scalars(select(Plan).options(selectinload(Plan.points)).order_by(Plan.slug)).all()
    return PlanIndex.from_records(plans)


# --- revisions ---

def plan_diff(session: Session, old: str, new: str) -> list[dict]:
    """Points kept, changed, dropped and added from plan `old` to plan `new`."""
    from ..plan_revisions import diff_plans

    get_plan(session, old), get_plan(session, new)
    index = plan_index(session)
    plans = {p.slug: p for p in index.plans}
    return [d.as_dict() for d in diff_plans(plans[old], plans[new])]


def point_versions(session: Session, ref: str, claims: list[dict] | None = None) -> list[dict]:
    """The versions of a point in the plans it was revised from or into, oldest first,
    each with its values and number of linked claims.  Each of `claims` (dicts with
    "text") gets "versions": the versions whose own values it states."""
    from ..plan_revisions import matching_versions, versions_of

    index = plan_index(session)
    found = versions_of(ref, index)
    if len(found) < 2:
        return []
    for c in claims or ():
        c["versions"] = matching_versions(c.get("text") or "", found)
    ids = point_ids(session)
    counts = dict(session.execute(select(ClaimPoint.point_id, func.count(ClaimPoint.claim_id))
                                  .where(ClaimPoint.point_id.in_([ids[p.ref] for p in found]))
                                  .group_by(ClaimPoint.point_id)).all())
    dates = {p.slug: p.date for p in index.plans}
    return [dict(point=p.ref, plan=p.plan, date=dates[p.plan], title=p.title, text=p.text, values=dict(p.values),
                 claims=counts.get(ids[p.ref], 0)) for p in found]
