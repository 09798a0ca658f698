"""Opening the database: engine, SQLite pragmas, schema creation and version check."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseError, SchemaOutOfDate
from ..settings import is_sqlite

# The newest migration; checked without importing alembic on every command.
HEAD_REVISION = "0001"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent.parent / "migrations"
SQLITE_BUSY_MS = 30_000


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        eng = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        event.listen(eng, "connect", _sqlite_pragmas)
        return eng
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["provenance_url"] = url
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else None


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(url), revision)


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return not inspect(conn).get_table_names()


def open_database(url: str, *, create: bool = True) -> Engine:
    """Open (and on first use create) the database; refuse an out-of-date one."""
    if is_sqlite(url):
        path = url.split(":///", 1)[1] if ":///" in url else ""
        if path and path != ":memory:":
            parent = Path(path).parent
            if not parent.exists():
                raise DatabaseError(f"cannot open database {path}: folder {parent} does not exist")
    try:
        engine = make_engine(url)
        rev = current_revision(engine)
        if rev is None:
            if not _is_empty(engine):
                raise DatabaseError(f"{_display(url)} is not a provenance database (it has tables but no schema version)")
            if not create:
                raise DatabaseError(f"{_display(url)} has no provenance schema; run `provenance db upgrade`")
            upgrade(url)
        elif rev != HEAD_REVISION:
            raise SchemaOutOfDate(
                f"database schema is out of date ({rev}, this version needs {HEAD_REVISION}): "
                "back it up, then run `provenance db upgrade`"
            )
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {_display(url)}: {exc.orig}") from None
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot open database {_display(url)}: {exc}") from None
    return engine


def _display(url: str) -> str:
    if "@" in url:  # hide a password
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url.replace("sqlite:///", "")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
