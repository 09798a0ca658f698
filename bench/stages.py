"""CPU and wall time per article by stage, measured in one process.

read (file to normalised Article), extract (claims, speakers, relays),
link (topics and plan points), rows (the loader's rows, built in the worker),
write (the loader, `BATCH` articles per transaction, into a fresh SQLite file),
and, for comparison, the one-article writer (db/store.store_article, one
transaction per article).  CPU from `time.process_time`, wall from
`time.perf_counter`, each divided by the number of articles.
"""
from __future__ import annotations

import time
from pathlib import Path

from provenance.batch import prepare
from provenance.cli import App
from provenance.extract import extract_claims
from provenance.ingest import read_article
from provenance.ingest.outlets import outlet_kinds
from provenance.link import link_claims
from provenance.pipeline import EXTRACTOR_VERSION, _warm_up, _setup
from provenance.scale.rows import article_rows
from provenance.scale.writer import store_batch


class Clock:
    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}

    def run(self, stage: str, fn, *args, **kw):
        c, w = time.process_time(), time.perf_counter()
        out = fn(*args, **kw)
        self.cpu[stage] = self.cpu.get(stage, 0.0) + time.process_time() - c
        self.wall[stage] = self.wall.get(stage, 0.0) + time.perf_counter() - w
        return out


def _fresh(path: Path) -> App:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return App("sqlite:///" + str(path))


def measure(paths: list[Path], work: Path, batches: tuple[int, ...] = (1, 50)) -> dict:
    app = _fresh(work / "stages.db")
    with app.session() as s:
        index, cache, kinds = prepare(s)
    _setup(index, frozenset())
    _warm_up()  # lexicons and patterns loaded before anything is timed
    clock, analysed, kinds = Clock(), [], outlet_kinds()
    for p in paths:
        article = clock.run("read", read_article, p)
        claims = clock.run("extract", extract_claims, article)
        linked = clock.run("link", link_claims, claims, index, article=article)
        rows = clock.run("rows", article_rows, article, linked, kinds, EXTRACTOR_VERSION)
        analysed.append((article, linked, rows))
    n = len(analysed)
    out = {"articles": n, "claims_per_article": round(sum(len(r.claims) for _, _, r in analysed) / max(1, n), 1)}
    for size in batches:
        target = _fresh(work / f"stages-{size}.db")
        with target.session() as s:
            _, cache, _ = prepare(s)
        items = [r for _, _, r in analysed]
        for i in range(0, n, size):
            clock.run(f"write_batch_{size}", store_batch, target, items[i:i + size], cache.points)
    one = _fresh(work / "stages-one.db")
    with one.session() as s:
        _, cache, kinds = prepare(s)
    from provenance.db.store import store_article

    def one_by_one() -> None:
        for article, linked, _ in analysed:
            with one.session() as s:
                store_article(s, article, list(linked), cache, kinds, EXTRACTOR_VERSION)

    clock.run("write_one_by_one", one_by_one)
    out["cpu_ms"] = {k: round(v / max(1, n) * 1000, 2) for k, v in clock.cpu.items()}
    out["wall_ms"] = {k: round(v / max(1, n) * 1000, 2) for k, v in clock.wall.items()}
    return out
