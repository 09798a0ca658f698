"""The single writer of an ingest: analysed articles are stored `size` at a
time, each batch in one transaction through the loader (scale/loader.py).

A deadlock or lock timeout between concurrent writers rolls the batch back and
it is tried again; any article of the batch is then either whole or absent.
"""
from __future__ import annotations

import time
from typing import Callable, TypeVar

from sqlalchemy.exc import OperationalError

from .loader import load
from .rows import ArticleRows

RETRIES = 3
TRANSIENT = ("deadlock", "could not serialize", "database is locked")
T = TypeVar("T")
DEFAULT_BATCH = 50  # articles per transaction; measured in docs/performance.md


def transient(exc: OperationalError) -> bool:
    return any(t in str(exc.orig).lower() for t in TRANSIENT)


def retrying(work: Callable[[], T]) -> T:
    """Run `work` (one whole transaction); a deadlock or lock timeout between
    concurrent writers rolls it back and it is run again, up to RETRIES times."""
    for attempt in range(RETRIES):
        try:
            return work()
        except OperationalError as exc:
            if attempt == RETRIES - 1 or not transient(exc):
                raise
            time.sleep(0.2 * (attempt + 1))
    raise AssertionError("unreachable")


def store_batch(app, items: list[ArticleRows], points: dict[str, int]) -> set[str]:
    """Store `items` in one transaction (retried on a transient lock error);
    returns the content hashes stored by this call."""
    if not items:
        return set()

    def once() -> set[str]:
        with app.session() as session:
            return load(session, items, points)

    return retrying(once)


class BatchWriter:
    """Collects analysed articles and stores them `size` at a time; `done` is
    called for each article once its batch is stored, with whether it was new."""

    def __init__(self, app, points: dict[str, int], size: int, done: Callable[[ArticleRows, bool], None]):
        self.app, self.points, self.size, self.done = app, points, max(1, size), done
        self.pending: list[ArticleRows] = []

    def add(self, item: ArticleRows) -> None:
        self.pending.append(item)
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        items, self.pending = self.pending, []
        new = store_batch(self.app, items, self.points)
        for item in items:
            created = item.sha256 in new
            new.discard(item.sha256)  # the same text twice in a batch: the second is not new
            self.done(item, created)
