"""The loader: merge a batch of analysed articles in one transaction.

The rows (scale/rows.py) carry natural keys.  They go into temporary staging
tables (PostgreSQL: COPY; SQLite: executemany) and are merged into the store
by a few set-based statements, each `INSERT ... SELECT ... ON CONFLICT DO
NOTHING` on the content hash, the claim uid, the speaker key or the outlet
name, so a batch loaded twice (a Dask partition retried after its worker died,
two ingests of the same files at once) adds nothing the second time:

    outlets  <- st_outlets                      (name)
    sources  <- st_sources  JOIN outlets        (sha256)  RETURNING sha256 = the new articles
    speakers <- st_speakers                     (key)      \
    aliases  <- st_aliases  JOIN speakers       (speaker, alias)
    claims   <- st_claims   JOIN sources, speakers (uid)    } rows of the new articles only
    relays   <- st_relays   JOIN claims, outlets            |
    links    <- st_links    JOIN claims                     /
    SQLite: claims_fts <- the new claims, once (the per-row trigger is held off, migration 0007)

Everything is one transaction: an interrupted batch leaves each of its
articles absent, never half stored.  Rows are inserted in input order, so ids
come out as a one-by-one ingest would give them.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from .rows import ArticleRows

# staging table -> (column, type); types for PostgreSQL (SQLite ignores them)
STAGING = {
    "st_outlets": (("name", "text"), ("kind", "text")),
    "st_sources": (("seq", "integer"), ("sha256", "text"), ("path", "text"), ("url", "text"), ("title", "text"),
                   ("author", "text"), ("outlet", "text"), ("published", "text"), ("fmt", "text"),
                   ("encoding", "text"), ("meta_origin", "text"), ("text", "text"), ("extracted_with", "text")),
    "st_speakers": (("key", "text"), ("name", "text"), ("type", "text")),
    "st_aliases": (("key", "text"), ("alias", "text")),
    "st_claims": (("seq", "integer"), ("sha256", "text"), ("uid", "text"), ("speaker_key", "text"),
                  ("start", "integer"), ("end", "integer"), ("text", "text"), ("quote", "text"), ("kind", "text"),
                  ("cue", "text"), ("rule", "text"), ("mention", "text"), ("speaker_type", "text"),
                  ("role", "text"), ("unresolved", "text"), ("topics", "text")),
    "st_relays": (("uid", "text"), ("position", "integer"), ("outlet", "text")),
    "st_links": (("uid", "text"), ("point_id", "integer"), ("relation", "text"), ("score", "double precision")),
}


def _q(name: str) -> str:
    return f'"{name}"'


def _json(pg: bool, expr: str) -> str:
    return f"CAST({expr} AS json)" if pg else expr  # SQLite stores JSON as text; a cast would make it a number


def _merge_statements(pg: bool) -> dict[str, str]:
    j = lambda e: _json(pg, e)  # noqa: E731
    return {
        "outlets": "INSERT INTO outlets (name, kind) SELECT name, kind FROM st_outlets WHERE true ORDER BY name "
                   "ON CONFLICT (name) DO NOTHING",
        "sources": "INSERT INTO sources (sha256, path, url, title, author, outlet_id, published, fmt, encoding, "
                   f"meta_origin, text, ingested_at, extracted_with) SELECT s.sha256, s.path, s.url, s.title, "
                   f"s.author, o.id, s.published, s.fmt, s.encoding, {j('s.meta_origin')}, s.text, :now, "
                   "s.extracted_with FROM st_sources s LEFT JOIN outlets o ON o.name = s.outlet WHERE true "
                   "ORDER BY s.seq ON CONFLICT (sha256) DO NOTHING RETURNING sha256",
        "speakers": "INSERT INTO speakers (key, name, type) SELECT key, name, type FROM st_speakers WHERE true "
                    "ORDER BY key ON CONFLICT (key) DO NOTHING",
        "aliases": "INSERT INTO speaker_aliases (speaker_id, alias) SELECT DISTINCT sp.id, a.alias FROM st_aliases a "
                   "JOIN speakers sp ON sp.key = a.key WHERE true ORDER BY sp.id, a.alias "
                   "ON CONFLICT (speaker_id, alias) DO NOTHING",
        "claims": 'INSERT INTO claims (uid, source_id, speaker_id, start, "end", text, quote, kind, cue, rule, '
                  "mention, speaker_type, role, unresolved, topics) SELECT c.uid, s.id, sp.id, c.start, c.\"end\", "
                  "c.text, c.quote, c.kind, c.cue, c.rule, c.mention, c.speaker_type, c.role, c.unresolved, "
                  f"{j('c.topics')} FROM st_claims c JOIN sources s ON s.sha256 = c.sha256 "
                  "LEFT JOIN speakers sp ON sp.key = c.speaker_key WHERE true ORDER BY c.seq "
                  "ON CONFLICT (uid) DO NOTHING",
        "relays": "INSERT INTO claim_relays (claim_id, position, outlet_id) SELECT c.id, r.position, o.id "
                  "FROM st_relays r JOIN claims c ON c.uid = r.uid JOIN outlets o ON o.name = r.outlet WHERE true "
                  "ORDER BY c.id, r.position ON CONFLICT (claim_id, position) DO NOTHING",
        "links": "INSERT INTO claim_points (claim_id, point_id, relation, score) SELECT c.id, l.point_id, l.relation, "
                 "l.score FROM st_links l JOIN claims c ON c.uid = l.uid WHERE true ORDER BY c.id, l.point_id "
                 "ON CONFLICT (claim_id, point_id) DO NOTHING",
        "fts": "INSERT INTO claims_fts (rowid, text, quote, mention) SELECT c.id, c.text, c.quote, c.mention "
               "FROM st_claims sc JOIN claims c ON c.uid = sc.uid ORDER BY c.id",
    }


_STATEMENTS = {False: _merge_statements(False), True: _merge_statements(True)}


def _staging_sql(table: str) -> dict[str, str]:
    """The statements on one staging table, written once from STAGING (names are constants)."""
    cols = STAGING[table]
    names = ", ".join(_q(c) for c, _ in cols)
    return {
        "create_pg": f"CREATE TEMP TABLE {table} ({', '.join(f'{_q(c)} {t}' for c, t in cols)}) ON COMMIT DROP",
        "create_sqlite": f"CREATE TEMP TABLE IF NOT EXISTS {table} ({names})",
        "clear": f"DELETE FROM {table}",
        "copy": f"COPY {table} ({names}) FROM STDIN",
        "insert": f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(cols))})",
    }


STAGING_SQL = {table: _staging_sql(table) for table in STAGING}


def _create_staging(conn, pg: bool) -> None:
    for sql_of in STAGING_SQL.values():
        if pg:
            conn.exec_driver_sql(sql_of["create_pg"])
        else:
            conn.exec_driver_sql(sql_of["create_sqlite"])
            conn.exec_driver_sql(sql_of["clear"])


def _stage(conn, pg: bool, table: str, rows: list[tuple]) -> None:
    if not rows:
        return
    if pg:
        with conn.connection.driver_connection.cursor() as cur:
            with cur.copy(STAGING_SQL[table]["copy"]) as copy:
                for row in rows:
                    copy.write_row(row)
    else:
        conn.exec_driver_sql(STAGING_SQL[table]["insert"], rows)


def load(session: Session, items: list[ArticleRows], points: dict[str, int]) -> set[str]:
    """Merge the articles of `items` (in order) in the session's transaction;
    returns the content hashes of the articles this call stored (the others
    were stored already, or twice in `items`)."""
    conn = session.connection()
    pg = conn.dialect.name == "postgresql"
    stmts = _STATEMENTS[pg]
    if not pg:  # take the write lock now: no other writer can commit between our reads and writes
        conn.exec_driver_sql("INSERT INTO claims_fts_deferred (id) VALUES (1)")
    _create_staging(conn, pg)
    first: dict[str, ArticleRows] = {}
    for item in items:
        first.setdefault(item.sha256, item)
    batch = list(first.values())
    _stage(conn, pg, "st_outlets", sorted({o for item in batch for o in item.outlets}))
    conn.exec_driver_sql(stmts["outlets"])
    _stage(conn, pg, "st_sources", [(i, *item.source) for i, item in enumerate(batch)])
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    new = {row[0] for row in conn.execute(sql(stmts["sources"]), {"now": now})}
    fresh = [item for item in batch if item.sha256 in new]
    if fresh:
        _load_claims(conn, pg, stmts, fresh, points)
    if not pg:
        conn.exec_driver_sql("DELETE FROM claims_fts_deferred")
    return new


def _load_claims(conn, pg: bool, stmts: dict[str, str], fresh: list[ArticleRows], points: dict[str, int]) -> None:
    speakers: dict[str, tuple] = {}
    for item in fresh:  # the first article to name a speaker gives its spelling, as one-by-one storing does
        for row in item.speakers:
            speakers.setdefault(row[0], row)
    _stage(conn, pg, "st_speakers", [speakers[k] for k in sorted(speakers)])
    _stage(conn, pg, "st_aliases", sorted({a for item in fresh for a in item.aliases}))
    claims, seq = [], 0
    for item in fresh:
        for row in item.claims:
            claims.append((seq, item.sha256, *row))
            seq += 1
    _stage(conn, pg, "st_claims", claims)
    _stage(conn, pg, "st_relays", [r for item in fresh for r in item.relays])
    _stage(conn, pg, "st_links", [(uid, points[key], rel, score) for item in fresh
                                  for uid, key, rel, score in item.links if key in points])
    for name in ("speakers", "aliases", "claims", "relays", "links") + (() if pg else ("fts",)):
        conn.exec_driver_sql(stmts[name])
