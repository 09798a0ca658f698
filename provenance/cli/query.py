"""Fact-checker and editor questions: `who-said`, `speakers`, `speaker`, `audit`."""
from __future__ import annotations

import json
import sys
import textwrap

import click

from ..records import SPEAKER_TYPES
from ..render import emit, format_option, limit_option, more_note, plural, say, table, use_color
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
    from ..render import terminal_width
    from ..speakers_query import highlight

    with app.session() as s:
        rows = who_said_rows(s, text, limit or None)
    if fmt != "table":
        emit(rows if fmt in ("json", "jsonl") else _flat(rows, WHO_COLUMNS), fmt, WHO_COLUMNS)
        return
    terms = search_terms(text)
    bold = use_color()
    mark = (click.style("", bold=True, reset=False), click.style("", reset=True)) if bold else ("[", "]")
    wrap_at = (terminal_width() or 0) - 4

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
            marked = highlight(r["text"], terms, mark=mark)
            lines = textwrap.wrap(marked, wrap_at, break_on_hyphens=False) if wrap_at > 20 else [marked]
            out.extend(f"    {line}" for line in lines)
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
        rows = speaker_directory(s, search, type_, limit or None)
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


SUMMARY_COLUMNS = ["outlet", "articles", "claims", "anonymous", "anonymous_share", "relayed", "unresolved",
                   "quote_drift", "unsupported_headlines"]


@click.command()
@click.option("--source", "source_id", type=int, help="Audit this source id only.")
@click.option("--outlet", help="Audit this outlet's articles only.")
@click.option("--detail", is_flag=True, help="The table lists every article and its findings "
              "(default: a summary per outlet).")
@format_option()
@limit_option()
@pass_app
def audit(app, source_id, outlet, detail, fmt, limit):
    """Audit how each article attributes its statements: claims, anonymous
    share, claims relayed from other outlets (with the chain), unresolved
    speakers, quote drift (the same speaker's words worded differently by
    another outlet) and headlines the body does not support.

    The table gives a summary per outlet; --detail lists every article with
    its findings.  json and jsonl give every finding per article, csv the
    counts per article; all are written article by article as they are
    audited.  A progress bar shows on a terminal (stderr).

    \b
    Example:
      provenance audit
      provenance audit --detail --outlet AP
      provenance audit --format jsonl > audit.jsonl
    """
    from ..audit import count_sources, iter_audit, summarise
    from ..render import CsvWriter, progress

    limit = limit or None
    empty = "no sources match" if (source_id is not None or outlet) else "no sources stored"
    out = sys.stdout
    n = 0
    with app.session() as s, progress(count_sources(s, source_id, outlet, limit), "auditing") as bar:
        records = iter_audit(s, source_id, outlet, limit)
        if fmt == "table" and not detail:
            summary = summarise(_counted(records, bar))
            if summary:
                out.write(table(summary, SUMMARY_COLUMNS) + "\n")
            n = len(summary)
        else:
            csv_out = CsvWriter(out) if fmt == "csv" else None
            if csv_out:
                csv_out.writerow(AUDIT_COLUMNS)
            if fmt == "json":
                out.write("[")
            for r in _counted(records, bar):
                if fmt == "json":
                    out.write(("," if n else "") + "\n" + json.dumps(r, ensure_ascii=False, default=str))
                elif fmt == "jsonl":
                    out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
                elif csv_out:
                    csv_out.writerow([_csv_value(r.get(c)) for c in AUDIT_COLUMNS])
                else:
                    out.write(_audit_block(r, first=not n) + "\n")
                n += 1
            if fmt == "json":
                out.write("\n]\n")
    if not n:
        say(empty)


def _counted(records, bar):
    for r in records:
        bar.update(1)
        yield r


def _csv_value(v):
    return "" if v is None else f"{v:.2f}" if isinstance(v, float) else v


def _audit_block(r: dict, first: bool) -> str:
    """One article of `audit --detail`: its counts on one line, then its findings."""
    counts = ", ".join([plural(r["claims"], "claim"), f"{r['anonymous']} anonymous", f"{r['relayed']} relayed",
                        f"{r['unresolved']} unresolved", f"{r['quote_drift']} quote drift",
                        plural(r["unsupported_headlines"], "unsupported headline")])
    out = [("" if first else "\n") + f"#{r['source_id']} {r['outlet'] or '(no outlet)'} {r['published'] or ''} "
           f"{r['path']}", f"  {counts}"]
    for c in r["relayed_claims"]:
        out.append(f"  relayed  {' > '.join(c['chain'])}: {_one_line(c['text'])}")
    for c in r["unresolved_claims"]:
        out.append(f"  unresolved  {c['mention'] or '(no mention)'} ({c['reason']}): {_one_line(c['text'])}")
    for d in r["quote_drift_pairs"]:
        other = d["other"]
        out.append(f"  quote drift  {d['speaker']}: {_one_line(d['this']['wording'])!r}")
        out.append(f"      vs {other['outlet'] or '(no outlet)'} #{other['source_id']}: "
                   f"{_one_line(other['wording'])!r}")
    for h in r["headline_claims"]:
        out.append(f"  headline  {h['reason']}: {_one_line(h['text'])}")
    return "\n".join(out)


def _one_line(text: str) -> str:
    return " ".join((text or "").split())
