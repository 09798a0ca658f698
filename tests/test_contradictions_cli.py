"""`provenance contradictions` on a small real database (claims written for these tests)."""
from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.cli import cli
from provenance.db.engine import open_database
from provenance.db.models import Contradiction, ContradictionReview, Source
from provenance.db.store import StoreCache, article_from_source, replace_claims, store_article
from provenance.records import Article, ExtractedClaim, LinkedClaim

ARTICLES = {
    "a.txt": ("Daily Example", "2025-03-01", [
        ("A leaked memo caps Ukraine's army at 650,000 troops.", "Leaked memo", "document", ["army_size"]),
        ("Ukraine will not accept limits on the size of its army, the envoy said.", "Olena Envoy", "person",
         ["army_size"]),
    ]),
    "b.txt": ("Evening Sample", "2025-03-02", [
        ("Officials said the Ukrainian armed forces would be limited to 850,000.", "officials", "anonymous",
         ["army_size"]),
        ("The plan limits the size of Ukraine's army to 650,000.", "Peace plan", "document", ["army_size"]),
    ]),
}


def _article(path: str):
    outlet, date, sents = ARTICLES[path]
    text = " ".join(s for s, *_ in sents)
    art = Article(path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), outlet=outlet,
                  published=date)
    claims, pos = [], 0
    for sent, speaker, stype, topics in sents:
        start = text.index(sent, pos)
        pos = start + len(sent)
        claims.append(LinkedClaim(ExtractedClaim(start=start, end=pos, kind="indirect", cue="said", rule="test",
                                                 speaker_name=speaker, speaker_mention=speaker,
                                                 speaker_type=stype, topics=tuple(topics)),
                                  topics=tuple(topics)))
    return art, claims


@pytest.fixture
def db(db_url):
    engine = open_database(db_url)
    with Session(engine) as s:
        cache = StoreCache()
        for path in ARTICLES:
            store_article(s, *_article(path), cache)
        s.commit()
    yield db_url, engine
    engine.dispose()


def invoke(url, *args):
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


def listed(url, *args):
    r = invoke(url, *args, "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_detect_twice_adds_no_duplicates(db):
    url, engine = db
    r1 = invoke(url, "contradictions", "detect")
    assert r1.exit_code == 0 and "2 contradictions found: 2 added" in r1.stderr
    first = listed(url, "contradictions", "--all")
    r2 = invoke(url, "contradictions", "detect")
    assert "0 added, 0 updated, 0 removed" in r2.stderr
    assert listed(url, "contradictions", "--all") == first
    with Session(engine) as s:
        assert len(s.execute(select(Contradiction)).scalars().all()) == 2


def test_default_lists_factual_kinds_only(db):
    url, _ = db
    invoke(url, "contradictions", "detect")
    (value,) = listed(url, "contradictions")
    assert value["kind"] == "value" and value["topic"] == "army_size" and value["status"] == "open"
    assert set(value) == {"id", "topic", "kind", "claims", "sides", "values", "explanation", "detector", "status",
                          "point"}
    assert len(value["claims"]) == 3 and all(isinstance(c, str) for c in value["claims"])
    assert {x["kind"] for x in listed(url, "contradictions", "--kind", "position")} == {"position"}
    assert {x["kind"] for x in listed(url, "contradictions", "--all")} == {"value", "position"}
    assert listed(url, "contradictions", "--topic", "elections") == []


def test_table_shows_each_side(db):
    url, _ = db
    invoke(url, "contradictions", "detect")
    out = invoke(url, "contradictions").stdout
    assert "Leaked memo" in out and "Evening Sample" in out and "2025-03-02" in out
    assert "limited to 850,000" in out and "position" not in out


def test_review_survives_redetection_and_reextraction(db):
    url, engine = db
    invoke(url, "contradictions", "detect")
    (value,) = listed(url, "contradictions")
    r = invoke(url, "contradictions", "review", str(value["id"]), "--status", "dismissed", "--note", "same plan")
    assert r.exit_code == 0
    invoke(url, "contradictions", "detect")
    assert listed(url, "contradictions", "--status", "dismissed")[0]["id"] == value["id"]
    # re-extraction drops article b's claims, then brings them back (new rows, same uids)
    with Session(engine) as s:
        src = s.execute(select(Source).where(Source.path == "b.txt")).scalar_one()
        replace_claims(s, src, article_from_source(src), [], StoreCache())
        s.commit()
    r = invoke(url, "contradictions", "detect")
    assert "1 kept because an editor ruled" in r.stderr
    with Session(engine) as s:
        src = s.execute(select(Source).where(Source.path == "b.txt")).scalar_one()
        replace_claims(s, src, article_from_source(src), _article("b.txt")[1], StoreCache())
        s.commit()
    invoke(url, "contradictions", "detect")
    (again,) = listed(url, "contradictions")
    assert again["id"] == value["id"] and again["status"] == "dismissed" and again["claims"] == value["claims"]
    with Session(engine) as s:
        reviews = s.execute(select(ContradictionReview)).scalars().all()
        assert [(x.status, x.note) for x in reviews] == [("dismissed", "same plan")]


def test_review_of_unknown_id_is_one_line_error(db):
    url, _ = db
    r = invoke(url, "contradictions", "review", "999", "--status", "confirmed")
    assert r.exit_code == 2
    assert r.stderr.strip() == "error: no contradiction with id 999"


def test_bad_point_is_usage_error(db):
    url, _ = db
    r = invoke(url, "contradictions", "--point", "nonsense")
    assert r.exit_code == 2 and "PLAN:NUMBER" in r.stderr
