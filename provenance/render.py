"""Output formatters: table, json, jsonl, csv.  Data goes to stdout; progress
and messages go to stderr (see `say`).

Tables fit the terminal: on a terminal (or with $COLUMNS) the widest columns
are narrowed and their cells wrapped onto more lines, never cut; through a
pipe every cell is written whole on one line.  Bold and colour only on a
terminal and never with $NO_COLOR set.  Progress bars (`progress`) go to
stderr and only on a terminal."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
import textwrap
from typing import Any, Callable, Iterable, Sequence, TextIO

import click

FORMATS = ("table", "json", "jsonl", "csv")


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 claim', '2 claims' (or `many`)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


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


GAP = 2
MIN_COLUMN = 8


def use_color(stream: TextIO | None = None) -> bool:
    """Bold/colour on this stream: a terminal, and $NO_COLOR not set (no-color.org)."""
    stream = stream or sys.stdout
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def terminal_width() -> int | None:
    """The width tables must fit: $COLUMNS, else the terminal's; None through a pipe."""
    cols = os.environ.get("COLUMNS", "")
    if cols.isdigit() and int(cols) > 0:
        return int(cols)
    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size().columns


def fit_widths(natural: list[int], headers: Sequence[str], width: int | None) -> list[int]:
    """Column widths whose sum (with gaps) fits `width`: the widest column gives
    way first, none below its header or MIN_COLUMN."""
    sizes = list(natural)
    if width is None:
        return sizes
    floor = [min(n, max(len(h), MIN_COLUMN)) for n, h in zip(natural, headers)]
    excess = sum(sizes) + GAP * (len(sizes) - 1) - width
    while excess > 0:
        i = max(range(len(sizes)), key=lambda k: sizes[k] - floor[k])
        if sizes[i] <= floor[i]:
            break  # as narrow as it may go: the line stays wider than the terminal
        step = min(excess, sizes[i] - floor[i], max(1, sizes[i] - sorted(sizes)[-2]) if len(sizes) > 1 else excess)
        sizes[i] -= step
        excess -= step
    return sizes


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def table(rows: Sequence[dict], columns: Sequence[str], widths: dict[str, int] | None = None, *,
          width: int | None = -1) -> str:
    """An aligned text table fitted to the terminal (see the module doc): cells
    wrap onto more lines instead of being cut.  `widths` is kept for callers
    and unused; `width` overrides the terminal width (None: no limit)."""
    width = terminal_width() if width == -1 else width
    cells = [[" ".join(_cell(r.get(c)).split()) for c in columns] for r in rows]
    natural = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    sizes = fit_widths(natural, columns, width)

    def lines(vals: Sequence[str]) -> list[str]:
        wrapped = [_wrap(v, sizes[i]) if len(v) > sizes[i] else [v] for i, v in enumerate(vals)]
        depth = max(len(w) for w in wrapped)
        return [(" " * GAP).join((w[k] if k < len(w) else "").ljust(sizes[i]) for i, w in enumerate(wrapped)).rstrip()
                for k in range(depth)]

    out = lines(list(columns)) + [(" " * GAP).join("-" * s for s in sizes)]
    for row in cells:
        out.extend(lines(row))
    return "\n".join(out)


def progress(length: int, label: str):
    """A progress bar of `length` steps on stderr, shown only on a terminal
    (a context manager with .update(n), as click.progressbar)."""
    return click.progressbar(length=length, label=label, file=sys.stderr, show_pos=True, show_eta=False,
                             hidden=not sys.stderr.isatty())


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


def limit_option(default: int | None = None, help: str = "At most this many rows; 0 shows them all (default: all)."):
    """--limit N (N >= 0); a default other than None is shown in --help."""
    return click.option("--limit", type=click.IntRange(min=0), default=default, show_default=default is not None,
                        help=help)
