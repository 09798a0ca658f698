"""Multi-row inserts and id look-ups handed straight to the driver.

The writer stores ~40 claims, their relays, plan links and speaker aliases per
article.  Through SQLAlchemy's Core `insert()` each row's parameters are
processed and each statement's cache key is computed on every call; that was a
third of the writer's time.  Here each statement is written once per dialect
(column names quoted by the dialect's own preparer, the driver's placeholder
style) and the rows go to the DBAPI `executemany` as plain tuples.  Values must
already be what the driver takes: JSON columns as text, no Python objects that
need SQLAlchemy's type processing.
"""
from __future__ import annotations

from functools import lru_cache

from sqlalchemy.engine import Connection, Dialect


def _mark(dialect: Dialect) -> str:
    return "?" if dialect.paramstyle == "qmark" else "%s"  # sqlite3 | psycopg (takes %s in every style)


@lru_cache(maxsize=64)
def insert_sql(dialect: Dialect, table: str, columns: tuple[str, ...], conflict: tuple[str, ...] = ()) -> str:
    """INSERT INTO table (columns) VALUES (...) [ON CONFLICT (conflict) DO NOTHING]."""
    q = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {q(table)} ({', '.join(q(c) for c in columns)}) "
           f"VALUES ({', '.join([_mark(dialect)] * len(columns))})")
    if conflict:
        sql += f" ON CONFLICT ({', '.join(q(c) for c in conflict)}) DO NOTHING"
    return sql


def insert_rows(conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple],
                conflict: tuple[str, ...] = ()) -> None:
    """One executemany of `rows` (tuples in `columns` order)."""
    if rows:
        conn.exec_driver_sql(insert_sql(conn.dialect, table, columns, conflict), rows)


CHUNK = 500  # keys per IN (...) list: far below SQLite's and PostgreSQL's parameter limits


def ids_by_key(conn: Connection, table: str, key: str, keys: list) -> dict:
    """{key value: id} for the rows of `table` whose `key` column is in `keys` (a unique column)."""
    q, mark = conn.dialect.identifier_preparer.quote, _mark(conn.dialect)
    out: dict = {}
    for i in range(0, len(keys), CHUNK):
        part = keys[i:i + CHUNK]
        sql = f"SELECT {q(key)}, id FROM {q(table)} WHERE {q(key)} IN ({', '.join([mark] * len(part))})"
        out.update(conn.exec_driver_sql(sql, tuple(part)).all())
    return out

