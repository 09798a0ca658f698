"""Running a batch: process files, store them a batch of articles per transaction,
report bad files and go on, then detect contradictions once."""
from __future__ import annotations

import time
from pathlib import Path
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .db.models import Source
from .db.store import StoreCache, article_from_source, replace_claims, serialize_writers
from .errors import UsageError
from .pipeline import EXTRACTOR_VERSION, analyse, default_workers, process_paths
from .render import plural, progress, say
from .scale.writer import retrying



@dataclass
class Summary:
    read: int = 0  # files read (each also counted new, unchanged or failed)
    missing: int = 0  # paths given that do not exist (counted failed)
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        nothing = " (nothing new)" if self.read and not self.new and not self.failed else ""
        return (f"{plural(self.read + self.missing, 'file')}: {self.new} new, {self.unchanged} unchanged, "
                f"{self.failed} failed; {plural(self.claims, 'claim')} stored in {self.seconds:.1f}s{nothing}")


def prepare(session: Session) -> tuple[object, StoreCache, dict]:
    """Make sure the plans are loaded; return the plan index, a cache of point ids
    and the outlet kinds from the rules."""
    from .db.models import Plan
    from .db.plans_store import ensure_default_plans, plan_index, point_ids
    from .ingest.outlets import outlet_kinds

    if session.execute(select(Plan.id).limit(1)).first() is None:
        serialize_writers(session, "plans")  # a concurrent ingest may be loading them right now
    ensure_default_plans(session)
    cache = StoreCache(points=point_ids(session))
    return plan_index(session), cache, outlet_kinds()


def _detect_with_retry(app) -> None:
    """Detect contradictions in one transaction, one process at a time (the lock
    makes a concurrent ingest wait, then see this one's findings)."""
    from .contradict import DETECTORS
    from .db.contradictions_store import detect_and_store

    def once() -> None:
        with app.session() as session, progress(len(DETECTORS), "detecting") as bar:
            serialize_writers(session, "contradictions")
            detect_and_store(session, bar.update)

    retrying(once)


def run_ingest(app, paths, overrides, workers, detect: bool = True, batch: int | None = None,
               budget: float | None = None, dask: str | None = None, verbosity: int = 0) -> Summary:
    """Ingest `paths`: analysed in `workers` processes (or on the Dask cluster
    `dask`), stored `batch` articles per transaction by one writer.  verbosity:
    -1 errors only, 0 errors and the summary (the caller prints it), 1 also a
    line per article already stored."""
    from .ingest import iter_input_files
    from .scale.rows import article_rows
    from .scale.writer import DEFAULT_BATCH, BatchWriter

    started = time.perf_counter()
    summary = Summary()
    with app.session() as session:
        index, cache, kinds = prepare(session)
        stored = frozenset(bytes.fromhex(h) for h in session.execute(select(Source.sha256)).scalars())
    existing = []
    for p in paths:
        if Path(p).exists():
            existing.append(p)
        else:
            summary.missing += 1
            _fail(summary, f"{p}: no such file or folder")
    files = list(iter_input_files(existing))
    workers = workers or default_workers()

    def stored_one(item, created: bool) -> None:
        if created:
            summary.new += 1
            summary.claims += len(item.claims)
        else:
            summary.unchanged += 1
            if verbosity > 0:
                say(f"{item.path}: already stored, nothing new")

    with progress(len(files), "ingesting") as bar:
        if dask:  # rows come back a partition at a time; by default each partition is one transaction
            from .scale.dask_engine import process_on_dask
            results = process_on_dask(dask, files, overrides, index, stored, budget)
            batch = batch or results.size
        else:
            results = process_paths(files, overrides, workers, index, stored, budget=budget)
        writer = BatchWriter(app, cache.points, batch or DEFAULT_BATCH, stored_one)
        try:
            for done in results:
                summary.read += 1
                bar.update(1)
                if done.error:
                    _fail(summary, done.error)
                    continue
                writer.add(done.rows if done.rows is not None
                           else article_rows(done.article, done.claims, kinds, EXTRACTOR_VERSION))
            writer.flush()
        finally:
            results.close()  # stops the worker pool at once on an error or Ctrl-C
    if summary.read == 0 and summary.failed == 0:
        raise UsageError("no .txt, .md, .html or .htm files found in " + ", ".join(paths))
    # Also after a run that found only stored articles: an earlier run may have been
    # stopped after storing its last article but before detection finished.
    if detect and (summary.new or summary.unchanged):
        _detect_with_retry(app)
    summary.seconds = time.perf_counter() - started
    return summary


def _fail(summary: Summary, message: str) -> None:
    summary.failed += 1
    summary.errors.append(message)
    say(f"error: {message}")


def run_extract(app, all_: bool, source_ids) -> tuple[int, int, int, int]:
    """Re-extract stored sources; returns (kept, removed, added, sources)."""
    kept = removed = added = n = 0
    with app.session() as session:
        index, cache, kinds = prepare(session)
        query = select(Source)
        if source_ids:
            query = query.where(Source.id.in_(source_ids))
        elif not all_:
            query = query.where((Source.extracted_with.is_(None)) | (Source.extracted_with != EXTRACTOR_VERSION))
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        with progress(total, "re-extracting") as bar:
            for source in session.execute(query.order_by(Source.id)).scalars():
                article = article_from_source(source)
                k, r, a = replace_claims(session, source, article, analyse(article, index), cache)
                source.extracted_with = EXTRACTOR_VERSION
                kept, removed, added, n = kept + k, removed + r, added + a, n + 1
                bar.update(1)
        if n:
            from .db.contradictions_store import detect_and_store

            serialize_writers(session, "contradictions")
            detect_and_store(session)
    return kept, removed, added, n
