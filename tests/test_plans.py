"""Plan files: loading, validation errors (file, line, field) and idempotent storing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.db.engine import open_database
from provenance.db.models import Plan, PlanPoint
from provenance.db.plans_store import ensure_default_plans, load_plans, plan_index, point_ids
from provenance.errors import PlanFileError
from provenance.plans import load_plan_file, parse_plan

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = sorted((ROOT / "sources" / "plans").glob("*.json"))

SMALL = """{
  "slug": "test-3",
  "title": "A three-point test plan",
  "date": "2025-12-01",
  "published_at": ["nowhere"],
  "points": [
    {"number": 1, "title": "Army", "text": "The army is kept at 500,000.", "topic": "army_size",
     "values": {"army_cap": 500000}},
    {"number": 2, "title": "Vote", "text": "A vote is held within 90 days.", "topic": "elections",
     "values": {"elections_within_days": 90}},
    {"number": 3, "title": "Truce", "text": "Fighting stops when all sign.", "topic": "ceasefire"}
  ]
}
"""


@pytest.fixture
def session(tmp_path):
    engine = open_database("sqlite:///" + str(tmp_path / "p.db"))
    with Session(engine) as s:
        yield s
    engine.dispose()


def test_bundled_plans_have_the_reference_numbering():
    plans = {p.slug: p for p in map(load_plan_file, BUNDLED)}
    assert sorted(plans) == ["ua-20", "us-28"]
    assert [p.number for p in plans["us-28"].points] == list(range(1, 29))
    assert [p.number for p in plans["ua-20"].points] == list(range(1, 21))
    assert plans["us-28"].points[18].topic == "znpp"
    assert plans["ua-20"].points[11].topic == "znpp"
    assert plans["us-28"].points[5].values == {"army_cap": 600000}
    assert plans["ua-20"].points[3].values == {"army_cap": 800000}
    assert plans["ua-20"].revision_of == "us-28"
    for pl in plans.values():  # their topics come from the shared topics file they name
        assert {p.topic for p in pl.points} <= set(pl.topics)
        assert {"battlefield_control", "negotiations"} <= set(pl.topics)
        assert pl.topics["znpp"]["description"].startswith("Zaporizhzhia")


def _error(text: str, name: str = "plans/bad.json") -> str:
    with pytest.raises(PlanFileError) as exc:
        parse_plan(text, name)
    msg = str(exc.value)
    assert "\n" not in msg
    return msg


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


WITH_TOPICS = SMALL.replace('"published_at": ["nowhere"],', '''"published_at": ["nowhere"],
  "topics": {"army_size": {"description": "how big the army may be", "cues": ["troop ceiling"]},
             "elections": {"description": "when the vote is held"},
             "ceasefire": {"description": "when fighting stops"}},''')


def test_a_plan_without_topics_takes_them_from_its_points():
    plan = parse_plan(SMALL, "plans/small.json")
    assert set(plan.topics) == {"army_size", "elections", "ceasefire"}
    assert plan.topics["elections"] == {"description": "Vote", "cues": []}


def test_a_plan_carries_its_own_topics():
    plan = parse_plan(WITH_TOPICS, "plans/small.json")
    assert plan.topics["army_size"] == {"description": "how big the army may be", "cues": ["troop ceiling"]}


def test_a_topic_the_plan_does_not_declare_names_file_line_and_field():
    bad = WITH_TOPICS.replace('"topic": "elections"', '"topic": "votes"')
    msg = _error(bad)
    assert msg.startswith(f"plans/bad.json:{_line_of(bad, 'votes')}: points[1].topic: ")
    assert "'votes' is not a topic of this plan (its topics: army_size, ceasefire, elections)" in msg


def test_bad_topics_are_reported_with_line_and_field():
    bad = WITH_TOPICS.replace('"cues": ["troop ceiling"]', '"cues": "(unclosed"')
    assert _error(bad).startswith(f"plans/bad.json:{_line_of(bad, '(unclosed')}: topics.army_size.cues[0]: ")
    bad = WITH_TOPICS.replace('"description": "when the vote is held"', '"descr": "x"')
    line = _line_of(bad, '"descr"')
    assert _error(bad).startswith(f"plans/bad.json:{line}: topics.elections.descr: unknown field")
    bad = WITH_TOPICS.replace('"army_size": {"description"', '"Army Size": {"description"')
    assert "topics.Army Size: 'Army Size' is not a topic slug" in _error(bad)


def test_a_topics_file_the_plan_names(tmp_path):
    (tmp_path / "topics").mkdir()
    (tmp_path / "topics" / "shared.json").write_text(
        '{"subject": ["islanders"],\n "topics": {"army_size": {"description": "army"},\n'
        ' "elections": {"description": "vote"}, "ceasefire": {"description": "truce"}}}\n')
    f = tmp_path / "p.json"
    f.write_text(SMALL.replace('"published_at": ["nowhere"],', '"published_at": ["nowhere"], "topics": "topics/shared.json",'))
    plan = load_plan_file(f)
    assert plan.topics["ceasefire"]["description"] == "truce" and plan.subject == ("islanders",)
    (tmp_path / "topics" / "shared.json").write_text('{"topics": {"army_size": {"description": "army"},\n "x": 3}}')
    with pytest.raises(PlanFileError, match=r"shared\.json:2: topics\.x: must be an object"):
        load_plan_file(f)
    f.write_text(SMALL.replace('"published_at": ["nowhere"],', '"published_at": ["nowhere"],\n "topics": "none.json",'))
    with pytest.raises(PlanFileError, match=r"p\.json:6: topics: topics file 'none.json' not found"):
        load_plan_file(f)


def test_revises_maps_points_of_the_plan_it_revises():
    text = SMALL.replace('"published_at": ["nowhere"],', '"published_at": ["nowhere"], "revision_of": "old-9",\n "revises": {"1": "4", "3": [7, 8]},')
    assert parse_plan(text, "p.json").revises == {"1": ["4"], "3": ["7", "8"]}
    assert "revises.5: '5' is not a point number of this plan" in _error(text.replace('"3": [7, 8]', '"5": 2'))
    assert "revises: needs 'revision_of'" in _error(text.replace('"revision_of": "old-9",', ""))


def test_missing_field_names_the_point_and_its_line():
    bad = SMALL.replace('"title": "Truce", ', "")
    msg = _error(bad)
    line = _line_of(bad, '{"number": 3')
    assert msg.startswith(f"plans/bad.json:{line}: points[2]: ")
    assert "missing required field 'title'" in msg


def test_missing_top_level_field():
    msg = _error(SMALL.replace('"slug": "test-3",\n', ""))
    assert msg.startswith("plans/bad.json:1: slug: missing required field")


def test_duplicate_number():
    bad = SMALL.replace('"number": 3', '"number": 2')
    msg = _error(bad)
    line = _line_of(bad, '{"number": 2, "title": "Truce')
    assert msg.startswith(f"plans/bad.json:{line}: points[2].number: ")
    assert "duplicate point number 2" in msg


def test_bad_json_reports_its_line():
    bad = SMALL.replace('"values": {"army_cap": 500000}}', '"values": {"army_cap": 500000,}}')
    msg = _error(bad)
    assert msg.startswith(f"plans/bad.json:{_line_of(bad, '500000,')}: not valid JSON")


def test_wrong_type_and_unknown_field():
    assert "points[0].number: must be a positive whole number" in _error(SMALL.replace('"number": 1', '"number": "one"'))
    msg = _error(SMALL.replace('"date"', '"dated"'))
    assert msg.startswith("plans/bad.json:4: dated: unknown field")


def test_toml_plan_file(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text('slug = "toml-1"\ntitle = "T"\n\n[topics.amnesty]\ndescription = "who is pardoned"\n\n'
                 '[[points]]\nnumber = 1\ntitle = "A"\ntext = "B"\ntopic = "nope"\n')
    with pytest.raises(PlanFileError, match=r"t\.toml:11: points\[0\]\.topic: 'nope'"):
        load_plan_file(f)
    f.write_text(f.read_text().replace('"nope"', '"amnesty"'))
    assert load_plan_file(f).points[0].topic == "amnesty"


def test_load_is_idempotent_and_updates_in_place(session, tmp_path):
    f = tmp_path / "test-3.json"
    f.write_text(SMALL)
    assert [r.status for r in load_plans(session, [f])] == ["added"]
    session.commit()
    ids = point_ids(session)
    assert sorted(ids) == ["test-3:1", "test-3:2", "test-3:3"]
    assert [r.status for r in load_plans(session, [f])] == ["unchanged"]
    f.write_text(SMALL.replace("within 90 days", "within 120 days").replace('"elections_within_days": 90', '"elections_within_days": 120'))
    assert [r.status for r in load_plans(session, [f])] == ["updated"]
    session.commit()
    assert point_ids(session) == ids
    p2 = session.get(PlanPoint, ids["test-3:2"])
    assert p2.values == {"elections_within_days": 120} and "120 days" in p2.text
    assert session.scalar(select(Plan.title).where(Plan.slug == "test-3")) == "A three-point test plan"


def test_a_bad_file_loads_nothing(session, tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(SMALL)
    bad.write_text(WITH_TOPICS.replace("test-3", "test-4").replace('"topic": "ceasefire"', '"topic": "peace"'))
    with pytest.raises(PlanFileError, match="bad.json"):
        load_plans(session, [good, bad])
    assert session.scalars(select(Plan)).all() == []


def test_ensure_default_plans_only_fills_an_empty_table(session):
    assert {r.slug for r in ensure_default_plans(session)} == {"us-28", "ua-20"}
    assert ensure_default_plans(session) == []
    index = plan_index(session)
    assert {p.slug: len(p.points) for p in index.plans} == {"us-28": 28, "ua-20": 20}
    assert index.point("us-28:19").topic == "znpp"


def test_a_bundled_plan_stored_without_topics_gets_them_again(session):
    """A database upgraded to 0006 has the bundled plans without their topics."""
    ensure_default_plans(session)
    session.commit()
    ids = point_ids(session)
    for plan in session.scalars(select(Plan)):
        plan.topics = None
    session.commit()
    assert {r.slug for r in ensure_default_plans(session)} == {"us-28", "ua-20"}
    assert point_ids(session) == ids
    assert "negotiations" in plan_index(session).topics
    assert ensure_default_plans(session) == []
