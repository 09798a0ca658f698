"""The stages in order — the one place that writes the order down:

    read article -> segment -> attribute -> resolve   (extract_claims)
      -> link to plan points                          (link_claims)
      -> store (one transaction per article)          (db.store)
      -> detect contradictions                        (after the batch)

Extraction runs in N worker processes; the parent is the only writer.  At most
a few articles per worker are in flight, so memory does not grow with the
number of files.  Each file has a time budget (budget.py): a file that takes
longer is reported as too slow to analyse and the batch goes on.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from .budget import DEFAULT_BUDGET, TooSlow, time_budget
from .errors import InputError, ProvenanceError
from .records import Article, LinkedClaim

EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class Processed:
    path: str
    article: Article | None  # None when rows are given
    claims: tuple[LinkedClaim, ...] = ()  # empty when rows are given
    error: str | None = None
    rows: object = None  # scale.rows.ArticleRows, when built where the article was analysed


# Set in each process that analyses files (the parent, or each worker by its
# initializer): the plan index, and the SHA-256 digests of articles already stored.
_INDEX = None
_STORED: frozenset[bytes] = frozenset()
_BUDGET: float = DEFAULT_BUDGET  # seconds a file may take; 0: no limit


def analyse(article: Article, index=None) -> list[LinkedClaim]:
    """Extract, resolve and link the claims of one article (pure)."""
    from .extract import extract_claims
    from .link import link_claims

    claims = extract_claims(article)
    return link_claims(claims, index if index is not None else _INDEX, article=article)


def process_path(path: str, overrides: dict | None = None) -> Processed:
    """Read one file and analyse it within the time budget; bad input becomes
    an error line, not an exception."""
    _warm_up()
    try:
        with time_budget(_BUDGET):
            return _process_path(path, overrides)
    except TooSlow:
        return Processed(path, None, error=f"{path}: too slow to analyse (over the {_BUDGET:g} s budget per file)")


_WARM = False
_WARM_TEXT = ("Harbour talks\nThe minister said on Monday that the talks would resume, according to AFP. "
              "\"We are ready,\" she said.\n")


def _warm_up() -> None:
    """Once per process, outside the budget: import the readers, load the
    lexicons and compile the patterns, so the first file's budget is its own."""
    global _WARM
    if _WARM:
        return
    _WARM = True
    from .ingest import html  # noqa: F401  (the HTML readers and their libraries)
    from .ingest.normalize import sha256_text

    _rows(Article(path="warm-up", text=_WARM_TEXT, sha256=sha256_text(_WARM_TEXT)), analyse(
        Article(path="warm-up", text=_WARM_TEXT, sha256=sha256_text(_WARM_TEXT))))


def _process_path(path: str, overrides: dict | None) -> Processed:
    from .ingest import read_article

    try:
        article = read_article(path, overrides)
        if not _utf8(article.path):  # a file name with bytes that are not UTF-8: store a readable form
            article = replace(article, path=article.path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        if bytes.fromhex(article.sha256) in _STORED:  # stored before this run: nothing to extract
            return Processed(path, article)
        claims = tuple(analyse(article))
        return Processed(path, None, rows=_rows(article, claims))  # the rows alone (they hold the text): cheaper to send back
    except InputError as exc:
        return Processed(path, None, error=str(exc))
    except (ProvenanceError, TooSlow):
        raise  # a usage error (bad override) concerns the whole command; the budget is handled above
    except Exception as exc:  # a reader/extractor bug on one odd file must not sink the batch
        detail = (str(exc).strip().splitlines() or [""])[0][:200]
        return Processed(path, None, error=f"{path}: cannot be processed ({type(exc).__name__}: {detail})")


def _rows(article: Article, claims) -> object:
    """The article's rows for the loader, built here so the writer only merges them."""
    from .ingest.outlets import outlet_kinds
    from .scale.rows import article_rows

    return article_rows(article, claims, outlet_kinds(), EXTRACTOR_VERSION)


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _work(args: tuple[str, dict | None]) -> Processed:
    return process_path(*args)


def _setup(index, stored: frozenset[bytes], budget: float | None = None) -> None:
    global _INDEX, _STORED, _BUDGET
    _INDEX, _STORED = index, stored
    _BUDGET = DEFAULT_BUDGET if budget is None else budget


def _worker_init(index, stored: frozenset[bytes], budget: float | None = None) -> None:
    """Workers get the run's data and ignore Ctrl-C: the parent alone handles it
    and terminates the pool."""
    _setup(index, stored, budget)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def process_paths(paths: Iterable[Path], overrides: dict | None, workers: int, index,
                  stored: frozenset[bytes] = frozenset(), budget: float | None = None) -> Iterator[Processed]:
    """Yield Processed records in input order, extracting in `workers` processes.
    Articles whose digest is in `stored` are read but not analysed; a file
    over the time budget (seconds; None: the default, 0: none) is an error."""
    _setup(index, stored, budget)
    jobs = ((str(p), overrides) for p in paths)
    if workers <= 1:
        for job in jobs:
            yield _work(job)
        return
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    window = workers * 4
    pool = ctx.Pool(workers, initializer=_worker_init, initargs=(index, stored, budget))
    try:
        pending: deque = deque()
        for chunk in _chunks(jobs):
            pending.append(pool.apply_async(_work_many, (chunk,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # also when the consumer stops early (error, Ctrl-C, generator closed)


CHUNK = 8  # files per task once the run is under way: one message per 8 files halves the parent's CPU


def _chunks(jobs: Iterator) -> Iterator[list]:
    """Tasks of 1, 1, 2, 2, 4, 4, then CHUNK files: a short batch still spreads over the workers."""
    sizes = iter((1, 1, 2, 2, 4, 4))
    chunk: list = []
    size = next(sizes)
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= size:
            yield chunk
            chunk, size = [], next(sizes, CHUNK)
    if chunk:
        yield chunk


def _work_many(jobs: list) -> list[Processed]:
    return [_work(job) for job in jobs]
