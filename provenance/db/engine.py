"""Opening the database: engine, SQLite pragmas, schema creation and version check."""
from __future__ import annotations

import os
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import DatabaseError, SchemaOutOfDate
from ..settings import is_sqlite

# The newest migration; checked without importing alembic on every command.
HEAD_REVISION = "0008"
# The Alembic scripts ship inside the package (provenance/migrations), so an
# installed wheel finds them as well as a checkout does.
MIGRATIONS_DIR = Path(str(resources.files("provenance") / "migrations"))
SQLITE_BUSY_MS = 30_000
SCHEMA_LOCK_KEY = 0x70726F76  # pg_advisory_lock key while creating/upgrading the schema


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    try:  # write-ahead log: a commit needs no fsync, readers do not block the writer
        cur.execute("PRAGMA journal_mode=WAL")
    except Exception:  # a read-only file keeps its journal mode; writing then fails with a clear error
        pass
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        eng = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
        event.listen(eng, "connect", _sqlite_pragmas)
        return eng
    return create_engine(url, pool_pre_ping=True)


# Engines opened by open_database, by URL, so that a process running several
# commands (the benchmark, the tests, a notebook) builds each engine, dialect
# and compiled statement once.  Each open starts a fresh connection pool, so
# no connection (nor SQLite's page cache) outlives the command that used it.
_OPENED: dict[str, tuple[Engine, int]] = {}  # url -> (engine, pid of the process that made it)
OPENED_MAX = 8


def _opened_engine(url: str) -> Engine:
    if is_sqlite(url) and not _sqlite_path(url):  # in memory: the database lives in the pool
        return make_engine(url)
    engine, pid = _OPENED.pop(url, (None, 0))
    if engine is None:
        engine = make_engine(url)
    else:  # close the last command's idle connections; a forked child leaves its parent's alone
        engine.dispose(close=pid == os.getpid())
    _OPENED[url] = (engine, os.getpid())  # most recently used last
    while len(_OPENED) > OPENED_MAX:
        old, old_pid = _OPENED.pop(next(iter(_OPENED)))
        old.dispose(close=old_pid == os.getpid())
    return engine


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["provenance_url"] = url
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The schema revision, "base" for an emptied provenance database, None for no schema at all."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        return row[0] if row else "base"


def _known_revision(rev: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory(str(MIGRATIONS_DIR)).get_revision(rev) is not None
    except Exception:  # alembic's ResolutionError and friends
        return False


def _other_tables(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return [t for t in inspect(conn).get_table_names() if t != "alembic_version"]


def upgrade(url: str, revision: str = "head") -> None:
    """Run the migrations up to `revision`, one writer at a time."""
    engine = make_engine(url)
    try:
        with _schema_lock(url, engine):
            _upgrade_locked(url, engine, revision)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot upgrade {_display(url)}: {_one_line(getattr(exc, 'orig', None) or exc)}") from None
    except OSError as exc:
        raise DatabaseError(f"cannot upgrade {_display(url)}: {exc.strerror or exc}") from None
    finally:
        engine.dispose()


def _upgrade_locked(url: str, engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.util import CommandError

    rev = current_revision(engine)
    if rev is None and _other_tables(engine):
        raise DatabaseError(f"{_display(url)} is not a provenance database (it has tables but no schema version)")
    if rev not in (None, "base") and not _known_revision(rev):
        raise DatabaseError(_unknown_revision(rev))
    try:
        command.upgrade(alembic_config(url), revision)
    except CommandError as exc:
        raise DatabaseError(f"cannot upgrade {_display(url)}: {_one_line(exc)}") from None


@contextmanager
def _schema_lock(url: str, engine: Engine):
    """Serialise schema creation between processes opening a new database at once:
    a PostgreSQL advisory lock, or an flock on the SQLite file (independent of
    SQLite's own locks)."""
    if not is_sqlite(url):
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": SCHEMA_LOCK_KEY})
                conn.commit()
        return
    path = _sqlite_path(url)
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        fcntl = None
    if not path or fcntl is None:
        yield
        return
    with open(path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _sqlite_path(url: str) -> str:
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return "" if path in ("", ":memory:") or path.startswith("file:") else path


def _one_line(exc: BaseException | str) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__


def _unknown_revision(rev: str) -> str:
    return (f"database schema version {rev} is unknown to this version of provenance (it needs {HEAD_REVISION}); "
            "was it made by a newer provenance?")


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        return not inspect(conn).get_table_names()


def open_database(url: str, *, create: bool = True) -> Engine:
    """Open (and on first use create) the database; refuse an out-of-date one."""
    if is_sqlite(url):
        path = _sqlite_path(url)
        if path:
            parent = Path(path).parent
            if not parent.exists():
                raise DatabaseError(f"cannot open database {path}: folder {parent} does not exist")
    try:
        engine = _opened_engine(url)
        if current_revision(engine) != HEAD_REVISION:
            with _schema_lock(url, engine):  # another process may be creating the schema right now
                _check_or_create(url, engine, create)
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {_display(url)}: {_one_line(exc.orig)}") from None
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot open database {_display(url)}: {_one_line(exc)}") from None
    except OSError as exc:
        raise DatabaseError(f"cannot open database {_display(url)}: {exc.strerror or exc}") from None
    return engine


def _check_or_create(url: str, engine: Engine, create: bool) -> None:
    rev = current_revision(engine)
    if rev is None:
        if not _is_empty(engine):
            raise DatabaseError(f"{_display(url)} is not a provenance database (it has tables but no schema version)")
        if not create:
            raise DatabaseError(f"{_display(url)} has no provenance schema; run `provenance db upgrade`")
        _upgrade_locked(url, engine)
    elif rev != HEAD_REVISION:
        if rev != "base" and not _known_revision(rev):
            raise DatabaseError(_unknown_revision(rev))
        raise SchemaOutOfDate(
            f"database schema is out of date ({rev}, this version needs {HEAD_REVISION}): "
            "back it up, then run `provenance db upgrade`"
        )


def _display(url: str) -> str:
    if "@" in url:  # hide a password
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url.replace("sqlite:///", "")
