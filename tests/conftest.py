"""Shared fixtures: a fresh database per test, on SQLite always and on
PostgreSQL too when PROVENANCE_TEST_PG holds a server URL."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
PG_URL = os.environ.get("PROVENANCE_TEST_PG")

# The PostgreSQL case carries the `pg` mark, so `pytest -m pg` (make test-pg) runs it.
BACKENDS = ["sqlite"] + ([pytest.param("postgresql", marks=pytest.mark.pg)] if PG_URL else [])


def _pg_database(base_url: str) -> tuple[str, callable]:
    """A throw-away database on the test server; returns (url, drop)."""
    from sqlalchemy import create_engine, text

    name = "prov_test_" + uuid.uuid4().hex[:12]
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base_url.rsplit("/", 1)[0] + "/" + name

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"
            ), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()

    return url, drop


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A database URL for a fresh, empty database (SQLite file or PostgreSQL database)."""
    if request.param == "sqlite":
        yield "sqlite:///" + str(tmp_path / "test.db")
        return
    url, drop = _pg_database(PG_URL)
    yield url
    from sqlalchemy.orm import close_all_sessions

    close_all_sessions()
    drop()


@pytest.fixture(scope="module", params=BACKENDS)
def module_db_url(request, tmp_path_factory):
    """Like db_url, but one database per test module and backend (for read-only tests)."""
    if request.param == "sqlite":
        yield "sqlite:///" + str(tmp_path_factory.mktemp("module-db") / "test.db")
        return
    url, drop = _pg_database(PG_URL)
    yield url
    from sqlalchemy.orm import close_all_sessions

    close_all_sessions()
    drop()


@pytest.fixture
def another_db_url(db_url, tmp_path):
    """A second fresh database on the same backend as db_url."""
    if db_url.startswith("sqlite"):
        yield "sqlite:///" + str(tmp_path / "another.db")
        return
    url, drop = _pg_database(PG_URL)
    yield url
    drop()


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database; the test is skipped when PROVENANCE_TEST_PG is unset."""
    if not PG_URL:
        pytest.skip("PROVENANCE_TEST_PG is not set (make test-pg starts a server)")
    url, drop = _pg_database(PG_URL)
    yield url
    from sqlalchemy.orm import close_all_sessions

    close_all_sessions()
    drop()


@pytest.fixture
def sqlite_url(tmp_path):
    return "sqlite:///" + str(tmp_path / "test.db")


@pytest.fixture
def run(db_url):
    """Invoke the CLI against the fresh database: run("ingest", "x.txt")."""
    runner = CliRunner()

    def _run(*args, input=None):
        return runner.invoke(cli, ["--db", db_url, *map(str, args)], input=input, catch_exceptions=False)

    return _run


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory):
    """A SQLite database with sources/ ingested once for the whole session (read-only use)."""
    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", "--workers", "1", str(SOURCES)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output + result.stderr
    return "sqlite:///" + str(path)


@pytest.fixture
def seeded(seeded_sqlite):
    """Invoke the CLI against the seeded database."""
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(cli, ["--db", seeded_sqlite, *map(str, args)], catch_exceptions=False)

    return _run
