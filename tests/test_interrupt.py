"""Interrupted batches.

- SIGKILL in the middle of a large batch, then the same ingest again: every
  article is stored exactly once with all its claims (the claim counts per
  article equal those of a clean single run into another database) and the
  SQLite file passes PRAGMA integrity_check.  On PostgreSQL (PROVENANCE_TEST_PG)
  the same with counts and uniqueness.
- Ctrl-C (SIGINT to the process group, as a terminal sends it) stops cleanly:
  one line, exit status 130, no traceback from the parent or the workers, and
  no worker process left behind.

The corpus is generated: paragraphs of sources/*.txt recombined, with their
numbers swapped, so each article's text (and hash) differs.
"""
from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from provenance.errors import Exit

from conftest import PG_URL, SOURCES

PROV = str(Path(sys.executable).parent / "provenance")
N_ARTICLES = 300
PARAGRAPHS = 6


def make_corpus(folder: Path, n: int = N_ARTICLES, seed: int = 20251126) -> None:
    rng = random.Random(seed)
    paragraphs = [line.strip() for f in sorted(SOURCES.glob("*.txt"))
                  for line in f.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 40]
    assert len(paragraphs) > PARAGRAPHS
    folder.mkdir()
    for i in range(n):
        picked = rng.sample(paragraphs, PARAGRAPHS)
        body = [re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), p) for p in picked]
        title = f"Dispatch {i}: talks continue on day {rng.randint(1, 400)}"
        (folder / f"a{i:04d}.txt").write_text(title + "\n" + "\n".join(body) + "\n", encoding="utf-8")


