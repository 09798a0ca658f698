"""`make bench` runs at a tiny size and writes every key (no timing is asserted)."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

from conftest import ROOT

KEYS = {"articles", "claims", "ingest_s", "articles_per_s", "floor_s", "ingest_over_floor", "peak_rss_mb",
        "floor_runs_s", "stages", "writer_cpu_ms", "dask_s", "dask_articles_per_s", "dask_speedup",
        "workers", "query_ms", "detect_s"}


def sqlite_claims(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM claims").fetchone()[0]


def test_bench_runs_small_and_writes_all_keys(tmp_path):
    env = dict(os.environ, BENCH_N="12", BENCH_WORKERS="2", BENCH_DIR=str(tmp_path / "work"),
               BENCH_OUT=str(tmp_path / "results.json"), BENCH_REPEAT="2")
    done = subprocess.run([sys.executable, "-m", "bench.run"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    results = json.loads((tmp_path / "results.json").read_text())
    assert KEYS <= results.keys()
    assert json.loads((tmp_path / "results-12.json").read_text()) == results  # kept per size too
    assert results["articles"] == 12 and results["claims"] > 12
    assert set(results["query_ms"]) >= {"who-said", "claims --speaker", "point"}
    assert len(results["floor_runs_s"]) == 3 and min(results["floor_runs_s"]) <= results["floor_s"]
    assert set(results["stages"]["cpu_ms"]) == set(results["stages"]["wall_ms"]) >= {
        "read", "extract", "link", "rows", "write_batch_1", "write_batch_50", "write_one_by_one"}
    assert results["writer_cpu_ms"] == results["stages"]["cpu_ms"]["write_batch_50"] > 0
    assert set(results["dask_s"]) == {"1", "2"} and results["dask_speedup"] > 0
    assert sqlite_claims(tmp_path / "work" / "dask-12-2.db") == results["claims"]  # the Dask ingest stored them all
    names = sorted(p.name for p in (tmp_path / "work" / "corpus-12").iterdir() if not p.name.startswith("."))
    assert any(n.endswith(".html") for n in names) and any(n.endswith(".txt") for n in names)
    texts = {(tmp_path / "work" / "corpus-12" / n).read_text() for n in names}
    assert len(texts) == 12  # no two articles identical
    # BENCH_REUSE=1: detection and queries measured again on the kept database, the ingest record reused
    env["BENCH_REUSE"] = "1"
    env["BENCH_DASK"] = ""  # measured once above
    again = subprocess.run([sys.executable, "-m", "bench.run"], cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    assert "reusing the ingest" in again.stderr
    second = json.loads((tmp_path / "results.json").read_text())
    assert KEYS - {"dask_s", "dask_articles_per_s", "dask_speedup"} <= second.keys()
    assert (second["ingest_s"], second["floor_s"], second["claims"]) == (results["ingest_s"], results["floor_s"],
                                                                        results["claims"])


def test_detection_bench_runs_small_and_finds_the_same_incrementally(tmp_path):
    """`make bench-detect` at a tiny size: every figure written, incremental detection
    gives the full detection's findings (no timing is asserted)."""
    env = dict(os.environ, BENCH_N="8", BENCH_DIR=str(tmp_path / "work"), BENCH_OUT=str(tmp_path / "results.json"))
    env.pop("BENCH_PG", None)
    done = subprocess.run([sys.executable, "-m", "bench.distinct"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    res = json.loads((tmp_path / "results.json").read_text())["detect_distinct"]
    assert res["database"] == "sqlite" and res["claims_whole"] > res["claims_half"] > 0
    assert res["incremental_same_findings"] is True and res["incremental_scope"].startswith("new:")
    assert {"detect_ratio", "incremental_over_full", "detect_incremental_wall_s", "detect_full_after_wall_s"} <= res.keys()
    # every claim text made distinct (a unique word appended)
    with sqlite3.connect(tmp_path / "work" / "distinct-8.db") as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM claims")]
    assert len(texts) == len(set(texts)) == res["claims_whole"]
