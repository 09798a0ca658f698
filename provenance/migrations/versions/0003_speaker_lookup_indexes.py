"""speaker lookup indexes

Revision ID: 0003
Revises: 0002
`claims --speaker NAME` and `speaker NAME` find a speaker by any spelling,
case-insensitively: `lower(alias) IN (...)` and `lower(name) IN (...)`.  An
index on the plain column cannot answer that, so at a million claims (75k
aliases, 54k speakers) every lookup scanned both tables (~45 ms).  These
expression indexes answer it directly; they replace the plain-column indexes,
which no query used, so a stored alias costs no more to write than before.

Create Date: 2026-11-22 07:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_speaker_aliases_lower_alias', 'speaker_aliases', [sa.text('lower(alias)')], unique=False)
    op.drop_index('ix_speaker_aliases_alias', table_name='speaker_aliases')
    op.create_index('ix_speakers_lower_name', 'speakers', [sa.text('lower(name)')], unique=False)
    op.drop_index('ix_speakers_name', table_name='speakers')


def downgrade() -> None:
    op.create_index('ix_speakers_name', 'speakers', ['name'], unique=False)
    op.drop_index('ix_speakers_lower_name', table_name='speakers')
    op.create_index('ix_speaker_aliases_alias', 'speaker_aliases', ['alias'], unique=False)
    op.drop_index('ix_speaker_aliases_lower_alias', table_name='speaker_aliases')
