"""Speakers, plan points and who-said search."""
from __future__ import annotations

from flask import Blueprint, abort, jsonify, request
from sqlalchemy import select

from ..db.models import Plan, PlanPoint
from ..speakers_query import named_speaker_ids, speaker_claims, speaker_directory, who_said
from .chart import claims_per_day, day_chart
from .http import db, int_arg, respond, wants_json

bp = Blueprint("pages", __name__)
SPEAKER_LIMIT = 1000  # claims listed on a speaker's page unless ?limit= says otherwise (0: all)
POINT_LIMIT = 200
SEARCH_LIMIT = 200
DIRECTORY_LIMIT = 200


@bp.get("/speakers")
def speakers():
    """The speaker directory (`provenance speakers`), searchable by name."""
    q = (request.args.get("q") or "").strip() or None
    rows = speaker_directory(db(), q, None, int_arg("limit", DIRECTORY_LIMIT) or None)
    return respond("speakers.html", rows, q=q)


@bp.get("/speakers/<path:name>")
def speaker(name: str):
    """One speaker: aliases, roles, side, claims in time order (as
    `provenance speaker NAME --format json --limit N`), claims per day by outlet."""
    s = db()
    ids = named_speaker_ids(s, name)
    if not ids:
        abort(404, f"no speaker known as {name!r}")
    limit = int_arg("limit", SPEAKER_LIMIT)
    names, rows, total = speaker_claims(s, name, limit or None)
    about = speaker_directory(s, ids=ids)
    for r in about:
        r["side"] = side_of([r["name"], *r["aliases"]])
    per_day = claims_per_day(s, ids)
    data = {"speakers": about, "claims": rows, "total": total, "per_day": per_day}
    if wants_json():
        return jsonify(data)
    by_outlet: dict[str, list[dict]] = {}
    for r in rows:  # time order kept within each outlet
        by_outlet.setdefault(r["outlet"] or "(no outlet)", []).append(r)
    groups = sorted(by_outlet.items(), key=lambda kv: (kv[0] == "(no outlet)", kv[0].casefold()))
    return respond("speaker.html", data, name=name, chart=day_chart(per_day), limit=limit, groups=groups)


def side_of(names: list[str]) -> str | None:
    """The party a speaker stands for, from the parties of provenance/rules (one, or None)."""
    from ..contradict.lexicon import lexicon

    found = {p for p in (lexicon().party_of(n) for n in names) if p}
    return found.pop() if len(found) == 1 else None


@bp.get("/points/<ref>")
def point(ref: str):
    """One plan point (as `provenance point REF --format json`): its values, its
    versions across revisions of the plan, and its linked claims by date."""
    from ..db.plans_store import ensure_default_plans, point_versions
    from ..query import point_view

    s = db()
    ensure_default_plans(s)
    limit = int_arg("limit", POINT_LIMIT)
    data = point_view(s, ref, limit or None)
    data["versions"] = point_versions(s, data["point"], data["claims"])
    if wants_json():
        return jsonify(data)
    return respond("point.html", data, limit=limit)


@bp.get("/search")
def search():
    """Who said it: the search of `provenance who-said TEXT --format json`."""
    from ..db.search import search_terms

    q = (request.args.get("q") or "").strip()
    limit = int_arg("limit", SEARCH_LIMIT)
    rows = who_said(db(), q, limit or None) if q else []
    return respond("search.html", rows, q=q, terms=search_terms(q), limit=limit)
