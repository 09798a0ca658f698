"""`provenance plans`, `plans load`, `points` and `point`."""
from __future__ import annotations

import json
import sys

import click

from ..render import emit, format_option, limit_option, more_note, say
from . import pass_app

__all__ = ["plans", "points", "point"]

PLAN_COLUMNS = ["slug", "title", "date", "points", "claims"]
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
    from ..db.plans_store import ensure_default_plans
    from ..query import point_view

    with app.session() as s:
        ensure_default_plans(s)
        data = point_view(s, ref, limit or None)
    shown, total = len(data["claims"]), data["claims_total"]
    if fmt == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        more_note(shown, total, "linked claims")
        return
    out = [f"{data['point']}  [{data['topic']}]  {data['title']}", f"  {data['text']}"]
    if data["values"]:
        out.append("  values: " + _values_cell(data["values"]))
    out.append(f"  plan: {data['plan_title']}")
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
            lines.append(f"  {c['published'] or '(no date)':10}  {c['relation']:9}  {c['claim_id']}  {text}")
    click.echo("\n".join(lines))
    more_note(shown, total, "linked claims")


def _values_cell(values: dict) -> str:
    return "; ".join(f"{k}={json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}"
                     for k, v in values.items())
