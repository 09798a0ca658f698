"""Stored articles with their claim counts (`provenance sources`, the web
view's source list), optionally filtered by outlet and date."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db.models import Claim, Outlet, Source

SOURCE_COLUMNS = ["id", "outlet", "published", "author", "title", "path", "claims"]


def source_rows(session: Session, limit: int | None = None, *, outlet: str | None = None,
                since: str | None = None, until: str | None = None, ids: list[int] | None = None) -> list[dict]:
    """Sources in id order: id, outlet, published, author, title, path, claims.
    OUTLET matches the outlet name case-insensitively; SINCE and UNTIL are
    dates (YYYY-MM-DD) compared with the start of `published`."""
    from .ingest.outlets import outlet_name

    n_claims = select(Claim.source_id, func.count().label("n")).group_by(Claim.source_id)
    if ids is not None:
        n_claims = n_claims.where(Claim.source_id.in_(ids))
    n_claims = n_claims.subquery()
    q = (select(Source.id, Outlet.name, Source.published, Source.author, Source.title, Source.path,
                func.coalesce(n_claims.c.n, 0))
         .outerjoin(Outlet, Source.outlet_id == Outlet.id)
         .outerjoin(n_claims, n_claims.c.source_id == Source.id))
    if ids is not None:
        q = q.where(Source.id.in_(ids))
    if outlet:
        name = outlet_name(outlet) or outlet
        q = q.where(func.lower(Outlet.name) == name.casefold())
    if since:
        q = q.where(Source.published >= since)
    if until:
        q = q.where(func.substr(Source.published, 1, len(until)) <= until)
    q = q.order_by(Source.id).limit(limit)
    return [dict(zip(SOURCE_COLUMNS, r)) for r in session.execute(q)]
