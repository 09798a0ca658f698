"""The one database-URL resolver, used by the CLI and by migrations/env.py."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "provenance.db"
ENV_VAR = "PROVENANCE_DB"


def resolve_db_url(db: str | None = None) -> str:
    """`--db` (a file path or any SQLAlchemy URL), else $PROVENANCE_DB, else ./provenance.db."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://"):]
        return value
    return "sqlite:///" + str(Path(value).expanduser().absolute())


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")
