"""Output formatters: table, json, jsonl, csv.  Data goes to stdout; progress
and messages go to stderr (see `say`)."""
from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Callable, Iterable, Sequence, TextIO

import click

FORMATS = ("table", "json", "jsonl", "csv")


def say(message: str) -> None:
    """A message for the user, never mixed with data on stdout."""
    click.echo(message, err=True)


def more_note(shown: int, total: int, what: str) -> None:
    """Say how many WHAT a --limit left out (0 shows them all)."""
    if shown < total:
        say(f"{total - shown} more {what} not shown (--limit N shows more, --limit 0 all)")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _truncate(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def table(rows: Sequence[dict], columns: Sequence[str], widths: dict[str, int] | None = None) -> str:
    """A plain aligned text table; long cells are cut to the given widths."""
    widths = widths or {}
    cells = [[_truncate(_cell(r.get(c)), widths.get(c, 60)) for c in columns] for r in rows]
    sizes = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(sizes[i]) for i, v in enumerate(vals)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * s for s in sizes])]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


# A spreadsheet runs a cell that starts with one of these as a formula
# (OWASP, "CSV injection"): such a cell is written with a leading apostrophe
# unless `provenance --csv-raw` asks for the values as stored.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: Any) -> Any:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_raw_requested() -> bool:
    """Whether the command line asked for raw CSV values (`provenance --csv-raw ...`)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("csv_raw"))


class CsvWriter:
    """csv.writer whose text cells are neutralised (see FORMULA_STARTS) unless raw.
    Every CSV the tool writes goes through it."""

    def __init__(self, out: TextIO, *, raw: bool | None = None) -> None:
        self._w = csv.writer(out, lineterminator="\n")
        self.raw = csv_raw_requested() if raw is None else raw

    def writerow(self, row: Sequence[Any]) -> None:
        self._w.writerow(row if self.raw else [csv_safe(v) for v in row])


def to_csv(rows: Iterable[dict], columns: Sequence[str], *, raw: bool | None = None) -> str:
    buf = io.StringIO()
    writer = CsvWriter(buf, raw=raw)
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def emit(
    rows: Sequence[dict],
    fmt: str,
    columns: Sequence[str],
    *,
    out: TextIO | None = None,
    widths: dict[str, int] | None = None,
    table_renderer: Callable[[Sequence[dict]], str] | None = None,
    empty_message: str = "nothing found",
) -> None:
    """Write rows in the chosen format.  An empty result is not an error."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        out.write(to_csv(rows, columns))
    else:
        if not rows:
            say(empty_message)
            return
        out.write((table_renderer(rows) if table_renderer else table(rows, columns, widths)) + "\n")


def format_option(choices: Sequence[str] = FORMATS, default: str = "table"):
    return click.option(
        "--format", "fmt", type=click.Choice(list(choices)), default=default, show_default=True,
        help="Output format.",
    )


def limit_option(default: int | None = None, help: str = "At most this many rows (default: all)."):
    """--limit N (N >= 0); a default other than None is shown in --help."""
    return click.option("--limit", type=click.IntRange(min=0), default=default, show_default=default is not None,
                        help=help)
