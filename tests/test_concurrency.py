"""Two `provenance ingest` processes over overlapping folders into one database
at the same time store exactly what one process storing both folders stores:
same counts, no duplicates, both exit 0 (PostgreSQL: ON CONFLICT + fixed insert
order + advisory locks; SQLite: busy timeout and the database write lock)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from conftest import SOURCES

PROVENANCE = Path(sys.executable).parent / "provenance"

TABLES = ["sources", "outlets", "speakers", "speaker_aliases", "claims", "claim_relays", "claim_points",
          "plans", "plan_points", "contradictions", "contradiction_claims"]
UNIQUE = {"sources": "sha256", "outlets": "name", "speakers": "key", "claims": "uid", "plans": "slug",
          "contradictions": "key"}

# Articles of our own writing: shared speakers and outlets across files, so
# both writers race to create the same speaker, alias and outlet rows.
PEOPLE = [("Olena Marchenko", "the deputy foreign minister"), ("Pieter de Vries", "the Dutch envoy"),
          ("Ines Duarte", "a spokeswoman for the European Commission"), ("Tomas Varga", "the Hungarian negotiator")]
OUTLETS = ["Reuters", "AP", "AFP", "Bloomberg"]
NUMBERS = ["30 days", "60 days", "90 days", "120 days", "half a year", "two years"]


def _article(i: int) -> str:
    (a, a_role), (b, b_role) = PEOPLE[i % 4], PEOPLE[(i + 1) % 4]
    relay = OUTLETS[(i + 2) % 4]
    return (
        f"Talks on the ceasefire resumed in Geneva on day {i + 1} of the round.\n\n"
        f"{a}, {a_role}, said on Monday that any truce would have to hold for at least {NUMBERS[i % 6]} "
        f"before sanctions could be eased.\n\n"
        f'"We will not sign a text that freezes the front line without guarantees," {b} told {relay}.\n\n'
        f"According to {relay}, {b} also said the exchange of prisoners should include {10 * (i + 3)} civilians.\n\n"
        f"{a} added that the draft still left the status of the power plant open."
    )


def _corpus(root: Path) -> tuple[Path, Path]:
    """Two folders with some files in both: the shipped sources plus generated articles."""
    files: list[tuple[str, str, str | None]] = []
    for p in sorted(SOURCES.glob("*.txt"))[:3]:
        meta = p.with_name(p.name + ".meta.json")
        files.append((p.name, p.read_text(encoding="utf-8"), meta.read_text(encoding="utf-8") if meta.exists() else None))
    for i in range(9):
        sidecar = f'{{"outlet": "{OUTLETS[i % 4]}", "published": "2025-11-{10 + i:02d}"}}'
        files.append((f"gen_{i:02d}.txt", _article(i), sidecar))
    n = len(files)
    first, second = root / "a", root / "b"
    for folder, chosen in ((first, files[: (2 * n) // 3]), (second, files[n // 3:])):  # the middle third in both
        folder.mkdir()
        for name, body, meta in chosen:
            (folder / name).write_text(body, encoding="utf-8")
            if meta is not None:
                (folder / (name + ".meta.json")).write_text(meta, encoding="utf-8")
    assert set(os.listdir(first)) & set(os.listdir(second))
    return first, second


def _ingest(url: str, *folders: Path) -> subprocess.Popen:
    return subprocess.Popen([str(PROVENANCE), "--db", url, "ingest", "--workers", "1", *map(str, folders)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


def _finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{out}\n{err}"
    return err


def _snapshot(url: str) -> dict:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
            for table, col in UNIQUE.items():
                dup = conn.execute(text(f"SELECT {col} FROM {table} GROUP BY {col} HAVING count(*) > 1")).all()
                assert dup == [], f"duplicate {table}.{col}: {dup}"
            keys = {t: set(conn.execute(text(f"SELECT {c} FROM {t}")).scalars()) for t, c in UNIQUE.items()}
    finally:
        engine.dispose()
    return {"counts": counts, "keys": keys}


@pytest.fixture
def corpus(tmp_path):
    return _corpus(tmp_path)


@pytest.fixture
def have_ingest(tmp_path):
    if not PROVENANCE.exists():
        pytest.skip(f"{PROVENANCE} not installed (make install)")


def test_two_concurrent_ingests_store_what_one_stores(have_ingest, corpus, db_url, another_db_url):
    first, second = corpus
    procs = [_ingest(db_url, first), _ingest(db_url, second)]  # the database does not exist yet, either
    logs = [_finish(p) for p in procs]

    single = _ingest(another_db_url, first, second)
    _finish(single)

    together, alone = _snapshot(db_url), _snapshot(another_db_url)
    n_files = len({f for f in os.listdir(first) + os.listdir(second) if f.endswith(".txt")})
    assert alone["counts"]["sources"] == n_files
    assert alone["counts"]["claims"] > 0 and alone["counts"]["speakers"] > 0 and alone["counts"]["outlets"] > 0
    assert together["counts"] == alone["counts"]
    assert together["keys"] == alone["keys"]
    # every file of the overlap was stored once: by one process, the other said so
    assert re.search(r"\b[1-9]\d* unchanged", "".join(logs))
