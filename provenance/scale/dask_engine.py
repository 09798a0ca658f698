"""`ingest --dask`: reading and analysis on a Dask cluster, one writer here.

The input files are cut into partitions (at most PARTITION files; smaller when
there are few files, so every worker gets some).  Each partition is one Dask
task: a worker reads and analyses its files, builds their rows by natural
keys (scale/rows.py) and returns them; this process, the only writer, merges
each partition in input order through the loader (scale/loader.py).  The
plan index and the digests of the articles already stored are scattered to
every worker once; lexicons and compiled patterns are built once per worker
process, on its first file.  Scheduling, retries after a worker dies and the
dashboard are Dask's: a partition whose worker died is computed again
elsewhere, and since rows are merged with ON CONFLICT DO NOTHING, a partition
delivered twice adds nothing the second time.
"""
from __future__ import annotations

import math
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import UsageError

PARTITION = 500  # files per task at most
RETRIES = 3      # a task whose worker died is run again up to this many times


def parse_address(address: str) -> tuple[str | None, int]:
    """("tcp://host:8786", 0) for a scheduler, (None, N) for local:N."""
    if address.startswith("local:"):
        n = address.split(":", 1)[1]
        if not n.isdigit() or not 1 <= int(n) <= 256:
            raise UsageError(f"--dask local:N needs a number of workers from 1 to 256, not {address!r}")
        return None, int(n)
    if not address or any(c.isspace() for c in address):
        raise UsageError(f"--dask needs a scheduler address such as tcp://host:8786 or local:N, not {address!r}")
    return address, 0


def partition_size(n_files: int, n_workers: int) -> int:
    """At most PARTITION files, and at least two partitions per worker when the input allows."""
    return max(1, min(PARTITION, math.ceil(n_files / max(1, 2 * n_workers))))


def _analyse_partition(paths: list[str], overrides, index, stored, budget) -> list:
    """On a worker: read and analyse each file; its rows, or its error."""
    from .. import pipeline
    from ..ingest.outlets import outlet_kinds
    from .rows import article_rows

    pipeline._setup(index, stored, budget)
    out = []
    for path in paths:
        done = pipeline.process_path(path, overrides)
        if done.error is None and done.rows is None:  # stored already: only its hash is needed
            done = pipeline.Processed(done.path, None, rows=article_rows(
                done.article, (), outlet_kinds(), pipeline.EXTRACTOR_VERSION))
        elif done.rows is not None:
            done = pipeline.Processed(done.path, None, rows=done.rows)  # the text travels once, in the rows
        out.append(done)
    return out


class DaskRun:
    """Processed records of `files` in input order, analysed on the cluster."""

    def __init__(self, address: str, files: Iterable[Path], overrides, index, stored, budget):
        scheduler, local = parse_address(address)
        try:
            from distributed import Client, LocalCluster
        except ImportError:  # pragma: no cover - a dependency of the package
            raise UsageError("--dask needs the packages dask and distributed") from None
        self.cluster = None
        try:
            if local:
                self.cluster = LocalCluster(n_workers=local, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                self.client = Client(scheduler, timeout="20s")
        except OSError as exc:
            self.close()
            raise UsageError(f"--dask: cannot reach the Dask scheduler {address}: {exc}") from None
        self.paths = [str(p) for p in files]
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or local or 1)
        self.size = partition_size(len(self.paths), workers)
        self.window = 2 * workers + 1  # partitions in flight: results wait on the workers, not here
        self.args = (overrides, *self.client.scatter([index, stored], broadcast=True), budget)

    def __iter__(self) -> Iterator:
        parts = [self.paths[i:i + self.size] for i in range(0, len(self.paths), self.size)]
        pending: deque = deque()
        for part in parts:
            pending.append(self._submit(part))
            if len(pending) >= self.window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()

    def _submit(self, part: list[str]):
        return self.client.submit(_analyse_partition, part, *self.args, retries=RETRIES, pure=False)

    def close(self) -> None:
        for thing in (getattr(self, "client", None), self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # already gone (a scheduler that went away): nothing left to release
                    pass


def process_on_dask(address: str, files, overrides, index, stored, budget) -> "_Results":
    run = DaskRun(address, files, overrides, index, stored, budget)
    return _Results(run)


class _Results:
    """An iterator with close(), like the worker pool's generator."""

    def __init__(self, run: DaskRun):
        self.run, self.size = run, run.size
        self._it = iter(run)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def close(self) -> None:
        self.run.close()
