"""The contradictions queue, one finding side by side, and rulings
(confirm, dismiss, reopen) through db/contradictions_store.review."""
from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, jsonify, redirect, request, url_for
from sqlalchemy import select

from ..cli.contradictions import ALL_KINDS, FACTUAL, json_row
from ..contradictions_query import ContradictionFilter, count_contradictions, list_contradictions
from ..db.contradictions_store import STATUSES, review, review_history
from ..db.models import Claim
from ..query import records_for_claims
from .http import check_csrf, db, int_arg, respond, wants_json

bp = Blueprint("review", __name__)
QUEUE_LIMIT = 100
REVIEWER_MAX, NOTE_MAX = 200, 5000


def _filter() -> tuple[ContradictionFilter, dict]:
    a = {k: (request.args.get(k) or "").strip() or None for k in ("kind", "topic", "point", "status", "place")}
    if a["kind"] not in (None, "all", *ALL_KINDS):
        abort(400, f"kind must be one of {', '.join(ALL_KINDS)} or all")
    if a["status"] not in (None, *STATUSES):
        abort(400, f"status must be one of {', '.join(STATUSES)}")
    kinds = None if a["kind"] == "all" else (a["kind"],) if a["kind"] else FACTUAL
    return ContradictionFilter(kinds=kinds, topic=a["topic"], point=a["point"], status=a["status"],
                               place=a["place"]), a


@bp.get("/contradictions")
def queue():
    """Findings in id order, filtered like `provenance contradictions`;
    JSON as `provenance contradictions --format json` (same filters and --limit)."""
    f, args = _filter()
    limit = int_arg("limit", QUEUE_LIMIT)
    s = db()
    if wants_json():
        return jsonify([json_row(x) for x in list_contradictions(s, f, limit or None, detail=False)])
    items = list(list_contradictions(s, f, limit or None))
    counts = {st: count_contradictions(s, replace(f, status=st)) for st in STATUSES}
    return respond("contradictions.html", items, args=args, counts=counts, limit=limit, kinds=ALL_KINDS)


def finding(contradiction_id: int) -> dict:
    found = list(list_contradictions(db(), ContradictionFilter(ids=(contradiction_id,))))
    if not found:
        abort(404, f"no contradiction with id {contradiction_id}")
    return found[0]


def claim_records_by_uid(uids: list[str]) -> dict[str, dict]:
    s = db()
    ids = list(s.scalars(select(Claim.id).where(Claim.uid.in_(uids)))) if uids else []
    return {r["claim_id"]: r for r in records_for_claims(s, ids)}


@bp.get("/contradictions/<int:contradiction_id>")
def contradiction(contradiction_id: int):
    """One finding: its sides with who asserts what and the full sentences,
    the review form and the history of rulings."""
    x = finding(contradiction_id)
    records = claim_records_by_uid([m["claim"] for m in x["members"]])
    data = {"contradiction": json_row(x), "finding": x, "reviews": review_history(db(), contradiction_id),
            "claims": [records[m["claim"]] for m in x["members"] if m["claim"] in records]}
    if wants_json():
        return jsonify(data)
    return respond("contradiction.html", data, records=records, statuses=STATUSES)


@bp.post("/contradictions/<int:contradiction_id>/review")
def rule(contradiction_id: int):
    """Confirm, dismiss or reopen, with a reviewer's name and a note (form
    fields status, reviewer, note, csrf_token)."""
    check_csrf()
    status = request.form.get("status", "")
    reviewer = " ".join(request.form.get("reviewer", "").split())
    note = request.form.get("note", "").strip()
    if status not in STATUSES:
        abort(400, f"status must be one of {', '.join(STATUSES)}")
    if not reviewer or len(reviewer) > REVIEWER_MAX:
        abort(400, f"a ruling needs the reviewer's name (at most {REVIEWER_MAX} characters)")
    if len(note) > NOTE_MAX:
        abort(400, f"the note is longer than {NOTE_MAX} characters")
    s = db()
    row = review(s, contradiction_id, status, note or None, reviewer)
    s.commit()
    if wants_json():
        return jsonify({"id": row.id, "status": row.status, "reviews": review_history(s, row.id)})
    return redirect(url_for("review.contradiction", contradiction_id=row.id), code=303)


def sides_of(x: dict) -> list[dict]:
    """A finding's sides: the record's own `sides` ({party, assertion, claims})
    when it has them, else its members grouped by the conflicting words, in
    order of first appearance.  Each side's claims are member dicts
    (claim uid under "claim")."""
    if x.get("sides"):
        members = {m["claim"]: m for m in x.get("members", [])}
        out = []
        for side in x["sides"]:
            claims = []
            for c in side.get("claims", []):
                c = c if isinstance(c, dict) else {"claim": c}
                uid = c.get("claim") or c.get("claim_id")
                claims.append({**members.get(uid, {}), **c, "claim": uid})
            out.append({"party": side.get("party"), "assertion": side.get("assertion"), "claims": claims})
        return out
    groups: dict[str, dict] = {}
    for m in x["members"]:
        key = (m.get("value") or "").strip().casefold()
        groups.setdefault(key, {"party": None, "assertion": m.get("value"), "claims": []})["claims"].append(m)
    return list(groups.values())


@bp.app_template_global()
def finding_sides(x: dict) -> list[dict]:
    return sides_of(x)
