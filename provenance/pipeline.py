"""The stages in order — the one place that writes the order down:

    read article -> segment -> attribute -> resolve   (extract_claims)
      -> link to plan points                          (link_claims)
      -> store (one transaction per article)          (db.store)
      -> detect contradictions                        (after the batch)

Extraction runs in N worker processes; the parent is the only writer.  At most
a few articles per worker are in flight, so memory does not grow with the
number of files.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, ProvenanceError
from .records import Article, LinkedClaim

EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class Processed:
    path: str
    article: Article | None
    claims: tuple[LinkedClaim, ...] = ()
    error: str | None = None


# Set in each process that analyses files (the parent, or each worker by its
# initializer): the plan index, and the SHA-256 digests of articles already stored.
_INDEX = None
_STORED: frozenset[bytes] = frozenset()


def analyse(article: Article, index=None) -> list[LinkedClaim]:
    """Extract, resolve and link the claims of one article (pure)."""
    from .extract import extract_claims
    from .link import link_claims

    claims = extract_claims(article)
    return link_claims(claims, index if index is not None else _INDEX, article=article)


def process_path(path: str, overrides: dict | None = None) -> Processed:
    """Read one file and analyse it; bad input becomes an error line, not an exception."""
    from .ingest import read_article

    try:
        article = read_article(path, overrides)
        if not _utf8(article.path):  # a file name with bytes that are not UTF-8: store a readable form
            article = replace(article, path=article.path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        if bytes.fromhex(article.sha256) in _STORED:  # stored before this run: nothing to extract
            return Processed(path, article)
        return Processed(path, article, tuple(analyse(article)))
    except InputError as exc:
        return Processed(path, None, error=str(exc))
    except ProvenanceError:
        raise  # a usage error (bad override) concerns the whole command
    except Exception as exc:  # a reader/extractor bug on one odd file must not sink the batch
        detail = (str(exc).strip().splitlines() or [""])[0][:200]
        return Processed(path, None, error=f"{path}: cannot be processed ({type(exc).__name__}: {detail})")


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _work(args: tuple[str, dict | None]) -> Processed:
    return process_path(*args)


def _setup(index, stored: frozenset[bytes]) -> None:
    global _INDEX, _STORED
    _INDEX, _STORED = index, stored


def _worker_init(index, stored: frozenset[bytes]) -> None:
    """Workers get the run's data and ignore Ctrl-C: the parent alone handles it
    and terminates the pool."""
    _setup(index, stored)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def process_paths(paths: Iterable[Path], overrides: dict | None, workers: int, index,
                  stored: frozenset[bytes] = frozenset()) -> Iterator[Processed]:
    """Yield Processed records in input order, extracting in `workers` processes.
    Articles whose digest is in `stored` are read but not analysed."""
    _setup(index, stored)
    jobs = ((str(p), overrides) for p in paths)
    if workers <= 1:
        for job in jobs:
            yield _work(job)
        return
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    window = workers * 4
    pool = ctx.Pool(workers, initializer=_worker_init, initargs=(index, stored))
    try:
        pending: deque = deque()
        for job in jobs:
            pending.append(pool.apply_async(_work, (job,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # also when the consumer stops early (error, Ctrl-C, generator closed)
