"""Detection on claim texts that never repeat (`make bench-detect`).

The bench corpus repeats claim texts, and detection works per distinct text,
so the whole-store figure of `make bench` flatters an archive where every
claim is worded differently.  This step ingests the first half and then all
of BENCH_N generated articles (default 2000), makes every claim text
distinct (a unique non-numeric word appended), and measures in process
(`time.process_time`, each measurement run twice, the lower kept):

- whole detection (`detect_and_store`, full) at both sizes, and their ratio;
- detection after ingesting 20 new articles into the larger store
  (incremental: the new claims and their blocks only), against a full
  detection of the same store, and whether both give the same findings.

Environment: BENCH_N, BENCH_DIR (default bench/work), BENCH_OUT (default
bench/results.json; the figures go under the key "detect_distinct"), BENCH_PG (a
PostgreSQL URL: the stores are PostgreSQL databases made beside it, the figures go
under "detect_distinct_pg"; `bash .ci/pg.sh run make bench-detect-pg` starts a server).
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.pool import NullPool

from .corpus import build

ROOT = Path(__file__).resolve().parent.parent
PROVENANCE = str(Path(sys.executable).parent / "provenance")
NEW = 20  # articles ingested into the larger store before the incremental detection
WORDS = "abcdefghijklmnopqrstuvwxyz"


def _word(i: int) -> str:
    """A word no text holds and no two claims share: 'qz' + the number spelled in letters."""
    out = ""
    while True:
        out = WORDS[i % 26] + out
        i //= 26
        if not i:
            return "qz" + out


class Stores:
    """The bench's stores: SQLite files in the work folder, or, with BENCH_PG
    (a PostgreSQL URL of a database the bench may create others beside),
    PostgreSQL databases named bench_<name> (copied as templates)."""

    def __init__(self, work: Path, pg: str | None):
        self.work, self.pg = work, pg
        self._engine = None

    @staticmethod
    def _db(name: str) -> str:
        return "bench_" + name.replace("-", "_")

    def url(self, name: str) -> str:
        if self.pg:
            return self.pg.rsplit("/", 1)[0] + "/" + self._db(name)
        return f"sqlite:///{self.work / name}.db"

    def _admin(self):
        """One AUTOCOMMIT engine on the PostgreSQL server for the whole run."""
        if self._engine is None:
            from sqlalchemy import create_engine
            self._engine = create_engine(self.pg, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        return self._engine

    def drop(self, name: str) -> None:
        if not self.pg:
            for suffix in (".db", ".db-wal", ".db-shm"):
                (self.work / (name + suffix)).unlink(missing_ok=True)
            return
        from sqlalchemy import text
        db = self._db(name)
        with self._admin().connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": db})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db}"'))

    def exists(self, name: str) -> bool:
        if not self.pg:
            return (self.work / f"{name}.db").exists()
        from sqlalchemy import text
        with self._admin().connect() as conn:
            return conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                {"n": self._db(name)}).first() is not None

    def create(self, name: str) -> None:
        self.drop(name)
        if self.pg:
            from sqlalchemy import text
            with self._admin().connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self._db(name)}"'))

    def copy(self, src: str, dst: str) -> str:
        self.drop(dst)
        if self.pg:
            from sqlalchemy import text
            with self._admin().connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{self._db(dst)}" TEMPLATE "{self._db(src)}"'))
        else:
            with sqlite3.connect(self.work / f"{src}.db") as a, sqlite3.connect(self.work / f"{dst}.db") as b:
                a.backup(b)
        return self.url(dst)


def _engine(url: str):
    from sqlalchemy import create_engine
    return create_engine(url)


def distinct(url: str, since: int = 0) -> int:
    """Append a unique word to every claim text of id > since; the number changed."""
    from sqlalchemy import text
    eng = _engine(url)
    with eng.begin() as conn:
        ids = list(conn.execute(text("SELECT id FROM claims WHERE id > :s ORDER BY id"), {"s": since}).scalars())
        if ids:
            conn.execute(text("UPDATE claims SET text = text || ' ' || :w WHERE id = :i"),
                         [{"w": _word(i), "i": i} for i in ids])
    eng.dispose()
    return len(ids)


def _scalar(url: str, sql: str):
    from sqlalchemy import text
    eng = _engine(url)
    with eng.connect() as conn:
        out = conn.execute(text(sql)).scalar()
    eng.dispose()
    return out


def _ingest(url: str, paths: list[Path]) -> None:
    subprocess.run([PROVENANCE, "--db", url, "ingest", "--no-detect", "--quiet", *map(str, paths)], check=True)


def store(stores: Stores, paths: list[Path], name: str) -> str:
    """The store of these articles with distinct claim texts (kept between runs); its name."""
    done = stores.work / f"{name}{'-pg' if stores.pg else ''}.done"
    if done.exists() and stores.exists(name):
        return name
    stores.create(name)
    print(f"bench: ingesting {len(paths)} articles into {name}", file=sys.stderr)
    _ingest(stores.url(name), paths)
    distinct(stores.url(name))
    done.write_text("ok")
    return name


def timed(url: str, full: bool) -> tuple[float, dict]:
    """CPU seconds of one detection (in this process) and its counts."""
    from sqlalchemy.orm import Session

    from provenance.db.contradictions_store import detect_and_store
    from provenance.db.engine import open_database, upgrade

    upgrade(url)  # a store kept from an earlier schema
    eng = open_database(url)
    with Session(eng) as session:
        t, w = time.process_time(), time.perf_counter()
        stats = detect_and_store(session, full=full)
        cpu = time.process_time() - t
        session.commit()
        stats["wall_s"] = round(time.perf_counter() - w, 2)  # with the database server's time (PostgreSQL)
    eng.dispose()
    return cpu, stats


def findings(url: str) -> set:
    """Every stored finding as (key, kind, members with their sides)."""
    from sqlalchemy import text
    eng = _engine(url)
    with eng.connect() as conn:
        members: dict[int, list] = {}
        for cid, uid, side in conn.execute(text(
                "SELECT m.contradiction_id, c.uid, m.side FROM contradiction_claims m "
                "JOIN claims c ON c.id = m.claim_id ORDER BY m.contradiction_id, m.position")):
            members.setdefault(cid, []).append((uid, side))
        out = {(key, kind, tuple(members.get(i, ()))) for i, key, kind in
               conn.execute(text("SELECT id, key, kind FROM contradictions"))}
    eng.dispose()
    return out


def best_of_two(fn) -> tuple[float, object]:
    first, out = fn()
    second, out = fn()
    return min(first, second), out


def main() -> int:
    n = int(os.environ.get("BENCH_N", "2000"))
    work = Path(os.environ.get("BENCH_DIR", ROOT / "bench" / "work"))
    out_path = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "results.json"))
    pg = os.environ.get("BENCH_PG")
    work.mkdir(parents=True, exist_ok=True)
    stores = Stores(work, pg)
    paths = build(work / f"corpus-{n + NEW}", n + NEW, ROOT / "sources")
    half = store(stores, paths[:n // 2], f"distinct-{n // 2}")
    whole = store(stores, paths[:n], f"distinct-{n}")
    res: dict = {"articles": n, "database": "postgresql" if pg else "sqlite"}
    for label, name in (("half", half), ("whole", whole)):
        scratch = stores.copy(name, f"scratch-{label}")
        res[f"claims_{label}"] = _scalar(scratch, "SELECT count(*) FROM claims")
        cpu, stats = best_of_two(lambda: timed(scratch, True))
        res[f"detect_full_{label}_cpu_s"] = round(cpu, 2)
        res[f"findings_{label}"] = stats["found"]
        res[f"detect_full_{label}_wall_s"] = stats["wall_s"]
        print(f"bench: full detection, {res[f'claims_{label}']} claims: {cpu:.2f} s CPU", file=sys.stderr)
    res["detect_ratio"] = round(res["detect_full_whole_cpu_s"] / res["detect_full_half_cpu_s"], 2)
    # 20 new articles into the larger store (detected), then detection of the new claims only
    runs = []
    for k in range(2):
        scratch = stores.copy("scratch-whole", f"scratch-incr-{k}")
        last = _scalar(scratch, "SELECT max(id) FROM claims")
        _ingest(scratch, paths[n:])
        distinct(scratch, last)
        full_copy = stores.copy(f"scratch-incr-{k}", f"scratch-full-{k}")
        cpu, stats = timed(scratch, False)
        full_cpu, full_stats = timed(full_copy, True)
        stats["full_wall_s"] = full_stats["wall_s"]
        runs.append((cpu, full_cpu, stats, findings(scratch) == findings(full_copy)))
    cpu, full_cpu, stats, same = min(runs, key=lambda r: r[0])
    res.update(detect_incremental_cpu_s=round(cpu, 3), detect_full_after_cpu_s=round(min(r[1] for r in runs), 2),
               detect_incremental_wall_s=stats["wall_s"], detect_full_after_wall_s=stats["full_wall_s"],
               incremental_scope=stats.get("scope"), incremental_same_findings=all(r[3] for r in runs))
    res["incremental_over_full"] = round(res["detect_incremental_cpu_s"] / res["detect_full_after_cpu_s"], 3)
    print(f"bench: after {NEW} new articles: incremental {cpu:.2f} s, full {full_cpu:.2f} s CPU, "
          f"same findings: {res['incremental_same_findings']}", file=sys.stderr)
    results = json.loads(out_path.read_text()) if out_path.exists() else {}
    results["detect_distinct_pg" if pg else "detect_distinct"] = res
    out_path.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(res, indent=2))
    for k in range(2):
        for pre in ("scratch-incr", "scratch-full"):
            stores.drop(f"{pre}-{k}")
    for label in ("half", "whole"):
        stores.drop(f"scratch-{label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
