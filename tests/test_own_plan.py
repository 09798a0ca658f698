"""A plan nobody wrote rules for: a draft water accord between two (invented) countries,
its revision, and three short articles about it, all of our own writing
(tests/fixtures/kavari/).  It loads with `plans load`, its claims link to its points
through the plan's own topics and words, and `point` shows them; nothing under
provenance/rules/ names it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures" / "kavari"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("own") / "own.db")

    def _run(*args):
        res = CliRunner().invoke(cli, ["--db", db, *map(str, args)], catch_exceptions=False)
        assert res.exit_code == 0, res.output
        return res

    _run("plans", "load")  # the shipped plans stay loaded beside it
    loaded = _run("plans", "load", FIX / "plans" / "kavari-6.json", FIX / "plans" / "kavari-7.json")
    assert "kavari-6: added (6 points)" in loaded.stderr
    _run("ingest", FIX / "articles")
    return _run


@pytest.fixture(scope="module")
def claims(run):
    out = run("export", "claims", "--format", "jsonl").stdout
    return {c["text"]: c for c in map(json.loads, out.splitlines())}


def _claim(claims, start: str) -> dict:
    (c,) = [c for t, c in claims.items() if t.startswith(start)]
    return c


def test_no_rule_names_the_plan_or_its_topics():
    for f in (ROOT / "provenance" / "rules").rglob("*"):
        if f.is_file():
            text = f.read_text(encoding="utf-8").lower()
            for word in ("kavari", "ostrela", "marvania", "reservoir_filling", "water_share"):
                assert word not in text, (f, word)


def test_its_topics_are_listed(run):
    rows = json.loads(run("plans", "topics", "--plan", "kavari-7", "--format", "json").stdout)
    assert {r["topic"] for r in rows} == {"water_share", "reservoir_filling", "drought", "monitoring", "arbitration",
                                          "navigation", "talks"}
    nav = next(r for r in rows if r["topic"] == "navigation")
    assert nav["points"] == ["kavari-7:5"] and nav["cues"] == ["barges?", "locks?"]


def test_claims_link_to_the_points_of_the_draft_then_in_force(claims):
    assert _claim(claims, "Ostrela's water minister")["plan_points"] == ["kavari-6:1"]
    assert _claim(claims, "He said Marvania wanted at least seven years")["plan_points"] == ["kavari-6:2"]
    assert _claim(claims, "Brel told reporters that any disagreement")["plan_points"] == ["kavari-6:6"]
    assert _claim(claims, "Their association said fish stocks")["plan_points"] == ["kavari-6:5"]
    # after the revision, and naming it
    assert _claim(claims, "Under the revised draft, Ostrela would receive 55")["plan_points"] == ["kavari-7:1"]
    assert _claim(claims, "He said the barges of both countries")["plan_points"] == ["kavari-7:5"]


def test_a_passage_carries_its_topic_to_follow_on_claims(claims):
    assert _claim(claims, "She added that the figure was the minimum")["topics"] == ["water_share"]
    assert _claim(claims, "It said the dam would release water")["plan_points"] == ["kavari-6:3"]


def test_a_value_with_another_subject_does_not_link(claims):
    """1,500 million cubic metres is the plan's drought release from the Dorn dam, not the
    contents of Ostrela's own reservoirs; 55,000 soldiers are no water share."""
    assert _claim(claims, "Ostrela's own reservoirs")["plan_points"] == []
    assert _claim(claims, "Marvania's army, which has 55,000")["plan_points"] == []


def test_point_shows_the_linked_claims(run):
    data = json.loads(run("point", "kavari-6:1", "--format", "json").stdout)
    assert data["topic"] == "water_share" and data["claims_total"] >= 3
    assert {c["speaker"] for c in data["claims"]} >= {"Lidia Varga", "Tomas Brel"}
    table = run("point", "kavari-7:5").stdout
    assert "free of tolls" in table and "Tomas Brel" in table


def test_point_shows_its_versions_and_which_one_a_claim_states(run):
    data = json.loads(run("point", "kavari-7:1", "--format", "json").stdout)
    assert [(v["point"], v["values"]["flow_share"]) for v in data["versions"]] == [
        ("kavari-6:1", {"Ostrela": 60, "Marvania": 40}), ("kavari-7:1", {"Ostrela": 55, "Marvania": 45})]
    said = next(c for c in data["claims"] if c["text"].startswith("Under the revised draft"))
    assert said["versions"] == ["kavari-7:1"]
    old = json.loads(run("point", "kavari-6:1", "--format", "json").stdout)
    said = next(c for c in old["claims"] if c["text"].startswith("Ostrela's water minister"))
    assert said["versions"] == ["kavari-6:1"]


def test_plans_diff_between_the_drafts(run):
    rows = json.loads(run("plans", "diff", "kavari-6", "kavari-7", "--format", "json").stdout)
    by = {(r["old"], r["new"]): r for r in rows}
    assert by[("kavari-6:2", "kavari-7:2")]["values"] == [{"name": "filling_years", "old": 7, "new": 10}]
    assert by[("kavari-6:3", "kavari-7:3")]["status"] == "kept"
    assert by[("kavari-6:6", "kavari-7:7")]["how"] == "revises"
    assert by[("kavari-6:5", None)]["status"] == "dropped" and by[(None, "kavari-7:5")]["status"] == "added"
