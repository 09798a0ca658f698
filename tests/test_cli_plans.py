"""`provenance plans`, `plans load`, `points`, `point` on a temporary database."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from provenance.cli import cli


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "cli.db")

    def _run(*args):
        return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)

    return _run


def test_points_per_plan(run):
    us = run("points", "--plan", "us-28", "--format", "json")
    assert us.exit_code == 0, us.output
    rows = json.loads(us.stdout)
    assert [r["point"] for r in rows] == [f"us-28:{n}" for n in range(1, 29)]
    assert rows[5]["values"] == {"army_cap": 600000}
    ua = json.loads(run("points", "--plan", "ua-20", "--format", "json").stdout)
    assert len(ua) == 20 and ua[11]["topic"] == "znpp"


def test_plans_listing_and_reload(run):
    res = run("plans", "--format", "json")
    assert res.exit_code == 0
    rows = json.loads(res.stdout)
    assert [(r["slug"], r["points"], r["claims"]) for r in rows] == [("us-28", 28, 0), ("ua-20", 20, 0)]
    again = run("plans", "load")
    assert again.exit_code == 0
    assert "us-28: unchanged (28 points)" in again.stderr


def test_point_shows_values(run):
    res = run("point", "us-28:19", "--format", "json")
    data = json.loads(res.stdout)
    assert data["topic"] == "znpp" and data["values"]["electricity_split"] == {"Russia": 50, "Ukraine": 50}
    assert data["claims"] == []
    table = run("point", "ua-20:4")
    assert table.stdout.startswith("ua-20:4  [army_size]")


def test_unknown_point_is_one_line_usage_error(run):
    res = run("point", "us-28:40")
    assert res.exit_code == 2
    assert res.stderr.strip() == "error: plan us-28 has no point 40 (it has 28 points)"


def test_bad_plan_file_is_reported_with_line_and_field(run, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"slug": "x-1", "title": "X",\n "points": [{"number": 1, "title": "a", "text": "b",\n "topic": "weather"}]}\n')
    res = run("plans", "load", str(bad))
    assert res.exit_code == 4
    assert res.stderr.strip() == f"error: {bad}:3: points[0].topic: 'weather' is not a known topic (see provenance/rules/topics.json)"
