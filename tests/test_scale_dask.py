"""`ingest --dask`: the same rows as a plain ingest, also when a worker dies.

- On PostgreSQL (the CI server): the seeds and 200 generated articles through
  `--dask local:2` give exactly the rows of a plain `ingest` (same claim
  uids, relays, plan links, speakers and aliases, sources, claim order);
  then the same again while one Dask worker is killed mid-run.
- On SQLite: the seeds through `--dask local:1` give the rows of a plain ingest.
- The option's values: local:N and scheduler addresses, bad ones refused in one line.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from provenance.errors import UsageError
from provenance.scale.dask_engine import PARTITION, parse_address, partition_size

from conftest import PG_URL, ROOT, SOURCES, _pg_database
from test_batch_writer import dump

sys.path.insert(0, str(ROOT))
from bench.corpus import build  # noqa: E402

PROV = str(Path(sys.executable).parent / "provenance")
GENERATED = 200


def ingest(url: str, folder: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen([PROV, "--db", url, "ingest", "--no-detect", *options, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                            start_new_session=True)


def finish(proc: subprocess.Popen, timeout: float = 900) -> str:
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    return err


def test_local_and_scheduler_addresses():
    assert parse_address("local:2") == (None, 2)
    assert parse_address("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", 0)
    for bad in ("local:0", "local:x", "local:", "tcp://a b", ""):
        with pytest.raises(UsageError):
            parse_address(bad)


def test_partitions_are_bounded_and_feed_every_worker():
    assert partition_size(205, 2) == 52          # two partitions per worker at least
    assert partition_size(10**6, 8) == PARTITION  # never more than PARTITION files
    assert partition_size(3, 4) == 1


def test_bad_dask_value_is_one_line(tmp_path):
    done = subprocess.run([PROV, "--db", f"sqlite:///{tmp_path}/x.db", "ingest", "--dask", "local:zero",
                           str(SOURCES)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "local:N" in done.stderr.strip().splitlines()[-1]


def test_seeds_through_one_local_dask_worker_into_sqlite(tmp_path):
    plain, dask = f"sqlite:///{tmp_path}/plain.db", f"sqlite:///{tmp_path}/dask.db"
    finish(ingest(plain, SOURCES))
    err = finish(ingest(dask, SOURCES, "--dask", "local:1"))
    assert "5 new" in err
    assert dump(dask) == dump(plain)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("dask") / "articles"
    folder.mkdir()
    for f in sorted(SOURCES.glob("*.txt")):
        shutil.copy(f, folder / f.name)
    build(folder / "generated", GENERATED, SOURCES)
    return folder


@pytest.fixture(scope="module")
def pg_plain(corpus):
    if not PG_URL:
        pytest.skip("PROVENANCE_TEST_PG is not set")
    url, drop = _pg_database(PG_URL)
    finish(ingest(url, corpus))
    rows = dump(url)
    assert len(rows["sources"]) == GENERATED + 5 and rows["relays"] and rows["links"]
    yield rows
    drop()


@pytest.fixture
def pg_db():
    url, drop = _pg_database(PG_URL)
    yield url
    drop()


def _sources(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM sources")).scalar()
    except Exception:  # schema not created yet
        return 0
    finally:
        engine.dispose()


@pytest.mark.pg
def test_dask_local_2_into_postgresql_gives_the_rows_of_a_plain_ingest(corpus, pg_plain, pg_db):
    err = finish(ingest(pg_db, corpus, "--dask", "local:2"))
    assert f"{GENERATED + 5} new" in err
    assert dump(pg_db) == pg_plain


def _dask_workers(pid: int) -> list:
    import psutil

    return [p for p in psutil.Process(pid).children(recursive=True)
            if any("spawn_main" in part for part in p.cmdline())]


@pytest.mark.pg
def test_a_dask_worker_killed_mid_run_changes_nothing(corpus, pg_plain, pg_db):
    proc = ingest(pg_db, corpus, "--dask", "local:2")
    deadline = time.monotonic() + 600
    while _sources(pg_db) == 0:  # the first partition is stored: the others are being analysed
        assert proc.poll() is None, proc.stderr.read()[-2000:]
        assert time.monotonic() < deadline
        time.sleep(0.1)
    workers = _dask_workers(proc.pid)
    assert len(workers) == 2
    os.kill(workers[0].pid, signal.SIGKILL)
    err = finish(proc)
    assert f"{GENERATED + 5} new" in err
    assert dump(pg_db) == pg_plain
