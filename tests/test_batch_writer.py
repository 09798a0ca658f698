"""The batch writer (provenance/scale/loader.py): several articles per
transaction through staging tables, the full-text index filled once per batch.

- Any batch size stores exactly the rows the one-article writer
  (db/store.store_article) stores: sources, outlets, speakers and aliases,
  claims with their relays and plan links, claim ids in the same order.
- Search finds the claims of a batch; the FTS5 index passes its integrity
  check; single inserts are still indexed by the trigger afterwards.
- A batch loaded twice adds nothing; the same text twice in one batch is
  stored once.
- A batch that fails half-way leaves none of its articles.
"""
from __future__ import annotations

import sys

import pytest
from sqlalchemy import create_engine, text

from provenance.batch import prepare
from provenance.cli import App
from provenance.db.store import store_article
from provenance.pipeline import EXTRACTOR_VERSION, _setup, process_path
from provenance.scale import loader
from provenance.scale.writer import store_batch

from conftest import ROOT, SOURCES

sys.path.insert(0, str(ROOT))
from bench.corpus import build  # noqa: E402


def dump(url: str) -> dict[str, list]:
    """Every stored row by natural keys (no database ids), and the claim order."""
    engine = create_engine(url)
    out: dict[str, list] = {}
    with engine.connect() as c:
        def q(s):
            return sorted(tuple(r) for r in c.execute(text(s)).all())
        out["outlets"] = q("SELECT name, kind FROM outlets")
        out["sources"] = q("SELECT s.sha256, s.path, s.url, s.title, s.author, o.name, s.published, s.fmt, "
                           "s.encoding, CAST(s.meta_origin AS TEXT), s.extracted_with FROM sources s "
                           "LEFT JOIN outlets o ON o.id = s.outlet_id")
        out["speakers"] = q("SELECT key, name, type FROM speakers")
        out["aliases"] = q("SELECT sp.key, a.alias FROM speaker_aliases a JOIN speakers sp ON sp.id = a.speaker_id")
        out["claims"] = q('SELECT c.uid, s.sha256, sp.key, c.start, c."end", c.text, c.quote, c.kind, c.cue, c.rule, '
                          "c.mention, c.speaker_type, c.role, c.unresolved, CAST(c.topics AS TEXT) FROM claims c "
                          "JOIN sources s ON s.id = c.source_id LEFT JOIN speakers sp ON sp.id = c.speaker_id")
        out["relays"] = q("SELECT c.uid, r.position, o.name FROM claim_relays r JOIN claims c ON c.id = r.claim_id "
                          "JOIN outlets o ON o.id = r.outlet_id")
        out["links"] = q("SELECT c.uid, p.slug || ':' || CAST(pp.number AS TEXT), l.relation, l.score "
                         "FROM claim_points l JOIN claims c ON c.id = l.claim_id "
                         "JOIN plan_points pp ON pp.id = l.point_id JOIN plans p ON p.id = pp.plan_id")
        out["claim order"] = [r[0] for r in c.execute(text("SELECT uid FROM claims ORDER BY id"))]
    engine.dispose()
    return out


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """The seeds and 16 generated articles, analysed once: [(Processed, rows)]."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = sorted(SOURCES.glob("*.txt")) + build(folder / "gen", 16, SOURCES)
    app = App("sqlite:///" + str(folder / "plans.db"))
    with app.session() as s:
        index, _, _ = prepare(s)
    _setup(index, frozenset())
    done = [process_path(str(p)) for p in paths]
    assert all(d.rows is not None for d in done)
    return done


def _one_by_one(url: str, done) -> None:
    """The one-article writer, one transaction per article."""
    from provenance.ingest import read_article
    from provenance.pipeline import analyse

    app = App(url)
    with app.session() as s:
        index, cache, kinds = prepare(s)
    for d in done:
        article = read_article(d.path)
        with app.session() as s:
            store_article(s, article, analyse(article, index), cache, kinds, EXTRACTOR_VERSION)


def _batched(url: str, done, size: int) -> list[set[str]]:
    app = App(url)
    with app.session() as s:
        _, cache, _ = prepare(s)
    rows = [d.rows for d in done]
    return [store_batch(app, rows[i:i + size], cache.points) for i in range(0, len(rows), size)]


def test_any_batch_size_stores_the_rows_of_the_one_article_writer(analysed, db_url, another_db_url):
    _one_by_one(db_url, analysed)
    expected = dump(db_url)
    assert len(expected["claims"]) > 200 and expected["relays"] and expected["links"] and expected["aliases"]
    _batched(another_db_url, analysed, 7)
    assert dump(another_db_url) == expected


def test_batches_of_1_and_50_agree(analysed, tmp_path):
    one, fifty = f"sqlite:///{tmp_path}/one.db", f"sqlite:///{tmp_path}/fifty.db"
    _batched(one, analysed, 1)
    _batched(fifty, analysed, 50)
    assert dump(one) == dump(fifty)


def test_search_finds_batched_claims_and_the_index_is_sound(analysed, tmp_path):
    url = f"sqlite:///{tmp_path}/s.db"
    _batched(url, analysed, 10)
    engine = create_engine(url)
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM claims_fts_deferred")).scalar() == 0
        indexed = c.execute(text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH '\"said\"'")).scalar()
        direct = c.execute(text("SELECT count(*) FROM claims WHERE text LIKE '%said%' OR quote LIKE '%said%' "
                                "OR mention LIKE '%said%'")).scalar()
        assert indexed > 0 and indexed <= direct
        c.execute(text("INSERT INTO claims_fts(claims_fts) VALUES('integrity-check')"))  # raises if out of step
        # a single insert outside the loader is still indexed by the trigger
        sid = c.execute(text("SELECT min(id) FROM sources")).scalar()
        c.execute(text("INSERT INTO claims (uid, source_id, start, \"end\", text, kind, cue, rule, topics) "
                       "VALUES ('solo', :s, 0, 5, 'Zorblax wibbles', 'direct', 'said', 'test', '[]')"), {"s": sid})
        hit = c.execute(text("SELECT c.uid FROM claims_fts f JOIN claims c ON c.id = f.rowid "
                             "WHERE claims_fts MATCH 'zorblax'")).scalars().all()
        assert hit == ["solo"]
    engine.dispose()


def test_a_batch_loaded_twice_adds_nothing(analysed, db_url):
    first = _batched(db_url, analysed, 50)
    before = dump(db_url)
    again = _batched(db_url, analysed, 50)
    assert sum(len(s) for s in first) == len(analysed) and again == [set()]
    assert dump(db_url) == before


def test_the_same_text_twice_in_a_batch_is_stored_once(analysed, tmp_path):
    url = f"sqlite:///{tmp_path}/d.db"
    rows = [d.rows for d in analysed[:3]]
    app = App(url)
    with app.session() as s:
        _, cache, _ = prepare(s)
    new = store_batch(app, rows + rows[:1], cache.points)
    assert new == {r.sha256 for r in rows}
    assert len(dump(url)["sources"]) == 3


def test_a_batch_that_fails_half_way_leaves_none_of_its_articles(analysed, db_url, monkeypatch):
    _batched(db_url, analysed[:2], 50)
    before = dump(db_url)
    real = loader._stage

    def failing(conn, pg, table, rows):
        if table == "st_links":
            raise RuntimeError("disk gone")
        real(conn, pg, table, rows)

    monkeypatch.setattr(loader, "_stage", failing)
    with pytest.raises(RuntimeError):
        _batched(db_url, analysed[2:], 50)
    assert dump(db_url) == before
    monkeypatch.setattr(loader, "_stage", real)
    _batched(db_url, analysed[2:], 50)  # and the batch can be stored afterwards
    assert len(dump(db_url)["sources"]) == len(analysed)
