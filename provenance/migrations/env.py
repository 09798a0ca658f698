"""Alembic environment: the models' metadata and the project's one URL resolver."""
from __future__ import annotations

from alembic import context

from provenance.db.engine import make_engine
from provenance.db.models import Base
from provenance.settings import resolve_db_url

config = context.config
target_metadata = Base.metadata

# Full-text search objects are created by hand in migrations (SQLAlchemy has no
# DDL for them); keep autogenerate / `alembic check` from proposing to drop them.
FTS_PREFIXES = ("claims_fts",)
FTS_NAMES = {"ix_claims_search_tsv", "search_tsv"}


def include_name(name, type_, parent_names):
    if name and (name.startswith(FTS_PREFIXES) or name in FTS_NAMES):
        return False
    return True


def _url() -> str:
    return config.attributes.get("provenance_url") or resolve_db_url(config.get_main_option("sqlalchemy.url") or None)


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      compare_type=True, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
