"""Fact-checker and editor questions: `who-said`, `speakers`, `speaker`, `audit`."""
from __future__ import annotations

import sys

import click

from ..records import SPEAKER_TYPES
from ..render import emit, format_option, limit_option, more_note, say, table
from . import pass_app

__all__ = ["who_said", "speakers", "speaker", "audit"]

WHO_COLUMNS = ["speaker", "speaker_type", "outlet", "published", "via", "kind", "claim_id", "matched", "source", "text"]
SPEAKER_COLUMNS = ["name", "type", "aliases", "roles", "claims", "outlets", "first", "last"]
CLAIM_COLUMNS = ["published", "outlet", "speaker", "kind", "chain", "claim_id", "source", "text"]
SPEAKER_LIMIT = 50  # `speaker` shows the earliest 50 claims unless --limit says otherwise
AUDIT_COLUMNS = ["source_id", "outlet", "published", "claims", "anonymous", "anonymous_share", "relayed",
                 "unresolved", "quote_drift", "unsupported_headlines", "path"]


def _flat(rows: list[dict], columns: list[str]) -> list[dict]:
    return [{c: r.get(c) for c in columns} for r in rows]


@click.command("who-said")
@click.argument("text")
@format_option()
@limit_option()
@pass_app
def who_said(app, text, fmt, limit):
    """Who said TEXT: full-text search over claims, grouped by speaker, then
    outlet and date.  The table marks the matching words [like this]
    (in bold on a terminal).

    Any text is searched for literally: punctuation and operators such as
    `50-50`, `"Article 5"` or `AND` are words to find, not query syntax.

    \b
    Example:
      provenance who-said Kupiansk
      provenance who-said "600,000 troops" --format json
    """
    from ..db.search import search_terms
    from ..speakers_query import highlight

    with app.session() as s:
        rows = who_said_rows(s, text, limit)
    if fmt != "table":
        emit(rows if fmt in ("json", "jsonl") else _flat(rows, WHO_COLUMNS), fmt, WHO_COLUMNS)
        return
    terms = search_terms(text)
    bold = sys.stdout.isatty()
    mark = (click.style("", bold=True, reset=False), click.style("", reset=True)) if bold else ("[", "]")

    def render(rows):
        out, current = [], None
        for r in rows:
            if r["speaker"] != current:
                current = r["speaker"]
                n = sum(1 for x in rows if x["speaker"] == current)
                out.append(f"{'' if not out else chr(10)}{current} ({r['speaker_type'] or 'unknown'}): "
                           f"{n} claim{'s' * (n != 1)}")
            where = " ".join(filter(None, [r["outlet"] or "(no outlet)", r["published"] or "(undated)"]))
            via = f" via {' > '.join(r['via'])}" if r["via"] else ""
            out.append(f"  {where}{via}  [{r['claim_id']}]")
            out.append(f"    {highlight(r['text'], terms, width=160, mark=mark)}")
        return "\n".join(out)

    emit(rows, fmt, WHO_COLUMNS, table_renderer=render,
         empty_message=f"no claims match {text!r}" if terms else "nothing to search for: the text has no words")


def who_said_rows(session, text, limit):
    from ..speakers_query import who_said as query

    return query(session, text, limit)


@click.command()
@click.option("--search", "search", metavar="NAME", help="Only speakers whose name or alias contains NAME.")
@click.option("--type", "type_", type=click.Choice(SPEAKER_TYPES), help="Only speakers of this type.")
@format_option()
@limit_option()
@pass_app
def speakers(app, search, type_, fmt, limit):
    """List canonical speakers: aliases, type, roles as written, number of
    claims, outlets that quoted them, first and last dates.

    \b
    Example:
      provenance speakers --search zelensk
      provenance speakers --type organization --format csv
    """
    from ..speakers_query import speaker_directory

    with app.session() as s:
        rows = speaker_directory(s, search, type_, limit)
    emit(rows if fmt in ("json", "jsonl") else _flat(rows, SPEAKER_COLUMNS), fmt, SPEAKER_COLUMNS,
         widths={"aliases": 50, "roles": 40, "outlets": 40}, empty_message="no speakers match")


