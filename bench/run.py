"""`make bench`: generate a corpus, ingest it, measure against a floor, time queries.

Environment: BENCH_N (articles, default 20000), BENCH_WORKERS (default: CPUs),
BENCH_DIR (work folder, default bench/work), BENCH_OUT (default bench/results.json),
BENCH_REPEAT (query repetitions, default 30), BENCH_REUSE=1 (re-measure detection
and queries on the database kept from an earlier ingest of the same corpus),
BENCH_FLOOR_RUNS (floor runs, default 3: the median is kept), BENCH_STAGE_N
(articles timed stage by stage in one process, default 200), BENCH_DASK (local
Dask worker counts to time `ingest --dask local:N` with, default "1,2"; empty: skip).
Writes results.json (and results-<N>.json, kept per size) with the keys: articles, claims, ingest_s, articles_per_s,
mb_per_s, claims_per_s, floor_s (median), floor_runs_s, ingest_over_floor, peak_rss_mb, workers,
query_ms (name -> {p50, p95}), export_claims_per_s, detect_s, stages ({articles, cpu_ms, wall_ms}: per
article by stage: read, extract, link, rows, write_batch_1, write_batch_50, write_one_by_one),
writer_cpu_ms (the loader at the default batch), dask_s ({workers: seconds}), dask_articles_per_s,
dask_speedup (2 workers over 1).
"""
from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

from provenance.scale.writer import DEFAULT_BATCH

from .corpus import build
from .stages import measure

ROOT = Path(__file__).resolve().parent.parent
PROVENANCE = str(Path(sys.executable).parent / "provenance")


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measured(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run a command; return (seconds, peak RSS of its process tree in MB, result)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps, peak, done = psutil.Process(proc.pid), 0, threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, _tree_rss(ps))
            except psutil.Error:
                return
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    done.set()
    watcher.join()
    seconds = time.perf_counter() - start
    result = subprocess.CompletedProcess(cmd, proc.returncode, out, err)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-500:]}")
    return seconds, peak / 2**20, result


