"""Full-text search over claims behind one function: FTS5 on SQLite, a
tsvector column with a GIN index on PostgreSQL.

User text is never passed as query syntax: on SQLite every token is wrapped
in double quotes (Datasette's "escaped" mode), on PostgreSQL it goes through
plainto_tsquery.  Either way it is a bound parameter, so `50-50`,
`"Article 5"`, `AND` or `'; DROP TABLE` are searched for, never executed.

Also the helpers the queries over many hits share: a long list of ids as one
bound parameter (`listed_ids`), reading claims and sources through their
narrow indexes on SQLite (`through_narrow_indexes`), and code-point order for
strings on PostgreSQL too (`bytewise`).
"""
from __future__ import annotations

import re

from sqlalchemy import ARRAY, Integer, Select, bindparam, cast, func, literal_column, select, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.schema import Table

from .models import Claim, Source

# Narrow id-first copies of the columns that order claims (migrations/versions/0002_query_indexes.py).
CLAIM_KEYS = "ix_claims_id_speaker_source_start"
SOURCE_KEYS = "ix_sources_id_outlet_published"

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*", re.UNICODE)


def fts5_query(user_text: str) -> str | None:
    """A safe FTS5 MATCH expression: each word a quoted phrase, all required."""
    tokens = _TOKEN.findall(user_text or "")
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def matching_claims(session: Session, user_text: str, *, ranked: bool = True) -> Select | None:
    """A SELECT of (claim id, rank) for claims matching `user_text`, best first;
    None when the text has no searchable word (the caller returns nothing).
    With ranked=False the SELECT has the id only: ranking every hit (bm25,
    ts_rank) costs more than finding them, so callers that order by other
    columns leave it out."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        words = " ".join(_TOKEN.findall(user_text or ""))
        if not words:
            return None
        query = func.plainto_tsquery("simple", words)
        tsv = literal_column("claims.search_tsv")
        cols = [Claim.id.label("id")] + ([(-func.ts_rank(tsv, query)).label("rank")] if ranked else [])
        return select(*cols).where(tsv.op("@@")(query))
    expr = fts5_query(user_text)
    if expr is None:
        return None
    cols = [literal_column("claims_fts.rowid").label("id")]
    if ranked:
        cols.append(literal_column("bm25(claims_fts)").label("rank"))
    return select(*cols).select_from(text("claims_fts")).where(
        text("claims_fts MATCH :fts_q").bindparams(fts_q=expr))


def search_terms(user_text: str) -> list[str]:
    """The words a search looks for (for highlighting)."""
    return _TOKEN.findall(user_text or "")


def listed_ids(session: Session, packed: str) -> Select:
    """A SELECT of the integers in PACKED ("12,7,40", as aggregated in SQL)
    with the whole list as one bound parameter, however long: json_each on
    SQLite, unnest(string_to_array) on PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        return select(func.unnest(cast(func.string_to_array(bindparam("ids", packed), ","), ARRAY(Integer))))
    return select(func.json_each(bindparam("ids", f"[{packed}]")).table_valued("value").c.value)


def bytewise(session: Session, column):
    """COLUMN compared code point by code point, as Python compares str:
    SQLite does already; PostgreSQL's database collation would not."""
    return column.collate("C") if session.get_bind().dialect.name == "postgresql" else column


def through_narrow_indexes(stmt: Select) -> Select:
    """`stmt` reading claims and sources (looked up by id) through CLAIM_KEYS
    and SOURCE_KEYS on SQLite.  Their table rows carry whole texts, so for
    thousands of rows that are only grouped or ordered the indexes are about
    twice as fast; SQLite's planner never picks them over the table itself."""
    return (stmt.with_hint(Claim, f"INDEXED BY {CLAIM_KEYS}", "sqlite")
            .with_hint(Source, f"INDEXED BY {SOURCE_KEYS}", "sqlite"))


@compiles(Table, "sqlite")
def _sqlite_table_hint(element, compiler, **kw):
    """FROM hints on SQLite: `select(...).with_hint(Claim, "INDEXED BY ix_name", "sqlite")`
    renders `FROM claims INDEXED BY ix_name` (SQLAlchemy's SQLite compiler
    drops FROM hints; other dialects ignore a hint meant for "sqlite")."""
    sql = compiler.visit_table(element, **kw)
    hints = kw.get("fromhints")
    if kw.get("asfrom") and not kw.get("ashint") and hints and element in hints:
        sql += " " + hints[element]
    return sql
