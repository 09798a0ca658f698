"""`provenance contradictions`: list, detect, review."""
from __future__ import annotations

import json
import sys

import click

from ..render import emit, format_option, limit_option, more_note, say, table
from . import pass_app

__all__ = ["contradictions"]

FACTUAL = ("value", "share", "control", "state", "denial")
ALL_KINDS = FACTUAL + ("position",)
COLUMNS = ["id", "kind", "topic", "status", "side", "speaker", "outlet", "published", "conflicting words"]
CSV_COLUMNS = ["id", "kind", "topic", "status", "side", "party", "stance", "about", "assertion", "claim", "speaker", "outlet",
               "published", "conflicting words"]
# a speaker's name is never cut (its side would be lost); the words are
WIDTHS = {"speaker": 200, "side": 60, "outlet": 24, "conflicting words": 70}


def _side_label(side: dict | None) -> str:
    """'Russia asserts: Russia controls Kupiansk'."""
    if not side:
        return ""
    what = side.get("about") or side.get("assertion") or ""
    return f"{side.get('party') or 'unknown side'} {side.get('stance') or ''}: {what}".strip()


def _table_rows(items: list[dict]) -> list[dict]:
    rows = []
    for x in items:
        sides = x.get("sides") or []
        last_side = object()
        for i, m in enumerate(x["members"]):
            first = i == 0
            side = sides[m["side"]] if m.get("side") is not None and m["side"] < len(sides) else None
            label = _side_label(side) if m.get("side") != last_side else ""
            last_side = m.get("side")
            rows.append({"id": x["id"] if first else "", "kind": x["kind"] if first else "",
                         "topic": (x["topic"] or "") if first else "", "status": x["status"] if first else "",
                         "side": label, "speaker": m["speaker"], "outlet": m["outlet"], "published": m["published"],
                         "conflicting words": m["value"], "party": (side or {}).get("party"),
                         "stance": (side or {}).get("stance"), "assertion": (side or {}).get("assertion"),
                         "about": (side or {}).get("about"),
                         "claim": m["claim"], "id_": x["id"]})
    return rows


def _render_table(items: list[dict]) -> str:
    out = [table(_table_rows(items), COLUMNS, widths=WIDTHS)]
    return "\n".join(out)


def _csv_rows(items: list[dict]) -> list[dict]:
    """One row per member claim, every row carrying its finding's id."""
    rows = _table_rows(items)
    for r in rows:
        r["id"] = r.pop("id_")
        r["side"] = _side_label({"party": r["party"], "stance": r["stance"], "about": r["about"]}) \
            if r["stance"] else ""
    return rows


# Default --limit: a screenful of findings in the table; in json every finding of any realistic
# collection (the scorer reads this list), yet a bounded answer from a benchmark's hundreds of thousands.
TABLE_LIMIT = 50
JSON_LIMIT = 1000


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(ALL_KINDS), help="Only this kind (default: the factual kinds "
              "value, share, control, denial; 'position' only when asked for).")
@click.option("--all", "all_", is_flag=True, help="Every kind, positions included.")
@click.option("--topic", help="Only contradictions on this topic, e.g. army_size.")
@click.option("--point", help="Only contradictions about this plan point, e.g. us-28:19.")
@click.option("--status", type=click.Choice(("open", "confirmed", "dismissed")), help="Only this status.")
@limit_option(help=f"At most this many, in id order; 0 for all (default: {TABLE_LIMIT} in the table, "
              f"{JSON_LIMIT} in json).")
@format_option(("table", "json", "csv"))
@click.pass_context
def contradictions(ctx, kind, all_, topic, point, status, limit, fmt):
    """List claims that cannot both be true: different values for one quantity,
    different parties for one share, control of a place asserted and denied,
    explicit denials.  Opposing positions (kind 'position') are listed only
    with --kind position or --all.

    The table shows the first 50, json the first 1000, one per line; a note
    on stderr says how many more there are (--limit 0 shows all).

    \b
    Example:
      provenance contradictions
      provenance contradictions --point us-28:19 --format json
      provenance contradictions detect
      provenance contradictions review 3 --status confirmed --note "checked"
    """
    if ctx.invoked_subcommand is not None:
        return
    if kind and all_:
        raise click.UsageError("--kind and --all cannot be used together")
    from ..contradictions_query import ContradictionFilter, count_contradictions, list_contradictions

    f = ContradictionFilter(kinds=None if all_ else ((kind,) if kind else FACTUAL), topic=topic, point=point,
                            status=status)
    if limit is None:
        limit = TABLE_LIMIT if fmt == "table" else JSON_LIMIT
    app = ctx.obj
    with app.session() as s:
        if fmt == "json":
            shown = _write_json(list_contradictions(s, f, limit or None, detail=False))
        elif fmt == "csv":
            items = list(list_contradictions(s, f, limit or None))
            shown = len(items)
            emit(_csv_rows(items), "csv", CSV_COLUMNS)
        else:
            items = list(list_contradictions(s, f, limit or None))
            shown = len(items)
            emit(items, "table", COLUMNS, table_renderer=_render_table, empty_message="no contradictions found")
        total = count_contradictions(s, f) if limit and shown == limit else shown
    more_note(shown, total, "contradictions")