def floor(paths: list[Path], n_rows: int, db: Path) -> float:
    """Reading the files, extracting HTML text, and inserting n_rows rows with executemany."""
    from bs4 import BeautifulSoup

    start = time.perf_counter()
    texts = []
    for p in paths:
        raw = p.read_text(encoding="utf-8")
        texts.append(BeautifulSoup(raw, "lxml").get_text("\n") if p.suffix == ".html" else raw)
    db.unlink(missing_ok=True)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, doc INTEGER, start INTEGER, stop INTEGER, body TEXT)")
    per_doc = max(1, n_rows // max(1, len(texts)))
    rows = ((i, j, j + 10, t[j:j + 200]) for i, t in enumerate(texts) for j in range(per_doc))
    con.executemany("INSERT INTO t (doc, start, stop, body) VALUES (?, ?, ?, ?)", rows)
    con.commit()
    con.close()
    return time.perf_counter() - start


def _copy_db(src: Path, dst: Path) -> None:
    """A consistent copy of an SQLite database (its WAL included)."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def time_queries(db: str, repeat: int) -> dict[str, dict[str, float]]:
    """p50/p95 of the everyday queries, run in-process through the CLI (after one
    uncounted warm-up run each: module imports and a cold page cache are not the query)."""
    from click.testing import CliRunner

    from provenance.cli import cli

    runner = CliRunner()
    queries = {
        "who-said": ["who-said", "Kupiansk", "--limit", "50", "--format", "json"],
        "claims --speaker": ["claims", "--speaker", "Zelensky", "--limit", "50", "--format", "json"],
        "point": ["point", "us-28:19", "--format", "json"],
        "contradictions": ["contradictions", "--format", "json"],
    }
    out = {}
    for name, args in queries.items():
        samples = []
        runner.invoke(cli, ["--db", db, *args])  # warm-up, not counted: first imports, cold page cache
        for _ in range(repeat):
            t = time.perf_counter()
            result = runner.invoke(cli, ["--db", db, *args])
            samples.append((time.perf_counter() - t) * 1000)
            if result.exit_code != 0:
                raise SystemExit(f"bench: query {name} failed: {result.stderr or result.output}")
        samples.sort()
        out[name] = {"p50": round(statistics.median(samples), 2),
                     "p95": round(samples[min(len(samples) - 1, int(0.95 * len(samples)))], 2)}
    return out


def time_dask(work: Path, n: int, counts: list[int]) -> dict:
    """`ingest --no-detect --dask local:N` of the corpus into a fresh database, for each N."""
    if not counts:
        return {}
    seconds = {}
    for w in counts:
        db = work / f"dask-{n}-{w}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        print(f"bench: ingesting with --dask local:{w}", file=sys.stderr)
        seconds[str(w)], _, _ = run_measured([PROVENANCE, "--db", str(db), "ingest", "--no-detect", "--dask",
                                              f"local:{w}", str(work / f"corpus-{n}")])
    out = {"dask_s": {k: round(v, 2) for k, v in seconds.items()},
           "dask_articles_per_s": {k: round(n / v, 1) for k, v in seconds.items()}}
    if "1" in seconds and "2" in seconds:
        out["dask_speedup"] = round(seconds["1"] / seconds["2"], 2)
    return out


def main() -> int:
    n = int(os.environ.get("BENCH_N", "20000"))
    workers = int(os.environ.get("BENCH_WORKERS", str(len(os.sched_getaffinity(0)))))
    work = Path(os.environ.get("BENCH_DIR", ROOT / "bench" / "work"))
    out_path = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "results.json"))
    repeat = int(os.environ.get("BENCH_REPEAT", "30"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"bench: generating {n} articles", file=sys.stderr)
    paths = build(work / f"corpus-{n}", n, ROOT / "sources")
    mb = sum(p.stat().st_size for p in paths) / 2**20
    db = work / f"bench-{n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    record, kept = work / f"ingest-{n}.json", work / f"bench-{n}.ingested.db"
    if os.environ.get("BENCH_REUSE") == "1" and record.exists() and kept.exists():
        # re-measure detection and queries on the database of an earlier ingest of this corpus
        print(f"bench: reusing the ingest recorded in {record}", file=sys.stderr)
        _copy_db(kept, db)
        ingest_s, peak, floor_s, workers = (json.loads(record.read_text())[k]
                                            for k in ("ingest_s", "peak_rss_mb", "floor_s", "workers"))
    else:
        print(f"bench: ingesting {n} articles ({mb:.1f} MB) with {workers} workers", file=sys.stderr)
        ingest_s, peak, _ = run_measured([PROVENANCE, "--db", str(db), "ingest", "--no-detect",
                                          "--workers", str(workers), str(work / f"corpus-{n}")])
    con = sqlite3.connect(db)
    claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    articles = con.execute("SELECT count(*) FROM sources").fetchone()[0]
    con.close()
    if os.environ.get("BENCH_REUSE") == "1" and record.exists() and kept.exists():
        floor_runs = json.loads(record.read_text()).get("floor_runs_s", [floor_s])
    if not (os.environ.get("BENCH_REUSE") == "1" and record.exists() and kept.exists()):
        floor_runs = [floor(paths, claims, work / "floor.db")
                      for _ in range(int(os.environ.get("BENCH_FLOOR_RUNS", "3")))]
        floor_s = statistics.median(floor_runs)
        _copy_db(db, kept)
        record.write_text(json.dumps({"ingest_s": ingest_s, "peak_rss_mb": peak, "floor_s": floor_s,
                                      "floor_runs_s": floor_runs, "workers": workers}) + "\n")
    detect_s, _, _ = run_measured([PROVENANCE, "--db", str(db), "contradictions", "detect"])
    url = "sqlite:///" + str(db)
    query_ms = time_queries(url, repeat)
    export_s, _, _ = run_measured([PROVENANCE, "--db", str(db), "export", "claims", "--format", "jsonl",
                                   "-o", str(work / "claims.jsonl")])
    print("bench: timing the stages in one process", file=sys.stderr)
    stages = measure(paths[:int(os.environ.get("BENCH_STAGE_N", "200"))], work)
    dask = time_dask(work, n, [int(w) for w in os.environ.get("BENCH_DASK", "1,2").split(",") if w.strip()])
    results = {
        "articles": articles, "claims": claims, "ingest_s": round(ingest_s, 2),
        "articles_per_s": round(articles / ingest_s, 1), "mb_per_s": round(mb / ingest_s, 2),
        "claims_per_s": round(claims / ingest_s, 1), "floor_s": round(floor_s, 2),
        "ingest_over_floor": round(ingest_s / floor_s, 2), "peak_rss_mb": round(peak, 1), "workers": workers,
        "query_ms": query_ms, "export_claims_per_s": round(claims / export_s, 1), "detect_s": round(detect_s, 2),
        "floor_runs_s": [round(f, 2) for f in floor_runs], "stages": stages,
        "writer_cpu_ms": stages["cpu_ms"][f"write_batch_{DEFAULT_BATCH}"], **dask,
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(results, indent=2) + "\n")
    # also kept per size, so runs at two sizes can be compared (memory flat? detection ~ n log n?)
    out_path.with_name(f"{out_path.stem}-{n}{out_path.suffix}").write_text(json.dumps(results, indent=2) + "\n")
    width = max(len(k) for k in results)
    for key, value in results.items():
        if key == "query_ms":
            for q, v in value.items():
                print(f"{'query ' + q:{width + 10}} p50 {v['p50']:8.2f} ms   p95 {v['p95']:8.2f} ms")
        elif key == "stages":
            for stage, cpu in value["cpu_ms"].items():
                print(f"{'ms/article ' + stage:{width + 10}} cpu {cpu:8.2f}   wall {value['wall_ms'][stage]:8.2f}")
        else:
            print(f"{key:{width + 10}} {value}")
    print(f"wrote {out_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
