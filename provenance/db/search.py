"""Full-text search over claims behind one function: FTS5 on SQLite, a
tsvector column with a GIN index on PostgreSQL.

User text is never passed as query syntax: on SQLite every token is wrapped
in double quotes (Datasette's "escaped" mode), on PostgreSQL it goes through
plainto_tsquery.  Either way it is a bound parameter, so `50-50`,
`"Article 5"`, `AND` or `'; DROP TABLE` are searched for, never executed.
"""
from __future__ import annotations

import re

from sqlalchemy import Select, func, literal_column, select, text
from sqlalchemy.orm import Session

from .models import Claim

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)


def fts5_query(user_text: str) -> str | None:
    """A safe FTS5 MATCH expression: each word a quoted phrase, all required."""
    tokens = _TOKEN.findall(user_text or "")
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def matching_claims(session: Session, user_text: str) -> Select | None:
    """A SELECT of (claim id, rank) for claims matching `user_text`, best first;
    None when the text has no searchable word (the caller returns nothing)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        words = " ".join(_TOKEN.findall(user_text or ""))
        if not words:
            return None
        query = func.plainto_tsquery("simple", words)
        tsv = literal_column("claims.search_tsv")
        return (
            select(Claim.id.label("id"), (-func.ts_rank(tsv, query)).label("rank"))
            .where(tsv.op("@@")(query))
        )
    expr = fts5_query(user_text)
    if expr is None:
        return None
    return select(
        literal_column("claims_fts.rowid").label("id"), literal_column("bm25(claims_fts)").label("rank")
    ).select_from(text("claims_fts")).where(text("claims_fts MATCH :fts_q").bindparams(fts_q=expr))


def search_terms(user_text: str) -> list[str]:
    """The words a search looks for (for highlighting)."""
    return _TOKEN.findall(user_text or "")
