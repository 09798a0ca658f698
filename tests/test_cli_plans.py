"""`provenance plans`, `plans load`, `points`, `point` on a temporary database."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from provenance.cli import cli


@pytest.fixture
def run(tmp_path):
    db = str(tmp_path / "cli.db")
    CliRunner().invoke(cli, ["--db", db, "db", "upgrade"], catch_exceptions=False)  # read commands need a database

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
    bad.write_text('{"slug": "x-1", "title": "X", "topics": {"rain": {"description": "rain"}},\n'
                   ' "points": [{"number": 1, "title": "a", "text": "b",\n "topic": "weather"}]}\n')
    res = run("plans", "load", str(bad))
    assert res.exit_code == 4
    assert res.stderr.strip() == f"error: {bad}:3: points[0].topic: 'weather' is not a topic of this plan (its topics: rain)"


# ---------------------------------------------------------------- `point` at length

DATES = ["2025-03-04", None, "2025-01-02", "2025-02-03", "2025-01-02", "2025-05-06"]


@pytest.fixture
def linked(db_url):
    """Six articles (one undated, two on the same day) with claims of which
    some are linked to us-28:19: the earliest articles link none, so a walk in
    date order must read past them; written with Core inserts so the test
    depends on the schema only."""
    from datetime import datetime

    from sqlalchemy import insert, select
    from sqlalchemy.orm import Session

    from provenance.db.engine import open_database
    from provenance.db.models import Claim, ClaimPoint, Plan, PlanPoint, Source
    from provenance.db.plans_store import ensure_default_plans

    url = db_url
    engine = open_database(url)
    with Session(engine) as s:
        ensure_default_plans(s)
        pid = s.scalar(select(PlanPoint.id).join(Plan).where(Plan.slug == "us-28", PlanPoint.number == 19))
        n = 0
        for i, date in enumerate(DATES):
            text = " ".join(f"Claim {i}.{j} about the plant." for j in range(8))
            sid = s.execute(insert(Source).values(sha256=f"{i:064d}", path=f"a{i}.txt", text=text, published=date,
                                                  fmt="text", encoding="utf-8", meta_origin={},
                                                  ingested_at=datetime(2025, 1, 1)).returning(Source.id)).scalar()
            for j in range(8):
                start = j * 27
                cid = s.execute(insert(Claim).values(uid=f"c{i}{j}", source_id=sid, start=start, end=start + 26,
                                                     text=text[start:start + 26], kind="direct", cue="said",
                                                     rule="test", topics=[]).returning(Claim.id)).scalar()
                if date not in (None, "2025-01-02") and (j + i) % 3 != 0:  # none in the first articles by date
                    s.execute(insert(ClaimPoint).values(claim_id=cid, point_id=pid, relation="describes", score=0.5))
                    n += 1
        s.commit()
    engine.dispose()

    def _run(*args):
        return CliRunner().invoke(cli, ["--db", url, *map(str, args)], catch_exceptions=False)

    return _run, n


def test_point_limit_gives_the_first_claims_by_date_and_says_how_many_more(linked):
    run, n = linked
    everything = run("point", "us-28:19", "--limit", 0, "--format", "json")
    data = json.loads(everything.stdout)
    assert data["claims_total"] == n == len(data["claims"]) and everything.stderr == ""
    dates = [c["published"] for c in data["claims"]]
    assert dates == sorted(dates) and None not in dates  # the undated article links nothing
    for limit in range(1, n + 2):  # every cut: walk in date order, its bound, and the fall back to the links
        res = run("point", "us-28:19", "--limit", limit, "--format", "json")
        cut = json.loads(res.stdout)  # still one valid JSON document
        assert cut["claims"] == data["claims"][:limit] and cut["claims_total"] == n
        more = n - min(limit, n)
        assert res.stderr == (f"{more} more linked claims not shown (--limit N shows more, --limit 0 all)\n"
                              if more else "")


def test_point_table_default_limit(linked):
    run, n = linked
    res = run("point", "us-28:19", "--limit", 3)
    assert f"{n} linked claims, the first 3 by date:" in res.stdout
    assert res.stdout.count("describes") == 3
    assert res.stderr.strip() == f"{n - 3} more linked claims not shown (--limit N shows more, --limit 0 all)"
    assert f"{n} linked claims:" in run("point", "us-28:19").stdout  # default 50 shows them all


# ---------------------------------------------------------------- topics, revisions

def test_plans_topics_lists_the_plans_own_topics(run):
    rows = json.loads(run("plans", "topics", "--format", "json").stdout)
    by = {r["topic"]: r for r in rows}
    assert by["znpp"]["points"] == ["us-28:19", "ua-20:12"] and by["znpp"]["plans"] == ["us-28", "ua-20"]
    assert by["negotiations"]["points"] == []  # a topic of claims only
    assert run("plans", "topics", "--plan", "nope").exit_code == 2


def test_plans_diff_shows_kept_changed_dropped_and_added_points(run):
    res = run("plans", "diff", "us-28", "ua-20", "--format", "json")
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    army = next(r for r in rows if r["new"] == "ua-20:4")
    assert army["old"] == "us-28:6" and army["status"] == "changed"
    assert army["values"] == [{"name": "army_cap", "old": 600000, "new": 800000}]
    plant = next(r for r in rows if r["new"] == "ua-20:12")
    assert plant["old"] == "us-28:19"
    assert {"name": "electricity_split", "old": {"Russia": 50, "Ukraine": 50}, "new": None} in plant["values"]
    dropped = {r["old"] for r in rows if r["status"] == "dropped"}
    assert {"us-28:7", "us-28:26"} <= dropped  # NATO membership and the amnesty are not in the 20 points
    assert {r["new"] for r in rows if r["status"] == "added"} >= {"ua-20:10"}
    table = run("plans", "diff", "us-28", "ua-20").stdout
    assert "army_cap: 600000 -> 800000" in table


def test_point_lists_its_versions_side_by_side(run):
    data = json.loads(run("point", "ua-20:4", "--format", "json").stdout)
    assert [(v["point"], v["values"]) for v in data["versions"]] == [
        ("us-28:6", {"army_cap": 600000}), ("ua-20:4", {"army_cap": 800000})]
    table = run("point", "us-28:6").stdout
    assert "versions:" in table and "ua-20:4" in table and "army_cap=800000" in table
    assert json.loads(run("point", "us-28:9", "--format", "json").stdout)["versions"] == []


def test_a_plan_that_says_which_points_it_revises(run, tmp_path):
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"slug": "lake-2", "title": "Lake accord", "date": "2026-01-01", "points": [
        {"number": 1, "title": "Fishing quota", "text": "Each side may land 900 tonnes a year.", "topic": "fish",
         "values": {"quota_t": 900}},
        {"number": 2, "title": "Patrols", "text": "Joint patrols sail every week.", "topic": "patrols"}]}))
    new = tmp_path / "new.json"
    new.write_text(json.dumps({"slug": "lake-3", "title": "Lake accord, revised", "date": "2026-02-01",
                               "revision_of": "lake-2", "revises": {"3": "1"}, "points": [
        {"number": 1, "title": "Patrols", "text": "Joint patrols sail every week.", "topic": "patrols"},
        {"number": 3, "title": "Catch limit", "text": "Each side may land 700 tonnes a year.", "topic": "fish",
         "values": {"quota_t": 700}}]}))
    assert run("plans", "load", str(old), str(new)).exit_code == 0
    rows = json.loads(run("plans", "diff", "lake-2", "lake-3", "--format", "json").stdout)
    assert [(r["status"], r["old"], r["new"], r["how"]) for r in rows] == [
        ("kept", "lake-2:2", "lake-3:1", "content"), ("changed", "lake-2:1", "lake-3:3", "revises")]
    assert rows[1]["values"] == [{"name": "quota_t", "old": 900, "new": 700}]
