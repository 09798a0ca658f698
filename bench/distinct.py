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
bench/results.json; the figures go under the key "detect_distinct").
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

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


def distinct(db: Path, since: int = 0) -> int:
    """Append a unique word to every claim text of id > since; the number changed."""
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM claims WHERE id > ? ORDER BY id", (since,))]
        conn.executemany("UPDATE claims SET text = text || ' ' || ? WHERE id = ?", [(_word(i), i) for i in ids])
    return len(ids)


def _ingest(db: Path, paths: list[Path]) -> None:
    subprocess.run([PROVENANCE, "--db", str(db), "ingest", "--no-detect", "--quiet", *map(str, paths)],
                   check=True)


def store(work: Path, paths: list[Path], name: str) -> Path:
    """The store of these articles with distinct claim texts (kept between runs)."""
    db = work / f"{name}.db"
    done = work / f"{name}.done"
    if done.exists() and db.exists():
        return db
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    print(f"bench: ingesting {len(paths)} articles into {db.name}", file=sys.stderr)
    _ingest(db, paths)
    distinct(db)
    done.write_text("ok")
    return db


def copy(src: Path, dst: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(str(dst) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def timed(db: Path, full: bool) -> tuple[float, dict]:
    """CPU seconds of one detection (in this process) and its counts."""
    from sqlalchemy.orm import Session

    from provenance.db.contradictions_store import detect_and_store
    from provenance.db.engine import open_database, upgrade

    url = f"sqlite:///{db}"
    upgrade(url)  # a store kept from an earlier schema
    with Session(open_database(url)) as session:
        t = time.process_time()
        stats = detect_and_store(session, full=full)
        cpu = time.process_time() - t
        session.commit()
    return cpu, stats


def findings(db: Path) -> set:
    """Every stored finding as (key, kind, members with their sides)."""
    with sqlite3.connect(db) as conn:
        members: dict[int, list] = {}
        for cid, uid, side in conn.execute(
                "SELECT m.contradiction_id, c.uid, m.side FROM contradiction_claims m "
                "JOIN claims c ON c.id = m.claim_id ORDER BY m.contradiction_id, m.position"):
            members.setdefault(cid, []).append((uid, side))
        return {(key, kind, tuple(members.get(i, ()))) for i, key, kind in
                conn.execute("SELECT id, key, kind FROM contradictions")}


def best_of_two(fn) -> tuple[float, object]:
    first, out = fn()
    second, out = fn()
    return min(first, second), out


def main() -> int:
    n = int(os.environ.get("BENCH_N", "2000"))
    work = Path(os.environ.get("BENCH_DIR", ROOT / "bench" / "work"))
    out_path = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "results.json"))
    work.mkdir(parents=True, exist_ok=True)
    paths = build(work / f"corpus-{n + NEW}", n + NEW, ROOT / "sources")
    half = store(work, paths[:n // 2], f"distinct-{n // 2}")
    whole = store(work, paths[:n], f"distinct-{n}")
    res: dict = {"articles": n}
    for label, db in (("half", half), ("whole", whole)):
        scratch = copy(db, work / f"scratch-{label}.db")
        with sqlite3.connect(scratch) as conn:
            res[f"claims_{label}"] = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        cpu, stats = best_of_two(lambda: timed(scratch, True))
        res[f"detect_full_{label}_cpu_s"] = round(cpu, 2)
        res[f"findings_{label}"] = stats["found"]
        print(f"bench: full detection, {res[f'claims_{label}']} claims: {cpu:.2f} s CPU", file=sys.stderr)
    res["detect_ratio"] = round(res["detect_full_whole_cpu_s"] / res["detect_full_half_cpu_s"], 2)
    # 20 new articles into the larger store (detected), then detection of the new claims only
    runs = []
    for k in range(2):
        scratch = copy(work / "scratch-whole.db", work / f"scratch-incr-{k}.db")
        with sqlite3.connect(scratch) as conn:
            last = conn.execute("SELECT max(id) FROM claims").fetchone()[0]
        _ingest(scratch, paths[n:])
        distinct(scratch, last)
        full_copy = copy(scratch, work / f"scratch-full-{k}.db")
        cpu, stats = timed(scratch, False)
        full_cpu, _ = timed(full_copy, True)
        runs.append((cpu, full_cpu, stats, findings(scratch) == findings(full_copy)))
    cpu, full_cpu, stats, same = min(runs, key=lambda r: r[0])
    res.update(detect_incremental_cpu_s=round(cpu, 3), detect_full_after_cpu_s=round(min(r[1] for r in runs), 2),
               incremental_scope=stats.get("scope"), incremental_same_findings=all(r[3] for r in runs))
    res["incremental_over_full"] = round(res["detect_incremental_cpu_s"] / res["detect_full_after_cpu_s"], 3)
    print(f"bench: after {NEW} new articles: incremental {cpu:.2f} s, full {full_cpu:.2f} s CPU, "
          f"same findings: {res['incremental_same_findings']}", file=sys.stderr)
    results = json.loads(out_path.read_text()) if out_path.exists() else {}
    results["detect_distinct"] = res
    out_path.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(res, indent=2))
    for k in range(2):
        for pre in ("scratch-incr", "scratch-full"):
            for suffix in ("", "-wal", "-shm"):
                Path(str(work / f"{pre}-{k}.db") + suffix).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
