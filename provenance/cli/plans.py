"""`provenance plans`, `plans load`, `points` and `point`."""
from __future__ import annotations

import json
import sys

import click

from ..render import emit, format_option, limit_option, more_note, say
from . import pass_app

__all__ = ["plans", "points", "point"]

PLAN_COLUMNS = ["slug", "title", "date", "revision_of", "topics", "points", "claims"]
TOPIC_COLUMNS = ["topic", "description", "plans", "points"]
DIFF_COLUMNS = ["status", "old", "new", "title", "values"]
POINT_COLUMNS = ["point", "topic", "title", "values", "claims"]
CLAIM_COLUMNS = ["outlet", "speaker", "published", "relation", "claim_id", "text"]


@click.group(invoke_without_command=True)
@format_option(("table", "json"))
@click.pass_context
def plans(ctx, fmt):
    """List the peace plans: slug, title, date, number of points and of linked claims.

    A fresh database gets the bundled plans (sources/plans/) on first use.

    \b
    Example:
      provenance plans
      provenance plans load sources/plans/us-28.json
      provenance plans topics
      provenance plans diff us-28 ua-20
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..db.plans_store import ensure_default_plans, list_plans

    app = ctx.obj
    with app.session() as s:
        ensure_default_plans(s)
        rows = list_plans(s)
    emit(rows, fmt, PLAN_COLUMNS, widths={"title": 60}, empty_message="no plans loaded")


@plans.command("load")
@click.argument("files", nargs=-1, type=click.Path(path_type=str))
@pass_app
def load(app, files):
    """Load or update plan files (.json or .toml); default: the bundled sources/plans/*.

    Loading the same file again changes nothing; a changed file updates its
    points in place, so claim links are kept.  A bad file is reported with its
    line and field, and nothing is loaded.

    \b
    Example:
      provenance plans load
      provenance plans load my-plans/eu-12.json
    """
    from ..db.plans_store import default_plan_files, load_plans

    paths = list(files) or default_plan_files()
    with app.session() as s:
        results = load_plans(s, paths)
    for r in results:
        say(r.line())


@plans.command("topics")
@click.option("--plan", "plan", metavar="SLUG", help="Only this plan's topics, e.g. us-28.")
@format_option(("table", "json"))
@pass_app
def topics(app, plan, fmt):
    """List the topics of the loaded plans: slug, description, cues, the plans that
    have it and its points.  Each plan file carries its own topics.

    \b
    Example:
      provenance plans topics
      provenance plans topics --plan ua-20 --format json
    """
    from ..db.plans_store import ensure_default_plans, list_topics

    with app.session() as s:
        ensure_default_plans(s)
        rows = list_topics(s, plan)
    if fmt == "table":
        rows = [dict(r, plans=", ".join(r["plans"]), points=", ".join(r["points"]) or "-") for r in rows]
    emit(rows, fmt, TOPIC_COLUMNS, widths={"description": 60, "points": 40}, empty_message="no topics")


@plans.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@format_option(("table", "json"))
@pass_app
def diff(app, old, new, fmt):
    """Compare two plans point by point: kept, changed (with the values that
    changed), dropped and added.  A plan that revises another maps its points
    with `revises` where it says so, by content elsewhere.

    \b
    Example:
      provenance plans diff us-28 ua-20
      provenance plans diff us-28 ua-20 --format json
    """
    from ..db.plans_store import ensure_default_plans, plan_diff

    with app.session() as s:
        ensure_default_plans(s)
        rows = plan_diff(s, old, new)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    table = []
    for r in rows:
        title = r["new_title"] if r["new_title"] and r["old_title"] in (None, r["new_title"]) else (
            f"{r['old_title']} -> {r['new_title']}" if r["new_title"] else r["old_title"])
        values = "; ".join(f"{v['name']}: {_cell(v['old'])} -> {_cell(v['new'])}" for v in r["values"])
        table.append(dict(status=r["status"], old=r["old"] or "-", new=r["new"] or "-", title=title, values=values))
    emit(table, "table", DIFF_COLUMNS, widths={"title": 50, "values": 70}, empty_message="no points")


def _cell(v) -> str:
    return "-" if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


@click.command()
@click.option("--plan", "plan", metavar="SLUG", help="Only this plan's points, e.g. us-28.")
@click.option("--topic", metavar="TOPIC", help="Only points with this topic, e.g. znpp.")
@format_option(("table", "json"))
@pass_app
def points(app, plan, topic, fmt):
    """List plan points: PLAN:NUMBER, topic, title, values, number of linked claims.

    \b
    Example:
      provenance points --plan us-28
      provenance points --topic army_size --format json
    """
    from ..db.plans_store import ensure_default_plans, list_points

    with app.session() as s:
        ensure_default_plans(s)
        rows = list_points(s, plan, topic)
    if fmt == "table":
        rows = [dict(r, values=_values_cell(r["values"])) for r in rows]
    emit(rows, fmt, POINT_COLUMNS, widths={"title": 40, "values": 60}, empty_message="no points found")


POINT_LIMIT = 50


@click.command()
@click.argument("ref", metavar="PLAN:NUMBER")
@limit_option(POINT_LIMIT, "Show at most this many linked claims, the first by date; 0 shows them all.")
@format_option(("table", "json"))
@pass_app
def point(app, ref, limit, fmt):
    """Show one plan point, its values and the claims linked to it (the
    first --limit of them by date), grouped by outlet and speaker, with dates.
    JSON gives the claims shown and `claims_total`; a note on stderr says
    how many more there are.

    \b
    Example:
      provenance point us-28:19
      provenance point ua-20:12 --limit 0 --format json
    """
    from ..db.plans_store import ensure_default_plans, point_versions
    from ..query import point_view

    with app.session() as s:
        ensure_default_plans(s)
        data = point_view(s, ref, limit or None)
        data["versions"] = point_versions(s, data["point"], data["claims"])
    shown, total = len(data["claims"]), data["claims_total"]
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        more_note(shown, total, "linked claims")
        return
    out = [f"{data['point']}  [{data['topic']}]  {data['title']}", f"  {data['text']}"]
    if data["values"]:
        out.append("  values: " + _values_cell(data["values"]))
    out.append(f"  plan: {data['plan_title']}")
    if data["versions"]:
        out.append("  versions:")
        width = max(len(v["point"]) for v in data["versions"])
        for v in data["versions"]:
            mark = "*" if v["point"] == data["point"] else " "
            vals = _values_cell(v["values"]) or "-"
            out.append(f"  {mark} {v['point']:{width}}  {v['date'] or '':10}  {v['claims']:4} claims  {v['title']}  [{vals}]")
    click.echo("\n".join(out))
    if not data["claims"]:
        say("no claims linked to this point")
        return
    groups: dict[tuple, list] = {}
    for c in data["claims"]:
        groups.setdefault((c["outlet"] or "(no outlet)", c["speaker"] or "(unresolved)"), []).append(c)
    head = f"{total} linked claims" + (f", the first {shown} by date" if shown < total else "")
    lines = [f"\n{head}:"]
    for (outlet, speaker), items in sorted(groups.items()):
        lines.append(f"\n{outlet} / {speaker}")
        for c in items:
            text = c["text"].replace("\n", " ")
            text = text if len(text) <= 110 else text[:109] + "…"
            matches = f"  [states {', '.join(c['versions'])}]" if c.get("versions") else ""
            lines.append(f"  {c['published'] or '(no date)':10}  {c['relation']:9}  {c['claim_id']}  {text}{matches}")
    click.echo("\n".join(lines))
    more_note(shown, total, "linked claims")


def _values_cell(values: dict) -> str:
    return "; ".join(f"{k}={json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}"
                     for k, v in values.items())
