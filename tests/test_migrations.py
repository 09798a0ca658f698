"""The migrations are the schema: they run both ways on SQLite and PostgreSQL,
agree with the models, and the CLI creates, refuses and upgrades databases."""
from __future__ import annotations

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text

from provenance.cli import cli
from provenance.db.engine import HEAD_REVISION, alembic_config, current_revision, open_database
from provenance.errors import Exit

TABLES = {
    "outlets", "sources", "speakers", "speaker_aliases", "claims", "claim_relays", "plans", "plan_points",
    "claim_points", "contradictions", "contradiction_claims", "contradiction_reviews",
}


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def _fts_objects(url: str) -> set[str]:
    """The hand-made full-text objects: FTS5 table and triggers, or the tsvector column and its index."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'claims_fts%'"))
                return {r[0] for r in rows}
            cols = {c["name"] for c in inspect(conn).get_columns("claims")} if inspect(conn).has_table("claims") else set()
            idx = conn.execute(text("SELECT indexname FROM pg_indexes WHERE indexname = 'ix_claims_search_tsv'"))
            return ({"search_tsv"} & cols) | {r[0] for r in idx}
    finally:
        engine.dispose()


def _cli(url: str, *args: str):
    return CliRunner().invoke(cli, ["--db", url, *args])


def test_upgrade_check_downgrade_upgrade(db_url):
    cfg = alembic_config(db_url)
    command.upgrade(cfg, "head")
    assert TABLES <= _tables(db_url)
    assert _fts_objects(db_url)  # the FTS part ran on this backend
    command.check(cfg)  # raises when the models and the migrations disagree

    command.downgrade(cfg, "base")
    assert _tables(db_url) == {"alembic_version"}
    assert _fts_objects(db_url) == set()

    command.upgrade(cfg, "head")
    assert TABLES <= _tables(db_url)
    command.check(cfg)
    engine = create_engine(db_url)
    assert current_revision(engine) == HEAD_REVISION
    engine.dispose()


def test_fts_objects_match_backend(db_url):
    command.upgrade(alembic_config(db_url), "head")
    if db_url.startswith("sqlite"):
        assert {"claims_fts", "claims_fts_ai", "claims_fts_ad", "claims_fts_au"} <= _fts_objects(db_url)
    else:
        assert _fts_objects(db_url) == {"search_tsv", "ix_claims_search_tsv"}


def test_new_database_is_created_at_head_on_first_use(db_url):
    assert _tables(db_url) == set()
    result = _cli(db_url, "sources")
    assert result.exit_code == 0, result.output
    assert "no sources stored" in result.output
    assert TABLES <= _tables(db_url)
    result = _cli(db_url, "db", "current")
    assert result.output.startswith(f"{HEAD_REVISION} ")


def test_out_of_date_database_is_refused_then_upgraded(db_url):
    command.upgrade(alembic_config(db_url), "head")
    command.downgrade(alembic_config(db_url), "base")  # an older schema: revision base

    result = _cli(db_url, "sources")
    assert result.exit_code == Exit.DATABASE
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: database schema is out of date (base, this version needs {HEAD_REVISION})")
    assert "provenance db upgrade" in lines[0]
    assert "Traceback" not in result.output

    result = _cli(db_url, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert f"upgraded from base to {HEAD_REVISION}" in result.stderr + result.output
    assert _cli(db_url, "sources").exit_code == 0
    assert "already at" in (lambda r: r.stderr + r.output)(_cli(db_url, "db", "upgrade"))


QUERY_INDEXES = {"claims": {"ix_claims_speaker_source_start", "ix_claims_id_speaker_source_start"},
                 "claim_points": {"ix_claim_points_point_claim"}, "sources": {"ix_sources_id_outlet_published"}}
REPLACED = {"claims": {"ix_claims_speaker_id"}, "claim_points": {"ix_claim_points_point_id"}, "sources": set()}


def _indexes(url: str) -> dict[str, set[str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: {i["name"] for i in inspect(conn).get_indexes(t)} for t in QUERY_INDEXES}
    finally:
        engine.dispose()


def test_a_0001_database_with_claims_is_refused_then_upgraded(db_url):
    """0002 only adds query indexes: a database made at 0001 is refused until
    `db upgrade`, keeps its claims, and answers the queries after it."""
    from datetime import datetime

    from sqlalchemy import insert

    from provenance.db.models import Claim, Source, Speaker, SpeakerAlias

    command.upgrade(alembic_config(db_url), "0001")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        sid = conn.execute(insert(Source).values(sha256="a" * 64, path="old.txt", text="Quillon said the toll rises.",
                                                 fmt="text", encoding="utf-8", meta_origin={}, published="2024-05-06",
                                                 ingested_at=datetime(2024, 5, 6)).returning(Source.id)).scalar()
        spk = conn.execute(insert(Speaker).values(key="person:ada quillon", name="Ada Quillon", type="person")
                           .returning(Speaker.id)).scalar()
        conn.execute(insert(SpeakerAlias).values(speaker_id=spk, alias="Quillon"))
        conn.execute(insert(Claim).values(uid="old1", source_id=sid, speaker_id=spk, start=0, end=28,
                                          text="Quillon said the toll rises.", kind="indirect", cue="said",
                                          rule="test", mention="Quillon", topics=[]))
    engine.dispose()
    assert all(not (_indexes(db_url)[t] & QUERY_INDEXES[t]) and REPLACED[t] <= _indexes(db_url)[t] for t in REPLACED)

    refused = _cli(db_url, "who-said", "toll")
    assert refused.exit_code == Exit.DATABASE
    assert f"out of date (0001, this version needs {HEAD_REVISION})" in refused.stderr
    upgraded = _cli(db_url, "db", "upgrade")
    assert upgraded.exit_code == 0 and f"upgraded from 0001 to {HEAD_REVISION}" in upgraded.stderr + upgraded.output
    assert all(QUERY_INDEXES[t] <= _indexes(db_url)[t] and not (_indexes(db_url)[t] & REPLACED[t])
               for t in QUERY_INDEXES)

    import json
    said = json.loads(_cli(db_url, "who-said", "toll", "--format", "json").stdout)
    assert [(r["speaker"], r["claim_id"]) for r in said] == [("Ada Quillon", "old1")]
    claims = json.loads(_cli(db_url, "claims", "--speaker", "Quillon", "--limit", "5", "--format", "json").stdout)
    assert [c["claim_id"] for c in claims] == ["old1"]

    # a database moved back under an engine this process has already opened is still refused
    command.downgrade(alembic_config(db_url), "0001")
    assert REPLACED["claims"] <= _indexes(db_url)["claims"]
    again = _cli(db_url, "claims", "--speaker", "Quillon")
    assert again.exit_code == Exit.DATABASE and "out of date (0001" in again.stderr


def test_opening_again_reuses_the_engine_but_not_its_connections(db_url):
    """A process running several commands builds one engine per database, yet
    every command starts with no connection left from the one before."""
    first = open_database(db_url)
    with first.connect() as conn:
        conn.execute(text("SELECT 1"))
    pool = first.pool
    assert pool.checkedin() >= 1
    again = open_database(db_url)
    assert again is first and again.pool is not pool and again.pool.checkedin() <= 1  # the version check's
    assert pool.checkedin() == 0


def test_unknown_revision_is_refused_in_one_line(db_url):
    """A database stamped by a newer provenance: refused, and `db upgrade` says why instead of a traceback."""
    open_database(db_url).dispose()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    for args in (["sources"], ["db", "upgrade"]):
        result = _cli(db_url, *args)
        assert result.exit_code == Exit.DATABASE, result.output
        assert result.stderr.count("\n") == 1, result.stderr
        assert "9999 is unknown" in result.stderr


def test_foreign_tables_are_not_taken_over(db_url):
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE payroll (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    for args in (["sources"], ["db", "upgrade"]):
        result = _cli(db_url, *args)
        assert result.exit_code == Exit.DATABASE
        assert "is not a provenance database" in result.stderr
    assert _tables(db_url) == {"payroll"}


@pytest.mark.pg
def test_unreachable_server_is_one_line(pg_url):
    url = pg_url.rsplit("/", 1)[0] + "/no_such_database_here"
    result = _cli(url, "sources")
    assert result.exit_code == Exit.DATABASE
    assert result.stderr.count("\n") == 1, result.stderr
    assert "no_such_database_here" in result.stderr and "does not exist" in result.stderr


def _speaker_lookup_indexes(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
                                         "('speakers', 'speaker_aliases')"))
            else:
                rows = conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename IN "
                                         "('speakers', 'speaker_aliases')"))
            return {r[0] for r in rows}
    finally:
        engine.dispose()


def test_0003_speaker_lookup_indexes_both_ways(db_url):
    """0003 swaps the plain name/alias indexes for lower() expression indexes, and back."""
    cfg = alembic_config(db_url)
    command.upgrade(cfg, "0002")
    before = _speaker_lookup_indexes(db_url)
    assert {"ix_speakers_name", "ix_speaker_aliases_alias"} <= before
    command.upgrade(cfg, "0003")
    after = _speaker_lookup_indexes(db_url)
    assert {"ix_speakers_lower_name", "ix_speaker_aliases_lower_alias"} <= after
    assert not ({"ix_speakers_name", "ix_speaker_aliases_alias"} & after)
    command.downgrade(cfg, "0002")
    assert _speaker_lookup_indexes(db_url) == before


def test_speaker_lookup_reads_the_expression_indexes(tmp_path):
    """The lookup behind `claims --speaker` is answered from the lower() indexes, not a scan
    (SQLite's plan; PostgreSQL's planner picks scans on tables this small, so only SQLite is asserted)."""
    from sqlalchemy.orm import Session

    from provenance.query import speaker_ids

    url = f"sqlite:///{tmp_path / 'p.db'}"
    engine = open_database(url)
    with Session(engine) as session:
        with session.begin():
            session.execute(text("INSERT INTO speakers (id, key, name, type) VALUES "
                                 "(1, 'person:ada quillon', 'Ada Quillon', 'person')"))
            session.execute(text("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'Quillon')"))
        assert speaker_ids(session, "QUILLON") == [1]
        assert speaker_ids(session, "ada quillon") == [1]
        assert speaker_ids(session, "Quill") == []
        from provenance.db.models import Speaker, SpeakerAlias
        from sqlalchemy import func, select
        for q, index in ((select(SpeakerAlias.speaker_id).where(func.lower(SpeakerAlias.alias).in_(["quillon"])),
                          "ix_speaker_aliases_lower_alias"),
                         (select(Speaker.id).where(func.lower(Speaker.name).in_(["quillon"])),
                          "ix_speakers_lower_name")):
            sql = str(q.compile(engine, compile_kwargs={"literal_binds": True}))
            plan = " ".join(str(r[-1]) for r in session.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert f"SEARCH {q.get_final_froms()[0].name} USING INDEX {index}" in plan, plan
    engine.dispose()