def json_row(x: dict) -> dict:
    """A listed contradiction as `--format json` gives it (the web view answers the same)."""
    return {"id": x["id"], "topic": x["topic"], "kind": x["kind"], "claims": [m["claim"] for m in x["members"]],
            "sides": x.get("sides") or [], "values": x["values"], "explanation": x["explanation"], "detector": x["detector"],
            "status": x["status"], "point": x["point"]}


def _write_json(items) -> int:
    """The listing as a JSON list, one contradiction per line, written as it is read."""
    out, n = sys.stdout, 0
    for x in items:
        row = json_row(x)
        out.write(("[\n  " if n == 0 else ",\n  ") + json.dumps(row, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]\n" if n else "[]\n")
    return n


@contradictions.command("detect")
@click.option("--full", is_flag=True, help="Re-analyse and compare every stored claim (after a change of the "
              "rules or of provenance); without it only the claims stored since the last detection.")
@pass_app
def detect_cmd(app, full):
    """Run the detectors and store what they find.

    Without --full (and after each `ingest`): only the claims stored since
    the last detection are analysed; their analysis is stored, the blocks
    they fall in (a place, a state, a quantity, a shared object, a plan
    topic, a denied statement) are found through the stored block keys, and
    the detectors compare the claims of those blocks only.  The result is
    the same as a full run's.  When the new articles teach names (a town, a
    party) or quantity subjects that change how old claims read, the old
    claims concerned are read again too (and a store analysed under other
    names is analysed in full).  --full re-analyses every claim and refills
    the stored analysis.

    Re-running adds nothing; findings no longer produced are removed unless
    an editor ruled on them.

    \b
    Example:
      provenance contradictions detect
      provenance contradictions detect --full
    """
    from ..contradict import DETECTORS
    from ..db.contradictions_store import detect_and_store
    from ..render import progress

    with app.session() as s, progress(len(DETECTORS), "detecting") as bar:
        st = detect_and_store(s, bar.update, full=full)
    n = st.get("scope", "new:0")[4:]
    scope = "every claim" if st.get("scope") == "full" else f"{n} claims (new, or naming what new articles teach)"
    say(f"detection over {scope}: "
        f"{st['found']} contradictions found: {st['added']} added, {st['updated']} updated, "
        f"{st['removed']} removed, {st['kept_ruled']} kept because an editor ruled on them")


@contradictions.command("show")
@click.argument("contradiction_id", metavar="ID", type=int)
@format_option(("table", "json"))
@pass_app
def show_cmd(app, contradiction_id, fmt):
    """Print one contradiction in full: each side (which party asserts or
    denies what) and each claim with its speaker, side, outlet, date,
    article and whole sentence.

    \b
    Example:
      provenance contradictions show 3
      provenance contradictions show 3 --format json
    """
    from ..contradictions_query import contradiction_detail

    with app.session() as s:
        x = contradiction_detail(s, contradiction_id)
    if x is None:
        raise click.UsageError(f"no contradiction with id {contradiction_id}")
    if fmt == "json":
        sys.stdout.write(json.dumps(x, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    sys.stdout.write(_render_detail(x))


def _render_detail(x: dict) -> str:
    lines = [f"contradiction {x['id']}  {x['kind']}  {x['topic'] or ''}  [{x['status']}]".rstrip(),
             f"  {x['explanation']}", ""]
    groups = [(i, s) for i, s in enumerate(x["sides"])] or [(None, None)]
    for i, side in groups:
        if side is not None:
            lines.append(f"side {i + 1}: {_side_label(side)}")
        for c in x["claims"]:
            if c["side"] != i and side is not None:
                continue
            lines.append(f"  - {c['speaker'] or 'unnamed source'} (side: {c['party'] or 'unknown'}; "
                         f"outlet: {c['outlet'] or 'unknown'}; date: {c['published'] or 'unknown'}; {c['article']})")
            lines.append(f"    \"{c['sentence']}\"")
        lines.append("")
    return "\n".join(lines)


@contradictions.command("review")
@click.argument("contradiction_id", metavar="ID", type=int)
@click.option("--status", required=True, type=click.Choice(("confirmed", "dismissed", "open")),
              help="The ruling ('open' reopens a ruled contradiction).")
@click.option("--note", help="Why (kept in the review history).")
@click.option("--reviewer", metavar="NAME", help="Who rules (kept in the review history).")
@pass_app
def review_cmd(app, contradiction_id, status, note, reviewer):
    """Rule on a contradiction: confirmed or dismissed, or open again.  The
    ruling survives re-detection and re-extraction.

    \b
    Example:
      provenance contradictions review 3 --status dismissed --note "different dates"
    """
    from ..db.contradictions_store import review

    with app.session() as s:
        row = review(s, contradiction_id, status, note, reviewer)
        say(f"contradiction {row.id}: {row.status}")
