"""full-text index filled per batch by the bulk loader

Revision ID: 0007
Revises: 0006

SQLite only.  The FTS5 index of claims was kept by an AFTER INSERT trigger, one
FTS insert per claim row: about half the writer's CPU.  The trigger now skips
rows while the table `claims_fts_deferred` holds a row; the bulk loader
(provenance/scale/loader.py) writes that row at the start of its transaction,
inserts a batch of claims, fills the index for them with one
INSERT ... SELECT, and deletes the row before committing.  Writers are
serialised by SQLite, so no other writer ever sees the flag, and a batch that
is interrupted rolls back the flag with its rows.  Every other insert (one
article, re-extraction, tools writing rows directly) is indexed by the trigger
as before.  PostgreSQL keeps its generated tsvector column: nothing changes.

Create Date: 2026-12-03 07:45:00
"""
from __future__ import annotations

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

INSERT_BODY = ("BEGIN INSERT INTO claims_fts(rowid, text, quote, mention) "
               "VALUES (new.id, new.text, new.quote, new.mention); END")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE claims_fts_deferred (id INTEGER PRIMARY KEY)")
    op.execute("DROP TRIGGER IF EXISTS claims_fts_ai")
    op.execute("CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims "
               "WHEN NOT EXISTS (SELECT 1 FROM claims_fts_deferred) " + INSERT_BODY)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS claims_fts_ai")
    op.execute("CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims " + INSERT_BODY)
    op.execute("DROP TABLE IF EXISTS claims_fts_deferred")
