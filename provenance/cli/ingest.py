"""`provenance ingest` and `provenance extract`."""
from __future__ import annotations

import sys

import click

from ..errors import Exit, UsageError
from ..render import plural, say
from . import pass_app

__all__ = ["ingest", "extract"]


def _check_date(value: str | None) -> str | None:
    import re

    if value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?", value):
        raise UsageError(f"--published must be an ISO date such as 2025-11-20, not {value!r}")
    return value


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--outlet", help="Publisher of these articles (overrides what was inferred).")
@click.option("--published", help="Publication date, YYYY-MM-DD (overrides what was inferred).")
@click.option("--url", help="Where the article was published (overrides what was inferred).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: number of CPUs).")
@click.option("--no-detect", is_flag=True, help="Do not run contradiction detection afterwards.")
@click.option("--batch", type=click.IntRange(min=1), default=None,
              help="Articles stored per transaction (default 50; with --dask, one partition).")
@click.option("--dask", metavar="SCHEDULER|local:N", default=None,
              help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local "
                   "workers (docs/scale.md).")
@click.option("--file-budget", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Time one file may take to read and analyse before it is reported as too slow "
                   "(default 20; 0: no limit).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (no summary).")
@click.option("-v", "--verbose", is_flag=True, help="Also name each article already stored.")
@pass_app
def ingest(app, paths, outlet, published, url, workers, no_detect, batch, dask, file_budget, quiet, verbose):
    """Read articles (.txt, .md, .html, .htm; folders recursively), extract their
    claims, link them to plan points and store them.

    Articles are stored --batch at a time, each batch in one transaction; an
    article already stored adds nothing.  A file that cannot be read is reported on stderr and skipped;
    the exit status is then 1.  A sidecar FILE.meta.json gives or corrects
    outlet, published, author, url and title.  One summary line at the end
    (--quiet: none; --verbose: also each article already stored); a progress
    bar on a terminal (stderr).

    \b
    Example:
      provenance ingest sources/
      provenance ingest --outlet Reuters --published 2025-11-21 wire/kyiv.txt
      provenance ingest --dask local:4 archive/
    """
    from ..batch import run_ingest

    overrides = {k: v for k, v in (("outlet", outlet), ("published", _check_date(published)), ("url", url)) if v}
    if quiet and verbose:
        raise UsageError("--quiet and --verbose cannot go together")
    summary = run_ingest(app, paths, overrides or None, workers, detect=not no_detect, batch=batch,
                         budget=file_budget, dask=dask, verbosity=-1 if quiet else 1 if verbose else 0)
    if not quiet:
        say(summary.line())
    if summary.failed:  # 4 when no file at all could be used (errors.py), else 1
        sys.exit(Exit.PARTIAL if summary.new or summary.unchanged else Exit.INPUT)


@click.command()
@click.option("--all", "all_", is_flag=True, help="Re-extract every stored source (default: only those "
              "extracted by an older extractor version).")
@click.option("--source", "source_ids", type=int, multiple=True, help="Re-extract this source id (repeatable).")
@pass_app
def extract(app, all_, source_ids):
    """Re-run claim extraction on stored sources after the rules change.

    A source's claims are replaced; a claim whose span and speaker are
    unchanged keeps its id (and so its contradictions and reviews).

    \b
    Example:
      provenance extract --all
    """
    from ..batch import run_extract

    kept, removed, added, n = run_extract(app, all_, source_ids)
    say(f"re-extracted {plural(n, 'source')}: {plural(kept, 'claim')} kept, {removed} removed, {added} added")
