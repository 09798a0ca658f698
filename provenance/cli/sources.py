"""`provenance sources` and `provenance claims`."""
from __future__ import annotations

import re
from datetime import date

import click

from ..errors import UsageError
from ..records import CLAIM_KINDS
from ..render import emit, format_option, limit_option
from ..sources_query import SOURCE_COLUMNS
from . import pass_app

__all__ = ["sources", "claims"]

CLAIM_COLUMNS = ["claim_id", "speaker", "kind", "cue", "via", "outlet", "published", "plan_points", "text"]


@click.command()
@format_option(("table", "json", "jsonl", "csv"))
@limit_option()
@pass_app
def sources(app, fmt, limit):
    """List stored articles: id, outlet, date, author, title, path, claims.

    \b
    Example:
      provenance sources --format csv
    """
    from ..sources_query import source_rows

    with app.session() as s:
        rows = source_rows(s, limit or None)  # --limit 0: all
    emit(rows, fmt, SOURCE_COLUMNS, widths={"title": 50, "path": 40}, empty_message="no sources stored")


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def check_date(ctx, param, value: str | None) -> str | None:
    """A --since/--until value: YYYY-MM-DD (or YYYY-MM, YYYY), a real date; else a usage error (exit 2)."""
    if value is None:
        return None
    m = _DATE.fullmatch(value.strip())
    ok = bool(m)
    if m:
        try:
            date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        except ValueError:
            ok = False
    if not ok:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise UsageError(f"--{param.name} must be a date such as 2025-11-20 (or 2025-11, 2025), not {shown!r}")
    return value.strip()


def claim_filter_options(f):
    """The filters shared by `claims` and `export`."""
    for opt in reversed([
        click.option("--speaker", help="Claims by this speaker (any alias or spelling)."),
        click.option("--outlet", help="Claims published by this outlet."),
        click.option("--topic", help="Claims about this topic (see `provenance points`)."),
        click.option("--point", help="Claims linked to this plan point, e.g. us-28:19 (an unknown point is an error)."),
        click.option("--since", callback=check_date, help="Published on or after this date (YYYY-MM-DD)."),
        click.option("--until", callback=check_date, help="Published on or before this date (YYYY-MM-DD)."),
    ]):
        f = opt(f)
    return f


def flat(record: dict) -> dict:
    """A claim record flattened for tables and CSV."""
    sp = record["speaker"]
    return {
        "claim_id": record["claim_id"], "speaker": sp["name"] or (f"({sp['mention']})" if sp["mention"] else ""),
        "mention": sp["mention"], "speaker_type": sp["type"], "role": sp["role"], "kind": record["kind"],
        "cue": record["cue"], "via": record["via"], "outlet": record["source"]["outlet"],
        "published": record["source"]["published"], "source": record["source"]["path"],
        "plan_points": record["plan_points"], "topics": record["topics"], "start": record["start"],
        "end": record["end"], "quote": record["quote"], "rule": record["rule"], "text": record["text"],
    }


@click.command()
@claim_filter_options
@click.option("--source", "source_id", type=int, help="Claims of this source id.")
@click.option("--kind", type=click.Choice(CLAIM_KINDS), help="Only claims of this kind.")
@click.option("--search", help="Full-text search in the claim text and quote.")
@format_option()
@limit_option()
@pass_app
def claims(app, speaker, outlet, topic, point, since, until, source_id, kind, search, fmt, limit):
    """List attributed claims, filtered.

    json and jsonl give the export record (see `provenance export claims`).

    \b
    Example:
      provenance claims --speaker Zelensky --since 2025-11-01
      provenance claims --point us-28:19 --format json
    """
    from ..query import ClaimFilter, claim_records

    f = ClaimFilter(speaker=speaker, outlet=outlet, source=source_id, kind=kind, topic=topic, point=point,
                    since=since, until=until, search=search, limit=limit or None)
    with app.session() as s:
        records = list(claim_records(s, f))
    if fmt in ("json", "jsonl"):
        emit(records, fmt, [])
    else:
        cols = CLAIM_COLUMNS if fmt == "table" else list(flat(records[0]).keys()) if records else CLAIM_COLUMNS
        emit([flat(r) for r in records], fmt, cols, widths={"text": 70, "speaker": 28, "via": 20},
             empty_message="no claims match")