@click.command()
@click.argument("name")
@format_option()
@limit_option(SPEAKER_LIMIT, "Show at most this many claims, the earliest first; 0 shows them all.")
@pass_app
def speaker(app, name, fmt, limit):
    """One speaker's claims in time order, each with its relay chain
    (speaker > relays > publishing outlet).  NAME is any alias or known spelling.
    A note on stderr says how many more claims there are than shown.

    \b
    Example:
      provenance speaker Zelenskyy
      provenance speaker "Dmitry Peskov" --format json --limit 0
    """
    from ..speakers_query import speaker_claims

    with app.session() as s:
        names, rows, total = speaker_claims(s, name, limit or None)
    unknown = f"no speaker known as {name!r} (try `provenance speakers --search`)"
    if not names and fmt != "table":
        say(unknown)
    elif len(names) > 1:
        say(f"{name!r} matches {len(names)} speakers: {'; '.join(names)}")
    more_note(len(rows), total, "claims")
    flat = rows if fmt in ("json", "jsonl") else [{**r, "chain": " > ".join(r["chain"])} for r in rows]
    emit(flat if fmt != "csv" else _flat(flat, CLAIM_COLUMNS + ["via", "quote"]), fmt,
         CLAIM_COLUMNS + (["via", "quote"] if fmt == "csv" else []),
         widths={"text": 80, "chain": 40, "source": 30}, empty_message=unknown if not names else "no claims")


@click.command()
@click.option("--source", "source_id", type=int, help="Audit this source id only.")
@click.option("--outlet", help="Audit this outlet's articles only.")
@format_option()
@limit_option()
@pass_app
def audit(app, source_id, outlet, fmt, limit):
    """Audit how each article attributes its statements: claims, anonymous
    share, claims relayed from other outlets (with the chain), unresolved
    speakers, quote drift (the same speaker's words worded differently by
    another outlet) and headlines the body does not support.

    json and jsonl give every finding; table and csv give the counts
    (the table lists the findings under the summary).

    \b
    Example:
      provenance audit
      provenance audit --outlet AP --format json
    """
    from ..audit import audit_sources

    with app.session() as s:
        rows = audit_sources(s, source_id, outlet, limit)
    empty = "no sources match" if (source_id is not None or outlet) else "no sources stored"
    if not rows and fmt != "table":
        say(empty)
    emit(rows if fmt in ("json", "jsonl") else _flat(rows, AUDIT_COLUMNS), fmt, AUDIT_COLUMNS,
         table_renderer=lambda _: _audit_table(rows), empty_message=empty)


def _audit_table(rows: list[dict]) -> str:
    out = [table(_flat(rows, AUDIT_COLUMNS), AUDIT_COLUMNS, {"path": 40})]
    for r in rows:
        lines = []
        for c in r["relayed_claims"]:
            lines.append(f"  relayed  {' > '.join(c['chain'])}: {_cut(c['text'])}")
        for c in r["unresolved_claims"]:
            lines.append(f"  unresolved  {c['mention'] or '(no mention)'} ({c['reason']}): {_cut(c['text'])}")
        for d in r["quote_drift_pairs"]:
            other = d["other"]
            lines.append(f"  quote drift  {d['speaker']}: {_cut(d['this']['wording'], 70)!r}")
            lines.append(f"      vs {other['outlet'] or '(no outlet)'} #{other['source_id']}: "
                         f"{_cut(other['wording'], 70)!r}")
        for h in r["headline_claims"]:
            lines.append(f"  headline  {h['reason']}: {_cut(h['text'])}")
        if lines:
            out.append(f"\n#{r['source_id']} {r['outlet'] or '(no outlet)'} {r['path']}")
            out.extend(lines)
    return "\n".join(out)


def _cut(text: str, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