def ingest(db: str, folder: Path, *options: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([PROV, "--db", db, "ingest", "--no-detect", "--workers", "2", *options, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                            start_new_session=True, **popen)


def sqlite_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    except sqlite3.Error:
        return 0  # schema not created yet, or locked for a moment


def wait_for(predicate, proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll until predicate() is true; False if the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.05)
    raise AssertionError("timed out waiting for the batch to make progress")


def per_article_claims(url: str) -> dict[str, int]:
    """{sha256: number of claims} for every stored article (any backend)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return dict(conn.execute(text(
                "SELECT s.sha256, count(c.id) FROM sources s LEFT JOIN claims c ON c.source_id = s.id "
                "GROUP BY s.sha256")).all())
    finally:
        engine.dispose()


def duplicates(url: str) -> list:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return (conn.execute(text("SELECT sha256 FROM sources GROUP BY sha256 HAVING count(*) > 1")).all()
                    + conn.execute(text("SELECT uid FROM claims GROUP BY uid HAVING count(*) > 1")).all()
                    + conn.execute(text("SELECT source_id, start, \"end\", speaker_id FROM claims "
                                        "GROUP BY source_id, start, \"end\", speaker_id HAVING count(*) > 1")).all())
    finally:
        engine.dispose()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:  # read-write: a hot journal left by the kill is rolled back
        (result,) = conn.execute("PRAGMA integrity_check").fetchone()
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
    return result if not fk else f"foreign keys: {fk[:5]}"


def group_alive(pgid: int) -> list[int]:
    import psutil

    alive = []
    for proc in psutil.process_iter(["pid"]):
        try:
            if os.getpgid(proc.info["pid"]) == pgid and proc.status() != psutil.STATUS_ZOMBIE:
                alive.append(proc.info["pid"])
        except (ProcessLookupError, psutil.Error, OSError):
            pass
    return alive


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch") / "articles"
    make_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict[str, int]:
    """Claims per article after one uninterrupted run."""
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    proc = ingest(f"sqlite:///{db}", corpus)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    counts = per_article_claims(f"sqlite:///{db}")
    assert len(counts) == N_ARTICLES
    assert sum(counts.values()) > N_ARTICLES  # the generated articles do carry claims
    return counts


def kill_midway_then_rerun(url: str, corpus: Path, stored_count, check_partial=None, options: tuple = ()
                           ) -> tuple[int, subprocess.CompletedProcess]:
    proc = ingest(url, corpus, *options)
    try:
        reached = wait_for(lambda: stored_count() >= N_ARTICLES // 6, proc)
        assert reached, "the batch ended before it could be killed: " + proc.stderr.read()[-2000:]
        os.killpg(proc.pid, signal.SIGKILL)  # parent and workers, like `kill -9 -PGID` or a power cut
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    proc.stdout.close()
    proc.stderr.close()
    at_kill = stored_count()
    if check_partial is not None:
        check_partial()
    again = ingest(url, corpus, *options)
    out, err = again.communicate(timeout=300)
    return at_kill, subprocess.CompletedProcess(again.args, again.returncode, out, err)


@pytest.mark.parametrize("batch", [None, 7])
def test_sigkill_midway_then_rerun_stores_each_article_once_with_all_claims(corpus, clean, tmp_path, batch):
    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"

    def partial_is_whole() -> None:
        """Right after the kill: the file is sound, and what was stored is whole
        (one transaction per batch of articles)."""
        assert integrity(db) == "ok"
        partial = per_article_claims(url)
        assert 0 < len(partial) < N_ARTICLES
        assert all(clean.get(sha) == n for sha, n in partial.items())
        if batch:  # whole batches or nothing: each committed batch held 7 new articles
            assert len(partial) % batch == 0
        with sqlite3.connect(db) as conn:  # the full-text index was filled with each batch, not left behind
            conn.execute("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')")
            assert conn.execute("SELECT count(*) FROM claims_fts_deferred").fetchone()[0] == 0

    options = ("--batch", str(batch)) if batch else ()
    at_kill, rerun = kill_midway_then_rerun(url, corpus, lambda: sqlite_count(db), partial_is_whole, options)
    assert 0 < at_kill < N_ARTICLES
    assert "Traceback" not in rerun.stderr
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"{N_ARTICLES - at_kill} new, {at_kill} unchanged" in rerun.stderr, rerun.stderr[-500:]
    assert integrity(db) == "ok"
    assert per_article_claims(url) == clean
    assert duplicates(url) == []


def test_ctrl_c_stops_cleanly_with_one_line_and_status_130(corpus, clean, tmp_path):
    db = tmp_path / "intr.db"
    proc = ingest(f"sqlite:///{db}", corpus)
    try:
        assert wait_for(lambda: sqlite_count(db) >= N_ARTICLES // 8, proc), proc.stderr.read()[-2000:]
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == Exit.INTERRUPTED, err[-3000:]
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err[-3000:]
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[-1] in ("error: interrupted", "interrupted"), err[-1000:]
    assert sum("interrupted" in line for line in lines) == 1
    deadline = time.monotonic() + 10
    while group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert group_alive(proc.pid) == [], "worker processes left running after Ctrl-C"
    assert integrity(db) == "ok"
    stored = per_article_claims(f"sqlite:///{db}")
    assert 0 < len(stored) < N_ARTICLES
    assert all(clean.get(sha) == n for sha, n in stored.items())


@pytest.mark.pg
@pytest.mark.skipif(not PG_URL, reason="PROVENANCE_TEST_PG is not set")
def test_sigkill_midway_then_rerun_on_postgresql(corpus, clean):
    from sqlalchemy import create_engine, text

    from conftest import _pg_database

    url, drop = _pg_database(PG_URL)
    url = url.replace("postgresql://", "postgresql+psycopg://", 1)

    def count() -> int:
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                return conn.execute(text("SELECT count(*) FROM sources")).scalar_one()
        except Exception:
            return 0
        finally:
            engine.dispose()

    try:
        at_kill, rerun = kill_midway_then_rerun(url, corpus, count)
        assert 0 < at_kill < N_ARTICLES
        assert "Traceback" not in rerun.stderr
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        assert per_article_claims(url) == clean
        assert duplicates(url) == []
    finally:
        drop()
