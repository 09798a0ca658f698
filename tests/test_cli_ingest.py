"""The foundation: ingest, idempotency, bad files in a batch, metadata flags,
the sources listing and the claim export record."""
from __future__ import annotations

import csv
import io
import json
import shutil

from provenance.settings import resolve_db_url

from conftest import SOURCES

CONTRACT_KEYS = {"claim_id", "text", "quote", "kind", "cue", "speaker", "via", "source", "start", "end",
                 "plan_points", "rule"}

ARTICLE = """Dockworkers vow to strike over port automation
By Mira Okafor
ROTTERDAM, March 3 (Reuters) - The union representing Rotterdam dockworkers said on Monday it would strike next week unless the port authority drops its automation plan.
"We will not let machines take our jobs without a fight," union leader Pieter van Dam told reporters.
The port authority said the plan would create more jobs than it removes.
"""


def _seed_copy(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in SOURCES.glob("*.txt"):
        shutil.copy(f, folder / f.name)
        side = SOURCES / (f.name + ".meta.json")
        if side.exists():
            shutil.copy(side, folder / side.name)
    return folder


def test_ingest_twice_stores_each_article_once(run, tmp_path):
    folder = _seed_copy(tmp_path)
    first = run("ingest", folder)
    assert first.exit_code == 0, first.stderr
    assert "5 new" in first.stderr
    second = run("ingest", folder)
    assert second.exit_code == 0
    assert "0 new, 5 unchanged" in second.stderr and "nothing new" in second.stderr
    rows = json.loads(run("sources", "--format", "json").stdout)
    assert len(rows) == 5
    assert all(r["claims"] > 0 for r in rows)


def test_bad_files_are_reported_and_the_rest_is_stored(run, tmp_path):
    folder = _seed_copy(tmp_path)
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.html").write_text("<html><head><script>var x = '\"quoted\" said he';</script>"
                                        "<nav><a href='/'>Home</a></nav><body><div><p></div></body")
    result = run("ingest", folder, tmp_path / "missing.txt")
    assert result.exit_code == 1
    err = result.stderr
    assert "Traceback" not in err
    for name in ("empty.txt", "blob.txt", "broken.html", "missing.txt"):
        lines = [line for line in err.splitlines() if name in line]
        assert len(lines) == 1, (name, err)
    assert "5 new" in err and "4 failed" in err
    assert len(json.loads(run("sources", "--format", "json").stdout)) == 5


def test_flags_override_inferred_metadata(run, tmp_path):
    path = tmp_path / "dock.txt"
    path.write_text(ARTICLE)
    assert run("ingest", "--outlet", "Associated Press", "--published", "2026-03-03", "--url",
               "https://example.org/dock", path).exit_code == 0
    (row,) = json.loads(run("sources", "--format", "json").stdout)
    assert row["outlet"] == "AP"  # canonical outlet name
    assert row["published"] == "2026-03-03"
    bad = run("ingest", "--published", "last Tuesday", path)
    assert bad.exit_code == 2 and "--published" in bad.stderr


def test_text_metadata_and_claim_record(run, tmp_path):
    path = tmp_path / "dock.txt"
    path.write_text(ARTICLE)
    assert run("ingest", path).exit_code == 0
    (row,) = json.loads(run("sources", "--format", "json").stdout)
    assert row["author"] == "Mira Okafor"
    assert row["title"] == "Dockworkers vow to strike over port automation"
    out = tmp_path / "claims.jsonl"
    assert run("export", "claims", "--format", "jsonl", "-o", out).exit_code == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(CONTRACT_KEYS <= r.keys() for r in records)
    stored = ARTICLE  # offsets slice the stored (normalised) text back to the claim
    texts = {r["text"] for r in records}
    assert any("machines take our jobs" in t for t in texts)
    quote = next(r for r in records if r["quote"] and "machines" in r["quote"])
    assert quote["kind"] == "direct"
    assert "Dam" in (quote["speaker"]["name"] or "")
    assert all(r["text"] in stored for r in records)


def test_sources_csv_and_empty_listing(run, tmp_path, db_url):
    if db_url.startswith("sqlite"):  # no database file yet: a mistyped path is an error, not an empty list
        assert run("sources").exit_code == 3
    run("db", "upgrade")
    empty = run("sources", "--format", "csv")
    assert empty.exit_code == 0
    assert empty.stdout.strip() == "id,outlet,published,author,title,path,claims"
    path = tmp_path / "dock.txt"
    path.write_text(ARTICLE)
    run("ingest", path)
    rows = list(csv.DictReader(io.StringIO(run("sources", "--format", "csv").stdout)))
    assert [r["path"].endswith("dock.txt") for r in rows] == [True]


def test_reextract_keeps_claim_ids(run, tmp_path):
    path = tmp_path / "dock.txt"
    path.write_text(ARTICLE)
    run("ingest", path)
    before = {json.loads(line)["claim_id"] for line in run("claims", "--format", "jsonl").stdout.splitlines()}
    result = run("extract", "--all")
    assert result.exit_code == 0 and "re-extracted 1 source:" in result.stderr
    after = {json.loads(line)["claim_id"] for line in run("claims", "--format", "jsonl").stdout.splitlines()}
    assert before == after and before


def test_database_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("PROVENANCE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_db_url(None) == "sqlite:///" + str(tmp_path / "provenance.db")
    monkeypatch.setenv("PROVENANCE_DB", "postgresql://u@localhost/news")
    assert resolve_db_url(None) == "postgresql+psycopg://u@localhost/news"
    assert resolve_db_url("x.db") == "sqlite:///" + str(tmp_path / "x.db")
    assert resolve_db_url("sqlite:////tmp/y.db") == "sqlite:////tmp/y.db"


def test_missing_database_folder_is_one_line(run, tmp_path):
    from click.testing import CliRunner

    from provenance.cli import cli

    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "nope" / "x.db"), "sources"])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "no database at" in result.stderr
