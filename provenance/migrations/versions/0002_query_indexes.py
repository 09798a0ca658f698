"""query indexes

Revision ID: 0002
Revises: 0001
Indexes for the everyday queries at a million claims:

- claims (speaker_id, source_id, start): one speaker's claims in document
  order straight off the index (`claims --speaker ... --limit`); it replaces
  the single-column ix_claims_speaker_id, which it makes redundant.
- claims (id, speaker_id, source_id, start): the columns `who-said` groups
  and orders its full-text hits by.  SQLite reads a claim by id from the
  table B-tree, whose rows carry the whole text; this narrow copy is read
  instead (an INDEXED BY hint), which for thousands of hits is about twice
  as fast.
- sources (id, outlet_id, published): likewise for the sources of those hits.
- claim_points (point_id, claim_id): a point's claims without reading the
  table rows (`point`, `claims --point`); it replaces ix_claim_points_point_id.

Create Date: 2026-11-22 05:10:00
"""
from __future__ import annotations

from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_claims_speaker_source_start', 'claims', ['speaker_id', 'source_id', 'start'], unique=False)
    op.drop_index('ix_claims_speaker_id', table_name='claims')
    op.create_index('ix_claims_id_speaker_source_start', 'claims', ['id', 'speaker_id', 'source_id', 'start'],
                    unique=False)
    op.create_index('ix_sources_id_outlet_published', 'sources', ['id', 'outlet_id', 'published'], unique=False)
    op.create_index('ix_claim_points_point_claim', 'claim_points', ['point_id', 'claim_id'], unique=False)
    op.drop_index('ix_claim_points_point_id', table_name='claim_points')


def downgrade() -> None:
    op.create_index('ix_claim_points_point_id', 'claim_points', ['point_id'], unique=False)
    op.drop_index('ix_claim_points_point_claim', table_name='claim_points')
    op.drop_index('ix_sources_id_outlet_published', table_name='sources')
    op.drop_index('ix_claims_id_speaker_source_start', table_name='claims')
    op.create_index('ix_claims_speaker_id', 'claims', ['speaker_id'], unique=False)
    op.drop_index('ix_claims_speaker_source_start', table_name='claims')
