"""A finding a reader can act on: its sides in JSON (party, stance, the
assertion in words, claims) besides the flat claim list, labelled sides in
the table with whole speaker names, csv, and `contradictions show ID`
(articles written for these tests)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from provenance.cli import cli

ARTICLE = """Front report

VELMA, March 4 (Test Wire) - Russia's Defence Ministry said on Tuesday that its troops had captured Zarechnye, a village on the river.

Ukraine's General Staff rejected the announcement within hours, saying fighting went on.

A long-named spokesperson, Maria-Konstantina Alexandropoulou-Vasquez of Ukraine's southern command, called the report "a fabrication".
"""


@pytest.fixture
def url(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"outlet": "Test Wire", "published": "2031-03-04"}))
    u = f"sqlite:///{tmp_path / 'x.db'}"
    r = CliRunner().invoke(cli, ["--db", u, "ingest", str(tmp_path / "a.txt")], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return u


def _run(url, *args):
    r = CliRunner().invoke(cli, ["--db", url, "contradictions", *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_json_has_sides_and_the_flat_claim_list(url):
    (f,) = [f for f in json.loads(_run(url, "--format", "json")) if f["kind"] == "control"]
    sides = {(s["party"], s["stance"]): s for s in f["sides"]}
    assert sides[("Russia", "asserts")]["assertion"] == "Russia controls Zarechnye"
    assert sides[("Ukraine", "denies")]["about"] == "Russia controls Zarechnye"
    assert sorted(c for s in f["sides"] for c in s["claims"]) == sorted(f["claims"])
    assert len(f["claims"]) >= 2


def test_table_labels_the_sides_and_never_cuts_a_name(url):
    out = _run(url)
    assert "Russia asserts: Russia controls Zarechnye" in out
    assert "Ukraine denies: Russia controls Zarechnye" in out
    names = [r["speaker"] for r in csv.DictReader(io.StringIO(_run(url, "--format", "csv")))]
    assert all(n in out for n in names if n)


def test_csv_has_one_row_per_claim_with_its_side(url):
    rows = list(csv.DictReader(io.StringIO(_run(url, "--format", "csv"))))
    assert rows and all(r["id"] for r in rows)
    assert {r["stance"] for r in rows} >= {"asserts", "denies"}


def test_show_prints_each_claim_with_speaker_side_outlet_date_and_sentence(url):
    (f,) = [f for f in json.loads(_run(url, "--format", "json")) if f["kind"] == "control"]
    out = _run(url, "show", str(f["id"]))
    assert "side 1:" in out and "side 2:" in out
    assert "Russia's Defence Ministry said on Tuesday that its troops had captured Zarechnye" in out
    assert "outlet: Test Wire" in out and "date: 2031-03-04" in out
    detail = json.loads(_run(url, "show", str(f["id"]), "--format", "json"))
    assert {c["party"] for c in detail["claims"]} == {"Russia", "Ukraine"}


def test_show_an_unknown_id_is_a_usage_error(url):
    r = CliRunner().invoke(cli, ["--db", url, "contradictions", "show", "999"])
    assert r.exit_code == 2 and "no contradiction with id 999" in r.output
