"""Sources, one article with its claims marked, one claim's permalink."""
from __future__ import annotations

from flask import Blueprint, abort, jsonify, request
from sqlalchemy import select

from ..contradictions_query import ContradictionFilter, list_contradictions
from ..db.models import Claim, ContradictionClaim, Source
from ..query import ClaimFilter, claim_records, records_for_claims
from ..sources_query import source_rows
from .http import db, int_arg, respond, wants_json
from .marks import marked

bp = Blueprint("article", __name__)
SOURCES_LIMIT = 200


@bp.get("/")
@bp.get("/sources")
def sources():
    """Stored articles, filtered by outlet and date; JSON as `provenance sources --format json`."""
    f = {k: (request.args.get(k) or "").strip() or None for k in ("outlet", "since", "until")}
    limit = int_arg("limit", SOURCES_LIMIT)
    rows = source_rows(db(), limit or None, **f)
    return respond("sources.html", rows, filters=f, limit=limit)


def _source(source_id: int) -> tuple[dict, str]:
    rows = source_rows(db(), ids=[source_id])
    text = db().scalar(select(Source.text).where(Source.id == source_id))
    if not rows or text is None:
        abort(404, f"no source with id {source_id}")
    return rows[0], text


@bp.get("/sources/<int:source_id>")
def article(source_id: int):
    """The stored text with every claim's span marked; JSON: the source row, its
    text and its claims as `provenance claims --source ID --format json`."""
    row, text = _source(source_id)
    claims = list(claim_records(db(), ClaimFilter(source=source_id)))
    data = {"source": row, "text": text, "claims": claims}
    if wants_json():
        return jsonify(data)
    return respond("article.html", data, paragraphs=marked(text, claims), url=_url(source_id))


@bp.get("/claims/<claim_id>")
def claim(claim_id: str):
    """One claim: its sentence in its paragraph, the export record, the
    contradictions it is part of."""
    s = db()
    cid = s.scalar(select(Claim.id).where(Claim.uid == claim_id))
    if cid is None:
        abort(404, f"no claim with id {claim_id!r}")
    record = next(iter(records_for_claims(s, [cid])))
    ids = tuple(s.scalars(select(ContradictionClaim.contradiction_id)
                          .where(ContradictionClaim.claim_id == cid).order_by(ContradictionClaim.contradiction_id)))
    found = list(list_contradictions(s, ContradictionFilter(ids=ids))) if ids else []
    from ..cli.contradictions import json_row

    data = {"claim": record, "contradictions": [json_row(x) for x in found]}
    if wants_json():
        return jsonify(data)
    text = s.scalar(select(Source.text).where(Source.id == record["source"]["id"])) or ""
    window = (record["start"], record["end"])
    return respond("claim.html", data, paragraphs=marked(text, [record], window), findings=found,
                   url=_url(record["source"]["id"]))


def _url(source_id: int) -> str | None:
    return db().scalar(select(Source.url).where(Source.id == source_id))

